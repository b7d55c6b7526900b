// Public pages that read search parameters would render per request. proxy.ts sends them to a
// cached twin route instead, so the visitor's address stays the same:
// - the query-less directory: /<locale>/akteure -> app/[locale]/(public)/akteure-liste;
// - a search or filter set: /<locale>/akteure?q=… -> app/[locale]/(public)/akteure-suche/<key>,
//   where <key> is the canonical query (only the known parameters of lib/search/query.ts, valid,
//   normalized, in a fixed order, empty ones dropped) in base64url: one cache entry per search.
// - the projects and events lists with or without filters: /<locale>/projekte?thema=… ->
//   app/[locale]/(public)/projekte-liste/<key> (no key without filters), the same for
//   veranstaltungen; only their own parameters, each once, in their fixed order.
// Only a query that is already canonical is rewritten: any other (an unknown or invalid parameter,
// an empty form field, untidy spaces) reaches the page itself, which redirects to the tidy URL.
// - the JSON API's lists: /api/v1/suggestions?…, /api/v1/organizations?… and /api/v1/services?… ->
//   app/api/cached/v1/<endpoint>/<key>, the key carrying the valid parameters in a fixed order;
//   the HSDS lists without parameters: /api/hsds/<list> -> app/api/cached/hsds/<list>.
// - /sitemap.xml and /sitemap/<n>.xml -> app/api/cached/sitemap/<file> (entries defined by
//   app/sitemap.ts, split into files by lib/sitemap.ts).
import { parseApiListQuery } from '../api/query.ts';
import { isLocale, locales } from '../i18n/routing.ts';
import { isEmptyQuery, parseDirectoryQuery, toSearchString, type DirectoryQuery } from '../search/query.ts';

const CACHED_WITHOUT_QUERY: Record<string, string> = { akteure: 'akteure-liste' };
const CACHED_SEARCHES: Record<string, string> = { akteure: 'akteure-suche' };
type ListPage = 'projekte' | 'veranstaltungen';
const CACHED_LISTS: Record<ListPage, { twin: string; params: readonly string[] }> = {
  projekte: { twin: 'projekte-liste', params: ['thema', 'zielgruppe', 'stand', 'organisation'] },
  veranstaltungen: { twin: 'veranstaltungen-liste', params: ['thema', 'sprache', 'ort', 'ansicht', 'monat'] },
};
// The widest value a list filter accepts (the pages check each more closely and ignore the rest).
const LIST_VALUE = /^[\p{L}\p{N} .-]{1,120}$/u;
/** @internal Exported for the 320 px walk (tests/e2e/public-layout.test.ts). The cached twins' own paths: reachable only through the rewrite. */
export const CACHED_TWINS: readonly string[] = [
  ...Object.values(CACHED_WITHOUT_QUERY),
  ...Object.values(CACHED_SEARCHES),
  ...Object.values(CACHED_LISTS).map((list) => list.twin),
];
const LOCALE_PAGE = /^\/([a-z]{2})\/([a-z-]+)\/?$/;
// Next's own parameter on client navigations (RSC payloads): not part of the search.
const INTERNAL_PARAMS = new Set(['_rsc']);
// Longest key carried in a path segment (a 200-character query in any script fits).
const MAX_KEY_LENGTH = 2048;

/** A request for a cached twin's own address: answered like an unknown address. */
export function isTwinAddress(pathname: string): boolean {
  const segments = pathname.split('/').filter(Boolean);
  return segments.length >= 2 && (locales as readonly string[]).includes(segments[0]) && CACHED_TWINS.includes(segments[1]);
}

function encodeKey(search: string): string {
  return Buffer.from(search, 'utf8').toString('base64url');
}

/** The canonical search string ("q=…&thema=…") carried by a twin's key, or null for a key no rewrite makes. */
export function decodeSearchKey(key: string): string | null {
  if (key.length > MAX_KEY_LENGTH || !/^[A-Za-z0-9_-]+$/.test(key)) return null;
  const search = Buffer.from(key, 'base64url').toString('utf8');
  // Only what canonicalSearch produces: anything else is a hand-made address (not found).
  return encodeKey(search) === key && canonicalSearch(new URLSearchParams(search)) === search ? search : null;
}

/**
 * @internal Exported for its unit test.
 * The canonical form of a directory search ("q=Beratung&sprache=ar", no "?"), or null when the
 * parameters are not exactly the tidy ones the page would accept without a redirect (or empty).
 */
