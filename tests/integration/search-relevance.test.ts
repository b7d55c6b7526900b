// Search relevance against the real seed plus the synthetic fixture set: the expected first
// result for German and English queries, including typos, umlauts, stemming, prefixes and
// language names in several scripts; then every filter alone and combined.
import { beforeAll, describe, expect, it } from 'vitest';
import { seedDatabase } from '@/prisma/seed';
import { parseDirectoryQuery } from '@/lib/search/query';
import { searchOrganizationIds } from '@/lib/data/directory/rank';
import { runDirectorySearch } from '@/lib/data/directory/search';
import { getTestDb, testDatabaseUrl } from '../setup/db.ts';
import { createDirectoryFixtures, FIXTURE_SLUGS as F } from '../fixtures/directory.ts';

const db = getTestDb();
let slugById = new Map<string, string>();

beforeAll(async () => {
  await seedDatabase({ url: testDatabaseUrl(), adminPassword: 'test-passwort-123456' });
  await createDirectoryFixtures(db);
  const rows = await db.organization.findMany({ select: { id: true, slug: true } });
  slugById = new Map(rows.map((row) => [row.id, row.slug]));
});

async function search(params: Record<string, string>, now = new Date()) {
  const { total, hits } = await searchOrganizationIds({ query: parseDirectoryQuery(params), now, limit: 50 });
  return { total, slugs: hits.map((hit) => slugById.get(hit.id)!) };
}

const firstResults: [string, string][] = [
  // German: names, prefixes while typing, compounds
  ['Jobcenter', 'jobcenter'],
  ['Migrationsberatung', 'migrationsberatung-drk-stendal'],
  ['Jugendmigrationsdienst', 'jugendmigrationsdienst-awo'],
  ['Jugendmig', 'jugendmigrationsdienst-awo'],
  ['JMD', 'jugendmigrationsdienst-awo'],
  ['Gemeinschaftsunterkunft', 'gemeinschaftsunterkunft'],
  ['Hochschule', 'hochschule-magdeburg-stendal'],
  ['Kirche', 'evangelischer-kirchenkreis-stendal'],
  ['Islamische Gemeinde', 'islamische-gemeinde-stendal'],
  ['Schulsozialarbeit', 'netzwerkstelle-schulsozialarbeit'],
  ['Gleichstellung', 'gleichstellungsstellen'],
  ['Fachkraft', 'fachkraft-im-fokus'],
  ['Migranteninitiative', 'stem-ev'],
  ['Koordinierungsstelle', 'koordinierungsstelle-integration'],
  ['Sprachcafé', F.sprachcafe],
  ['Sprachcafe', F.sprachcafe],
  // typos
  ['Jobcentr', 'jobcenter'],
  ['Migrationsberatunng', 'migrationsberatung-drk-stendal'],
  ['Jugendmigrationsdinest', 'jugendmigrationsdienst-awo'],
  ['Gemeinschaftsunterkuft', 'gemeinschaftsunterkunft'],
  // stemming and compounds
  ['Migrationsberatungsstelle', 'migrationsberatung-drk-stendal'],
  ['Jugendeinrichtung', 'jugendeinrichtungen'],
  ['Kindertagesstätte', 'schulen-und-kindertagesstaetten'],
  // umlauts and transliteration
  ['Müller', F.mueller],
  ['Mueller', F.mueller],
  ['Muller', F.mueller],
  ['Lange Strasse', F.wohnen],
  ['Lange Straße', F.wohnen],
  ['Tangermuende', F.sprachcafe],
  // contact roles and service names
  ['Integrationskoordinatorin', 'koordinierungsstelle-integration'],
  ['Schuldnerberatung', F.buero],
  ['Eltern-Kind-Gruppe', F.familie],
  ['Nähwerkstatt', F.frauen],
  // language names in German, English, the language itself
  ['arabisch', F.mueller],
  ['Arabic', F.mueller],
  ['العربية', F.mueller],
  ['ukrainisch', F.sprachcafe],
  ['Ukrainian', F.sprachcafe],
  ['Українська', F.sprachcafe],
  ['Russisch', F.sprachcafe],
  ['Persian', F.familie],
  ['Farsi', F.familie],
  // English topic and category words (translated labels)
  ['Health', F.gesundheit],
  ['Accommodation', 'gemeinschaftsunterkunft'],
  ['Migrant organisations', 'stem-ev'],
  ['Coordination', 'koordinierungsstelle-integration'],
];

describe('search relevance: expected first result', () => {
  it.each(firstResults)('%s → %s', async (q, expected) => {
    const { slugs } = await search({ q });
    expect(slugs[0]).toBe(expected);
  });

  it('covers at least 25 queries', () => {
    expect(firstResults.length).toBeGreaterThanOrEqual(25);
  });

  it('ranks a name match above a description-only match', async () => {
    // "Beratung" is in the names of several actors and in many descriptions.
    const { slugs } = await search({ q: 'Gesundheitslotsen' });
    expect(slugs[0]).toBe(F.gesundheit);
    const { slugs: beratung } = await search({ q: 'Sozialberatung' });
    expect(beratung[0]).toBe(F.mueller);
  });

  it('returns nothing for words that match nothing', async () => {
    expect((await search({ q: 'Quantenchromodynamik' })).total).toBe(0);
  });

  it('treats SQL and tsquery syntax as plain words', async () => {
    for (const q of ["'; DROP TABLE \"Organization\"; --", 'a & b | !c', ':* <-> ()', '\\', '½ ½']) {
      await expect(search({ q })).resolves.toBeDefined();
    }
    expect(await db.organization.count()).toBeGreaterThan(0);
  });
});

