// The JSON API's directory search, shared by its two routes: ./route.ts (per request) and
// app/api/cached/v1/organizations/[key] (the same answer from the full-route cache, proxy.ts).
import { organizationItem } from '@/lib/api/items';
import { apiBadRequest, apiJson } from '@/lib/api/http';
import { encodeCursor, nearParameterName, parseApiListQuery } from '@/lib/api/query';
import { nearTownProblem } from '@/lib/data/directory/near';
import { runDirectorySearch } from '@/lib/data/directory/search';
import { getEnv } from '@/lib/env';

// `request`: for If-None-Match (null for the cached twin: proxy.ts keeps such requests here).
export async function organizationsResponse(params: URLSearchParams, request: Request | null): Promise<Response> {
  const parsed = parseApiListQuery(params);
  if (!parsed.success) return apiBadRequest(parsed.errors);
  const { query, locale, limit } = parsed;
  const nearProblem = await nearTownProblem(query.near);
  if (nearProblem) return apiBadRequest({ [nearParameterName(params)]: nearProblem });
  const result = await runDirectorySearch({ query, locale, pageSize: limit });
  const baseUrl = getEnv().APP_URL;
  return apiJson(request, {
    total: result.total,
    limit,
    next_cursor: query.page * limit < result.total ? encodeCursor(query, locale, limit, query.page + 1) : null,
    items: result.cards.map((card) => organizationItem(card, { locale, baseUrl, withDistance: Boolean(query.near) })),
  });
}
