// Open JSON API: public services of the organizations the directory search finds, cursor paged.
import { serviceItem } from '@/lib/api/items';
import { apiBadRequest, apiJson, apiOptions } from '@/lib/api/http';
import { encodeCursor, nearParameterName, parseApiListQuery } from '@/lib/api/query';
import { nearTownProblem } from '@/lib/data/directory/near';
import { listPublicServices } from '@/lib/data/directory/service-list';
import { getEnv } from '@/lib/env';

export async function GET(request: Request) {
  const parsed = parseApiListQuery(new URL(request.url).searchParams);
  if (!parsed.success) return apiBadRequest(parsed.errors);
  const { query, locale, limit } = parsed;
  const nearProblem = await nearTownProblem(query.near);
  if (nearProblem) return apiBadRequest({ [nearParameterName(request)]: nearProblem });
  const { total, items } = await listPublicServices({ query, locale, offset: (query.page - 1) * limit, limit });
  const baseUrl = getEnv().APP_URL;
  return apiJson(request, {
    total,
    limit,
    next_cursor: query.page * limit < total ? encodeCursor(query, locale, limit, query.page + 1) : null,
    items: items.map((item) => serviceItem(item, { locale, baseUrl })),
  });
}

export const OPTIONS = apiOptions;
