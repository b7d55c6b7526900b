// Issue 11 point 6: the directory search's index (migration 20261209100000_search_index) is kept
// current by triggers that mark organizations and one deferred trigger that re-indexes them at
// COMMIT. Each change below is made as the application makes it (its data functions, each one
// transaction; Prisma writes where the application has no function of its own), and a search
// through the index must then find, or no longer find, the entry, with the right total. Every
// search is also run on the general ranking SQL (the definition), which reads the tables
// directly: both must agree.
import { beforeEach, describe, expect, it } from 'vitest';
import type { Actor } from '@/lib/permissions';
import { type DirectoryQuery, parseDirectoryQuery } from '@/lib/search/query';
import { searchOrganizationIds } from '@/lib/data/directory/rank';
import { updateOrganization } from '@/lib/data/admin-organizations';
import { deleteOrganization, restoreOrganization, setOrganizationStatus, undoOrganizationArchive } from '@/lib/data/organization-state';
import { saveContentTranslations } from '@/lib/data/content-translations';
import { createContact, updateContact } from '@/lib/data/contacts';
import { setChildDeleted } from '@/lib/data/soft-delete';
import { eraseContactPerson } from '@/lib/data/personal-data';
import { createSchedule, createScheduleException, deleteSchedule, deleteScheduleException } from '@/lib/data/schedules';
import { createLanguage, createLocation, createOrganization, createService, createTaxonomyTerm } from '../factories/index.ts';
import { getTestDb, resetDb } from '../setup/db.ts';
import { createAdminActor } from './helpers/admin-actors.ts';

const db = getTestDb();

let admin: Actor;

beforeEach(async () => {
  await resetDb();
  admin = await createAdminActor();
});

// The index's answer (ids, total); the general SQL must give the same.
async function search(q: string, filters: Partial<DirectoryQuery> = {}, limit = 20) {
  const query = { ...parseDirectoryQuery({ q }), ...filters };
  const indexed = await searchOrganizationIds({ query, limit, useIndex: true });
  const general = await searchOrganizationIds({ query, limit, useIndex: false });
  const result = { total: indexed.total, ids: indexed.hits.map((hit) => hit.id) };
  expect(result, `index and general SQL for "${q}" ${JSON.stringify(filters)}`).toEqual({ total: general.total, ids: general.hits.map((hit) => hit.id) });
  return result;
}

const found = (...ids: string[]) => ({ total: ids.length, ids });
const nothing = { total: 0, ids: [] };

async function versionOf(id: string) {
  return (await db.organization.findUniqueOrThrow({ where: { id }, select: { version: true } })).version;
}

describe('the index follows the status of an entry', () => {
  it('publishing a draft adds it; unpublishing and archiving take it out, undoing the archive brings it back', async () => {
    const other = await createOrganization({ name: 'Kleiderkammer Süd (Beispiel)' });
    const org = await createOrganization({ name: 'Kleiderkammer Nord (Beispiel)', status: 'DRAFT', sortOrder: -1 });
    expect(await search('Kleiderkammer')).toEqual(found(other.id));
    await setOrganizationStatus({ actor: admin, id: org.id, status: 'PUBLISHED' });
    expect(await search('Kleiderkammer')).toEqual(found(org.id, other.id));
    await setOrganizationStatus({ actor: admin, id: org.id, status: 'DRAFT' });
    expect(await search('Kleiderkammer')).toEqual(found(other.id));
    await setOrganizationStatus({ actor: admin, id: org.id, status: 'PUBLISHED' });
    await setOrganizationStatus({ actor: admin, id: org.id, status: 'ARCHIVED' });
    expect(await search('Kleiderkammer')).toEqual(found(other.id));
    await undoOrganizationArchive({ actor: admin, id: org.id });
    expect(await search('Kleiderkammer')).toEqual(found(org.id, other.id));
  });

  it('a soft deleted entry is gone and comes back when restored; a hard deleted one leaves no key', async () => {
    const org = await createOrganization({ name: 'Fahrradwerkstatt (Beispiel)' });
    await createOrganization({ name: 'Nähwerkstatt (Beispiel)' });
    expect((await search('Fahrradwerkstatt')).ids).toEqual([org.id]);
    await deleteOrganization({ actor: admin, id: org.id });
    expect(await search('Fahrradwerkstatt')).toEqual(nothing);
    expect((await search('Werkstatt')).total).toBe(1);
    await restoreOrganization({ actor: admin, id: org.id });
    expect(await search('Fahrradwerkstatt')).toEqual(found(org.id));
    expect((await search('Werkstatt')).total).toBe(2);
    await db.organization.delete({ where: { id: org.id } });
    expect(await search('Fahrradwerkstatt')).toEqual(nothing);
    expect((await search('Werkstatt')).total).toBe(1);
    expect(await db.$queryRaw`SELECT 1 FROM "SearchEntry" WHERE "organizationId" = ${org.id}::uuid`).toEqual([]);
  });
});

