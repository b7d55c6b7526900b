import { getHsdsServiceAtLocationsPage } from '@/lib/data/hsds-api';
import { hsdsListRoute, hsdsOptions } from '@/lib/hsds/http';
import { hsdsServiceAtLocationsQuerySchema } from '@/lib/hsds/query';

export const dynamic = 'force-dynamic';
export const GET = hsdsListRoute(hsdsServiceAtLocationsQuerySchema, getHsdsServiceAtLocationsPage);
export const OPTIONS = hsdsOptions;
