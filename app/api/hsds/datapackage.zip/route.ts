// The HSDS 3.0 tabular data package: a zip of one CSV per table and datapackage.json, built from
// the same public records as the JSON endpoints.
import { strToU8, zipSync } from 'fflate';
import { getHsdsTables } from '@/lib/data/hsds-api';
import { getEnv } from '@/lib/env';
import { CONSENT_BOUND_CACHE_CONTROL } from '@/lib/http/cache-control';
import { hsdsOptions } from '@/lib/hsds/http';
import { dataPackageFiles } from '@/lib/hsds/tables';

export const dynamic = 'force-dynamic';

export async function GET() {
  const baseUrl = getEnv().APP_URL;
  const files = dataPackageFiles(await getHsdsTables({ baseUrl }), { baseUrl, created: new Date().toISOString() });
  const zip = zipSync(Object.fromEntries(Object.entries(files).map(([name, text]) => [name, strToU8(text)])), { level: 6 });
  return new Response(Buffer.from(zip), {
    headers: {
      'Content-Type': 'application/zip',
      'Content-Disposition': 'attachment; filename="netzwerk-integration-stendal-hsds.zip"',
      'Cache-Control': CONSENT_BOUND_CACHE_CONTROL,
      'Access-Control-Allow-Origin': '*',
    },
  });
}

export const OPTIONS = hsdsOptions;
