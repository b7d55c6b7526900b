// Locale routing ("/" -> "/de" for a German browser), the admin area always under /de, plus one optimistic redirect: a visitor
// without a session cookie who opens the admin area goes to the sign-in page. This is only
// convenience — every admin page and action checks the session against the database itself.
import { getToken } from 'next-auth/jwt';
import createMiddleware from 'next-intl/middleware';
import { NextResponse, type NextFetchEvent, type NextRequest } from 'next/server';
import { getAuthSecret } from '@/lib/auth/secret';
import { apiNotFound } from '@/lib/api/http';
import { cachedApiRoute, cachedRoute, isApiTwinAddress, isTwinAddress, loggedSearchVisit, sitemapTwin } from '@/lib/edge/cached-routes';
import { routing } from '@/lib/i18n/routing';
import { searchVisited } from '@/lib/search/search-hits';

const intl = createMiddleware(routing);
const ADMIN_PATH = /^\/([a-z]{2})\/admin(\/|$)/;

export default async function proxy(request: NextRequest, event: NextFetchEvent) {
  if (request.nextUrl.pathname.startsWith('/api/')) return apiProxy(request);
  const sitemap = sitemapTwin(request.nextUrl.pathname);
  if (sitemap) return sitemapProxy(request, sitemap);
  const match = ADMIN_PATH.exec(request.nextUrl.pathname);
  if (match) {
    // The admin area speaks the user's admin language (German or English, User.locale), left to
    // right, whatever public language the visitor came from: /ar/admin/... is /de/admin/....
    const adminPath = request.nextUrl.pathname.replace(/^\/[a-z]{2}\//, '/de/');
    const token = await getToken({ req: request, secret: getAuthSecret() }).catch(() => null);
    if (!token) {
      // The sign-in page stays in the visitor's language.
      const url = request.nextUrl.clone();
      url.pathname = `/${match[1]}/anmelden`;
      url.search = `?callbackUrl=${encodeURIComponent(adminPath + request.nextUrl.search)}`;
      return NextResponse.redirect(url);
    }
    if (match[1] !== 'de') {
      const url = request.nextUrl.clone();
      url.pathname = adminPath;
      return NextResponse.redirect(url);
    }
  }
  if (isTwinAddress(request.nextUrl.pathname)) {
    // Only the rewrite below leads there: its own address gets the localized not-found page.
    const url = request.nextUrl.clone();
    url.pathname = `${request.nextUrl.pathname.replace(/\/$/, '')}/nicht-gefunden/nicht-gefunden`;
    return NextResponse.rewrite(url);
  }
  const response = intl(request);
  const target = cachedRoute(request.nextUrl.pathname, request.nextUrl.search);
  // A page with a cached twin (lib/edge/cached-routes.ts), where next-intl lets the request through
  // unchanged (no locale redirect).
  if (target && response.headers.get('x-middleware-next')) {
    // A search answered from the cache is logged here (the page may not render).
    const visit = loggedSearchVisit(request.nextUrl.pathname, request.nextUrl.search, request.method, request.headers.get('sec-fetch-dest'));
    if (visit) event.waitUntil(searchVisited(visit.locale, visit.search));
    const url = request.nextUrl.clone();
    url.pathname = target;
    const rewritten = NextResponse.rewrite(url);
    response.headers.forEach((value, key) => {
      if (key !== 'x-middleware-next' && key !== 'set-cookie') rewritten.headers.set(key, value);
    });
    for (const cookie of response.headers.getSetCookie()) rewritten.headers.append('set-cookie', cookie);
    return rewritten;
  }
  return response;
}

// sitemap.xml and the files of its index from their cached twin (lib/edge/cached-routes.ts); with
// parameters too (they read none).
function sitemapProxy(request: NextRequest, twin: string) {
  if (request.method !== 'GET' && request.method !== 'HEAD') return NextResponse.next();
  const url = request.nextUrl.clone();
  url.pathname = twin;
  url.search = '';
  return NextResponse.rewrite(url);
}

// The JSON API lists with a cached twin (lib/edge/cached-routes.ts); the twins' own addresses
// answer 404 like any unknown API address.
function apiProxy(request: NextRequest) {
  if (isApiTwinAddress(request.nextUrl.pathname)) return apiNotFound();
  if (request.method !== 'GET' && request.method !== 'HEAD') return NextResponse.next();
  const target = cachedApiRoute(request.nextUrl.pathname, request.nextUrl.search, request.headers.has('if-none-match'));
  if (!target) return NextResponse.next();
  const url = request.nextUrl.clone();
  url.pathname = target;
  return NextResponse.rewrite(url);
}

export const config = {
  // bench-static: the benchmark's prerendered baseline page (app/(bench)), not localized.
  // The JSON API only where a list has a cached twin (and the twins' own addresses).
  matcher: ['/((?!api|_next|_vercel|bench-static|.*\\..*).*)', '/api/v1/suggestions', '/api/v1/organizations', '/api/v1/services', '/api/hsds/:path*', '/api/cached/:path*', '/sitemap.xml', '/sitemap/:file'],
};
