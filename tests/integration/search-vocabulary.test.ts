// Query expansion through the search vocabulary (issue 11, point 1): a visitor's word that is a
// word of a concept, in any of the languages, finds the entries tagged with the concept's topics,
// categories or target groups, even when their text never says the word. Filler words are dropped.
import { beforeAll, describe, expect, it } from 'vitest';
import { seedDatabase } from '@/prisma/seed';
import { seedSearchVocabulary } from '@/prisma/seed-vocabulary';
import { parseDirectoryQuery } from '@/lib/search/query';
import { searchOrganizationIds } from '@/lib/data/directory/rank';
import { getTestDb, testDatabaseUrl } from '../setup/db.ts';
import { createDirectoryFixtures } from '../fixtures/directory.ts';

const db = getTestDb();
let slugById = new Map<string, string>();

beforeAll(async () => {
  await seedDatabase({ url: testDatabaseUrl(), adminPassword: 'test-passwort-123456' });
  await createDirectoryFixtures(db);
  const rows = await db.organization.findMany({ select: { id: true, slug: true } });
  slugById = new Map(rows.map((row) => [row.id, row.slug]));
});

async function top(q: string, n = 3) {
  const { hits } = await searchOrganizationIds({ query: parseDirectoryQuery({ q }), limit: n });
  return hits.map((hit) => slugById.get(hit.id)!);
}

describe('vocabulary', () => {
  it('is seeded once: a second seed adds nothing and keeps coordinators’ changes', async () => {
    expect(await db.searchConcept.count()).toBeGreaterThanOrEqual(60);
    const kita = await db.searchConcept.findUniqueOrThrow({ where: { slug: 'kita' }, include: { words: true } });
    await db.searchConceptWord.delete({ where: { id: kita.words[0].id } });
    expect(await seedSearchVocabulary(db)).toBe(0);
    expect(await db.searchConceptWord.count({ where: { conceptId: kita.id } })).toBe(kita.words.length - 1);
  });

  it.each([
    ['Wohnung suchen', 'gemeinschaftsunterkunft'],
    ['Arbeitserlaubnis', ['jugendmigrationsdienst-awo', 'migrationsberatung-drk-stendal', 'jobcenter']],
    ['Hausaufgabenhilfe', 'schulen-und-kindertagesstaetten'],
    ['job center', 'jobcenter'],
    ['language school', 'bildungstraeger'],
    ['عمل', 'jobcenter'],
    ['робота', 'jobcenter'],
    ['работа', 'jobcenter'],
    ['Kindergarten', 'schulen-und-kindertagesstaetten'],
    ['Arbeitsamt', 'jobcenter'],
    ['Moschee', 'islamische-gemeinde-stendal'],
    ['مسجد', 'islamische-gemeinde-stendal'],
    ['ich suche eine Kita', 'schulen-und-kindertagesstaetten'],
    ['where can I find a mosque', 'islamische-gemeinde-stendal'],
    ['детский сад', 'schulen-und-kindertagesstaetten'],
    ['дитячий садок', 'schulen-und-kindertagesstaetten'],
    ['university', 'hochschule-magdeburg-stendal'],
    ['volunteering', 'lokale-projekte-und-ehrenamt'],
    ['Wohnungen', 'gemeinschaftsunterkunft'],
    ['أبحث عن مدرسة', 'schulen-und-kindertagesstaetten'],
  ] as [string, string | string[]][])('"%s" finds %s among the first three', async (q, expected) => {
    const found = await top(q);
    const wanted = Array.isArray(expected) ? expected : [expected];
    expect(found.some((slug) => wanted.includes(slug)), found.join(', ')).toBe(true);
  });

  it('a word added to a concept takes effect at once', async () => {
    expect(await top('Quasselbude')).toEqual([]);
    const concept = await db.searchConcept.findUniqueOrThrow({ where: { slug: 'deutsch-lernen' } });
    await db.searchConceptWord.create({ data: { conceptId: concept.id, locale: 'de', word: 'Quasselbude', normalized: 'quasselbude' } });
    expect(await top('Quasselbude', 20)).toContain('bildungstraeger');
  });
});
