// The typeahead's own query (issue 11 point 6, lib/data/directory/typeahead.ts) and the prefix
// index it reads (migration 20261208200000_typeahead_prefix): which entries it suggests, in which
// order, in every script, and that the index follows every change of names, keywords, translated
// names, visibility and the directory's order.
import { beforeEach, describe, expect, it } from 'vitest';
import { typeaheadOrganizationIds } from '@/lib/data/directory/typeahead';
import { getSuggestions } from '@/lib/data/directory/search';
import { getTestDb, resetDb } from '../setup/db.ts';
import { createOrganization } from '../factories/index.ts';

const db = getTestDb();

beforeEach(resetDb);

async function names(q: string): Promise<string[]> {
  const ids = await typeaheadOrganizationIds(q);
  const rows = await db.organization.findMany({ where: { id: { in: ids } }, select: { id: true, name: true } });
  return ids.map((id) => rows.find((row) => row.id === id)!.name);
}

async function prefixRows(organizationId: string): Promise<number> {
  const [{ n }] = await db.$queryRaw<{ n: bigint }[]>`SELECT count(*) AS n FROM "TypeaheadPrefix" WHERE "organizationId" = ${organizationId}::uuid`;
  return Number(n);
}

describe('typeahead ranking', () => {
  it('puts a name that begins with the typed word first, then a later name word, then a keyword, whatever the directory order', async () => {
    // The directory's own order is the reverse of what the typeahead must show.
    await createOrganization({ name: 'Familienzentrum Mitte (Beispiel)', keywords: { de: ['Tangermünde'] }, sortOrder: 1 });
    await createOrganization({ name: 'Beratungsstelle Tangermünde (Beispiel)', sortOrder: 2 });
    await createOrganization({ name: 'Tangermünder Tafel (Beispiel)', sortOrder: 3 });
    // Only inside a word: after every beginning. Only in the description: not a suggestion.
    await createOrganization({ name: 'Osttangermünder Hof (Beispiel)', sortOrder: 0 });
    await createOrganization({ name: 'Sprachcafé (Beispiel)', description: 'Treffpunkt in Tangermünde.', sortOrder: 0 });
    expect(await names('Tangerm')).toEqual([
      'Tangermünder Tafel (Beispiel)',
      'Beratungsstelle Tangermünde (Beispiel)',
      'Familienzentrum Mitte (Beispiel)',
      'Osttangermünder Hof (Beispiel)',
    ]);
  });

  it('suggests a name with the typed word inside a compound after the beginnings, and only for words of four or more letters', async () => {
    await createOrganization({ name: 'Migrationsberatung für Erwachsene (Beispiel)', sortOrder: 1 });
    await createOrganization({ name: 'Beratungsstelle Mitte (Beispiel)', sortOrder: 2 });
    await createOrganization({ name: 'Jugendarbeit Nord (Beispiel)', sortOrder: 3 });
    expect(await names('beratung')).toEqual(['Beratungsstelle Mitte (Beispiel)', 'Migrationsberatung für Erwachsene (Beispiel)']);
    expect(await names('Migrationsberatung Erw')).toEqual(['Migrationsberatung für Erwachsene (Beispiel)']);
    expect(await names('Erwachsenen Beratung')).toEqual([]);
    // "ar" begins no word of these names; inside "Jugendarbeit" it would be noise.
    expect(await names('ar')).toEqual([]);
    expect(await names('arbeit')).toEqual(['Jugendarbeit Nord (Beispiel)']);
  });

  it('orders entries of the same kind of match as the directory: coordination office, curated order, name', async () => {
    await createOrganization({ name: 'Jobcenter Zweigstelle B (Beispiel)', sortOrder: 5 });
    await createOrganization({ name: 'Jobcenter Zweigstelle A (Beispiel)', sortOrder: 5 });
    await createOrganization({ name: 'Jobcenter Hauptstelle (Beispiel)', sortOrder: 9, isCoordinationOffice: true });
    await createOrganization({ name: 'Jobcenter Außenstelle (Beispiel)', sortOrder: 1 });
    expect(await names('jobc')).toEqual([
      'Jobcenter Hauptstelle (Beispiel)',
      'Jobcenter Außenstelle (Beispiel)',
      'Jobcenter Zweigstelle A (Beispiel)',
      'Jobcenter Zweigstelle B (Beispiel)',
    ]);
  });

  it('needs every typed word, the last one as a beginning, and returns at most six', async () => {
    await createOrganization({ name: 'Beratung Arneburg (Beispiel)' });
    await createOrganization({ name: 'Beratung Stendal (Beispiel)', keywords: { de: ['Arbeit'] } });
    await createOrganization({ name: 'Arbeitslosenzentrum (Beispiel)' });
    expect(await names('Beratung Ar')).toEqual(['Beratung Arneburg (Beispiel)', 'Beratung Stendal (Beispiel)']);
    for (let i = 0; i < 8; i++) await createOrganization({ name: `Beratung ${i} (Beispiel)` });
    expect(await typeaheadOrganizationIds('Berat')).toHaveLength(6);
    expect(await names('Beratung Xy')).toEqual([]);
  });

  it('finds names, translated names and keywords in every script, umlauts and accents folded', async () => {
    const family = await createOrganization({ name: 'Familienhilfe Möckern (Beispiel)', shortName: 'FHM', keywords: { ar: ['العمل'], uk: ['робота'] } });
    await db.translation.create({ data: { entityType: 'ORGANIZATION', entityId: family.id, field: 'name', locale: 'uk', value: 'Допомога сімʼям (приклад)' } });
    for (const q of ['Mock', 'moeck', 'fhm', 'доп', 'сімя', 'عم', 'الع', 'роб']) {
      expect(await typeaheadOrganizationIds(q), q).toEqual([family.id]);
    }
    const suggestions = await getSuggestions({ q: 'Допом', locale: 'uk' });
    expect(suggestions.filter((s) => s.kind === 'organization').map((s) => s.href)).toEqual([`/akteure/${family.slug}`]);
  });
});

