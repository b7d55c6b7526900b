// HSDS API root: which version of the specification this API follows, and where it is described
// (the specification's root response has exactly these fields).
import { hsdsJson, hsdsOptions } from '@/lib/hsds/http';

export function GET() {
  return hsdsJson({
    version: '3.0',
    profile: 'https://docs.openreferral.org/en/latest/hsds/overview.html',
    openapi_url: 'https://raw.githubusercontent.com/openreferral/specification/3.0/schema/openapi.json',
  });
}

export const OPTIONS = hsdsOptions;
