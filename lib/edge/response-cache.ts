// The edge's response cache: the exact bytes Next sent for a public GET that it answered from one
// entry of its full-route cache (lib/next-cache-handler.mjs), kept here and sent again for the same
// request without calling Next (no proxy, no cache handler, no RSC/HTML machinery), for exactly as
// long as that entry is still the one Next would serve as a HIT:
// - the entry is still stored under its key (not replaced by a newer render, not evicted),
// - none of its tags was expired on the shared clock after its render and the epoch is the same
//   (the same clock read the cache handler uses: one read per request, shared by concurrent ones),
// - its revalidate (and expire) time has not passed; then Next serves it stale and renders it
//   again in the background, and the new entry is kept here once it answers a request.
// While the database cannot be reached, tags and epoch are not checked (as in the cache handler):
// cached pages keep answering.
//
// Stored only: 200 answers to GET from the one page-level entry (x-nextjs-cache HIT, or the MISS
// that just stored it) with a public Cache-Control and no Set-Cookie, for requests without a
// session cookie. Requests that bypass it, always: other methods than GET and HEAD (HEAD is served
// from the GET's entry), conditional and range requests, Next's own navigation requests (RSC,
// prefetch, router-state headers, `_rsc`), draft mode. The key is the request target exactly as
// sent plus the Host and forwarded host/protocol headers (next-intl's alternate links) and the
// locale cookie (next-intl may answer it with a cookie); Accept-Language only decides next-intl's
// redirects, which are never stored.
// Each HTML copy gets its own nonce (spliced in at offsets found once, lib/edge/nonce.ts) and CSP;
// every other header is the one stored, so a hit looks like Next's HIT plus `x-edge-cache: HIT`.
import type { IncomingHttpHeaders, IncomingMessage, OutgoingHttpHeaders } from 'node:http';
import { z } from 'zod';
import { nonceSlots } from './nonce.ts';
import type { EdgeRequestState, PageEntryRef } from './request-state.ts';

export const EDGE_CACHE_HEADER = 'x-edge-cache';
const DEFAULT_MAX_MB = 24;

interface Clock {
  value: bigint;
  epoch: string;
}

// What lib/next-cache-handler.mjs offers on globalThis.__nisPageCache.edge.
interface PageCacheApi {
  clockSince(notBefore: number): Promise<Clock | null>;
  isCurrent(ref: PageEntryRef, clock: Clock | null): boolean;
}

export interface StoredResponse {
  status: number;
  /** Every header as the edge sent it, without Content-Security-Policy for HTML (per nonce). */
  headers: OutgoingHttpHeaders;
  /** The body as Next sent it (HTML unstamped). */
  body: Buffer;
  isHtml: boolean;
  /** HTML: where the nonce goes (lib/edge/nonce.ts). */
  slots: number[];
  ref: PageEntryRef;
  bytes: number;
}

function pageCache(): PageCacheApi | undefined {
  return (globalThis as { __nisPageCache?: { edge?: PageCacheApi } }).__nisPageCache?.edge;
}

const BYPASS_HEADER = /^(?:rsc|next-|x-nextjs-|if-|range$|x-middleware-|x-prerender-)/;
// Draft mode and preview cookies make Next render instead of serving its cache.
const BYPASS_COOKIE = /(?:^|;)\s*(?:__prerender_bypass|__next_preview_data)=/;
const LOCALE_COOKIE = /(?:^|;)\s*NEXT_LOCALE=([^;]*)/;

function header(headers: IncomingHttpHeaders, name: string): string {
  const value = headers[name];
  return Array.isArray(value) ? value.join(',') : (value ?? '');
}

/**
 * The key a request's answer is kept under, or null when the request must go to Next. `target`:
 * the request target as sent; `hasSession`: it carries a session cookie.
 */
