// The specification answers this endpoint with a service object (compiled/service.json): the
// service, nested, with only this service-at-location and its location.
import { getHsdsServiceAtLocation } from '@/lib/data/hsds-api';
import { hsdsItemRoute, hsdsOptions } from '@/lib/hsds/http';

export const dynamic = 'force-dynamic';
export const GET = hsdsItemRoute(getHsdsServiceAtLocation);
export const OPTIONS = hsdsOptions;
