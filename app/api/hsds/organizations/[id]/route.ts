import { getHsdsOrganizationObject } from '@/lib/data/hsds-api';
import { hsdsItemRoute, hsdsOptions } from '@/lib/hsds/http';
import { hsdsOrganizationQuerySchema } from '@/lib/hsds/query';

export const dynamic = 'force-dynamic';
export const GET = hsdsItemRoute(getHsdsOrganizationObject, hsdsOrganizationQuerySchema);
export const OPTIONS = hsdsOptions;
