// Public reads are cached and expired by tag: every admin write that a visitor could see calls
// expireCache() (lib/cache.ts), which makes the change public on the next request of every app
// instance on the same database. The values live in this process; what is stale is decided by the
// shared clock in PostgreSQL: each call reads it (one primary-key read) and, only when it moved,
// the tags expired since (an indexed range read). Cached values are stored as JSON and parsed on
// every hit, so no request can change another request's copy: DTOs carry ISO date strings.
//
// Why not Next's unstable_cache: its tag expiry compares a wall-clock timestamp with a monotonic
// clock, so after the wall clock is stepped an expired tag can count as fresh, and its tags live
// in one process. Here a read remembers the shared clock value it saw before reading the
// database: an edit committed after that carries a higher value and makes the copy stale, so a
// read racing an edit never stores old data as fresh. No wall clock decides except the one-hour
// safety net.
import 'server-only';
import { workUnitAsyncStorage } from 'next/dist/server/app-render/work-unit-async-storage.external';
import { cache } from 'react';
import { isDatabaseUnavailableError } from '@/lib/db-errors';
import { ENTRIES_TAG, ORGANIZATION_TAG_PREFIX, type CacheTag } from '@/lib/cache';
import { readCacheClock, readExpiredTags } from './cache-expiry';

// One hour is only a safety net: edits expire the tags immediately.
const MAX_AGE_MS = 3_600_000;
// Bounded memory, by count and by size (the JSON's length; a search result at 10,000 entries is
// large): the least recently used entries go first. A single value above a quarter of the budget
// is served but not kept. 16 MB: the bench's routes at 10,000 organizations keep about 1 MB here
// (the pages built from these values are cached as pages); a character of a non-Latin text takes
// 2 bytes, so up to 32 MB of the server's heap limit (scripts/server/node-flags.mjs).
const MAX_ENTRIES = 5_000;
const MAX_CHARS = Number(process.env.PUBLIC_CACHE_MAX_MB || 16) * 1024 * 1024;

interface Stored {
  json: string;
  tags: CacheTag[];
}

interface Entry {
  stored: Promise<Stored>;
  // The shared clock before the database was read, and its epoch.
  start: bigint;
  epoch: string;
  storedAt: number;
  // Counted in State.chars once the value is there.
  chars: number;
}

interface State {
  epoch: string;
  // Every expiry up to this clock value is in `tags`.
  clock: bigint;
  tags: Map<CacheTag, bigint>;
  entries: Map<string, Entry>;
  chars: number;
}

// globalThis, because Next bundles each route separately.
const state: State = ((globalThis as { __nisPublicCache?: State }).__nisPublicCache ??= {
  epoch: '',
  clock: 0n,
  tags: new Map(),
  entries: new Map(),
  chars: 0,
});
// A state left by an older module version (dev's hot reload) has no size yet.
state.chars ??= 0;

function removeEntry(key: string): void {
  const entry = state.entries.get(key);
  if (!entry) return;
  state.entries.delete(key);
  state.chars -= entry.chars;
}

function removeAll(): void {
  state.entries.clear();
  state.chars = 0;
}

function evictOldest(): void {
  const oldest = state.entries.keys().next();
  if (!oldest.done) removeEntry(oldest.value);
}

const NO_VALUE = '';

// Only inside the Next.js server: tests and scripts (seed, import) read the database directly,
// so that a test that writes and reads again sees its own write.
function cacheEnabled(): boolean {
  return process.env.NEXT_RUNTIME === 'nodejs';
}

function isFresh(tags: CacheTag[], start: bigint): boolean {
  return tags.every((tag) => (state.tags.get(tag) ?? 0n) <= start);
}

// Brings this process up to the shared clock; returns the clock value read, or null while the
// database cannot be reached: then cached copies are served as they are (no edit can be saved
// meanwhile; pages whose data is cached keep answering) and nothing new is stored.
async function syncClock(): Promise<{ clock: bigint; epoch: string } | null> {
  let value: bigint;
  let epoch: string;
  try {
    ({ value, epoch } = await readCacheClock());
  } catch (error) {
    // A stalled database fails with a timeout that Prisma may wrap beyond recognition: whatever
    // the reason, without the clock the cache only serves what it has and stores nothing.
    if (!isDatabaseUnavailableError(error)) console.error('Zwischenspeicher: Stand der Tags nicht lesbar', error);
    return null;
  }
  if (epoch !== state.epoch || value < state.clock) {
    // The whole cache was expired (db:restore, seed) or the database replaced.
    state.epoch = epoch;
    state.clock = value;
    state.tags.clear();
    removeAll();
  } else if (value > state.clock) {
    const expired = await readExpiredTags(state.clock);
    if (epoch !== state.epoch) return { clock: value, epoch };
    for (const [tag, generation] of expired) {
      if (generation > (state.tags.get(tag) ?? 0n)) state.tags.set(tag, generation);
    }
    if (value > state.clock) {
      state.clock = value;
      sweep();
    }
  }
  return { clock: value, epoch };
}

