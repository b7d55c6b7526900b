// Responses of the admin's download and upload route handlers: files never cached, refusals as
// short plain text with the right status (never a stack trace).
import 'server-only';
import { isAppError } from '@/lib/errors';

const STATUS: Record<string, number> = { UNAUTHENTICATED: 401, FORBIDDEN: 403, NOT_FOUND: 404, VALIDATION: 400, CONFLICT: 409 };

export function downloadResponse(body: Buffer, { contentType, disposition }: { contentType: string; disposition: string }): Response {
  return new Response(new Uint8Array(body), {
    headers: {
      'Content-Type': contentType,
      'Content-Disposition': disposition,
      'Content-Length': String(body.length),
      'Cache-Control': 'no-store',
      'X-Content-Type-Options': 'nosniff',
    },
  });
}

export function refusal(error: unknown): Response {
  const status = isAppError(error) ? (STATUS[error.code] ?? 400) : 500;
  if (status === 500) console.error(error);
  const message = isAppError(error) ? error.message : 'Das hat leider nicht geklappt.';
  return new Response(message, { status, headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' } });
}