describe('the index follows the text of an entry', () => {
  it('a rename: the new word is found, the old one no longer', async () => {
    const org = await createOrganization({ name: 'Elterncafé (Beispiel)' });
    expect(await search('Elterncafé')).toEqual(found(org.id));
    await updateOrganization({ actor: admin, id: org.id, version: await versionOf(org.id), input: { name: 'Familientreff Sonnenschein (Beispiel)' } });
    expect(await search('Elterncafé')).toEqual(nothing);
    expect(await search('Sonnenschein')).toEqual(found(org.id));
    expect(await search('Familientreff')).toEqual(found(org.id));
  });

  it('a keyword added (Ukrainian) is found; removed, it is not', async () => {
    const org = await createOrganization({ name: 'Treffpunkt Ost (Beispiel)' });
    await createOrganization({ name: 'Treffpunkt West (Beispiel)' });
    expect(await search('житло')).toEqual(nothing);
    await updateOrganization({ actor: admin, id: org.id, version: await versionOf(org.id), input: { keywords_uk: 'житло, оренда' } });
    expect(await search('житло')).toEqual(found(org.id));
    await updateOrganization({ actor: admin, id: org.id, version: await versionOf(org.id), input: { keywords_uk: '' } });
    expect(await search('житло')).toEqual(nothing);
  });

  it('a translation added (Arabic description) is found', async () => {
    const org = await createOrganization({ name: 'Beratungsstelle Nord (Beispiel)', description: 'Beratung zu Fragen des Alltags.' });
    await createOrganization({ name: 'Beratungsstelle Süd (Beispiel)' });
    expect(await search('السكن')).toEqual(nothing);
    await saveContentTranslations({ actor: admin, organizationId: org.id, entityType: 'ORGANIZATION', entityId: org.id, locale: 'ar', input: { description: 'استشارات حول السكن والعمل (مثال)' } });
    expect(await search('السكن')).toEqual(found(org.id));
    expect((await search('Beratungsstelle')).total).toBe(2);
  });
});

