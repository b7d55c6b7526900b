import { getHsdsOrganizationsPage } from '@/lib/data/hsds-api';
import { hsdsListRoute, hsdsOptions } from '@/lib/hsds/http';
import { hsdsOrganizationsQuerySchema } from '@/lib/hsds/query';

export const dynamic = 'force-dynamic';
export const GET = hsdsListRoute(hsdsOrganizationsQuerySchema, getHsdsOrganizationsPage);
export const OPTIONS = hsdsOptions;
