// Locale routing ("/" -> "/de" for a German browser), the admin area always under /de, plus one optimistic redirect: a visitor
// without a session cookie who opens the admin area goes to the sign-in page. This is only
// convenience — every admin page and action checks the session against the database itself.
import { getToken } from 'next-auth/jwt';
import createMiddleware from 'next-intl/middleware';
import { NextResponse, type NextRequest } from 'next/server';
import { getAuthSecret } from '@/lib/auth/secret';
import { cachedRoute, isTwinAddress } from '@/lib/edge/cached-routes';
import { routing } from '@/lib/i18n/routing';

const intl = createMiddleware(routing);
const ADMIN_PATH = /^\/([a-z]{2})\/admin(\/|$)/;

export default async function proxy(request: NextRequest) {
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
  // A query-less page with a cached twin (lib/edge/cached-routes.ts), where next-intl lets the
  // request through unchanged (no locale redirect).
  if (target && response.headers.get('x-middleware-next')) {
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

export const config = {
  // bench-static: the benchmark's prerendered baseline page (app/(bench)), not localized.
  matcher: ['/((?!api|_next|_vercel|bench-static|.*\\..*).*)'],
};