describe('the index follows the records below an entry (filters)', () => {
  it('a topic added and removed: the topic filter follows', async () => {
    const topic = await createTaxonomyTerm({ kind: 'TOPIC', slug: 'wohnen-beispiel', label: 'Wohnen (Beispiel)' });
    const org = await createOrganization({ name: 'Mieterverein (Beispiel)' });
    await createOrganization({ name: 'Mieterbund (Beispiel)' });
    expect(await search('', { topic: topic.slug })).toEqual(nothing);
    await updateOrganization({ actor: admin, id: org.id, version: await versionOf(org.id), input: { topicIds: [topic.id] } });
    expect(await search('', { topic: topic.slug })).toEqual(found(org.id));
    expect(await search('Mieter', { topic: topic.slug })).toEqual(found(org.id));
    await updateOrganization({ actor: admin, id: org.id, version: await versionOf(org.id), input: { topicIds: [] } });
    expect(await search('', { topic: topic.slug })).toEqual(nothing);
  });

  it('a service with an age range added: the age filter follows; deleting the service undoes it', async () => {
    const small = await createOrganization({ name: 'Krabbelgruppe (Beispiel)', sortOrder: 1 });
    await createService({ organizationId: small.id, name: 'Krabbeln (Beispiel)', minAge: 0, maxAge: 3 });
    const ageless = await createOrganization({ name: 'Stadtbibliothek (Beispiel)', sortOrder: 2 });
    expect(await search('', { age: 10 })).toEqual(found(ageless.id));
    const service = await createService({ organizationId: small.id, name: 'Hausaufgabenhilfe (Beispiel)', minAge: 8, maxAge: 12 });
    // An entry with a service for this age ranks before one that states no age.
    expect(await search('', { age: 10 })).toEqual(found(small.id, ageless.id));
    expect(await search('', { age: 13 })).toEqual(found(ageless.id));
    // A service with an age range at an entry that stated none: that entry now has ages.
    await createService({ organizationId: ageless.id, name: 'Vorlesestunde (Beispiel)', minAge: 4, maxAge: 7 });
    expect(await search('', { age: 10 })).toEqual(found(small.id));
    await setChildDeleted({ actor: admin, entity: 'Service', id: service.id, isDeleted: true });
    expect(await search('', { age: 10 })).toEqual(nothing);
    expect(await search('', { age: 5 })).toEqual(found(ageless.id));
  });

  it('a location added, soft deleted, restored and removed: the town and wheelchair filters follow', async () => {
    const org = await createOrganization({ name: 'Jobcenter Außenstelle (Beispiel)' });
    await createLocation({ organizationId: org.id, municipality: 'Stendal', city: 'Stendal', wheelchairAccessible: false });
    const other = await createOrganization({ name: 'Tafel (Beispiel)' });
    await createLocation({ organizationId: other.id, municipality: 'Havelberg', city: 'Havelberg', wheelchairAccessible: true });
    expect(await search('', { municipality: 'Havelberg' })).toEqual(found(other.id));
    expect(await search('', { wheelchair: true })).toEqual(found(other.id));
    const location = await createLocation({ organizationId: org.id, municipality: 'Havelberg', city: 'Havelberg', wheelchairAccessible: true });
    expect((await search('', { municipality: 'Havelberg' })).total).toBe(2);
    expect((await search('', { wheelchair: true })).ids.sort()).toEqual([org.id, other.id].sort());
    expect(await search('Jobcenter', { municipality: 'Havelberg', wheelchair: true })).toEqual(found(org.id));
    await setChildDeleted({ actor: admin, entity: 'Location', id: location.id, isDeleted: true });
    expect(await search('', { municipality: 'Havelberg' })).toEqual(found(other.id));
    expect(await search('', { wheelchair: true })).toEqual(found(other.id));
    expect(await search('Jobcenter', { municipality: 'Stendal' })).toEqual(found(org.id));
    await setChildDeleted({ actor: admin, entity: 'Location', id: location.id, isDeleted: false });
    expect(await search('Jobcenter', { municipality: 'Havelberg' })).toEqual(found(org.id));
    await db.location.delete({ where: { id: location.id } });
    expect(await search('Jobcenter', { municipality: 'Havelberg' })).toEqual(nothing);
    // An accessible location becomes inaccessible.
    await db.location.updateMany({ where: { organizationId: other.id }, data: { wheelchairAccessible: false } });
    expect(await search('', { wheelchair: true })).toEqual(nothing);
  });

  it('a language offer through a contact person: withdrawn consent ends the language filter’s match', async () => {
    await createLanguage({ code: 'fa', nameDe: 'Persisch', nameNative: 'فارسی' });
    const org = await createOrganization({ name: 'Sprachmittlung (Beispiel)' });
    await createOrganization({ name: 'Sprachcafé (Beispiel)' });
    expect(await search('', { language: 'fa' })).toEqual(nothing);
    const contact = await createContact({
      actor: admin,
      organizationId: org.id,
      input: { role: 'Sprachmittlung (Beispiel)', name: 'Kontakt Beispiel', visibility: 'PUBLIC', consent: 'given', consentScope: 'Veröffentlichung im Wegweiser', languageCodes: ['fa'] },
    });
    expect(await search('', { language: 'fa' })).toEqual(found(org.id));
    expect(await search('Sprach', { language: 'fa' })).toEqual(found(org.id));
    const { version } = await db.contactPerson.findUniqueOrThrow({ where: { id: contact.id }, select: { version: true } });
    await updateContact({ actor: admin, id: contact.id, version, input: { consent: 'withdrawn' } });
    expect(await search('', { language: 'fa' })).toEqual(nothing);
    expect(await search('Sprach', { language: 'fa' })).toEqual(nothing);
    expect((await search('Sprach')).total).toBe(2);
  });
});

