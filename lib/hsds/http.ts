// Route handlers of the HSDS API (/api/hsds): query validation, JSON with the cache and CORS
// headers every endpoint shares, 400 naming each bad parameter, 404 for an unknown id.
import { NextResponse } from 'next/server';
import type { z } from 'zod';
import { getEnv } from '@/lib/env';
import { CONSENT_BOUND_CACHE_CONTROL } from '@/lib/http/cache-control';
import { hsdsIdSchema, hsdsNoQuerySchema, hsdsQueryErrors } from './query';

const HEADERS = {
  // Contacts are part of the answers: a withdrawn consent must reach every cache within 10 s.
  'Cache-Control': CONSENT_BOUND_CACHE_CONTROL,
  'Access-Control-Allow-Origin': '*',
};

export function hsdsJson(body: unknown, status = 200): NextResponse {
  return NextResponse.json(body, { status, headers: status === 200 ? HEADERS : { 'Access-Control-Allow-Origin': '*' } });
}

export function hsdsOptions(): Response {
  return new Response(null, {
    status: 204,
    headers: { 'Access-Control-Allow-Origin': '*', 'Access-Control-Allow-Methods': 'GET, OPTIONS', 'Access-Control-Max-Age': '86400' },
  });
}

function parseQuery<Schema extends z.ZodType>(schema: Schema, request: Request): { data: z.output<Schema> } | { response: NextResponse } {
  const parsed = schema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (parsed.success) return { data: parsed.data };
  return { response: hsdsJson({ error: 'Ungültige Anfrage.', fields: hsdsQueryErrors(parsed.error) }, 400) };
}

// A paged list: `read` gets the parsed query with page, per_page and the API's base URL.
export function hsdsListRoute<Schema extends z.ZodType<{ page: number; per_page: number }>>(
  schema: Schema,
  read: (query: z.output<Schema> & { perPage: number; baseUrl: string }) => Promise<unknown>,
) {
  return async function GET(request: Request): Promise<NextResponse> {
    const parsed = parseQuery(schema, request);
    if ('response' in parsed) return parsed.response;
    return hsdsJson(await read({ ...parsed.data, perPage: parsed.data.per_page, baseUrl: getEnv().APP_URL }));
  };
}

// One object by its UUID: 404 when there is none that the public may see.
export function hsdsItemRoute(read: (args: { id: string; baseUrl: string }) => Promise<unknown>, schema: z.ZodType = hsdsNoQuerySchema) {
  return async function GET(request: Request, { params }: { params: Promise<{ id: string }> }): Promise<NextResponse> {
    const parsed = parseQuery(schema, request);
    if ('response' in parsed) return parsed.response;
    const id = hsdsIdSchema.safeParse((await params).id);
    if (!id.success) return hsdsJson({ error: 'Nicht gefunden.', fields: [{ field: 'id', message: 'Ungültige ID: bitte eine UUID angeben.' }] }, 404);
    const body = await read({ id: id.data, baseUrl: getEnv().APP_URL });
    return body ? hsdsJson(body) : hsdsJson({ error: 'Nicht gefunden.' }, 404);
  };
}

// An endpoint without parameters (the root, the OpenAPI document): any parameter is a 400.
export function hsdsNoQueryRoute(answer: () => NextResponse) {
  return function GET(request: Request): NextResponse {
    const parsed = parseQuery(hsdsNoQuerySchema, request);
    return 'response' in parsed ? parsed.response : answer();
  };
}
