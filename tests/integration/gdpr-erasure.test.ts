// GDPR erasure and export of a contact person (issue 10, finding 5). The person's name, e-mail
// address and phone number are planted, through the application's own functions wherever one
// exists, in every place a person can appear; the export must contain all of it; after the
// erasure a scan of every text and JSON column of every table (read from information_schema, so
// that tables added later are scanned too) must find nothing.
import { beforeEach, describe, expect, it } from 'vitest';
import { approveChangeRequest } from '@/lib/data/change-requests/approve';
import { proposeChange } from '@/lib/data/change-requests/propose';
import { rejectChangeRequest } from '@/lib/data/change-requests/reject';
import { withdrawChangeRequest } from '@/lib/data/change-requests/withdraw';
import { createContact, updateContact } from '@/lib/data/contacts';
import { saveContentTranslations } from '@/lib/data/content-translations';
import { createFeedback, setFeedbackStatus } from '@/lib/data/feedback';
import { updateOrganization } from '@/lib/data/admin-organizations';
import { createPage } from '@/lib/data/admin-pages';
import { createSchedule } from '@/lib/data/schedules';
import { addSearchAsWord, createConcept } from '@/lib/data/search-vocabulary';
import { eraseContactPerson, exportContactPersonData } from '@/lib/data/personal-data';
import { createLanguage, createOrganization } from '../factories/index.ts';
import { getTestDb, resetDb } from '../setup/db.ts';
import { createAdminActor, createPartnerActor } from './helpers/admin-actors.ts';
import { clearMailbox } from './helpers/mail.ts';

const db = getTestDb();

const NAME = 'Erika Mustermann-Özdemir';
const EMAIL = 'erika.oezdemir@example.org';
const PHONE = '+49 3931 5550123';
// The same number as people type it elsewhere.
const PHONE_TYPED = '03931 / 555 01 23';
const PHONE_DIGITS = '39315550123';
const OLD_EMAIL = 'e.mustermann@example.org';

interface Hit {
  table: string;
  column: string;
  value: string;
}

// Every text and JSON value of every table that holds the name (any case), an e-mail address or
// the phone number in any notation.
async function scan(): Promise<{ hits: Hit[]; tables: number; columns: number }> {
  const columns = await db.$queryRaw<{ table_name: string; column_name: string }[]>`
    SELECT c.table_name, c.column_name
      FROM information_schema.columns c
      JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
     WHERE c.table_schema = 'public' AND t.table_type = 'BASE TABLE'
       AND c.data_type IN ('text', 'character varying', 'character', 'json', 'jsonb', 'tsvector', 'ARRAY', 'USER-DEFINED')`;
  const hits: Hit[] = [];
  for (const { table_name: table, column_name: column } of columns) {
    const rows = await db.$queryRawUnsafe<{ value: string }[]>(
      `SELECT "${column}"::text AS value FROM "${table}"
        WHERE "${column}"::text ILIKE $1 OR "${column}"::text ILIKE $2 OR "${column}"::text ILIKE $3 OR "${column}"::text ILIKE $4
           OR "${column}"::text ILIKE $5 OR regexp_replace("${column}"::text, '[^0-9]', '', 'g') LIKE $6`,
      '%mustermann%',
      '%özdemir%',
      `%${EMAIL}%`,
      `%${OLD_EMAIL}%`,
      '%oezdemir%',
      `%${PHONE_DIGITS}%`,
    );
    for (const row of rows) hits.push({ table, column, value: row.value.slice(0, 200) });
  }
  return { hits, tables: new Set(columns.map((c) => c.table_name)).size, columns: columns.length };
}

// Columns other than the erasure's own audit row that still hold the erased record's id (uuid,
// uuid[] and text columns alike): a list membership by id is a trace too.
async function referencesTo(id: string): Promise<string[]> {
  const columns = await db.$queryRaw<{ table_name: string; column_name: string }[]>`
    SELECT c.table_name, c.column_name
      FROM information_schema.columns c
      JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
     WHERE c.table_schema = 'public' AND t.table_type = 'BASE TABLE'
       AND c.data_type IN ('uuid', 'ARRAY', 'text', 'json', 'jsonb')`;
  const found: string[] = [];
  for (const { table_name: table, column_name: column } of columns) {
    // The audit log and the proposals keep that the record existed (their content is redacted).
    if ((table === 'AuditLog' || table === 'ChangeRequest') && column === 'entityId') continue;
    const [{ count }] = await db.$queryRawUnsafe<{ count: bigint }[]>(`SELECT count(*) AS count FROM "${table}" WHERE "${column}"::text LIKE $1`, `%${id}%`);
    if (count > 0n) found.push(`${table}.${column}`);
  }
  return found;
}

