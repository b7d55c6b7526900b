// The hand-written SQL of 20261126110100_search: normalized search columns kept current by
// triggers, the German full-text vector, and the append-only audit log.
import { beforeEach, describe, expect, it } from 'vitest';
import { getTestDb, resetDb } from '../setup/db.ts';
import {
  createContactPerson,
  createLanguage,
  createLanguageOffer,
  createOrganization,
  createService,
  createUser,
} from '../factories/index.ts';

const db = getTestDb();

async function searchColumns(id: string) {
  return db.organization.findUniqueOrThrow({ where: { id }, select: { searchName: true, searchText: true } });
}

// The query path the app is meant to use: normalize the visitor's words like the stored text.
async function fullTextMatches(query: string): Promise<string[]> {
  const rows = await db.$queryRaw<{ id: string }[]>`
    SELECT id::text FROM "Organization"
     WHERE search @@ websearch_to_tsquery('german', search_normalize(${query}))`;
  return rows.map((row) => row.id);
}

beforeEach(resetDb);

describe('organization search columns', () => {
  it('are filled on insert, lower-cased and with umlauts and ß folded', async () => {
    const org = await createOrganization({ name: 'Müller Straße (Beispiel)', shortName: 'MÜS', description: 'Café Größe' });
    const { searchName, searchText } = await searchColumns(org.id);
    expect(searchName).toBe('muller strasse (beispiel) mus');
    expect(searchText).toContain('muller strasse');
    expect(searchText).toContain('cafe grosse');
  });

  it('treat Müller, Mueller and Muller alike', async () => {
    const spellings = ['Müller', 'Mueller', 'Muller'];
    const orgs = await Promise.all(spellings.map((name) => createOrganization({ name: `${name} (Beispiel)` })));
    const names = await Promise.all(orgs.map(async (org) => (await searchColumns(org.id)).searchName));
    expect(names).toEqual(['muller (beispiel)', 'muller (beispiel)', 'muller (beispiel)']);
    const [{ normalized }] = await db.$queryRaw<{ normalized: string }[]>`SELECT search_normalize('Straße') AS normalized`;
    expect(normalized).toBe('strasse');
  });

  it('follow the organization’s own edits', async () => {
    const org = await createOrganization({ name: 'Alter Name (Beispiel)' });
    await db.organization.update({ where: { id: org.id }, data: { name: 'Anderer Name (Beispiel)' } });
    const { searchName } = await searchColumns(org.id);
    expect(searchName).toContain('anderer name');
    expect(searchName).not.toContain('alter');
  });

  it('pick up a new service, and drop it when the service is soft-deleted', async () => {
    const org = await createOrganization();
    const service = await createService({ organizationId: org.id, name: 'Jugendmigrationsdienst (Beispiel)' });
    expect((await searchColumns(org.id)).searchText).toContain('jugendmigrationsdienst');

    await db.service.update({ where: { id: service.id }, data: { deletedAt: new Date() } });
    expect((await searchColumns(org.id)).searchText).not.toContain('jugendmigrationsdienst');
  });

  it('include the role of a PUBLIC contact but never of a NETWORK_INTERNAL one', async () => {
    const org = await createOrganization();
    await createContactPerson({ organizationId: org.id, role: 'Schuldnerberatung (Beispiel)', visibility: 'PUBLIC', consentGivenAt: new Date() });
    await createContactPerson({ organizationId: org.id, role: 'Interne Koordination (Beispiel)', visibility: 'NETWORK_INTERNAL' });
    const { searchText } = await searchColumns(org.id);
    expect(searchText).toContain('schuldnerberatung');
    expect(searchText).not.toContain('interne koordination');
  });

  it('leave out public contacts without consent or with consent withdrawn, and their languages', async () => {
    const org = await createOrganization();
    await createContactPerson({ organizationId: org.id, role: 'Ohne Einwilligung (Beispiel)', visibility: 'PUBLIC' });
    const withdrawn = await createContactPerson({
      organizationId: org.id,
      role: 'Widerrufen (Beispiel)',
      visibility: 'PUBLIC',
      consentGivenAt: new Date(),
      consentWithdrawnAt: new Date(),
    });
    const internal = await createContactPerson({ organizationId: org.id, role: 'Intern (Beispiel)', visibility: 'NETWORK_INTERNAL' });
    const tigrinya = await createLanguage({ code: 'ti', nameDe: 'Tigrinya', nameNative: 'ትግርኛ' });
    await createLanguageOffer({ organizationId: org.id, contactPersonId: internal.id, languageCode: tigrinya.code });
    await createLanguageOffer({ organizationId: org.id, contactPersonId: withdrawn.id, languageCode: tigrinya.code });
    const { searchText } = await searchColumns(org.id);
    expect(searchText).not.toContain('einwilligung');
    expect(searchText).not.toContain('widerrufen');
    expect(searchText).not.toContain('tigrinya');
  });

  it('include an offered language in every stored name', async () => {
    const org = await createOrganization();
    const language = await createLanguage({ code: 'uk', nameDe: 'Ukrainisch', nameNative: 'Українська', names: { en: 'Ukrainian' } });
    await createLanguageOffer({ organizationId: org.id, languageCode: language.code });
    const { searchText } = await searchColumns(org.id);
    expect(searchText).toContain('ukrainisch');
    expect(searchText).toContain('ukrainian');
    expect(searchText).toContain('українська');
  });

  it('follow a renamed language (statement trigger on Language)', async () => {
    const org = await createOrganization();
    await createLanguageOffer({ organizationId: org.id, languageCode: (await createLanguage({ code: 'fa', nameDe: 'Persisch', nameNative: 'فارسی' })).code });
    await db.language.update({ where: { code: 'fa' }, data: { nameDe: 'Farsi' } });
    const { searchText } = await searchColumns(org.id);
    expect(searchText).toContain('farsi');
    expect(searchText).not.toContain('persisch');
  });
});

