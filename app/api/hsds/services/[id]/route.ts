import { getHsdsService } from '@/lib/data/hsds-api';
import { hsdsItemRoute, hsdsOptions } from '@/lib/hsds/http';

export const dynamic = 'force-dynamic';
export const GET = hsdsItemRoute(getHsdsService);
export const OPTIONS = hsdsOptions;
