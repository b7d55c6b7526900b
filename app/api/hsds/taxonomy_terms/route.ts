import { getHsdsTaxonomyTermsPage } from '@/lib/data/hsds-api';
import { hsdsListRoute, hsdsOptions } from '@/lib/hsds/http';
import { hsdsTaxonomyTermsQuerySchema } from '@/lib/hsds/query';

export const dynamic = 'force-dynamic';
export const GET = hsdsListRoute(hsdsTaxonomyTermsQuerySchema, (query) =>
  getHsdsTaxonomyTermsPage({
    page: query.page,
    perPage: query.perPage,
    baseUrl: query.baseUrl,
    search: query.search,
    taxonomyId: query.taxonomy_id,
    parentId: query.parent_id,
    topOnly: query.top_only,
  }),
);
export const OPTIONS = hsdsOptions;
