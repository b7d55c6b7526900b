// Editing the search vocabulary (issue 11, point 1): coordinators only (partners and anonymous
// callers are refused and change nothing), validated with the form's zod schema, audited; and the
// one step from the report of searches without result, with how many of them find something.
import { beforeAll, describe, expect, it } from 'vitest';
import { seedDatabase } from '@/prisma/seed';
import { parseDirectoryQuery } from '@/lib/search/query';
import { searchOrganizationIds } from '@/lib/data/directory/rank';
import { logSearch } from '@/lib/data/search-log';
import { addSearchAsWord, createConcept, deleteConcept, getConcept, listConcepts, updateConcept } from '@/lib/data/search-vocabulary';
import type { Actor } from '@/lib/permissions';
import { conceptInputSchema } from '@/lib/schemas/search-vocabulary';
import { getTestDb, testDatabaseUrl } from '../setup/db.ts';
import { createAdminActor, createPartnerActor } from './helpers/admin-actors.ts';

const db = getTestDb();
let admin: Actor;
let partner: Actor;
let topicId: string;

beforeAll(async () => {
  await seedDatabase({ url: testDatabaseUrl(), adminPassword: 'test-passwort-123456' });
  admin = await createAdminActor();
  const org = await db.organization.findUniqueOrThrow({ where: { slug: 'jobcenter' } });
  partner = await createPartnerActor([org.id]);
  topicId = (await db.taxonomyTerm.findFirstOrThrow({ where: { kind: 'TOPIC', slug: 'wohnen' } })).id;
});

const input = (label: string, words = 'Dachkammer\nDachkammer\n  Mansarde ') => ({ label, terms: [topicId], words_de: words, words_ar: 'علية' });

describe('permissions', () => {
  it.each([
    ['a partner', () => partner],
    ['an anonymous caller', () => null],
  ])('refuses %s everywhere and changes nothing', async (_who, actorOf) => {
    const actor = actorOf();
    const concept = await db.searchConcept.findUniqueOrThrow({ where: { slug: 'kita' } });
    const count = await db.searchConceptWord.count();
    await expect(listConcepts({ actor })).rejects.toMatchObject({ code: actor ? 'FORBIDDEN' : 'UNAUTHENTICATED' });
    await expect(getConcept({ actor, id: concept.id })).rejects.toThrow();
    await expect(createConcept({ actor, input: input('Dachboden') })).rejects.toThrow();
    await expect(updateConcept({ actor, id: concept.id, input: input('Kita') })).rejects.toThrow();
    await expect(deleteConcept({ actor, id: concept.id })).rejects.toThrow();
    await expect(addSearchAsWord({ actor, input: { conceptId: concept.id, query: 'Krabbelgruppe', locale: 'de' } })).rejects.toThrow();
    expect(await db.searchConceptWord.count()).toBe(count);
    expect(await db.searchConcept.findUnique({ where: { slug: 'dachboden' } })).toBeNull();
  });
});

describe('coordinators', () => {
  it('create, change and delete a concept, audited; the search follows at once', async () => {
    const { id } = await createConcept({ actor: admin, input: input('Dachwohnung') });
    const concept = await getConcept({ actor: admin, id });
    expect(concept.slug).toBe('dachwohnung');
    expect(concept.words.map((w) => `${w.locale}:${w.word}`).sort()).toEqual(['ar:علية', 'de:Dachkammer', 'de:Mansarde']);
    const { total } = await searchOrganizationIds({ query: parseDirectoryQuery({ q: 'Mansarde' }), limit: 5 });
    expect(total).toBeGreaterThan(0);

    await updateConcept({ actor: admin, id, input: input('Dachwohnung', 'Dachkammer') });
    expect((await getConcept({ actor: admin, id })).words.filter((w) => w.locale === 'de').map((w) => w.word)).toEqual(['Dachkammer']);
    expect((await searchOrganizationIds({ query: parseDirectoryQuery({ q: 'Mansarde' }), limit: 5 })).total).toBe(0);

    await deleteConcept({ actor: admin, id });
    const audit = await db.auditLog.findMany({ where: { entityType: 'SearchConcept', entityId: id }, orderBy: { createdAt: 'asc' } });
    expect(audit.map((row) => row.action)).toEqual(['CREATE', 'UPDATE', 'DELETE']);
    expect(JSON.stringify(audit[1].changes)).toContain('Mansarde');
  });

  it('accepts the input the action has parsed with the same schema already', async () => {
    const parsed = conceptInputSchema.parse(input('Spitzboden'));
    const { id } = await createConcept({ actor: admin, input: parsed });
    expect((await getConcept({ actor: admin, id })).words.map((w) => w.word).sort()).toEqual(['Dachkammer', 'Mansarde', 'علية']);
    await deleteConcept({ actor: admin, id });
  });

  it('refuses invalid input with field errors and changes nothing', async () => {
    const before = await db.searchConcept.count();
    await expect(createConcept({ actor: admin, input: { label: '', terms: ['keine-id'] } })).rejects.toMatchObject({
      code: 'VALIDATION',
      details: { fieldErrors: { label: expect.any(Array), terms: expect.any(Array) } },
    });
    await expect(
      createConcept({ actor: admin, input: { label: 'X', terms: ['00000000-0000-4000-8000-000000000000'] } }),
    ).rejects.toMatchObject({ code: 'VALIDATION' });
    expect(await db.searchConcept.count()).toBe(before);
  });

  it('add a logged search without result as a word, and learn how many searches find something now', async () => {
    for (const q of ['Krabbelstube', 'Krabbelstube', 'Zauberwürfelturnier']) {
      await logSearch({ query: parseDirectoryQuery({ q }), locale: 'de', resultCount: 0 });
    }
    const kita = await db.searchConcept.findUniqueOrThrow({ where: { slug: 'kita' } });
    const result = await addSearchAsWord({ actor: admin, input: { conceptId: kita.id, query: 'Krabbelstube', locale: 'de' } });
    expect(result.total).toBeGreaterThanOrEqual(2);
    expect(result.after).toBe(result.before + 1);
    const { total } = await searchOrganizationIds({ query: parseDirectoryQuery({ q: 'Krabbelstube' }), limit: 5 });
    expect(total).toBeGreaterThan(0);
    expect(await db.auditLog.count({ where: { entityType: 'SearchConcept', entityId: kita.id, action: 'UPDATE' } })).toBe(1);
    // Twice is once.
    await addSearchAsWord({ actor: admin, input: { conceptId: kita.id, query: 'krabbelstube', locale: 'de' } });
    expect(await db.searchConceptWord.count({ where: { conceptId: kita.id, normalized: 'krabbelstube' } })).toBe(1);
  });
});
