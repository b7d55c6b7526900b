// Cache-Control decided by the edge server (lib/edge/cache-control.ts): public pages may be
// micro-cached by a proxy, signed-in and personal ones never, and the list of signed-in areas
// matches the folders under app/[locale].
import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { edgeCacheControl, hasSessionCookie, isSignedInPath, SIGNED_IN_SEGMENTS, type CacheControlInput } from '@/lib/edge/cache-control';
import { PRIVATE_CACHE_CONTROL, PUBLIC_PAGE_CACHE_CONTROL } from '@/lib/http/cache-control';

const page = (overrides: Partial<CacheControlInput>): CacheControlInput => ({
  method: 'GET',
  pathname: '/de/akteure',
  hasSession: false,
  status: 200,
  contentType: 'text/html; charset=utf-8',
  setsCookie: false,
  ...overrides,
});

describe('edge Cache-Control', () => {
  it('lets a proxy keep public pages for 10 s', () => {
    for (const pathname of ['/de', '/ar/akteure', '/uk/akteure/jobcenter', '/de/impressum', '/ru/wegweiser']) {
      expect(edgeCacheControl(page({ pathname })), pathname).toBe(PUBLIC_PAGE_CACHE_CONTROL);
    }
    expect(edgeCacheControl(page({ method: 'HEAD' }))).toBe(PUBLIC_PAGE_CACHE_CONTROL);
    expect(edgeCacheControl(page({ pathname: '/sitemap.xml', contentType: 'application/xml' }))).toBe(PUBLIC_PAGE_CACHE_CONTROL);
    expect(edgeCacheControl(page({ pathname: '/sitemap/2.xml', contentType: 'application/xml' }))).toBe(PUBLIC_PAGE_CACHE_CONTROL);
    expect(edgeCacheControl(page({ pathname: '/robots.txt', contentType: 'text/plain' }))).toBe(PUBLIC_PAGE_CACHE_CONTROL);
    expect(edgeCacheControl(page({ pathname: '/sitemap/2.xml', contentType: 'application/xml', hasSession: true }))).toBe(PRIVATE_CACHE_CONTROL);
    expect(PUBLIC_PAGE_CACHE_CONTROL).toBe('public, s-maxage=10, stale-while-revalidate=30');
  });

  it('never lets anything store signed-in pages, sessions or cookies', () => {
    for (const pathname of ['/de/admin', '/de/admin/organisationen/1', '/en/anmelden', '/de/abmelden', '/de/passwort-vergessen', '/de/passwort-zuruecksetzen',
      '/de/einladung', '/de/bestaetigen/abc', '/de/vorschau/1', '/de/rundschreiben/abbestellen/abc', '/api/admin/duplicates', '/api/auth/session',
      '/api/circulars/opt-out/abc', '/de/Admin', '/de/%61dmin']) {
      expect(edgeCacheControl(page({ pathname })), pathname).toBe(PRIVATE_CACHE_CONTROL);
      expect(edgeCacheControl(page({ pathname, contentType: 'application/json' })), pathname).toBe(PRIVATE_CACHE_CONTROL);
    }
    expect(edgeCacheControl(page({ hasSession: true }))).toBe(PRIVATE_CACHE_CONTROL);
    expect(edgeCacheControl(page({ setsCookie: true }))).toBe(PRIVATE_CACHE_CONTROL);
    expect(edgeCacheControl(page({ setsCookie: true, contentType: 'application/json', pathname: '/api/v1/organizations' }))).toBe(PRIVATE_CACHE_CONTROL);
  });

  it('never lets a shared cache keep redirects, not-found or errors of pages and the sitemap', () => {
    // Next marks a redirect or 404 it answers from its cache s-maxage=60 or a year.
    for (const status of [301, 303, 307, 308, 404, 500]) {
      expect(edgeCacheControl(page({ status })), String(status)).toBe(PRIVATE_CACHE_CONTROL);
      expect(edgeCacheControl(page({ status, contentType: '' })), String(status)).toBe(PRIVATE_CACHE_CONTROL);
    }
    expect(edgeCacheControl(page({ pathname: '/sitemap/2.xml', status: 404 }))).toBe(PRIVATE_CACHE_CONTROL);
    expect(edgeCacheControl(page({ pathname: '/', status: 307, contentType: '' }))).toBe(PRIVATE_CACHE_CONTROL);
  });

  it('leaves posts, 304 and the APIs (errors included) with what the route set', () => {
    expect(edgeCacheControl(page({ status: 304 }))).toBeUndefined();
    expect(edgeCacheControl(page({ pathname: '/api/v1/organizations', status: 404, contentType: 'application/json' }))).toBeUndefined();
    expect(edgeCacheControl(page({ pathname: '/api/v1/organizations', status: 400, contentType: 'application/json' }))).toBeUndefined();
    expect(edgeCacheControl(page({ method: 'POST' }))).toBeUndefined();
    expect(edgeCacheControl(page({ pathname: '/api/v1/organizations', contentType: 'application/json' }))).toBeUndefined();
    expect(edgeCacheControl(page({ pathname: '/_next/static/chunks/a.js', contentType: 'application/javascript' }))).toBeUndefined();
  });

  it('recognises next-auth session cookies only', () => {
    expect(hasSessionCookie('next-auth.session-token=abc')).toBe(true);
    expect(hasSessionCookie('NEXT_LOCALE=de; __Secure-next-auth.session-token=abc')).toBe(true);
    expect(hasSessionCookie('next-auth.session-token.0=abc; next-auth.session-token.1=def')).toBe(true);
    expect(hasSessionCookie('next-auth.csrf-token=abc; NEXT_LOCALE=de')).toBe(false);
    expect(hasSessionCookie('x-next-auth.session-token=abc')).toBe(false);
    expect(hasSessionCookie(undefined)).toBe(false);
  });

  it('knows every signed-in folder under app/[locale]', () => {
    const folders = readdirSync('app/[locale]', { withFileTypes: true }).filter((entry) => entry.isDirectory()).map((entry) => entry.name);
    const auth = readdirSync('app/[locale]/(auth)', { withFileTypes: true }).filter((entry) => entry.isDirectory()).map((entry) => entry.name);
    // Everything at the top of app/[locale] is either public (the (public) group) or signed-in.
    const signedIn = [...folders.filter((name) => name !== '(public)' && name !== '(auth)'), ...auth].sort();
    expect(signedIn).toEqual([...SIGNED_IN_SEGMENTS].sort());
    const publicPages = readdirSync('app/[locale]/(public)', { withFileTypes: true }).filter((entry) => entry.isDirectory()).map((entry) => entry.name);
    for (const name of publicPages) expect(isSignedInPath(`/de/${name}`), name).toBe(false);
  });
});
