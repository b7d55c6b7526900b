// Anonymous search log: the words, the UI language, the number of results and the filters. No IP,
// no user, no session: coordinators see which needs find no provider.
import 'server-only';
import { db } from '@/lib/db';
import { type DirectoryQuery, filtersForLog } from '@/lib/search/query';

// Searches served from the cache are logged on every visit (lib/search/search-hits.ts): the
// entries of a short window go to the database in one statement, not one insert per request.
const BATCH_MS = 200;

type Row = { query: string; locale: string; resultCount: number; filters: string };
type Batch = { rows: Map<string, { row: Row; visits: number }>; written: Promise<void> };
let batch: Batch | undefined;

// One statement for the whole window, and one row per search in it with its number of visits: a
// popular cached search is visited hundreds of times a second, and a row (or a parameter set) per
// visit cost the server more than serving the page (npm run bench). Reports sum "visits".
async function write(rows: { row: Row; visits: number }[]): Promise<void> {
  await db.$executeRaw`
    INSERT INTO "SearchLog" ("query", "locale", "resultCount", "filters", "visits")
    SELECT entry.query, entry.locale, entry.result_count, entry.filters::jsonb, entry.visits
    FROM unnest(
      ${rows.map(({ row }) => row.query)}::text[],
      ${rows.map(({ row }) => row.locale)}::text[],
      ${rows.map(({ row }) => row.resultCount)}::int[],
      ${rows.map(({ row }) => row.filters)}::text[],
      ${rows.map(({ visits }) => visits)}::int[]
    ) AS entry(query, locale, result_count, filters, visits)`;
}

/** Resolves once the entry is written (with the others of its window). */
export function logSearch({ query, locale, resultCount }: { query: DirectoryQuery; locale: string; resultCount: number }): Promise<void> {
  if (!batch) {
    const next: { rows: Batch['rows']; written?: Promise<void> } = { rows: new Map() };
    next.written = new Promise((resolve) => setTimeout(resolve, BATCH_MS)).then(async () => {
      if (batch === next) batch = undefined;
      await write([...next.rows.values()]);
    });
    batch = next as Batch;
  }
  const row: Row = { query: query.q.slice(0, 200), locale, resultCount, filters: JSON.stringify(filtersForLog(query)) };
  const key = JSON.stringify(row);
  const entry = batch.rows.get(key);
  if (entry) entry.visits += 1;
  else batch.rows.set(key, { row, visits: 1 });
  return batch.written;
}