describe('the index follows the opening hours (open now)', () => {
  // Wednesday 2 December 2026, 10:00 in Berlin; Christmas Day 2026 is a Friday and a holiday.
  const wednesday = new Date('2026-12-02T09:00:00Z');
  const christmas = new Date('2026-12-25T09:00:00Z');

  async function openNow(q: string, now = wednesday) {
    const query = { ...parseDirectoryQuery({ q }), openNow: true };
    const indexed = await searchOrganizationIds({ query, now, useIndex: true });
    const general = await searchOrganizationIds({ query, now, useIndex: false });
    const result = { total: indexed.total, ids: indexed.hits.map((hit) => hit.id) };
    expect(result, `index and general SQL for "${q}", open now`).toEqual({ total: general.total, ids: general.hits.map((hit) => hit.id) });
    return result;
  }

  it('slots and exceptions added and removed, a slot at a deleted location, a holiday: the filter follows', async () => {
    const cafe = await createOrganization({ name: 'Beratungscafé (Beispiel)', sortOrder: 1 });
    const office = await createOrganization({ name: 'Beratungsbüro (Beispiel)', sortOrder: 2 });
    expect(await openNow('')).toEqual(nothing);
    const slot = await createSchedule({ actor: admin, organizationId: cafe.id, input: { weekday: '3', opensAt: '09:00', closesAt: '12:00' } });
    await createSchedule({ actor: admin, organizationId: cafe.id, input: { weekday: '5', opensAt: '09:00', closesAt: '12:00' } });
    expect(await openNow('')).toEqual(found(cafe.id));
    expect(await openNow('Beratung')).toEqual(found(cafe.id));
    // Public holiday: closed although Friday has a slot.
    expect(await openNow('', christmas)).toEqual(nothing);
    // A slot at a location that is then deleted (soft) is no longer public.
    const location = await createLocation({ organizationId: office.id, municipality: 'Stendal', city: 'Stendal' });
    await createSchedule({ actor: admin, organizationId: office.id, input: { weekday: '3', opensAt: '08:00', closesAt: '16:00', locationId: location.id } });
    expect(await openNow('Beratung')).toEqual(found(cafe.id, office.id));
    await setChildDeleted({ actor: admin, entity: 'Location', id: location.id, isDeleted: true });
    expect(await openNow('Beratung')).toEqual(found(cafe.id));
    // Closed for the day, then the exception withdrawn.
    const closed = await createScheduleException({ actor: admin, organizationId: cafe.id, input: { startsOn: '2026-12-01', endsOn: '2026-12-03', isClosed: 'on' } });
    expect(await openNow('')).toEqual(nothing);
    await deleteScheduleException({ actor: admin, id: closed.id });
    expect(await openNow('')).toEqual(found(cafe.id));
    // Special hours open an entry that has no regular slot that day.
    await createScheduleException({ actor: admin, organizationId: office.id, input: { startsOn: '2026-12-02', opensAt: '09:30', closesAt: '11:00' } });
    expect(await openNow('Beratung')).toEqual(found(cafe.id, office.id));
    await deleteSchedule({ actor: admin, id: slot.id });
    expect(await openNow('Beratung')).toEqual(found(office.id));
    // Unpublished: not open to anyone.
    await setOrganizationStatus({ actor: admin, id: office.id, status: 'DRAFT' });
    expect(await openNow('')).toEqual(nothing);
  });
});

