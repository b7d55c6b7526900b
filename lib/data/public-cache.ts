// Public reads are cached in the server process and expired by tag: every admin write that a
// visitor could see calls expireCache() (lib/cache.ts), which makes the change public at once.
// Cached values are stored as JSON and parsed on every hit, so no request can change another
// request's copy: DTOs carry ISO date strings, never Date objects.
//
// Why not Next's unstable_cache: its tag expiry compares a wall-clock timestamp (Date.now() when
// the tag was expired) with a monotonic clock (performance.timeOrigin + performance.now()). When
// the machine's wall clock is stepped forward after the server started (NTP on a resumed VM), an
// expired tag does not count as expired, and edits stay invisible until the clocks agree again;
// CI saw exactly that (a published entry missing from the sitemap). A read racing an expiry could
// also store data read before the edit as fresh. Here expiry is a generation number per tag:
// a read that started before an expiry stores its result under the old generation, which is never
// read again. No clock is involved except the one-hour safety net.
import 'server-only';
import { cacheGeneration, DIRECTORY_TAG, PAGES_TAG, type CacheTag } from '@/lib/cache';

// One hour is only a safety net: edits expire the tags immediately.
const MAX_AGE_MS = 3_600_000;
// Bounded memory: the least recently used entries go first.
const MAX_ENTRIES = 5_000;

interface Entry {
  json: Promise<string>;
  storedAt: number;
  generations: [CacheTag, number][];
}

interface Store {
  entries: Map<string, Entry>;
  sweptAt: string;
}

const store: Store = ((globalThis as { __nisPublicCache?: Store }).__nisPublicCache ??= { entries: new Map(), sweptAt: '' });
const entries = store.entries;

// After an expiry, entries of older generations can never be read again: drop them (once per
// change of generations, not on every read).
function sweep(current: string): void {
  if (store.sweptAt === current) return;
  store.sweptAt = current;
  for (const [key, entry] of entries) {
    if (entry.generations.some(([tag, generation]) => cacheGeneration(tag) !== generation)) entries.delete(key);
  }
}

const ALL_TAGS: CacheTag[] = [DIRECTORY_TAG, PAGES_TAG];
const NO_VALUE = '';

// Only inside the Next.js server: tests and scripts (seed, import) read the database directly,
// so that a test that writes and reads again sees its own write.
function cacheEnabled(): boolean {
  return process.env.NEXT_RUNTIME === 'nodejs';
}

export function cachedPublicRead<Args extends unknown[], Result>(
  read: (...args: Args) => Promise<Result>,
  keyParts: string[],
  tags: CacheTag[],
): (...args: Args) => Promise<Result> {
  return async (...args: Args) => {
    if (!cacheEnabled()) return read(...args);
    const generations = tags.map((tag): [CacheTag, number] => [tag, cacheGeneration(tag)]);
    const key = JSON.stringify([keyParts, generations, args]);
    const now = Date.now();
    const hit = entries.get(key);
    if (hit && now - hit.storedAt < MAX_AGE_MS) {
      // Refresh its place in the LRU order.
      entries.delete(key);
      entries.set(key, hit);
      return parse<Result>(await hit.json);
    }
    sweep(JSON.stringify(ALL_TAGS.map((tag) => cacheGeneration(tag))));
    // Concurrent requests for the same key share one database read.
    const json = read(...args).then((value) => (value === undefined ? NO_VALUE : JSON.stringify(value)));
    const entry: Entry = { json, storedAt: now, generations };
    entries.delete(key);
    entries.set(key, entry);
    json.catch(() => {
      if (entries.get(key) === entry) entries.delete(key);
    });
    while (entries.size > MAX_ENTRIES) entries.delete(entries.keys().next().value as string);
    return parse<Result>(await json);
  };
}

function parse<Result>(json: string): Result {
  return (json === NO_VALUE ? undefined : JSON.parse(json)) as Result;
}
