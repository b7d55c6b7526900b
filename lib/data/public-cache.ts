// Public reads go through Next's data cache, tagged so that an admin write (expireCache() in
// lib/cache.ts) makes the change public at once. Cached values are JSON: DTOs carry ISO date
// strings, never Date objects.
import 'server-only';
import { randomUUID } from 'node:crypto';
import { unstable_cache } from 'next/cache';
import type { CacheTag } from '@/lib/cache';

// One hour is only a safety net: edits expire the tags immediately.
const REVALIDATE_SECONDS = 3600;

// Next keeps these entries on disk across restarts, but tag expiry lives in memory: a restart
// against another or a restored database would otherwise serve old entries for up to an hour.
// A key per server process makes every start begin with an empty cache.
const PROCESS_KEY = randomUUID();

export function cachedPublicRead<Args extends unknown[], Result>(
  read: (...args: Args) => Promise<Result>,
  keyParts: string[],
  tags: CacheTag[],
): (...args: Args) => Promise<Result> {
  const cached = unstable_cache(read, [PROCESS_KEY, ...keyParts], { tags, revalidate: REVALIDATE_SECONDS });
  return async (...args: Args) => {
    try {
      return await cached(...args);
    } catch (error) {
      // Outside a Next.js server (tests, scripts) there is no cache to use: read directly.
      if (error instanceof Error && error.message.startsWith('Invariant: incrementalCache missing')) {
        return read(...args);
      }
      throw error;
    }
  };
}
