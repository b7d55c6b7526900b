import { getHsdsTaxonomy } from '@/lib/data/hsds-api';
import { hsdsItemRoute, hsdsOptions } from '@/lib/hsds/http';

export const dynamic = 'force-dynamic';
export const GET = hsdsItemRoute(getHsdsTaxonomy);
export const OPTIONS = hsdsOptions;
