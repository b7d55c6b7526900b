// Responses of the open JSON API (/api/v1): JSON with an ETag (304 for a matching If-None-Match),
// Cache-Control for browsers and shared caches, and CORS for GET from any origin (public data
// only, no credentials).
import { createHash } from 'node:crypto';
import { CONSENT_BOUND_CACHE_CONTROL } from '@/lib/http/cache-control';
import type { FieldErrors } from './query';

const CORS = {
  'Access-Control-Allow-Origin': '*',
  'Access-Control-Expose-Headers': 'ETag',
};
// Contacts are part of the answers: a withdrawn consent must reach every cache within 10 s.
const CACHE_CONTROL = CONSENT_BOUND_CACHE_CONTROL;

function matches(ifNoneMatch: string | null, etag: string): boolean {
  if (!ifNoneMatch) return false;
  return ifNoneMatch.split(',').some((tag) => {
    const trimmed = tag.trim();
    return trimmed === '*' || trimmed.replace(/^W\//, '') === etag;
  });
}

// `request`: null where the answer is stored for everyone (a cached route reads no request).
export function apiJson(request: Request | null, body: unknown): Response {
  const text = JSON.stringify(body);
  const etag = `"${createHash('sha256').update(text).digest('base64url').slice(0, 27)}"`;
  const headers = { ...CORS, 'Cache-Control': CACHE_CONTROL, ETag: etag };
  if (request && matches(request.headers.get('if-none-match'), etag)) return new Response(null, { status: 304, headers });
  return new Response(text, { status: 200, headers: { ...headers, 'Content-Type': 'application/json; charset=utf-8' } });
}

function apiProblem(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { ...CORS, 'Cache-Control': 'public, max-age=60', 'Content-Type': 'application/json; charset=utf-8' },
  });
}

// 400: each bad parameter with the reason.
export function apiBadRequest(fields: FieldErrors): Response {
  return apiProblem(400, { error: 'Ungültige Parameter.', fields });
}

export function apiNotFound(): Response {
  return apiProblem(404, { error: 'NOT_FOUND' });
}

// CORS preflight: only GET is offered; If-None-Match may be sent.
export function apiOptions(): Response {
  return new Response(null, {
    status: 204,
    headers: {
      ...CORS,
      'Access-Control-Allow-Methods': 'GET, OPTIONS',
      'Access-Control-Allow-Headers': 'If-None-Match',
      'Access-Control-Max-Age': '86400',
    },
  });
}
