import { getHsdsServicesPage } from '@/lib/data/hsds-api';
import { hsdsListRoute, hsdsOptions } from '@/lib/hsds/http';
import { hsdsServicesQuerySchema } from '@/lib/hsds/query';

export const dynamic = 'force-dynamic';
export const GET = hsdsListRoute(hsdsServicesQuerySchema, getHsdsServicesPage);
export const OPTIONS = hsdsOptions;