export function responseCacheKey(req: Pick<IncomingMessage, 'method' | 'headers'>, target: string, hasSession: boolean): string | null {
  if ((req.method !== 'GET' && req.method !== 'HEAD') || hasSession) return null;
  for (const name of Object.keys(req.headers)) if (BYPASS_HEADER.test(name)) return null;
  const queryStart = target.indexOf('?');
  if (queryStart !== -1 && /(?:^|&)_rsc(?:=|&|$)/.test(target.slice(queryStart + 1))) return null;
  const cookie = header(req.headers, 'cookie');
  if (BYPASS_COOKIE.test(cookie)) return null;
  const locale = LOCALE_COOKIE.exec(cookie)?.[1] ?? '';
  return [target, header(req.headers, 'host'), header(req.headers, 'x-forwarded-host'), header(req.headers, 'x-forwarded-proto'), locale].join('\n');
}

/** The one page-level entry a request was answered from, if exactly one (HIT: read; MISS: stored). */
export function answeringEntry(state: EdgeRequestState, nextCache: string | undefined): PageEntryRef | undefined {
  const entries = state.pageEntries ?? [];
  const via = nextCache === 'HIT' ? 'get' : nextCache === 'MISS' ? 'set' : undefined;
  if (!via) return undefined;
  const refs = entries.filter((ref) => ref.via === via);
  if (refs.length !== 1) return undefined;
  // A MISS must not have been answered from another entry as well (a HIT never stores one).
  if (entries.some((ref) => ref.key !== refs[0].key)) return undefined;
  return refs[0];
}

export interface ResponseCache {
  /** The stored answer for `key` if its entry is still current (one clock read begun at or after `since`). */
  lookup(key: string, since: number): Promise<StoredResponse | undefined>;
  store(key: string, response: Omit<StoredResponse, 'slots' | 'bytes'>): void;
  /** Largest body worth collecting. */
  readonly maxEntryBytes: number;
}

const maxMegabytes = z.union([z.literal('').transform(() => DEFAULT_MAX_MB), z.coerce.number().finite().nonnegative()]).default(DEFAULT_MAX_MB);

/** EDGE_CACHE_MAX_MB in bytes; a value that is no number of megabytes stops the server at its start. */
export function maxBytesFromEnv(value: string | undefined): number {
  const parsed = maxMegabytes.safeParse(value);
  if (!parsed.success) throw new Error(`EDGE_CACHE_MAX_MB muss eine Zahl (Megabyte, ab 0) sein, nicht „${value}“.`);
  return parsed.data * 1024 * 1024;
}

function headerBytes(headers: OutgoingHttpHeaders): number {
  let bytes = 0;
  for (const [name, value] of Object.entries(headers)) bytes += name.length + String(value).length;
  return bytes;
}

/** Least recently used answers go first once `maxBytes` is exceeded; 0 switches the cache off. */
export function createResponseCache(maxBytes: number): ResponseCache {
  const entries = new Map<string, StoredResponse>();
  let total = 0;
  const remove = (key: string) => {
    const entry = entries.get(key);
    if (!entry) return;
    entries.delete(key);
    total -= entry.bytes;
  };
  return {
    maxEntryBytes: Math.floor(maxBytes / 8),
    async lookup(key, since) {
      const entry = entries.get(key);
      const api = pageCache();
      if (!entry || !api) return undefined;
      const clock = await api.clockSince(since);
      // The map may have changed while the clock was read.
      if (entries.get(key) !== entry) return undefined;
      if (!api.isCurrent(entry.ref, clock)) {
        remove(key);
        return undefined;
      }
      entries.delete(key);
      entries.set(key, entry);
      return entry;
    },
    store(key, response) {
      remove(key);
      const slots = response.isHtml ? nonceSlots(response.body) : [];
      const bytes = 512 + response.body.length + headerBytes(response.headers) + key.length + slots.length * 8;
      if (bytes > maxBytes / 8) return;
      entries.set(key, { ...response, slots, bytes });
      total += bytes;
      while (total > maxBytes && entries.size > 0) remove(entries.keys().next().value!);
    },
  };
}
