// The JSON API's directory search, shared by its two routes: ./route.ts (per request) and
// app/api/cached/v1/organizations/[key] (the same answer from the full-route cache, proxy.ts).
import { organizationItem } from '@/lib/api/items';
import { apiListResponse } from '@/lib/api/list-response';
import { runDirectorySearch } from '@/lib/data/directory/search';

// `request`: for If-None-Match (null for the cached twin: proxy.ts keeps such requests here).
export function organizationsResponse(params: URLSearchParams, request: Request | null): Promise<Response> {
  return apiListResponse(params, request, async ({ query, locale, limit }, baseUrl) => {
    const result = await runDirectorySearch({ query, locale, pageSize: limit });
    return { total: result.total, items: result.cards.map((card) => organizationItem(card, { locale, baseUrl, withDistance: Boolean(query.near) })) };
  });
}
