// HSDS API root: which version of the specification this API follows, and where it is described
// (the specification's root response has exactly these fields). `openapi_url` names this API's own
// document (servers, supported parameters), so that a client or validator can start here.
import { getEnv } from '@/lib/env';
import { hsdsJson, hsdsNoQueryRoute, hsdsOptions } from '@/lib/hsds/http';

export const GET = hsdsNoQueryRoute(() =>
  hsdsJson({
    version: '3.0',
    profile: 'https://docs.openreferral.org/en/latest/hsds/overview.html',
    openapi_url: `${getEnv().APP_URL}/api/hsds/openapi.json`,
  }),
);

export const OPTIONS = hsdsOptions;
