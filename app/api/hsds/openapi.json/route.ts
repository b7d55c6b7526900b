// The OpenAPI document of the HSDS API, named by the root's `openapi_url`.
import { getEnv } from '@/lib/env';
import { hsdsJson, hsdsNoQueryRoute, hsdsOptions } from '@/lib/hsds/http';
import { hsdsOpenApiDocument } from '@/lib/hsds/openapi';

export const GET = hsdsNoQueryRoute(() => hsdsJson(hsdsOpenApiDocument({ baseUrl: getEnv().APP_URL })));

export const OPTIONS = hsdsOptions;
