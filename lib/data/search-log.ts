// Anonymous search log: the words, the UI language, the number of results and the filters. No IP,
// no user, no session: coordinators see which needs find no provider.
import 'server-only';
import { db } from '@/lib/db';
import { type DirectoryQuery, filtersForLog } from '@/lib/search/query';

export async function logSearch({
  query,
  locale,
  resultCount,
}: {
  query: DirectoryQuery;
  locale: string;
  resultCount: number;
}): Promise<void> {
  await db.searchLog.create({
    data: { query: query.q.slice(0, 200), locale, resultCount, filters: filtersForLog(query) },
  });
}
