// Public reads are cached (lib/data/public-cache.ts) and expired by tag: every write that a visitor
// could see calls expireCache() with the tags of what it changed, so that the change is public on
// the very next request, on every app instance that shares the database.
//
// The expiry lives in PostgreSQL (tables CacheClock and CacheTag): one clock, raised by every
// expiry, and per tag the clock value of its last expiry. Raising the clock and stamping the tags
// is one statement, and the clock row's lock makes expiries commit in the order of their values:
// once a reader sees clock value C, every expiry up to C and the write before it have committed.
// A cached read remembers the clock value it saw before reading the database; it is stale as soon
// as one of its tags carries a newer value. No wall clock is involved (see docs/architecture.md).

// Anything that lists or counts public entries: directory, facets, sitemap, Wegweiser, API lists,
// coordination office, slug redirects, unknown slugs.
export const DIRECTORY_TAG = 'directory';
// Carried by every read that shows an entry (its page, its card, its API object): expiring it
// expires every entry at once (vocabulary, import, bulk changes).
export const ENTRIES_TAG = 'entries';
export const SIGN_LANGUAGE_TAG = 'sign-language';

export type CacheTag = string;

export const ORGANIZATION_TAG_PREFIX = 'org:';

/** One entry's reads (its page in every locale, its card, its API objects). */
export function organizationTag(organizationId: string): CacheTag {
  return `${ORGANIZATION_TAG_PREFIX}${organizationId}`;
}

/** One content page in every locale. */
export function pageTag(slug: string): CacheTag {
  return `page:${slug}`;
}

/** What an edit to one entry changes: its own reads and the lists that show it. */
export function entryTags(organizationId: string | null | undefined): CacheTag[] {
  return organizationId ? [organizationTag(organizationId), DIRECTORY_TAG] : [DIRECTORY_TAG, ENTRIES_TAG];
}

// The expiry itself reads and writes the database, so it lives in lib/data.
export { expireCache } from '@/lib/data/cache-expiry';