describe('typeahead prefix index', () => {
  it('follows names, keywords, translated names, visibility, order and deletion', async () => {
    const org = await createOrganization({ name: 'Kleiderkammer (Beispiel)', status: 'DRAFT' });
    expect(await typeaheadOrganizationIds('Kleider')).toEqual([]);
    expect(await prefixRows(org.id)).toBe(0);

    await db.organization.update({ where: { id: org.id }, data: { status: 'PUBLISHED' } });
    expect(await typeaheadOrganizationIds('Kleider')).toEqual([org.id]);

    await db.organization.update({ where: { id: org.id }, data: { name: 'Sozialkaufhaus (Beispiel)', keywords: { de: ['Möbel'] } } });
    expect(await typeaheadOrganizationIds('Kleider')).toEqual([]);
    expect(await typeaheadOrganizationIds('Sozialk')).toEqual([org.id]);
    expect(await typeaheadOrganizationIds('Möb')).toEqual([org.id]);

    const translation = await db.translation.create({
      data: { entityType: 'ORGANIZATION', entityId: org.id, field: 'name', locale: 'ru', value: 'Социальный магазин (пример)' },
    });
    expect(await typeaheadOrganizationIds('магаз')).toEqual([org.id]);
    await db.translation.delete({ where: { id: translation.id } });
    expect(await typeaheadOrganizationIds('магаз')).toEqual([]);

    const first = await createOrganization({ name: 'Sozialamt (Beispiel)', sortOrder: 5 });
    expect(await typeaheadOrganizationIds('Sozial')).toEqual([org.id, first.id]);
    await db.organization.update({ where: { id: first.id }, data: { sortOrder: -1 } });
    expect(await typeaheadOrganizationIds('Sozial')).toEqual([first.id, org.id]);

    await db.organization.update({ where: { id: org.id }, data: { deletedAt: new Date() } });
    expect(await typeaheadOrganizationIds('Sozialk')).toEqual([]);
    expect(await prefixRows(org.id)).toBe(0);

    await db.organization.update({ where: { id: org.id }, data: { deletedAt: null } });
    expect(await prefixRows(org.id)).toBeGreaterThan(0);
    await db.organization.delete({ where: { id: org.id } });
    expect(await prefixRows(org.id)).toBe(0);
  });

  it('looks a word longer than 20 letters up by its first 20', async () => {
    const org = await createOrganization({ name: 'Integrationskursträgerverbund Altmark (Beispiel)' });
    expect(await typeaheadOrganizationIds('Integrationskursträgerverb')).toEqual([org.id]);
    expect(await typeaheadOrganizationIds('Integrationskurs')).toEqual([org.id]);
  });
});