export function canonicalSearch(params: URLSearchParams): string | null {
  const own = new URLSearchParams([...params].filter(([name]) => !INTERNAL_PARAMS.has(name)));
  const query: DirectoryQuery = parseDirectoryQuery(own);
  if (isEmptyQuery(query) && query.page === 1) return null;
  const tidy = toSearchString(query).slice(1);
  const wanted = new URLSearchParams(tidy);
  const names = [...own.keys()];
  // Every parameter once, with exactly its tidy value (order aside): else the page redirects.
  if (names.length !== [...wanted.keys()].length || new Set(names).size !== names.length) return null;
  if (!names.every((name) => own.get(name) === wanted.get(name))) return null;
  return tidy;
}

/** The search a twin key stands for, parsed (for the search log). */
function searchOfKey(search: string): DirectoryQuery {
  return parseDirectoryQuery(new URLSearchParams(search));
}

// A list's filters in canonical form ("" without any), or null when the page is to read them itself
// (an unknown or repeated parameter, a value no filter can have).
function canonicalList(page: ListPage, params: URLSearchParams): string | null {
  const known = CACHED_LISTS[page].params;
  const names = [...params.keys()].filter((name) => !INTERNAL_PARAMS.has(name));
  if (new Set(names).size !== names.length || names.some((name) => !known.includes(name))) return null;
  if (names.some((name) => !LIST_VALUE.test(params.get(name)!))) return null;
  return new URLSearchParams(known.filter((name) => params.has(name)).map((name) => [name, params.get(name)!])).toString();
}

/** The filters a list twin's optional segment carries ("" for none), or null for a segment no rewrite makes. */
export function decodeListKey(page: ListPage, segments: string[] | undefined): string | null {
  if (!segments || segments.length === 0) return '';
  const [key] = segments;
  if (segments.length > 1 || key.length > MAX_KEY_LENGTH || !/^[A-Za-z0-9_-]+$/.test(key)) return null;
  const search = Buffer.from(key, 'base64url').toString('utf8');
  return search && encodeKey(search) === key && canonicalList(page, new URLSearchParams(search)) === search ? search : null;
}

/** The cached route for a public page and query, if there is one. */
export function cachedRoute(pathname: string, search: string): string | null {
  const match = LOCALE_PAGE.exec(pathname);
  if (!match || !(locales as readonly string[]).includes(match[1])) return null;
  const params = new URLSearchParams(search);
  if (match[2] in CACHED_LISTS) {
    const page = match[2] as ListPage;
    const canonical = canonicalList(page, params);
    if (canonical === null) return null;
    const twin = `/${match[1]}/${CACHED_LISTS[page].twin}`;
    if (!canonical) return twin;
    const key = encodeKey(canonical);
    return key.length <= MAX_KEY_LENGTH ? `${twin}/${key}` : null;
  }
  const own = [...params.keys()].filter((name) => !INTERNAL_PARAMS.has(name));
  if (own.length === 0) {
    const target = CACHED_WITHOUT_QUERY[match[2]];
    return target ? `/${match[1]}/${target}` : null;
  }
  const twin = CACHED_SEARCHES[match[2]];
  if (!twin) return null;
  const canonical = canonicalSearch(params);
  if (!canonical) return null;
  const key = encodeKey(canonical);
  return key.length <= MAX_KEY_LENGTH ? `/${match[1]}/${twin}/${key}` : null;
}

// The JSON API endpoints with a cached twin under /api/cached/v1/<endpoint>/<key>.
const API_TWIN_PREFIX = '/api/cached/';
type ApiEndpoint = 'suggestions' | 'organizations' | 'services';
const API_PATH = /^\/api\/v1\/(suggestions|organizations|services)\/?$/;
const SUGGESTION_MAX_LENGTH = 100;
// The key of a list asked without any parameter (the whole first page): "-" is no base64url
// encoding of anything, so it cannot collide with a real key.
const NO_PARAMETERS_KEY = '-';

/** The typeahead's parameters as it reads them: the text (at most 100 characters), the content language (default de). */
export function suggestionParams(params: URLSearchParams): { q: string; locale: string } {
  const requested = params.get('locale') ?? 'de';
  return { q: (params.get('q') ?? '').slice(0, SUGGESTION_MAX_LENGTH), locale: isLocale(requested) ? requested : 'de' };
}

// The canonical parameters of an API request, or null when it is answered per request: unknown or
// repeated parameters, invalid values (the 400 answer is the uncached route's).
function canonicalApiSearch(endpoint: ApiEndpoint, params: URLSearchParams): string | null {
  const names = [...params.keys()];
  if (new Set(names).size !== names.length) return null;
  if (endpoint === 'suggestions') {
    if (names.some((name) => name !== 'q' && name !== 'locale')) return null;
    const { q, locale } = suggestionParams(params);
    return new URLSearchParams({ q, locale }).toString();
  }
  if (!parseApiListQuery(params).success) return null;
  return new URLSearchParams([...params].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))).toString();
}

