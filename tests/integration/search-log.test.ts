// The anonymous search log under load: the visits of one write window are one row per search with
// their number, no visit lost, filters and result counts kept with their own search; and the
// reports count visits, not rows.
import { beforeAll, describe, expect, it } from 'vitest';
import { listZeroResultFilters, listZeroResultSearches } from '@/lib/data/dashboard';
import { logSearch } from '@/lib/data/search-log';
import { parseDirectoryQuery } from '@/lib/search/query';
import { getTestDb, testDatabaseUrl } from '../setup/db.ts';
import { seedDatabase } from '@/prisma/seed';
import { createAdminActor } from './helpers/admin-actors.ts';

const db = getTestDb();

beforeAll(async () => {
  await seedDatabase({ url: testDatabaseUrl(), adminPassword: 'test-passwort-123456' });
  await db.searchLog.deleteMany({ where: { query: { startsWith: 'Protokolltest' } } });
});

describe('search log', () => {
  it('keeps every visit of a window, one row per search, and the reports count the visits', async () => {
    const visits: Promise<void>[] = [];
    for (let index = 0; index < 25; index += 1) {
      visits.push(logSearch({ query: parseDirectoryQuery({ q: 'Protokolltest Wohnung' }), locale: 'de', resultCount: 0 }));
    }
    for (let index = 0; index < 4; index += 1) {
      visits.push(logSearch({ query: parseDirectoryQuery({ q: 'Protokolltest Wohnung', sprache: 'ar' }), locale: 'ar', resultCount: 1 }));
    }
    visits.push(logSearch({ query: parseDirectoryQuery({ q: "Protokolltest O'Brien \"Zitat\" \\ ä" }), locale: 'uk', resultCount: 0 }));
    for (let index = 0; index < 3; index += 1) {
      visits.push(logSearch({ query: parseDirectoryQuery({ sprache: 'fa', ort: 'Havelberg' }), locale: 'fa', resultCount: 0 }));
    }
    await Promise.all(visits);

    const rows = await db.searchLog.findMany({ where: { query: { startsWith: 'Protokolltest' } }, orderBy: { id: 'asc' } });
    expect(rows.reduce((sum, row) => sum + row.visits, 0)).toBe(30);
    // Grouped: the same search in one window is one row.
    expect(rows.length).toBeLessThan(10);
    const plain = rows.filter((row) => row.locale === 'de');
    expect(plain.reduce((sum, row) => sum + row.visits, 0)).toBe(25);
    expect(plain.every((row) => row.query === 'Protokolltest Wohnung' && row.resultCount === 0)).toBe(true);
    const arabic = rows.filter((row) => row.locale === 'ar');
    expect(arabic.reduce((sum, row) => sum + row.visits, 0)).toBe(4);
    expect(arabic[0]).toMatchObject({ resultCount: 1, filters: { language: 'ar' } });
    expect(rows.find((row) => row.locale === 'uk')).toMatchObject({ query: "Protokolltest O'Brien \"Zitat\" \\ ä", resultCount: 0, filters: {}, visits: 1 });

    const actor = await createAdminActor();
    const zero = await listZeroResultSearches({ actor });
    expect(zero.find((entry) => entry.query === 'protokolltest wohnung')?.count).toBe(25);
    const filters = await listZeroResultFilters({ actor });
    expect(filters.find((entry) => entry.filters.municipality === "Havelberg" && entry.filters.language === 'fa')?.count).toBe(3);
  });
});
