// The search page has no dead ends (issue 11, point 5): every kind of typeahead suggestion points
// at a page with results, filter options carry their result counts and never offer nothing, an
// empty result offers topics and the likeliest spelling, and the coordination office comes from
// its seeded entry.
import { beforeAll, describe, expect, it } from 'vitest';
import { seedDatabase } from '@/prisma/seed';
import { parseDirectoryQuery } from '@/lib/search/query';
import { getEmptyResultHelp, getFewResultsCorrection, getSuggestions, runDirectoryPageSearch, runDirectorySearch } from '@/lib/data/directory/search';
import { getTestDb, testDatabaseUrl } from '../setup/db.ts';
import { createDirectoryFixtures, FIXTURE_SLUGS as F } from '../fixtures/directory.ts';

const db = getTestDb();

beforeAll(async () => {
  await seedDatabase({ url: testDatabaseUrl(), adminPassword: 'test-passwort-123456' });
  await createDirectoryFixtures(db);
});

// A suggestion's href is locale-free; as the page would, read its query string back.
async function resultsOf(href: string, locale = 'de') {
  const url = new URL(href, 'http://x');
  return runDirectorySearch({ query: parseDirectoryQuery(url.searchParams), locale });
}

describe('typeahead suggestions', () => {
  it.each([
    ['topic', 'Ber', 'de'],
    ['language', 'arab', 'de'],
    ['language', 'Arabic', 'en'],
    ['language', 'العربية', 'ar'],
    ['town', 'Tanger', 'de'],
    ['organization', 'Jobcen', 'de'],
  ] as const)('offers a %s for "%s" (%s) whose link is locale-free and leads to results', async (kind, q, locale) => {
    const suggestions = await getSuggestions({ q, locale });
    const ofKind = suggestions.filter((s) => s.kind === kind);
    expect(ofKind.length, JSON.stringify(suggestions)).toBeGreaterThan(0);
    for (const suggestion of ofKind) {
      expect(suggestion.href).toMatch(/^\/akteure[/?]/);
      expect(suggestion.href).not.toMatch(/^\/(de|en|ar|uk|ru)\//);
      if (suggestion.href.startsWith('/akteure?')) {
        expect(suggestion.href).not.toMatch(/=(&|$)/);
        expect((await resultsOf(suggestion.href, locale)).total).toBeGreaterThan(0);
      }
    }
  });

  it('suggests no town or language that only hidden entries have', async () => {
    expect((await getSuggestions({ q: 'Geheimdorf', locale: 'de' })).filter((s) => s.kind === 'town')).toEqual([]);
    expect((await getSuggestions({ q: 'Somali', locale: 'de' })).filter((s) => s.kind === 'language')).toEqual([]);
  });
});

describe('filter options', () => {
  it('carry the number of results each gives, and options giving none are left out', async () => {
    const query = parseDirectoryQuery({ q: 'Beratung' });
    const page = await runDirectoryPageSearch({ query, locale: 'de' });
    expect(page.total).toBeGreaterThan(0);
    for (const [key, options] of [
      ['language', page.facets.languages],
      ['municipality', page.facets.municipalities],
      ['topic', page.facets.topics],
      ['category', page.facets.categories],
      ['targetGroup', page.facets.targetGroups],
    ] as const) {
      for (const option of options) {
        expect(option.count, `${key}=${option.value}`).toBeGreaterThan(0);
        const filtered = await runDirectorySearch({ query: { ...query, [key]: option.value }, locale: 'de' });
        expect(filtered.total, `${key}=${option.value}`).toBe(option.count);
      }
    }
    // Tangermünde has only the language café, which "Beratung" does not find.
    expect(page.facets.municipalities.map((o) => o.value)).not.toContain('Tangermünde');
  });

  it('keeps the chosen option even when it gives nothing together with the words', async () => {
    const page = await runDirectoryPageSearch({ query: parseDirectoryQuery({ q: 'Jobcenter', ort: 'Tangermünde' }), locale: 'de' });
    expect(page.total).toBe(0);
    expect(page.facets.municipalities.map((o) => o.value)).toContain('Tangermünde');
  });
});

describe('few results', () => {
  it('offers the likeliest spelling when a misspelled query finds only a few entries', async () => {
    const query = parseDirectoryQuery({ q: 'Hochschulle' });
    const { total } = await runDirectorySearch({ query, locale: 'de' });
    expect(total).toBeGreaterThan(0);
    expect(total).toBeLessThanOrEqual(3); // FEW_RESULTS
    expect(await getFewResultsCorrection({ query, total })).toBe('hochschule');
  });

  it('offers nothing when the words are right or the results many', async () => {
    const right = parseDirectoryQuery({ q: 'Hochschule' });
    expect(await getFewResultsCorrection({ query: right, total: (await runDirectorySearch({ query: right, locale: 'de' })).total })).toBeNull();
    expect(await getFewResultsCorrection({ query: parseDirectoryQuery({ q: 'Hochschulle' }), total: 4 })).toBeNull();
  });
});

describe('empty result', () => {
  it('offers the likeliest spelling and topics', async () => {
    // Words are alternatives and typos in names are forgiven (issue 11): "Beratunk" alone would find the
    // counselling entries; swapped letters are beyond that, so the spelling is offered instead.
    const query = parseDirectoryQuery({ q: 'Xqzwv Bertaung' });
    expect((await runDirectorySearch({ query, locale: 'de' })).total).toBe(0);
    const help = await getEmptyResultHelp({ query, locale: 'de' });
    expect(help.correction).toContain('beratung');
    expect(help.topics.length).toBeGreaterThan(0);
    for (const topic of help.topics) expect(topic.count).toBeGreaterThan(0);
  });

  it('offers the topics that match the words when there are such', async () => {
    const help = await getEmptyResultHelp({ query: parseDirectoryQuery({ q: 'qqq Gesundheit' }), locale: 'de' });
    expect(help.topics.map((t) => t.value)).toEqual(['gesundheit']);
  });
});

it('shows Arabic names and descriptions on Arabic result cards where translated', async () => {
  const org = await db.organization.findUniqueOrThrow({ where: { slug: F.mueller } });
  await db.translation.upsert({
    where: { entityType_entityId_field_locale: { entityType: 'ORGANIZATION', entityId: org.id, field: 'name', locale: 'ar' } },
    create: { entityType: 'ORGANIZATION', entityId: org.id, field: 'name', locale: 'ar', value: 'مركز مولر للاستشارات (مثال)' },
    update: {},
  });
  const result = await runDirectorySearch({ query: parseDirectoryQuery({ q: 'Müller' }), locale: 'ar' });
  const card = result.cards.find((c) => c.slug === F.mueller)!;
  expect(card.name).toEqual({ value: 'مركز مولر للاستشارات (مثال)', lang: 'ar' });
});