describe('the index after a bulk insert', () => {
  it('300 entries with locations inserted in one transaction are all found', async () => {
    const COUNT = 300;
    const started = performance.now();
    await db.$transaction(async (tx) => {
      await tx.organization.createMany({
        data: Array.from({ length: COUNT }, (_, i) => ({
          slug: `import-beispiel-${i}`,
          name: `Importverein ${i} (Beispiel)`,
          description: i % 2 === 0 ? 'Beratung und Begleitung' : 'Sport und Freizeit',
          status: 'PUBLISHED' as const,
          sortOrder: i,
        })),
      });
      const ids = await tx.organization.findMany({ where: { slug: { startsWith: 'import-beispiel-' } }, select: { id: true } });
      await tx.location.createMany({
        data: ids.map(({ id }, i) => ({ organizationId: id, city: 'Osterburg', municipality: 'Osterburg', wheelchairAccessible: i % 3 === 0 })),
      });
    }, { timeout: 120_000 });
    const committed = performance.now() - started;
    const started2 = performance.now();
    const all = await search('Importverein');
    const searched = performance.now() - started2;
    expect(all.total).toBe(COUNT);
    expect(all.ids).toHaveLength(20);
    expect((await search('Importverein', { page: 15 })).ids).toHaveLength(20);
    expect((await search('', { municipality: 'Osterburg' })).total).toBe(COUNT);
    expect((await search('', { municipality: 'Osterburg', wheelchair: true })).total).toBe(COUNT / 3);
    expect((await search('Begleitung')).total).toBe(COUNT / 2);
    const [{ entries }] = await db.$queryRaw<{ entries: bigint }[]>`SELECT count(*) AS entries FROM "SearchEntry"`;
    expect(Number(entries)).toBe(COUNT);
    console.info(`Index nach Import: ${COUNT} Einträge mit Standorten in einer Transaktion, Commit samt Indexierung ${committed.toFixed(0)} ms, erste Suche (Index und allgemein) ${searched.toFixed(0)} ms.`);
  }, 120_000);
});

describe('GDPR: an erased person leaves no term in the index', () => {
  it('after erasing a contact person named in an entry’s description, no index row holds the name', async () => {
    const NAME = 'Erika Mustermann-Özdemir';
    const org = await createOrganization({ name: 'Migrationsberatung Stendal (Beispiel)' });
    await updateOrganization({ actor: admin, id: org.id, version: await versionOf(org.id), input: { description: `Ansprechpartnerin ist ${NAME}.` } });
    const contact = await createContact({ actor: admin, organizationId: org.id, input: { role: 'Migrationsberatung', name: NAME, visibility: 'PUBLIC', consent: 'given', consentScope: 'Veröffentlichung im Wegweiser' } });
    const traces = async () => {
      const rows = await db.$queryRaw<{ place: string; value: string }[]>`
        SELECT 'SearchTerm' AS place, "term" AS value FROM "SearchTerm" WHERE "term" ~* '(mustermann|ozdemir|oezdemir|özdemir)'
        UNION ALL SELECT 'SearchNameTerm', "term" FROM "SearchNameTerm" WHERE "term" ~* '(mustermann|ozdemir|oezdemir|özdemir)'
        UNION ALL SELECT 'SearchEntry.terms', t FROM "SearchEntry" e, unnest(e."terms") t WHERE t ~* '(mustermann|ozdemir|oezdemir|özdemir)'`;
      return rows;
    };
    // The name is in the index before (otherwise the test would prove nothing).
    const before = await traces();
    expect(before.map((row) => row.place)).toEqual(expect.arrayContaining(['SearchTerm', 'SearchEntry.terms']));
    expect(await search('Mustermann')).toEqual(found(org.id));
    await eraseContactPerson({ actor: admin, contactId: contact.id });
    expect(await traces()).toEqual([]);
    expect(await search('Mustermann')).toEqual(nothing);
    expect(await search('Migrationsberatung')).toEqual(found(org.id));
  });
});
