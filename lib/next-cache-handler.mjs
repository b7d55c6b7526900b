// Next's full-route cache (ISR pages, cached route handlers, unstable_cache data) for this app:
// next.config.js `cacheHandler`. Plain JavaScript because Next loads it outside its bundles, also
// during `next build` (no TypeScript loader, no path aliases).
//
// Entries live in this process's memory (least recently used go first, bounded by bytes). What is
// stale is decided by the shared tag clock in PostgreSQL (tables CacheClock and CacheTag, written
// by expireCache() in lib/data/cache-expiry.ts; reasoning in lib/cache.ts): an entry remembers the
// clock value read before it was rendered, and is stale once one of its tags (the tags its cached
// reads reported, x-next-cache-tags) was expired after that value. Every request reads the clock
// once (one primary-key read; concurrent requests share a read that began after they did), so the
// next request after an edit on any instance re-renders. A new epoch (db:restore, seed) drops
// everything. While the database cannot be reached, cached pages are served as they are and
// nothing new is stored. No wall clock decides, except the one-hour safety net.
//
// The edge's response cache (lib/edge/response-cache.ts) keeps the bytes of a page answered from
// one of these entries and serves them only while that entry is still the current one: every
// page-level entry this handler returns or stores inside a request is recorded on the edge's
// request state, and `state.edge` (below) lets the edge read the same clock and ask the same
// question this handler asks in get().
import pg from 'pg';

// 64 MB: a page at 10,000 organizations takes about 190 KB (HTML and RSC payload), so about 340
// pages, all the bench's public routes several times over; with the data cache and the edge's
// response cache it must fit into the server's heap limit (scripts/server/node-flags.mjs,
// docs/performance.md "Memory budget"). The HTML is counted in characters: pages in Arabic or
// Ukrainian take up to twice as many bytes.
const MAX_BYTES = Number(process.env.PAGE_CACHE_MAX_MB || 64) * 1024 * 1024;
const MAX_AGE_MS = 3_600_000;
const TAGS_HEADER = 'x-next-cache-tags';
// After the database could not be reached, requests do not wait for their own timeouts for this
// long (like lib/db.ts): cached pages are served at once meanwhile.
const FAIL_FAST_MS = 2_000;

/**
 * @typedef {{ value: any, tags: string[], start: bigint, epoch: string, storedAt: number,
 *   lastModified: number, cacheControl: any, bytes: number }} Entry
 * @typedef {{ value: bigint, epoch: string }} Clock
 */

/** @type {{ epoch: string, clock: bigint, tags: Map<string, bigint>, entries: Map<string, Entry>,
 *   bytes: number, pool: pg.Pool | null, read: { startedAt: number, promise: Promise<Clock | null> } | null, failedUntil: number,
 *   edge?: { clockSince: (notBefore: number) => Promise<Clock | null>, isCurrent: (ref: any, clock: Clock | null) => boolean } }} */
const state = (globalThis.__nisPageCache ??= {
  epoch: '',
  clock: 0n,
  tags: new Map(),
  entries: new Map(),
  bytes: 0,
  pool: null,
  read: null,
  failedUntil: 0,
});

function pool() {
  if (!process.env.DATABASE_URL) return null;
  if (!state.pool) {
    state.pool = new pg.Pool({
      connectionString: process.env.DATABASE_URL,
      max: 4,
      connectionTimeoutMillis: 3_000,
      query_timeout: 3_000,
      idleTimeoutMillis: 30_000,
    });
    // An idle client's lost connection must not end the process.
    state.pool.on('error', () => {});
  }
  return state.pool;
}

function dropAll() {
  state.entries.clear();
  state.bytes = 0;
  state.tags.clear();
}

/** Reads the shared clock and the tags expired since the last read; null without a database. */
async function readClock() {
  const db = pool();
  if (!db || Date.now() < state.failedUntil) return null;
  try {
    const { rows } = await db.query('SELECT "value"::text AS "value", "epoch"::text AS "epoch" FROM "CacheClock" WHERE "id" = 1');
    if (!rows[0]) return null;
    const value = BigInt(rows[0].value);
    const epoch = rows[0].epoch;
    if (epoch !== state.epoch || value < state.clock) {
      // db:restore or the seed started a new epoch (or the database was replaced).
      dropAll();
      state.epoch = epoch;
      state.clock = value;
    } else if (value > state.clock) {
      const since = state.clock;
      const expired = await db.query('SELECT "tag", "generation"::text AS "generation" FROM "CacheTag" WHERE "generation" > $1', [since.toString()]);
      if (epoch !== state.epoch) return { value, epoch };
      for (const row of expired.rows) {
        const generation = BigInt(row.generation);
        if (generation > (state.tags.get(row.tag) ?? 0n)) state.tags.set(row.tag, generation);
      }
      if (value > state.clock) state.clock = value;
    }
    return { value, epoch };
  } catch {
    state.failedUntil = Date.now() + FAIL_FAST_MS;
    return null;
  }
}

/** A clock read that began at or after `notBefore` (shared with concurrent requests). */
function clockSince(notBefore) {
  if (state.read && state.read.startedAt >= notBefore) return state.read.promise;
  const read = { startedAt: performance.now(), promise: readClock() };
  state.read = read;
  void read.promise.finally(() => {
    if (state.read === read) state.read = null;
  });
  return read.promise;
}

function isFresh(entry, extraTags) {
  for (const tag of entry.tags) if ((state.tags.get(tag) ?? 0n) > entry.start) return false;
  for (const tag of extraTags) if ((state.tags.get(tag) ?? 0n) > entry.start) return false;
  return true;
}