/** The parameters an API twin's key carries, or null for a key no rewrite makes. */
export function decodeApiKey(endpoint: ApiEndpoint, key: string): string | null {
  if (key === NO_PARAMETERS_KEY) return endpoint === 'suggestions' ? null : '';
  if (key.length > MAX_KEY_LENGTH || !/^[A-Za-z0-9_-]+$/.test(key)) return null;
  const search = Buffer.from(key, 'base64url').toString('utf8');
  return encodeKey(search) === key && canonicalApiSearch(endpoint, new URLSearchParams(search)) === search ? search : null;
}

/** The HSDS lists whose parameter-less first page is cached. */
export const HSDS_CACHED_LISTS = ['organizations', 'services', 'service_at_locations', 'taxonomies', 'taxonomy_terms'] as const;
export type HsdsList = (typeof HSDS_CACHED_LISTS)[number];
const HSDS_LIST_PATH = /^\/api\/hsds\/([a-z_]+)\/?$/;

/** The sitemap's entry file: all of it, or the index of the numbered files (lib/sitemap.ts). */
export const SITEMAP_ENTRY_FILE = 'sitemap.xml';
/** A numbered file of the sitemap index (from 1): /sitemap/<n>.xml, the twin's segment `<n>.xml`. */
export const SITEMAP_NUMBERED_FILE = /^([1-9][0-9]{0,5})\.xml$/;
const SITEMAP_FILE_PATH = /^\/sitemap\/([^/]+)$/;

/** Where proxy.ts sends /sitemap.xml and /sitemap/<n>.xml (app/api/cached/sitemap/[file]), or null for another path. */
export function sitemapTwin(pathname: string): string | null {
  if (pathname === `/${SITEMAP_ENTRY_FILE}`) return `${API_TWIN_PREFIX}sitemap/${SITEMAP_ENTRY_FILE}`;
  const file = SITEMAP_FILE_PATH.exec(pathname)?.[1];
  return file && SITEMAP_NUMBERED_FILE.test(file) ? `${API_TWIN_PREFIX}sitemap/${file}` : null;
}

/** A request for an API twin's own address: answered 404. */
export function isApiTwinAddress(pathname: string): boolean {
  return pathname.startsWith(API_TWIN_PREFIX);
}

/**
 * The cached route for a JSON API request, if it has one. Conditional requests (If-None-Match)
 * stay with the uncached route, which answers 304: a stored answer is the same for everyone.
 */
export function cachedApiRoute(pathname: string, search: string, conditional: boolean): string | null {
  const hsds = HSDS_LIST_PATH.exec(pathname);
  if (hsds && (HSDS_CACHED_LISTS as readonly string[]).includes(hsds[1])) {
    return search === '' || search === '?' ? `${API_TWIN_PREFIX}hsds/${hsds[1]}` : null;
  }
  const match = API_PATH.exec(pathname);
  if (!match || conditional) return null;
  const endpoint = match[1] as ApiEndpoint;
  const canonical = canonicalApiSearch(endpoint, new URLSearchParams(search));
  if (canonical === null) return null;
  const key = canonical === '' ? NO_PARAMETERS_KEY : encodeKey(canonical);
  return key.length <= MAX_KEY_LENGTH ? `${API_TWIN_PREFIX}v1/${endpoint}/${key}` : null;
}

/**
 * The search visit the anonymous search log counts for a request of a page with a cached twin, or
 * null: once per visit of a search's first page (pathname and search as requested). Only page
 * loads count: a browser's fetch() (Next's prefetches of links the visitor did not open, and its
 * client-side navigations) says `Sec-Fetch-Dest: empty`; Next strips its own RSC and prefetch
 * headers before the proxy sees them. The search form is a plain GET form. One rule for both places
 * that answer from the cache without rendering: proxy.ts and the edge's response cache.
 */
export function loggedSearchVisit(
  pathname: string,
  search: string,
  method: string,
  fetchDest: string | null | undefined,
): { locale: string; search: string } | null {
  if (method !== 'GET' || (fetchDest != null && fetchDest !== 'document')) return null;
  const target = cachedRoute(pathname, search);
  const canonical = target === null ? null : canonicalSearch(new URLSearchParams(search));
  if (target === null || canonical === null) return null;
  const query = searchOfKey(canonical);
  if (isEmptyQuery(query) || query.page !== 1) return null;
  return { locale: target.split('/')[1], search: canonical };
}