// Once per request (React's request-scoped cache while rendering; outside a render, such as in a
// route handler, every call reads): a request reads the clock when it first needs a cached value,
// which is after it began, so it sees every edit that was answered before it.
const syncClockForRequest = cache(syncClock);

// Entries that an expiry made stale can never be served again: drop them.
function sweep(): void {
  for (const [key, entry] of state.entries) {
    void entry.stored.then(
      (stored) => {
        if (state.entries.get(key) === entry && !isFresh(stored.tags, entry.start)) removeEntry(key);
      },
      () => {},
    );
  }
}

// A read that shows an entry expires with every entry too (vocabulary, import: entryTags(null)).
function withEntriesTag(tags: CacheTag[]): CacheTag[] {
  return tags.some((tag) => tag.startsWith(ORGANIZATION_TAG_PREFIX)) ? [...tags, ENTRIES_TAG] : tags;
}

// A page that Next renders into its full-route cache (lib/next-cache-handler.mjs) must carry the
// tags of every cached read it showed, so that the same expiry makes the page stale. Next itself
// collects unstable_cache()'s tags this way (the render's work unit store; Next puts them into
// the page's x-next-cache-tags): we add ours to the same list. Outside such a render (a request
// rendered per request, a route handler, a script) there is no list and nothing to do.
function reportTags(tags: CacheTag[]): void {
  const store = workUnitAsyncStorage.getStore() as { type: string; tags?: string[] | null } | undefined;
  if (!store || store.type !== 'prerender-legacy') return;
  if (!store.tags) store.tags = [];
  for (const tag of tags) if (!store.tags.includes(tag)) store.tags.push(tag);
}

type TagsOf<Args extends unknown[], Result> = CacheTag[] | ((result: Result, ...args: Args) => CacheTag[]);

/**
 * A cached public read. `tags`: the tags whose expiry makes the result stale, either fixed or
 * computed from the result (e.g. the id of the entry a slug resolved to). Every read that shows an
 * entry carries its organizationTag() (and so, added here, ENTRIES_TAG).
 */
export function cachedPublicRead<Args extends unknown[], Result>(
  read: (...args: Args) => Promise<Result>,
  keyParts: string[],
  tags: TagsOf<Args, Result>,
): (...args: Args) => Promise<Result> {
  return async (...args: Args) => {
    if (!cacheEnabled()) return read(...args);
    const synced = await syncClockForRequest();
    const key = JSON.stringify([keyParts, args]);
    const hit = state.entries.get(key);
    if (hit && hit.epoch === state.epoch && Date.now() - hit.storedAt < MAX_AGE_MS) {
      const stored = await hit.stored.catch(() => null);
      if (stored && isFresh(stored.tags, hit.start)) {
        // Refresh its place in the LRU order.
        if (state.entries.get(key) === hit) {
          state.entries.delete(key);
          state.entries.set(key, hit);
        }
        reportTags(stored.tags);
        return parse<Result>(stored.json);
      }
    }
    // Concurrent requests for the same key share one database read.
    const stored = read(...args).then((value): Stored => {
      const json = value === undefined ? NO_VALUE : JSON.stringify(value);
      return { json, tags: withEntriesTag(typeof tags === 'function' ? tags(value, ...args) : tags) };
    });
    if (synced && synced.epoch === state.epoch) {
      const entry: Entry = { stored, start: synced.clock, epoch: synced.epoch, storedAt: Date.now(), chars: 0 };
      removeEntry(key);
      state.entries.set(key, entry);
      stored.then(
        (value) => {
          if (state.entries.get(key) !== entry) return;
          if (value.json.length > MAX_CHARS / 4) return removeEntry(key);
          entry.chars = value.json.length;
          state.chars += entry.chars;
          while (state.chars > MAX_CHARS && state.entries.size > 1) evictOldest();
        },
        () => {
          if (state.entries.get(key) === entry) removeEntry(key);
        },
      );
      while (state.entries.size > MAX_ENTRIES) evictOldest();
    }
    const result = await stored;
    reportTags(result.tags);
    return parse<Result>(result.json);
  };
}

function parse<Result>(json: string): Result {
  return (json === NO_VALUE ? undefined : JSON.parse(json)) as Result;
}
