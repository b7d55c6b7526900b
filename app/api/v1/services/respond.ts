// The JSON API's service list, shared by its two routes: ./route.ts (per request) and
// app/api/cached/v1/services/[key] (the same answer from the full-route cache, proxy.ts).
import { serviceItem } from '@/lib/api/items';
import { apiBadRequest, apiJson } from '@/lib/api/http';
import { encodeCursor, nearParameterName, parseApiListQuery } from '@/lib/api/query';
import { nearTownProblem } from '@/lib/data/directory/near';
import { listPublicServices } from '@/lib/data/directory/service-list';
import { getEnv } from '@/lib/env';

// `request`: for If-None-Match (null for the cached twin: proxy.ts keeps such requests here).
export async function servicesResponse(params: URLSearchParams, request: Request | null): Promise<Response> {
  const parsed = parseApiListQuery(params);
  if (!parsed.success) return apiBadRequest(parsed.errors);
  const { query, locale, limit } = parsed;
  const nearProblem = await nearTownProblem(query.near);
  if (nearProblem) return apiBadRequest({ [nearParameterName(params)]: nearProblem });
  const { total, items } = await listPublicServices({ query, locale, offset: (query.page - 1) * limit, limit });
  const baseUrl = getEnv().APP_URL;
  return apiJson(request, {
    total,
    limit,
    next_cursor: query.page * limit < total ? encodeCursor(query, locale, limit, query.page + 1) : null,
    items: items.map((item) => serviceItem(item, { locale, baseUrl })),
  });
}
