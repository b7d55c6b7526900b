// Open JSON API: the vocabulary of the directory's filters (values for topic, category,
// target_group, language and town, and the towns of `near`), labelled in the requested language.
import { apiBadRequest, apiJson, apiOptions } from '@/lib/api/http';
import { parseLocaleOnly } from '@/lib/api/query';
import { listCountyTowns } from '@/lib/data/directory/near';
import { getDirectoryFacets } from '@/lib/data/taxonomy-public';

export async function GET(request: Request) {
  const parsed = parseLocaleOnly(new URL(request.url).searchParams);
  if (!parsed.success) return apiBadRequest(parsed.errors);
  const [facets, towns] = await Promise.all([getDirectoryFacets({ locale: parsed.locale }), listCountyTowns()]);
  const options = (list: { value: string; label: string }[]) => list.map(({ value, label }) => ({ value, label }));
  return apiJson(request, {
    locale: parsed.locale,
    categories: options(facets.categories),
    topics: options(facets.topics),
    target_groups: options(facets.targetGroups),
    languages: options(facets.languages),
    towns: options(facets.municipalities),
    near_towns: towns.map((town) => ({ value: town.slug, label: town.name })),
  });
}

export const OPTIONS = apiOptions;
