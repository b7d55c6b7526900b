import { getHsdsTaxonomiesPage } from '@/lib/data/hsds-api';
import { hsdsListRoute, hsdsOptions } from '@/lib/hsds/http';
import { hsdsTaxonomiesQuerySchema } from '@/lib/hsds/query';

export const dynamic = 'force-dynamic';
export const GET = hsdsListRoute(hsdsTaxonomiesQuerySchema, getHsdsTaxonomiesPage);
export const OPTIONS = hsdsOptions;
