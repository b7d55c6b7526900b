// The JSON API's list answer, shared by /api/v1/organizations and /api/v1/services (each with its
// per-request route and its cached twin): parameters checked by the one schema (lib/api/query.ts),
// 400 naming each bad one, `near` checked against the towns, then one page with its cursor.
import { apiBadRequest, apiJson } from '@/lib/api/http';
import { encodeCursor, nearParameterName, parseApiListQuery, type ApiListQuery } from '@/lib/api/query';
import { nearTownProblem } from '@/lib/data/directory/near';
import { getEnv } from '@/lib/env';

export interface ApiListPage {
  total: number;
  items: unknown[];
}

/**
 * `list` reads one page of the parsed query (`baseUrl` for the items' links). `request`: for
 * If-None-Match (null for a cached twin: proxy.ts keeps conditional requests away from it).
 */
export async function apiListResponse(
  params: URLSearchParams,
  request: Request | null,
  list: (parsed: ApiListQuery, baseUrl: string) => Promise<ApiListPage>,
): Promise<Response> {
  const parsed = parseApiListQuery(params);
  if (!parsed.success) return apiBadRequest(parsed.errors);
  const { query, locale, limit } = parsed;
  // The schema knows no towns (it runs in the proxy too): whether `near` names one is a read.
  const nearProblem = await nearTownProblem(query.near);
  if (nearProblem) return apiBadRequest({ [nearParameterName(params)]: nearProblem });
  const { total, items } = await list({ query, locale, limit }, getEnv().APP_URL);
  return apiJson(request, {
    total,
    limit,
    next_cursor: query.page * limit < total ? encodeCursor(query, locale, limit, query.page + 1) : null,
    items,
  });
}
