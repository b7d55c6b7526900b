// Issue 11, point 4: "In der Nähe von <Ort>" sorts the directory by the distance of each entry's
// nearest public place with coordinates from the town's centre; entries without coordinates come
// last, in their usual order. Example places from tests/fixtures/directory.ts ("(Beispiel)").
import { beforeAll, describe, expect, it } from 'vitest';
import { seedDatabase } from '@/prisma/seed';
import { countyTowns } from '@/prisma/seed-data/county-towns';
import { listCountyTowns, nearTownProblem, roundDistanceKm } from '@/lib/data/directory/near';
import { runDirectoryPageSearch, runDirectorySearch } from '@/lib/data/directory/search';
import { parseDirectoryQuery } from '@/lib/search/query';
import { getTestDb, testDatabaseUrl } from '../setup/db.ts';
import { createDirectoryFixtures, FIXTURE_COORDINATES, FIXTURE_SLUGS as F } from '../fixtures/directory.ts';

const db = getTestDb();

// Great-circle distance, computed independently of the SQL.
function km(a: { latitude: number; longitude: number }, b: { latitude: number; longitude: number }): number {
  const rad = (deg: number) => (deg * Math.PI) / 180;
  const h =
    Math.sin(rad(b.latitude - a.latitude) / 2) ** 2 +
    Math.cos(rad(a.latitude)) * Math.cos(rad(b.latitude)) * Math.sin(rad(b.longitude - a.longitude) / 2) ** 2;
  return 2 * 6371.0088 * Math.asin(Math.sqrt(h));
}

async function search(params: Record<string, string>) {
  return runDirectorySearch({ query: parseDirectoryQuery(params), locale: 'de', pageSize: 100 });
}

beforeAll(async () => {
  await seedDatabase({ url: testDatabaseUrl(), adminPassword: 'test-passwort-123456' });
  await createDirectoryFixtures(db);
  // Places that must not count: a deleted one right at Stendal's centre, on an entry that has no
  // other place with coordinates, and one of a draft entry.
  const wohnen = await db.organization.findUniqueOrThrow({ where: { slug: F.wohnen } });
  await db.location.create({
    data: { organizationId: wohnen.id, city: 'Stendal', latitude: 52.605, longitude: 11.859, deletedAt: new Date(), name: 'Alter Standort (Beispiel)' },
  });
  const draft = await db.organization.findUniqueOrThrow({ where: { slug: F.draft } });
  await db.location.create({ data: { organizationId: draft.id, city: 'Stendal', latitude: 52.6051, longitude: 11.8591 } });
});

describe('county towns', () => {
  it('are seeded once, idempotently, with the seed file’s facts', async () => {
    await seedDatabase({ url: testDatabaseUrl(), adminPassword: 'test-passwort-123456' });
    const rows = await db.countyTown.findMany({ orderBy: { slug: 'asc' } });
    expect(rows).toEqual([...countyTowns].sort((a, b) => a.slug.localeCompare(b.slug)));
    expect((await listCountyTowns()).map((town) => town.name)).toContain('Osterburg (Altmark)');
  });
});

describe('near order', () => {
  it.each(['stendal', 'havelberg', 'tangerhuette', 'bismark-altmark'])('sorts by the nearest place from %s, entries without coordinates last in their usual order', async (slug) => {
    const town = countyTowns.find((t) => t.slug === slug)!;
    const plain = await search({});
    const near = await search({ naehe: slug });
    expect(near.total).toBe(plain.total);
    const slugs = near.cards.map((card) => card.slug);
    const withCoordinates = Object.entries(FIXTURE_COORDINATES)
      .map(([fixture, position]) => ({ fixture, distance: km(town, position!) }))
      .sort((a, b) => a.distance - b.distance)
      .map((entry) => entry.fixture);
    // Only the example places have coordinates: they come first, nearest first.
    expect(slugs.slice(0, withCoordinates.length)).toEqual(withCoordinates);
    // The rest keep the order of the plain search.
    const rest = plain.cards.map((card) => card.slug).filter((s) => !withCoordinates.includes(s));
    expect(slugs.slice(withCoordinates.length)).toEqual(rest);
    // The deleted place and the draft's place count for nothing.
    expect(slugs).not.toContain(F.draft);
    expect(near.cards.find((card) => card.slug === F.wohnen)?.distanceKm).toBeUndefined();
    for (const card of near.cards.slice(0, withCoordinates.length)) {
      expect(card.distanceKm).toBeCloseTo(km(town, FIXTURE_COORDINATES[card.slug]!), 1);
    }
  });

  it('keeps the visitor’s words and filters: it orders, it does not narrow or widen', async () => {
    const plain = await search({ q: 'Beratung' });
    const near = await search({ q: 'Beratung', naehe: 'tangerhuette' });
    expect(near.cards.map((card) => card.slug).sort()).toEqual(plain.cards.map((card) => card.slug).sort());
    expect(near.cards[0].slug).toBe(F.buero);
    expect(near.cards.findIndex((card) => card.slug === F.buero)).toBeLessThan(near.cards.findIndex((card) => card.slug === F.mueller));
    const filtered = await search({ thema: 'familie', naehe: 'stendal' });
    expect(filtered.cards.map((card) => card.slug)).toEqual((await search({ thema: 'familie' })).cards.map((card) => card.slug).sort((a, b) => (a === F.familie ? -1 : b === F.familie ? 1 : 0)));
  });

  it('pages through the distance order without losing or repeating an entry', async () => {
    const all = (await search({ naehe: 'havelberg' })).cards.map((card) => card.slug);
    const paged: string[] = [];
    for (let page = 1; paged.length < all.length && page < 50; page++) {
      const result = await runDirectorySearch({ query: parseDirectoryQuery({ naehe: 'havelberg', seite: String(page) }), locale: 'de', pageSize: 3 });
      paged.push(...result.cards.map((card) => card.slug));
    }
    expect(paged).toEqual(all);
  });

  it('shows rounded distances ("ca. 3 km"), at least 1 km', () => {
    expect(roundDistanceKm(0.2)).toBe(1);
    expect(roundDistanceKm(2.6)).toBe(3);
    expect(roundDistanceKm(31.4)).toBe(31);
  });

  it('ignores an unknown town on the page (the page shows a note), and the API names it', async () => {
    const page = await runDirectoryPageSearch({ query: parseDirectoryQuery({ naehe: 'atlantis' }), locale: 'de' });
    const plain = await runDirectoryPageSearch({ query: parseDirectoryQuery({}), locale: 'de' });
    expect(page.cards.map((card) => card.slug)).toEqual(plain.cards.map((card) => card.slug));
    expect(page.cards.every((card) => card.distanceKm === undefined)).toBe(true);
    expect(await nearTownProblem('atlantis')).toMatch(/Unbekannter Ort.*stendal/);
    expect(await nearTownProblem('stendal')).toBeUndefined();
    expect(await nearTownProblem(undefined)).toBeUndefined();
  });
});