describe('organization full-text vector', () => {
  it('finds German word forms by stem: "Beratungen" finds a description with "Beratung"', async () => {
    const found = await createOrganization({ name: 'Träger A (Beispiel)', description: 'Wir bieten Beratung für Familien.' });
    const other = await createOrganization({ name: 'Träger B (Beispiel)', description: 'Angebote für Kinder.' });
    expect(await fullTextMatches('Beratungen')).toEqual([found.id]);
    expect(await fullTextMatches('Familie')).toEqual([found.id]);
    expect(await fullTextMatches('Kind')).toEqual([other.id]);
  });

  it('matches normalized spellings and honours websearch operators', async () => {
    const org = await createOrganization({ name: 'Beratungsstelle Müller (Beispiel)' });
    await createOrganization({ name: 'Beratungsstelle Schmidt (Beispiel)' });
    expect(await fullTextMatches('Mueller')).toEqual([org.id]);
    expect(await fullTextMatches('Beratungsstelle -Schmidt')).toEqual([org.id]);
  });

  it('is regenerated when a service is added', async () => {
    const org = await createOrganization();
    expect(await fullTextMatches('Schuldnerberatung')).toEqual([]);
    await createService({ organizationId: org.id, name: 'Schuldnerberatung (Beispiel)' });
    expect(await fullTextMatches('Schuldnerberatungen')).toEqual([org.id]);
  });
});

describe('audit log', () => {
  async function createEntry() {
    const actor = await createUser();
    const entry = await db.auditLog.create({
      data: {
        actorId: actor.id,
        actorName: actor.name,
        action: 'UPDATE',
        entityType: 'Organization',
        entityId: 'beispiel',
        changes: { name: { before: 'Alt', after: 'Neu' } },
      },
    });
    return { actor, entry };
  }

  it('refuses to change an entry', async () => {
    const { entry } = await createEntry();
    await expect(db.$executeRaw`UPDATE "AuditLog" SET changes = '{}' WHERE id = ${entry.id}`).rejects.toThrow(
      /audit log entries cannot be changed/,
    );
    await expect(db.$executeRaw`UPDATE "AuditLog" SET "actorName" = 'Jemand' WHERE id = ${entry.id}`).rejects.toThrow(
      /audit log entries cannot be changed/,
    );
  });

  it('refuses to delete an entry', async () => {
    const { entry } = await createEntry();
    await expect(db.$executeRaw`DELETE FROM "AuditLog" WHERE id = ${entry.id}`).rejects.toThrow(
      /audit log entries cannot be deleted/,
    );
    expect(await db.auditLog.count()).toBe(1);
  });

  it('allows the two documented exceptions: redaction inside a marked transaction, and deleting the actor', async () => {
    const { actor, entry } = await createEntry();
    await db.$transaction([
      db.$executeRaw`SELECT set_config('app.audit_redaction', 'on', true)`,
      db.$executeRaw`UPDATE "AuditLog" SET changes = '{"name": "[gelöscht]"}' WHERE id = ${entry.id}`,
    ]);
    await db.user.delete({ where: { id: actor.id } });
    const after = await db.auditLog.findUniqueOrThrow({ where: { id: entry.id } });
    expect(after.changes).toEqual({ name: '[gelöscht]' });
    expect(after.actorId).toBeNull();
    expect(after.actorName).toBe(actor.name);
  });
});
