// The OpenAPI description of this HSDS API, for clients and validators that start at the root's
// `openapi_url` (the Open Referral UK validator does): the Open Referral API specification
// (lib/hsds/openapi-spec.json, a copy of HSDS 3.0's openapi.json, CC BY-SA 4.0) with this API's
// title, licence and server filled in, and without the parameters this API does not accept (they
// are answered with 400; see lib/hsds/query.ts).
import spec from './openapi-spec.json' with { type: 'json' };

// `proximity` needs a geocoded postcode centroid, which we do not have.
const UNSUPPORTED_PARAMETERS = new Set(['#/components/parameters/proximity']);

type Operation = { parameters?: { $ref?: string }[] };

export function hsdsOpenApiDocument({ baseUrl }: { baseUrl: string }) {
  const copy = structuredClone(spec) as typeof spec & { servers?: { url: string; description: string }[] };
  const paths = copy.paths as unknown as Record<string, Record<string, Operation>>;
  for (const item of Object.values(paths)) {
    for (const operation of Object.values(item)) {
      if (operation.parameters) operation.parameters = operation.parameters.filter((parameter) => !UNSUPPORTED_PARAMETERS.has(parameter.$ref ?? ''));
    }
  }
  delete (copy.components.parameters as Record<string, unknown>).proximity;
  return {
    ...copy,
    info: {
      title: 'Netzwerk Integration Stendal – HSDS 3.0 API',
      version: '1.0.0',
      summary: 'Öffentliche Einträge des Netzwerks Integration Stendal im Format HSDS 3.0 (Open Referral).',
      description:
        'Read-only, public records only. Paging with page and per_page (at most 100); an unknown parameter or a bad value is a 400 naming each. ' +
        'The tabular data package is at /api/hsds/datapackage.zip. Based on the Open Referral API specification (HSDS 3.0, CC BY-SA 4.0).',
      contact: { name: 'Koordinierungsstelle Integration, Landkreis Stendal', url: `${baseUrl}/de/koordinierungsstelle` },
      license: { name: 'CC BY-SA 4.0', url: 'https://creativecommons.org/licenses/by-sa/4.0/' },
    },
    servers: [{ url: `${baseUrl}/api/hsds`, description: 'Netzwerk Integration Stendal' }],
  };
}
