// Searches and filters come from the full-route cache (proxy.ts -> akteure-suche/<key>,
// lib/edge/cached-routes.ts), and every visit of a search is still logged once with its result
// count (lib/search/search-hits.ts), also when the page is not rendered again or the edge answers
// it from its response cache (lib/edge/response-cache.ts); prefetches of a
// search link are not visits. The twin's own address is not found.
import { randomBytes } from 'node:crypto';
import { PrismaPg } from '@prisma/adapter-pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { PrismaClient } from '@/lib/generated/prisma/client';
import { cachedRoute } from '@/lib/edge/cached-routes';
import { createDirectoryFixtures, FIXTURE_SLUGS as F } from '../fixtures/directory.ts';
import { newPage } from './support/browser.ts';

let db: PrismaClient;
const base = () => inject('E2E_BASE_URL');

beforeAll(async () => {
  db = new PrismaClient({ adapter: new PrismaPg({ connectionString: inject('E2E_DATABASE_URL'), max: 2 }) });
  if (!(await db.organization.findUnique({ where: { slug: F.mueller } }))) await createDirectoryFixtures(db);
});

afterAll(async () => {
  await db?.$disconnect();
});

type LoggedVisit = { resultCount: number; locale: string };

// The log keeps one row per search and write window with its number of visits: one entry per visit.
async function visitsOf(query: string): Promise<LoggedVisit[]> {
  const rows = await db.searchLog.findMany({ where: { query }, select: { resultCount: true, locale: true, visits: true }, orderBy: { id: 'desc' } });
  return rows.flatMap(({ visits, ...row }) => Array.from({ length: visits }, () => row));
}

async function totalVisits(): Promise<number> {
  return (await db.searchLog.aggregate({ _sum: { visits: true } }))._sum.visits ?? 0;
}

async function logged(query: string, expected: number): Promise<LoggedVisit[]> {
  // The log is written after the response: wait for it (at most 10 s).
  for (let i = 0; i < 50; i++) {
    const visits = await visitsOf(query);
    if (visits.length >= expected) return visits;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return visitsOf(query);
}

describe('cached searches', () => {
  it('are served from the cache and every visit is logged once with its count', async () => {
    const word = `Cachesuche${randomBytes(3).toString('hex')}`;
    const path = `/ar/akteure?q=${word}`;
    const statuses: (string | null)[] = [];
    for (let i = 0; i < 3; i++) {
      // An Arabic browser (any other gets the same page: no language cookie, lib/i18n/routing.ts).
      const response = await fetch(base() + path, { redirect: 'manual', headers: { 'accept-language': 'ar' } });
      expect(response.status).toBe(200);
      expect(await response.text()).toContain(`data-result-count="0"`);
      statuses.push(`${response.headers.get('x-nextjs-cache')} ${response.headers.get('x-edge-cache')}`);
    }
    // The visits after the first are answered by the edge's response cache (no proxy): still logged.
    expect(statuses.slice(1)).toEqual(['HIT HIT', 'HIT HIT']);
    // A prefetch of a link to the search (a browser's fetch()) is no visit.
    await fetch(base() + path, { headers: { rsc: '1', 'next-router-prefetch': '1', 'sec-fetch-dest': 'empty', 'sec-fetch-mode': 'cors' } });
    const rows = await logged(word, 3);
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect(await visitsOf(word)).toHaveLength(3);
    expect(rows.every((row) => row.resultCount === 0 && row.locale === 'ar')).toBe(true);
  });

  it('logs a search with results with its count, also from the cache', async () => {
    const before = (await visitsOf('Beratung')).length;
    const bodies: string[] = [];
    for (let i = 0; i < 3; i++) bodies.push(await (await fetch(`${base()}/uk/akteure?q=Beratung`)).text());
    const count = Number(/data-result-count="(\d+)"/.exec(bodies[2])?.[1]);
    expect(count).toBeGreaterThan(0);
    const rows = (await logged('Beratung', before + 3)).slice(0, 3);
    expect(rows).toEqual([0, 1, 2].map(() => ({ resultCount: count, locale: 'uk' })));
  });

  it('logs a filter chosen in the typeahead, also when its page comes from the cache', async () => {
    const path = '/de/akteure?sprache=ar';
    // The filter's page is in the cache before the visitor chooses it.
    for (let i = 0; i < 2; i++) await (await fetch(base() + path)).arrayBuffer();
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    const before = await totalVisits();
    const lastId = (await db.searchLog.findFirst({ orderBy: { id: 'desc' }, select: { id: true } }))?.id ?? BigInt(0);
    const page = await newPage({ viewport: { width: 390, height: 844 } });
    await page.goto('/de');
    await page.click('#search-q');
    await page.keyboard.type('Arabi', { delay: 30 });
    const option = page.locator('[role="option"][data-kind="language"]').first();
    await option.waitFor();
    await option.click();
    await page.waitForURL(/\/de\/akteure\?sprache=ar$/);
    for (let i = 0; i < 50 && (await totalVisits()) <= before; i++) await new Promise((resolve) => setTimeout(resolve, 200));
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect(await totalVisits()).toBe(before + 1);
    const rows = await db.searchLog.findMany({ where: { id: { gt: lastId } }, select: { query: true, filters: true, visits: true } });
    expect(rows).toHaveLength(1);
    expect(JSON.stringify(rows[0].filters)).toContain('ar');
  });

  it('answers an unknown filter value from the cache too, and the twin’s own address as not found', async () => {
    for (let i = 0; i < 2; i++) expect((await fetch(`${base()}/de/akteure?thema=gibt-es-nicht`)).status).toBe(200);
    const twin = cachedRoute('/de/akteure', '?q=Beratung')!;
    expect((await fetch(base() + twin, { redirect: 'manual' })).status).toBe(404);
  });
});
