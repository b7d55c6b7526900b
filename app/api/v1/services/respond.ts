// The JSON API's service list, shared by its two routes: ./route.ts (per request) and
// app/api/cached/v1/services/[key] (the same answer from the full-route cache, proxy.ts).
import { serviceItem } from '@/lib/api/items';
import { apiListResponse } from '@/lib/api/list-response';
import { listPublicServices } from '@/lib/data/directory/service-list';

// `request`: for If-None-Match (null for the cached twin: proxy.ts keeps such requests here).
export function servicesResponse(params: URLSearchParams, request: Request | null): Promise<Response> {
  return apiListResponse(params, request, async ({ query, locale, limit }, baseUrl) => {
    const { total, items } = await listPublicServices({ query, locale, offset: (query.page - 1) * limit, limit });
    return { total, items: items.map((item) => serviceItem(item, { locale, baseUrl })) };
  });
}
