// Anonymous search log: the words, the UI language, the number of results and the filters. No IP,
// no user, no session: coordinators see which needs find no provider.
import 'server-only';
import { db } from '@/lib/db';
import { type DirectoryQuery, filtersForLog } from '@/lib/search/query';

// Searches served from the cache are logged on every visit (lib/search/search-hits.ts): the
// entries of a short window go to the database in one statement, not one insert per request.
const BATCH_MS = 200;

type Row = { query: string; locale: string; resultCount: number; filters: Record<string, string | number | boolean> };
let batch: { rows: Row[]; written: Promise<void> } | undefined;

/** Resolves once the entry is written (with the others of its window). */
export function logSearch({ query, locale, resultCount }: { query: DirectoryQuery; locale: string; resultCount: number }): Promise<void> {
  if (!batch) {
    const next: { rows: Row[]; written?: Promise<void> } = { rows: [] };
    next.written = new Promise((resolve) => setTimeout(resolve, BATCH_MS)).then(async () => {
      if (batch === next) batch = undefined;
      await db.searchLog.createMany({ data: next.rows });
    });
    batch = next as { rows: Row[]; written: Promise<void> };
  }
  batch.rows.push({ query: query.q.slice(0, 200), locale, resultCount, filters: filtersForLog(query) });
  return batch.written;
}
