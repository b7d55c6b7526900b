// Which Cache-Control a response gets, decided in the edge server for every response (Next sets
// its own values by rendering mode, which change when a route becomes cached; the edge sees the
// request's cookies and the response's status, type and cookies, whatever Next did).
// - Signed-in areas (admin, account, sign-in and invitation pages, previews, personal token links,
//   their APIs): `private, no-store`, always.
// - A request with a session cookie or a response that sets a cookie: never a shared copy.
// - Public HTML pages answered 200 to GET/HEAD: `public, s-maxage=10, stale-while-revalidate=30`,
//   so that nginx (deploy/nginx.conf) can micro-cache them.
// - Redirects, not-found and errors (but the APIs' own): `private, no-store`.
// - Everything else keeps what the route set (APIs and vCards: CONSENT_BOUND_CACHE_CONTROL).
import { PRIVATE_CACHE_CONTROL, PUBLIC_PAGE_CACHE_CONTROL } from '../http/cache-control.ts';
import { sitemapTwin } from './cached-routes.ts';

/**
 * @internal Exported for its unit test.
 * First path segments after the locale that belong to signed-in or personal pages:
 * app/[locale]/admin, the pages of app/[locale]/(auth), drafts' previews (vorschau) and the
 * personal unsubscribe links (rundschreiben/abbestellen/<token>). A unit test compares the list
 * with the folders under app/[locale], so that a new one cannot be forgotten.
 */
export const SIGNED_IN_SEGMENTS = [
  'admin',
  'anmelden',
  'abmelden',
  'bestaetigen',
  'einladung',
  'passwort-vergessen',
  'passwort-zuruecksetzen',
  'vorschau',
  'rundschreiben',
  // Personal answer links of meeting invitations (treffen/antwort/<token>, issue 14).
  'treffen',
] as const;

const SIGNED_IN_APIS = /^\/api\/(admin|auth|circulars|kalender)(\/|$)/;
// Public documents that are not HTML but are rendered like pages: robots.txt and the sitemap's files.
const isPublicDocumentPath = (pathname: string) => pathname === '/robots.txt' || sitemapTwin(pathname) !== null;
// next-auth's session cookie, also in chunks (.0, .1, ...) and with the __Secure- prefix on https.
const SESSION_COOKIE = /(?:^|;)\s*(?:__Secure-)?next-auth\.session-token(?:\.\d+)?=/;

/** Signed-in or personal pages and APIs (also for the edge's paint first, public pages only). */
export function isSignedInPath(pathname: string): boolean {
  if (pathname.startsWith('/api/')) return SIGNED_IN_APIS.test(pathname);
  const segments = pathname.split('/').filter(Boolean);
  // With or without the locale in front (a locale-less path is redirected, but never cached).
  return segments.slice(0, 2).some((segment) => (SIGNED_IN_SEGMENTS as readonly string[]).includes(decodeURIComponentSafe(segment)));
}

function decodeURIComponentSafe(value: string): string {
  try {
    return decodeURIComponent(value).toLowerCase();
  } catch {
    return value.toLowerCase();
  }
}

export function hasSessionCookie(cookieHeader: string | undefined): boolean {
  return cookieHeader !== undefined && SESSION_COOKIE.test(cookieHeader);
}

export interface CacheControlInput {
  method: string;
  pathname: string;
  /** The request carried a next-auth session cookie. */
  hasSession: boolean;
  status: number;
  contentType: string;
  /** The response sets a cookie. */
  setsCookie: boolean;
}

/** The Cache-Control the edge puts on a response; undefined: keep the route's own. */
export function edgeCacheControl(input: CacheControlInput): string | undefined {
  if (isSignedInPath(input.pathname)) return PRIVATE_CACHE_CONTROL;
  if (input.setsCookie) return PRIVATE_CACHE_CONTROL;
  // Redirects, not-found and errors outside the APIs: Next marks those it answers from its cache
  // `s-maxage=60` or a year (an untidy search's redirect, a sitemap file that does not exist yet),
  // and next-intl's redirects of "/" depend on Accept-Language. No shared cache keeps them.
  const isAnswerToKeep = input.status < 300 || input.status === 304;
  if (!isAnswerToKeep && !input.pathname.startsWith('/api/')) return PRIVATE_CACHE_CONTROL;
  const isHtml = /^text\/html\b/i.test(input.contentType);
  const isPublicDocument = isHtml || isPublicDocumentPath(input.pathname);
  if (!isPublicDocument) return undefined;
  if (input.hasSession) return PRIVATE_CACHE_CONTROL;
  if ((input.method === 'GET' || input.method === 'HEAD') && input.status === 200) return PUBLIC_PAGE_CACHE_CONTROL;
  return undefined;
}