// The person in every place the application can put them.
async function plant() {
  const admin = await createAdminActor();
  const org = await createOrganization({ name: 'Migrationsberatung Stendal (Beispiel)', isTrusted: false });
  const other = await createOrganization({ name: 'Nachbarverein (Beispiel)' });
  const partner = await createPartnerActor([org.id]);

  // 1. The contact, created by approving a partner's proposal (the proposal then has its id).
  const proposal = await proposeChange({
    actor: partner,
    organizationId: org.id,
    entityType: 'ContactPerson',
    action: 'CREATE',
    input: { role: 'Migrationsberatung', name: NAME, email: OLD_EMAIL, phone: PHONE, visibility: 'PUBLIC', consent: 'given', consentScope: 'Veröffentlichung im Wegweiser' },
  });
  const { entityId: contactId } = await approveChangeRequest({ actor: admin, id: proposal.id, comment: `Danke, ${NAME} ist eingetragen.` });
  // 2. Changed later (the old address stays in the history).
  const contact = await db.contactPerson.findUniqueOrThrow({ where: { id: contactId! } });
  await updateContact({ actor: admin, id: contact.id, version: contact.version, input: { email: EMAIL, mobile: '0151 25550123' } });
  // 3. A translation of the contact's field that names the person.
  await saveContentTranslations({ actor: admin, organizationId: org.id, entityType: 'CONTACT_PERSON', entityId: contact.id, locale: 'en', input: { role: `Migration counselling (${NAME})` } });
  // 4. Proposals without a contact id: a second "new contact" rejected with a comment, one withdrawn.
  const duplicate = await proposeChange({ actor: partner, organizationId: org.id, entityType: 'ContactPerson', action: 'CREATE', input: { role: 'Beratung', name: NAME, phone: PHONE_TYPED } });
  await rejectChangeRequest({ actor: admin, id: duplicate.id, input: { comment: `${NAME} (${EMAIL}) ist schon eingetragen.` } });
  const withdrawn = await proposeChange({ actor: partner, organizationId: org.id, entityType: 'ContactPerson', action: 'CREATE', input: { role: 'Sprechstunde', name: NAME.toUpperCase(), email: EMAIL } });
  await withdrawChangeRequest({ actor: partner, id: withdrawn.id });
  // 5. A proposal for the organization whose description names the person (review comment too).
  const orgRow = await db.organization.findUniqueOrThrow({ where: { id: org.id } });
  const orgProposal = await proposeChange({
    actor: partner,
    organizationId: org.id,
    entityType: 'Organization',
    action: 'UPDATE',
    baseVersion: orgRow.version,
    input: { name: orgRow.name, description: `Ansprechpartnerin ist ${NAME}, Telefon ${PHONE_TYPED}.` },
  });
  await rejectChangeRequest({ actor: admin, id: orgProposal.id, input: { comment: `Bitte nicht ${NAME} direkt nennen.` } });
  // 6. The same directly in the organization's description (history included), a schedule note
  //    and a content page.
  await updateOrganization({ actor: admin, id: other.id, version: (await db.organization.findUniqueOrThrow({ where: { id: other.id } })).version, input: { description: `Kooperation mit ${NAME} (${EMAIL}).` } });
  await createSchedule({ actor: admin, organizationId: org.id, input: { weekday: '2', opensAt: '09:00', closesAt: '12:00', note: `nur bei ${NAME}` } });
  await createPage({ actor: admin, input: { slug: 'team-beispiel', locale: 'de', title: 'Team', body: `Unser Team: ${NAME}, ${PHONE}.` } });
  // 7. Visitor reports naming the person, one sent from the person's address, with a note.
  await db.organization.update({ where: { id: org.id }, data: { status: 'PUBLISHED' } });
  await createFeedback({ input: { organizationSlug: org.slug, message: `Frau ${NAME} ist nicht mehr unter ${PHONE_TYPED} erreichbar.`, email: null, website: '' } as never, ip: '192.0.2.1', locale: 'de' });
  await createFeedback({ input: { organizationSlug: org.slug, message: 'Die Sprechzeiten stimmen nicht mehr.', email: EMAIL, website: '' } as never, ip: '192.0.2.2', locale: 'de' });
  const report = await db.feedback.findFirstOrThrow({ where: { message: { contains: 'Frau' } } });
  await setFeedbackStatus({ actor: admin, id: report.id, status: 'DONE', note: `Mit ${NAME} telefoniert.` });
  // 8. Searches for the person, as visitors type them.
  await db.searchLog.createMany({
    data: [
      { query: 'erika mustermann-özdemir', locale: 'de', resultCount: 1 },
      { query: EMAIL.toUpperCase(), locale: 'de', resultCount: 0 },
      { query: '0393 155 50123', locale: 'uk', resultCount: 0 },
      { query: 'migrationsberatung', locale: 'de', resultCount: 3 },
    ],
  });
  // 9. Sign-in attempts with the person's address.
  await db.loginAttempt.create({ data: { email: EMAIL, ip: '192.0.2.9', succeeded: false } });
  // 10. The person's own consultation hours (with languages and a note naming them).
  await createLanguage({ code: 'ar' });
  await createLanguage({ code: 'uk', nameDe: 'Ukrainisch', nameNative: 'Українська' });
  await createSchedule({ actor: admin, organizationId: org.id, input: { contactPersonId: contact.id, languageCodes: ['ar', 'uk'], weekday: '3', opensAt: '10:00', closesAt: '12:00', note: `Sprechstunde ${NAME}` } });
  // 11. The search vocabulary: the name as a coordinator would add it (typed without the umlaut
  //     and hyphen, as visitors type it), and a search for the person added as a word of a concept.
  await db.searchLog.create({ data: { query: 'erika mustermann ozdemir', locale: 'de', resultCount: 0 } });
  const concept = await createConcept({ actor: admin, input: { label: 'Migrationsberatung (Beispiel)', words_de: `Erika Mustermann-Özdemir\n${EMAIL}\nBeratung Mustermann-Oezdemir Erika`, words_en: 'erika mustermann ozdemir' } });
  await addSearchAsWord({ actor: admin, input: { conceptId: concept.id, query: 'Frau Erika Mustermann Özdemir', locale: 'uk' } });
  // 12. Distribution lists and circulars: the person is a member of a list (by id), a circular
  //     names them and was delivered to them.
  const list = await db.distributionList.create({ data: { name: 'Beratungsstellen (Beispiel)', description: `Ansprechpartnerin ${NAME}`, useFilter: false, contactIds: [contact.id], addressMode: 'ALL_CONTACTS' } });
  const circular = await db.circular.create({ data: { listId: list.id, listName: list.name, subject: 'Einladung Netzwerktreffen', body: `Liebe ${NAME}, ...`, createdByName: 'Koordination', replyTo: EMAIL, status: 'DONE' } });
  await db.circularDelivery.create({ data: { circularId: circular.id, email: EMAIL, name: NAME, contactPersonId: contact.id, organizationId: org.id, status: 'SENT', sentAt: new Date() } });
  await db.circularDelivery.create({ data: { circularId: circular.id, email: OLD_EMAIL, name: NAME, organizationId: org.id, status: 'FAILED', error: `550 ${OLD_EMAIL} unbekannt` } });
  // 13. An import file that named the person.
  await db.importSession.create({
    data: { filename: 'akteure.csv', format: 'csv', headers: ['Name', 'Ansprechperson', 'Telefon'], rows: [['Beratung', NAME, PHONE_TYPED], ['Verein', 'Max Beispiel', '0391 000000']], layoutKey: 'test', status: 'IMPORTED', result: { notes: [`Kontakt ${EMAIL} übernommen`] } },
  });
  return { admin, partner, org, other, contactId: contact.id, orgProposalId: orgProposal.id };
}

