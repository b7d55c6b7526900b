// Public pages that read search parameters render per request. Their query-less form is the same
// page served from the full-route cache under another route; proxy.ts rewrites to it, so the
// address the visitor sees stays the same: /<locale>/akteure -> app/[locale]/(public)/akteure-liste.
import { locales } from '../i18n/routing.ts';

const CACHED_WITHOUT_QUERY: Record<string, string> = { akteure: 'akteure-liste' };
/** @internal Exported for the 320 px walk (tests/e2e/public-layout.test.ts). The cached twins' own paths: reachable only through the rewrite. */
export const CACHED_TWINS: readonly string[] = Object.values(CACHED_WITHOUT_QUERY);
const LOCALE_PAGE = /^\/([a-z]{2})\/([a-z-]+)\/?$/;

/** A request for a cached twin's own address: answered like an unknown address. */
export function isTwinAddress(pathname: string): boolean {
  const segments = pathname.split('/').filter(Boolean);
  return segments.length >= 2 && (locales as readonly string[]).includes(segments[0]) && CACHED_TWINS.includes(segments[1]);
}

/** The cached route for a query-less page, if there is one. */
export function cachedRoute(pathname: string, search: string): string | null {
  if (search !== '' && search !== '?') return null;
  const match = LOCALE_PAGE.exec(pathname);
  if (!match || !(locales as readonly string[]).includes(match[1])) return null;
  const target = CACHED_WITHOUT_QUERY[match[2]];
  return target ? `/${match[1]}/${target}` : null;
}