// The edge's AsyncLocalStorage (lib/edge/request-state.ts), shared through globalThis.
const REQUEST_STATE = Symbol.for('netzwerk.edge.requestState');

/** Tells the edge which page-level entry (not a data entry) answered or was stored by this request. */
function recordForEdge(key, entry, extraTags, via) {
  if (entry.value?.kind === 'FETCH') return;
  const store = globalThis[REQUEST_STATE]?.getStore();
  if (!store) return;
  (store.pageEntries ??= []).push({ key, entry, extraTags, via });
}

/** Milliseconds after its render until Next itself would treat the entry as stale; undefined when unknown. */
function freshForMs(entry) {
  const control = entry.cacheControl;
  if (!control) return undefined;
  const limits = [];
  if (typeof control.revalidate === 'number') limits.push(control.revalidate * 1000);
  else if (control.revalidate !== false) return undefined;
  if (typeof control.expire === 'number') limits.push(control.expire * 1000);
  return Math.min(MAX_AGE_MS, ...limits);
}

/**
 * Whether a recorded entry would still be served by get() now, as a HIT (not stale by its
 * revalidate time either). `clock`: a read begun after the question arose; null while the
 * database cannot be reached (then, as in get(), tags and epoch are not checked).
 */
function isCurrent(ref, clock) {
  const { key, entry, extraTags } = ref;
  if (state.entries.get(key) !== entry) return false;
  const freshFor = freshForMs(entry);
  if (freshFor === undefined || Date.now() - entry.lastModified >= freshFor) return false;
  if (clock && (entry.epoch !== state.epoch || !isFresh(entry, extraTags))) return false;
  return true;
}

state.edge = { clockSince, isCurrent };

function tagsOf(data, ctx) {
  const tags = new Set(ctx?.tags ?? []);
  for (const tag of data?.tags ?? []) tags.add(tag);
  const header = data?.headers?.[TAGS_HEADER];
  if (typeof header === 'string') for (const tag of header.split(',')) if (tag) tags.add(tag);
  return [...tags];
}

function byteLength(part) {
  if (!part) return 0;
  if (typeof part === 'string') return part.length;
  if (typeof part.byteLength === 'number') return part.byteLength;
  return 0;
}

function sizeOf(value) {
  if (!value) return 256;
  let bytes = 256 + byteLength(value.html) + byteLength(value.rscData) + byteLength(value.body) + byteLength(value.postponed);
  if (value.segmentData instanceof Map) for (const segment of value.segmentData.values()) bytes += byteLength(segment);
  if (value.data) bytes += byteLength(value.data.body) + 256;
  return bytes;
}

function remove(key) {
  const entry = state.entries.get(key);
  if (!entry) return;
  state.entries.delete(key);
  state.bytes -= entry.bytes;
}

export default class CacheHandler {
  constructor() {
    // Next creates one handler per request: the clock is read at most once per request, by a
    // read that began after the request did.
    this.bornAt = performance.now();
    this.clock = undefined;
  }

  /** @returns {Promise<Clock | null>} */
  sync() {
    this.clock ??= clockSince(this.bornAt);
    return this.clock;
  }

  async get(key, ctx) {
    const clock = await this.sync();
    const entry = state.entries.get(key);
    if (!entry) return null;
    const extraTags = [...(ctx?.tags ?? []), ...(ctx?.softTags ?? [])];
    // Without the database, serve what we have.
    if (clock && (entry.epoch !== state.epoch || Date.now() - entry.storedAt > MAX_AGE_MS || !isFresh(entry, extraTags))) {
      remove(key);
      return null;
    }
    // Refresh its place in the LRU order.
    state.entries.delete(key);
    state.entries.set(key, entry);
    recordForEdge(key, entry, extraTags, 'get');
    return { lastModified: entry.lastModified, value: entry.value, cacheControl: entry.cacheControl };
  }

  async set(key, data, ctx) {
    remove(key);
    if (!data) return;
    // The clock value read before this request rendered: an edit committed after it makes the
    // entry stale, so a render racing an edit never stores old content as fresh.
    const clock = this.clock ? await this.clock : null;
    if (!clock || clock.epoch !== state.epoch) return;
    const entry = {
      value: data,
      tags: tagsOf(data, ctx),
      start: clock.value,
      epoch: clock.epoch,
      storedAt: Date.now(),
      lastModified: Date.now(),
      cacheControl: ctx?.cacheControl,
      bytes: sizeOf(data),
    };
    if (entry.bytes > MAX_BYTES / 8) return;
    state.entries.set(key, entry);
    state.bytes += entry.bytes;
    recordForEdge(key, entry, [...(ctx?.tags ?? []), ...(ctx?.softTags ?? [])], 'set');
    while (state.bytes > MAX_BYTES && state.entries.size > 0) remove(state.entries.keys().next().value);
  }

  // revalidateTag()/revalidatePath() go through the same shared clock as expireCache().
  async revalidateTag(tags) {
    const list = [...new Set(Array.isArray(tags) ? tags : [tags])];
    const db = pool();
    if (!db || list.length === 0) return;
    await db.query(
      `WITH clock AS (UPDATE "CacheClock" SET "value" = "value" + 1 WHERE "id" = 1 RETURNING "value")
       INSERT INTO "CacheTag" ("tag", "generation")
       SELECT tag, clock."value" FROM unnest($1::text[]) AS tag, clock
       ON CONFLICT ("tag") DO UPDATE SET "generation" = EXCLUDED."generation"`,
      [list],
    );
  }

  resetRequestCache() {}
}
