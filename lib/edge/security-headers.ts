// The Content-Security-Policy of every HTML response, built per response with its nonce. Scripts
// run only with the nonce or when loaded by a script that has it ('strict-dynamic'); no eval, no
// inline handlers, no framing. Styles may be inline (React's style attributes need it; CSS cannot
// run script). Development adds what Next's dev server needs (eval for React's debugging, WebSocket
// for hot reload): production never has it.

export const STRICT_TRANSPORT_SECURITY = 'max-age=63072000; includeSubDomains';

export function contentSecurityPolicy({ nonce, isDev = false, isHttps = false }: { nonce: string; isDev?: boolean; isHttps?: boolean }): string {
  const directives = [
    "default-src 'self'",
    // 'self' is only a fallback for browsers without 'strict-dynamic' (CSP 2), which ignore it otherwise.
    `script-src 'nonce-${nonce}' 'strict-dynamic' 'self'${isDev ? " 'unsafe-eval'" : ''}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    `connect-src 'self'${isDev ? ' ws: wss:' : ''}`,
    "media-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    "frame-src 'none'",
    "worker-src 'self' blob:",
    "manifest-src 'self'",
  ];
  if (isHttps) directives.push('upgrade-insecure-requests');
  return directives.join('; ');
}
