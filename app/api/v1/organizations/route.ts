// Open JSON API: the directory search (the same search and filters as /[locale]/akteure), with
// English parameters and cursor paging. Described in /api/v1/openapi.json.
import { organizationItem } from '@/lib/api/items';
import { apiBadRequest, apiJson, apiOptions } from '@/lib/api/http';
import { encodeCursor, nearParameterName, parseApiListQuery } from '@/lib/api/query';
import { nearTownProblem } from '@/lib/data/directory/near';
import { runDirectorySearch } from '@/lib/data/directory/search';
import { getEnv } from '@/lib/env';

export async function GET(request: Request) {
  const parsed = parseApiListQuery(new URL(request.url).searchParams);
  if (!parsed.success) return apiBadRequest(parsed.errors);
  const { query, locale, limit } = parsed;
  const nearProblem = await nearTownProblem(query.near);
  if (nearProblem) return apiBadRequest({ [nearParameterName(request)]: nearProblem });
  const result = await runDirectorySearch({ query, locale, pageSize: limit });
  const baseUrl = getEnv().APP_URL;
  return apiJson(request, {
    total: result.total,
    limit,
    next_cursor: query.page * limit < result.total ? encodeCursor(query, locale, limit, query.page + 1) : null,
    items: result.cards.map((card) => organizationItem(card, { locale, baseUrl, withDistance: Boolean(query.near) })),
  });
}

export const OPTIONS = apiOptions;
