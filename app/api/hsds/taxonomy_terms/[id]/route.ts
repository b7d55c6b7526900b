import { getHsdsTaxonomyTerm } from '@/lib/data/hsds-api';
import { hsdsItemRoute, hsdsOptions } from '@/lib/hsds/http';

export const dynamic = 'force-dynamic';
export const GET = hsdsItemRoute(getHsdsTaxonomyTerm);
export const OPTIONS = hsdsOptions;
