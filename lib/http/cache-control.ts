// Cache-Control values of the app, in one place (docs/deployment.md, "Caching"). A reverse proxy
// (deploy/nginx.conf) or CDN keeps public answers for at most 10 s: then an edit, an archived
// entry or a withdrawn consent reaches every visitor within that window.

/** Public HTML pages (set by the edge server, lib/edge/cache-control.ts). */
export const PUBLIC_PAGE_CACHE_CONTROL = 'public, s-maxage=10, stale-while-revalidate=30';

/**
 * Public data that carries contacts (vCards, the JSON and HSDS APIs): shared caches keep it 10 s,
 * browsers revalidate every time, and no cache may serve it stale, so that a withdrawn consent
 * is honoured everywhere within 10 s.
 */
export const CONSENT_BOUND_CACHE_CONTROL = 'public, max-age=0, s-maxage=10';

/** Everything signed-in or personal: never stored by any cache. */
export const PRIVATE_CACHE_CONTROL = 'private, no-store';