beforeEach(async () => {
  await resetDb();
  clearMailbox();
});

describe('GDPR: one erasure finds every trace of a contact person', () => {
  it('the export holds every trace; after the erasure no text or JSON column anywhere names the person', async () => {
    const { admin, contactId, org, other } = await plant();
    const before = await scan();
    const plantedTables = new Set(before.hits.map((hit) => hit.table));
    // The planting reached every kind of place (otherwise the test would prove less than it says).
    for (const table of ['ContactPerson', 'Translation', 'AuditLog', 'ChangeRequest', 'OutboxEmail', 'SearchLog', 'Feedback', 'Organization', 'Schedule', 'Page', 'LoginAttempt', 'SearchConceptWord', 'DistributionList', 'Circular', 'CircularDelivery', 'ImportSession']) {
      expect(plantedTables, table).toContain(table);
    }

    const exported = await exportContactPersonData({ actor: admin, contactId });
    const text = JSON.stringify(exported);
    expect(exported.contactPerson).toMatchObject({ name: NAME, email: EMAIL });
    expect(exported.translations).toEqual([expect.objectContaining({ field: 'role', locale: 'en', value: `Migration counselling (${NAME})` })]);
    expect(exported.history.map((row) => row.entityType)).toEqual(expect.arrayContaining(['ContactPerson', 'Translation']));
    expect(exported.changeRequests).toHaveLength(1);
    expect(exported.mentions.proposals.length).toBeGreaterThanOrEqual(3);
    expect(exported.mentions.visitorReports.map((m) => m.column).sort()).toEqual(['email', 'message', 'note']);
    expect(exported.mentions.searches).toHaveLength(4);
    expect(exported.mentions.mails.length).toBeGreaterThanOrEqual(1);
    expect(exported.mentions.auditEntries.length).toBeGreaterThan(0);
    expect(exported.mentions.other.map((m) => m.table)).toEqual(expect.arrayContaining(['Organization', 'Schedule', 'Page', 'LoginAttempt']));
    expect(text).toContain(OLD_EMAIL);
    expect(text).toContain(PHONE_TYPED);
    // Membership of a distribution list is held by id only, and the circulars the person received.
    expect(exported.distributionLists).toEqual([expect.objectContaining({ name: 'Beratungsstellen (Beispiel)' })]);
    expect(exported.circularDeliveries.map((d) => d.email).sort()).toEqual([OLD_EMAIL, EMAIL].sort());
    expect(exported.mentions.other.map((m) => m.table)).toEqual(expect.arrayContaining(['SearchConceptWord', 'ImportSession', 'Circular']));
    expect(exported.mentions.searches.map((m) => m.value)).toContain('erika mustermann ozdemir');

    const result = await eraseContactPerson({ actor: admin, contactId });
    expect(result.remaining).toEqual([]);
    const after = await scan();
    expect(after.hits).toEqual([]);
    expect(await referencesTo(contactId)).toEqual([]);
    console.info(`GDPR-Scan: ${after.tables} Tabellen, ${after.columns} Text-/JSON-Spalten, vorher ${before.hits.length} Treffer, nachher ${after.hits.length}.`);

    // What is not the person's stays: the organizations, the other report, the other search,
    // the fact of the erasure.
    expect(await db.organization.count({ where: { id: { in: [org.id, other.id] } } })).toBe(2);
    expect(await db.feedback.count()).toBe(2);
    expect(await db.feedback.count({ where: { message: 'Die Sprechzeiten stimmen nicht mehr.', email: null } })).toBe(1);
    expect(await db.searchLog.findMany({ select: { query: true } })).toEqual([{ query: 'migrationsberatung' }]);
    expect((await db.organization.findUniqueOrThrow({ where: { id: other.id } })).description).toBe('Kooperation mit [gelöscht] ([gelöscht]).');
    expect(await db.auditLog.count({ where: { entityId: contactId, action: 'ERASE' } })).toBe(1);
  });

  it('leaves organizations\' own contact details alone and reports them', async () => {
    const admin = await createAdminActor();
    const org = await createOrganization({ email: 'info@example.org', phone: '03931 5550123' });
    const contact = await createContact({ actor: admin, organizationId: org.id, input: { role: 'Leitung', name: NAME, phone: PHONE } });
    const result = await eraseContactPerson({ actor: admin, contactId: contact.id });
    expect(result.remaining).toEqual([{ table: 'Organization', column: 'phone' }]);
    expect((await db.organization.findUniqueOrThrow({ where: { id: org.id } })).phone).toBe('03931 5550123');
  });

  it('does not touch other people who share a first name or part of a number', async () => {
    const admin = await createAdminActor();
    const org = await createOrganization({ description: 'Erika Schmidt und Tel. 03931 5550124; Mustermannstraße 3' });
    const contact = await createContact({ actor: admin, organizationId: org.id, input: { role: 'Leitung', name: NAME, phone: PHONE } });
    await eraseContactPerson({ actor: admin, contactId: contact.id });
    expect((await db.organization.findUniqueOrThrow({ where: { id: org.id } })).description).toBe('Erika Schmidt und Tel. 03931 5550124; Mustermannstraße 3');
  });
});
