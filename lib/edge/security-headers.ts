// The Content-Security-Policy of every HTML response, built per response with its nonce. Scripts
// run only with the nonce or when loaded by a script that has it ('strict-dynamic'); no eval, no
// inline handlers, no framing. Styles may be inline (React's style attributes need it; CSS cannot
// run script). Development adds what Next's dev server needs (eval for React's debugging, WebSocket
// for hot reload): production never has it.

import { tileOrigins } from '../map/tiles.ts';

export const STRICT_TRANSPORT_SECURITY = 'max-age=63072000; includeSubDomains';

// `mapTileUrl`: the configured MAP_TILE_URL (lib/map/tiles.ts; OpenStreetMap's when unset); its
// host, and nothing wider, may serve images (the actor page's map tiles).
export function contentSecurityPolicy({
  nonce,
  isDev = false,
  isHttps = false,
  mapTileUrl,
}: {
  nonce: string;
  isDev?: boolean;
  isHttps?: boolean;
  mapTileUrl?: string;
}): string {
  const tileHosts = tileOrigins(mapTileUrl);
  const directives = [
    "default-src 'self'",
    // 'self' is only a fallback for browsers without 'strict-dynamic' (CSP 2), which ignore it otherwise.
    `script-src 'nonce-${nonce}' 'strict-dynamic' 'self'${isDev ? " 'unsafe-eval'" : ''}`,
    "style-src 'self' 'unsafe-inline'",
    `img-src 'self' data: blob:${tileHosts.map((origin) => ` ${origin}`).join('')}`,
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

// Responses that are not pages (JSON, XML, vCard, CSV, ZIP, redirects): nothing in them may load or
// run anything, nor be framed, even when a browser is tricked into rendering one as a document.
export const NON_DOCUMENT_CSP = "default-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

// The edge's own static pages (400, 403, 405, 413, 503): inline styles only, no script at all.
export const EDGE_PAGE_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

// The headers next.config.js sets on Next's responses, for the answers the edge gives itself.
export const BASE_SECURITY_HEADERS: Record<string, string> = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'strict-origin-when-cross-origin',
  'X-Frame-Options': 'DENY',
};

// Subresources a page embeds, and media a browser shows in its own viewer: their policy is the
// embedding page's, and a restrictive one would only break the viewer.
const EMBEDDED_TYPES = /^(?:image|video|audio|font)\/|^text\/(?:css|javascript)\b|^application\/(?:javascript|pdf|wasm)\b/i;

/** The policy a non-HTML response gets, or undefined when it needs none. */
export function nonDocumentPolicy(contentType: string | undefined): string | undefined {
  return contentType && EMBEDDED_TYPES.test(contentType) ? undefined : NON_DOCUMENT_CSP;
}
