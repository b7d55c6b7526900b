// The OpenAPI 3.1 description of the open JSON API (linted with @redocly/cli in the tests).
import { apiBadRequest, apiJson, apiOptions } from '@/lib/api/http';
import { openApiDocument } from '@/lib/api/openapi';
import { getEnv } from '@/lib/env';

export function GET(request: Request) {
  const names = [...new URL(request.url).searchParams.keys()];
  if (names.length) return apiBadRequest(Object.fromEntries(names.map((name) => [name, 'Unbekannter Parameter.'])));
  return apiJson(request, openApiDocument({ baseUrl: getEnv().APP_URL }));
}

export const OPTIONS = apiOptions;