describe('filters', () => {
  it('age 30 finds adult migration counselling but not the youth migration service', async () => {
    const { slugs } = await search({ alter: '30' });
    expect(slugs).toContain('migrationsberatung-drk-stendal');
    expect(slugs).not.toContain('jugendmigrationsdienst-awo');
    expect(slugs[0]).toBe('migrationsberatung-drk-stendal');
  });

  it.each(['12', '20', '27'])('age %s finds the youth migration service', async (age) => {
    const { slugs } = await search({ alter: age });
    expect(slugs).toContain('jugendmigrationsdienst-awo');
    if (age !== '27') expect(slugs).not.toContain('migrationsberatung-drk-stendal');
  });

  it('language and town combine', async () => {
    expect((await search({ sprache: 'ar' })).slugs).toEqual([F.mueller]);
    expect((await search({ sprache: 'ar', ort: 'Stendal' })).slugs).toEqual([F.mueller]);
    expect((await search({ sprache: 'ar', ort: 'Havelberg' })).total).toBe(0);
    expect((await search({ sprache: 'uk', ort: 'Tangermünde' })).slugs).toEqual([F.sprachcafe]);
  });

  it('topic matches organization topics and service topics', async () => {
    const { slugs } = await search({ thema: 'gesundheit' });
    expect(slugs).toEqual([F.gesundheit]);
    const jugend = await search({ thema: 'jugend' });
    expect(jugend.slugs).toEqual(expect.arrayContaining(['jugendmigrationsdienst-awo', 'jugendeinrichtungen']));
  });

  it('category and target group', async () => {
    expect((await search({ art: 'unterkunft' })).slugs).toEqual(['gemeinschaftsunterkunft']);
    expect((await search({ zielgruppe: 'frauen' })).slugs).toEqual([F.frauen]);
    expect((await search({ zielgruppe: 'jugendliche', alter: '15' })).slugs).toEqual(['jugendmigrationsdienst-awo']);
  });

  it('wheelchair access', async () => {
    const { slugs } = await search({ barrierefrei: '1' });
    expect(slugs.sort()).toEqual([F.gesundheit, F.mueller].sort());
  });

  it('open now follows weekly hours in Berlin time, including the last minute and closures', async () => {
    // Wednesday 25 Nov 2026, 16:30 in Berlin (UTC+1): the Sprachcafé (Wed 15-18) is open.
    const wednesday = new Date('2026-11-25T15:30:00Z');
    expect((await search({ offen: '1', q: 'Sprachcafé' }, wednesday)).slugs).toEqual([F.sprachcafe]);
    // 18:00 is closing time: closed.
    expect((await search({ offen: '1', q: 'Sprachcafé' }, new Date('2026-11-25T17:00:00Z'))).total).toBe(0);
    // Tuesday 11:00: the Beratungsbüro (Tue 10-12) is open; the Sprachcafé is not.
    const tuesday = await search({ offen: '1' }, new Date('2026-11-24T10:00:00Z'));
    expect(tuesday.slugs).toContain(F.buero);
    expect(tuesday.slugs).not.toContain(F.sprachcafe);
    // A closure on that day closes it.
    const buero = await db.organization.findUniqueOrThrow({ where: { slug: F.buero } });
    const closure = await db.scheduleException.create({
      data: { organizationId: buero.id, startsOn: new Date('2026-11-24'), endsOn: new Date('2026-11-24'), isClosed: true },
    });
    expect((await search({ offen: '1' }, new Date('2026-11-24T10:00:00Z'))).slugs).not.toContain(F.buero);
    await db.scheduleException.delete({ where: { id: closure.id } });
  });

  it('query and filters combine', async () => {
    expect((await search({ q: 'Beratung', ort: 'Tangerhütte' })).slugs).toEqual([F.buero]);
    expect((await search({ q: 'Beratung', barrierefrei: '1' })).slugs).toEqual([F.mueller]);
  });

  it('paginates with a stable total', async () => {
    const all = await search({});
    const query = parseDirectoryQuery({});
    const page1 = await runDirectorySearch({ query, locale: 'de', pageSize: 10 });
    const page2 = await runDirectorySearch({ query: { ...query, page: 2 }, locale: 'de', pageSize: 10 });
    expect(page1.total).toBe(all.total);
    expect(page1.pageCount).toBe(Math.ceil(all.total / 10));
    expect(page1.cards).toHaveLength(10);
    const ids = new Set([...page1.cards, ...page2.cards].map((card) => card.id));
    expect(ids.size).toBe(page1.cards.length + page2.cards.length);
    const beyond = await runDirectorySearch({ query: { ...query, page: 99 }, locale: 'de', pageSize: 10 });
    expect(beyond.cards).toHaveLength(0);
    expect(beyond.total).toBe(all.total);
  });
});
