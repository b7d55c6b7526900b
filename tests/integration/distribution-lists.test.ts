// Distribution lists: who a list reaches (filter criteria, hand-picked entries, address modes,
// consent and opt-out), saving with audit and optimistic locking, and the files made from a list
// (CSV for Excel, vCard 4.0 checked with the strict vcard4 parser, mailto links in chunks of 50).
import { parse as parseVcards } from 'vcard4';
import { beforeEach, describe, expect, it } from 'vitest';
import { createDistributionList } from '@/lib/data/distribution-lists/create-distribution-list';
import { deleteDistributionList } from '@/lib/data/distribution-lists/delete-distribution-list';
import { exportDistributionList } from '@/lib/data/distribution-lists/export-distribution-list';
import { getDistributionListWithRecipients } from '@/lib/data/distribution-lists/get-distribution-list';
import { recipientsCsv, recipientsVcard } from '@/lib/data/distribution-lists/recipient-files';
import { resolveRecipients, type RecipientDefinition } from '@/lib/data/distribution-lists/resolve-recipients';
import { updateDistributionList } from '@/lib/data/distribution-lists/update-distribution-list';
import { bccMailtoLinks } from '@/lib/format/mailto';
import {
  createContactPerson,
  createLanguage,
  createLanguageOffer,
  createLocation,
  createOrganization,
  createService,
  createTaxonomyTerm,
} from '../factories/index.ts';
import { getTestDb, resetDb } from '../setup/db.ts';
import { createAdminActor, createPartnerActor } from './helpers/admin-actors.ts';
import { expectCode } from './helpers/server-actions.ts';

const db = getTestDb();

const NONE: RecipientDefinition = {
  useFilter: true,
  categoryIds: [],
  topicIds: [],
  municipalities: [],
  languageCodes: [],
  isMembersOnly: false,
  organizationIds: [],
  contactIds: [],
  addressMode: 'ALL_CONTACTS',
  role: null,
  includeInternal: true,
};

const emails = async (definition: Partial<RecipientDefinition>) => (await resolveRecipients({ ...NONE, ...definition })).recipients.map((r) => r.email).sort();

beforeEach(resetDb);

describe('who a list reaches', () => {
  it('filters by category, topic (of the entry or a service), town, language and membership', async () => {
    const counselling = await createTaxonomyTerm({ kind: 'CATEGORY', label: 'Beratungsdienste (Beispiel)' });
    const topic = await createTaxonomyTerm({ kind: 'TOPIC' });
    const a = await createOrganization({ categoryId: counselling.id, email: 'a@example.org' });
    const b = await createOrganization({ email: 'b@example.org' });
    const c = await createOrganization({ email: 'c@example.org' });
    const draft = await createOrganization({ categoryId: counselling.id, status: 'DRAFT', email: 'entwurf@example.org' });
    const gone = await createOrganization({ categoryId: counselling.id, deletedAt: new Date(), email: 'weg@example.org' });
    await db.organizationTopic.create({ data: { organizationId: b.id, termId: topic.id } });
    const service = await createService({ organizationId: c.id });
    await db.serviceTerm.create({ data: { serviceId: service.id, termId: topic.id } });
    await createLocation({ organizationId: a.id, municipality: 'Tangermünde', city: 'Tangermünde' });
    await createLocation({ organizationId: b.id, municipality: 'Havelberg', city: 'Havelberg', deletedAt: new Date() });
    await createLanguage({ code: 'uk', nameDe: 'Ukrainisch', nameNative: 'Українська' });
    await createLanguageOffer({ organizationId: c.id, serviceId: service.id, languageCode: 'uk' });
    const removedContact = await createContactPerson({ organizationId: b.id, deletedAt: new Date() });
    await createLanguageOffer({ organizationId: b.id, contactPersonId: removedContact.id, languageCode: 'uk' });
    await createPartnerActor([b.id]);

    const mailbox = { addressMode: 'FUNCTIONAL_MAILBOX' as const };
    expect(await emails({ ...mailbox, categoryIds: [counselling.id] })).toEqual(['a@example.org']);
    expect(await emails({ ...mailbox, topicIds: [topic.id] })).toEqual(['b@example.org', 'c@example.org']);
    expect(await emails({ ...mailbox, municipalities: ['tangermünde'] })).toEqual(['a@example.org']);
    // A deleted location does not place an entry in a town; a deleted contact's language does not count.
    expect(await emails({ ...mailbox, municipalities: ['Havelberg'] })).toEqual([]);
    expect(await emails({ ...mailbox, languageCodes: ['uk'] })).toEqual(['c@example.org']);
    expect(await emails({ ...mailbox, isMembersOnly: true })).toEqual(['b@example.org']);
    // Criteria combine with AND; without any the filter takes every published entry.
    expect(await emails({ ...mailbox, categoryIds: [counselling.id], topicIds: [topic.id] })).toEqual([]);
    expect(await emails(mailbox)).toEqual(['a@example.org', 'b@example.org', 'c@example.org']);
    // Picked by hand: drafts too, never deleted ones.
    expect(await emails({ ...mailbox, useFilter: false, organizationIds: [draft.id, gone.id] })).toEqual(['entwurf@example.org']);
  });

  it('per organization: mailbox, all contacts or one role; internal contacts only when included', async () => {
    const org = await createOrganization({ email: 'postfach@example.org', name: 'Beratung Nord (Beispiel)' });
    await createContactPerson({ organizationId: org.id, role: 'Migrationsberatung für Erwachsene', email: 'mbe@example.org', visibility: 'PUBLIC' });
    await createContactPerson({ organizationId: org.id, role: 'Leitung', email: 'leitung@example.org', visibility: 'NETWORK_INTERNAL' });
    await createContactPerson({ organizationId: org.id, role: 'Verwaltung', email: null });
    const empty = await createOrganization({ email: null, name: 'Ohne Adresse (Beispiel)' });
    const definition = { useFilter: false, organizationIds: [org.id, empty.id] };
    expect(await emails({ ...definition, addressMode: 'FUNCTIONAL_MAILBOX' })).toEqual(['postfach@example.org']);
    expect(await emails({ ...definition, addressMode: 'ALL_CONTACTS' })).toEqual(['leitung@example.org', 'mbe@example.org']);
    expect(await emails({ ...definition, addressMode: 'ALL_CONTACTS', includeInternal: false })).toEqual(['mbe@example.org']);
    expect(await emails({ ...definition, addressMode: 'ROLE', role: 'migrationsberatung' })).toEqual(['mbe@example.org']);
    const resolution = await resolveRecipients({ ...NONE, ...definition, addressMode: 'FUNCTIONAL_MAILBOX' });
    expect(resolution.withoutAddress.map((o) => o.name)).toEqual(['Ohne Adresse (Beispiel)']);
    expect(resolution.organizationCount).toBe(2);
  });

  it('never reaches withdrawn consent or an opted-out address, on any record with that address; one recipient per address', async () => {
    const org = await createOrganization({ email: 'Team@Example.org' });
    const withdrawn = await createContactPerson({ organizationId: org.id, email: 'widerruf@example.org', consentGivenAt: new Date(), consentWithdrawnAt: new Date() });
    await createContactPerson({ organizationId: org.id, email: 'abgemeldet@example.org', mailingOptOutAt: new Date() });
    // The same person on another entry, not opted out there: still not reached.
    const other = await createOrganization({ email: 'anderes@example.org' });
    const sameAddress = await createContactPerson({ organizationId: other.id, email: 'abgemeldet@example.org' });
    await createContactPerson({ organizationId: other.id, email: 'team@example.org' });
    const picked = { contactIds: [withdrawn.id, sameAddress.id] };
    const resolution = await resolveRecipients({ ...NONE, useFilter: false, organizationIds: [org.id, other.id], ...picked });
    expect(resolution.recipients.map((r) => r.email).sort()).toEqual(['team@example.org']);
    expect(resolution.excludedCount).toBe(1);
    // The organization's mailbox opted out: its address is blocked for contacts that share it too.
    await db.organization.update({ where: { id: org.id }, data: { mailingOptOutAt: new Date() } });
    expect(await emails({ useFilter: false, organizationIds: [org.id, other.id] })).toEqual([]);
  });
});

describe('saving lists', () => {
  const input = (values: Record<string, unknown> = {}) => ({ name: 'Alle Beratungsstellen', useFilter: 'on', addressMode: 'FUNCTIONAL_MAILBOX', includeInternal: 'on', ...values });

  it('creates, updates with optimistic locking, deletes; every step audited', async () => {
    const admin = await createAdminActor();
    const { id } = await createDistributionList({ actor: admin, input: input() });
    await updateDistributionList({ actor: admin, id, version: 1, input: input({ name: 'Beratungsstellen (Nord)' }) });
    await expectCode(updateDistributionList({ actor: admin, id, version: 1, input: input({ name: 'Veraltet' }) }), 'CONFLICT');
    expect((await db.distributionList.findUniqueOrThrow({ where: { id } })).name).toBe('Beratungsstellen (Nord)');
    await deleteDistributionList({ actor: admin, id });
    const audit = await db.auditLog.findMany({ where: { entityType: 'DistributionList', entityId: id }, orderBy: { id: 'asc' } });
    expect(audit.map((a) => a.action)).toEqual(['CREATE', 'UPDATE', 'DELETE']);
    expect(audit[1].changes).toMatchObject({ name: { before: 'Alle Beratungsstellen', after: 'Beratungsstellen (Nord)' } });
  });

  it('rejects invalid input with field errors and writes nothing', async () => {
    const admin = await createAdminActor();
    const error = await expectCode(
      createDistributionList({ actor: admin, input: { name: '', addressMode: 'ROLE', useFilter: '', categoryIds: ['kein-uuid'] } }),
      'VALIDATION',
    );
    expect(Object.keys(error.details.fieldErrors ?? {}).sort()).toEqual(['categoryIds', 'name', 'role', 'useFilter']);
    const unknown = await expectCode(createDistributionList({ actor: admin, input: input({ organizationIds: ['00000000-0000-4000-8000-000000000000'] }) }), 'VALIDATION');
    expect(unknown.details.fieldErrors).toHaveProperty('organizationIds');
    expect(await db.distributionList.count()).toBe(0);
    expect(await db.auditLog.count()).toBe(0);
  });

  it('refuses anonymous callers and partners for every function', async () => {
    const admin = await createAdminActor();
    const org = await createOrganization();
    const partner = await createPartnerActor([org.id]);
    const { id } = await createDistributionList({ actor: admin, input: input() });
    const before = await db.auditLog.count();
    for (const [actor, code] of [
      [null, 'UNAUTHENTICATED'],
      [partner, 'FORBIDDEN'],
    ] as const) {
      await expectCode(createDistributionList({ actor, input: input() }), code);
      await expectCode(updateDistributionList({ actor, id, version: 1, input: input({ name: 'X' }) }), code);
      await expectCode(deleteDistributionList({ actor, id }), code);
      await expectCode(getDistributionListWithRecipients({ actor, id }), code);
      await expectCode(exportDistributionList({ actor, id, format: 'csv' }), code);
    }
    expect(await db.distributionList.count()).toBe(1);
    expect(await db.auditLog.count()).toBe(before);
  });
});

describe('files from a list', () => {
  const labels = { email: 'E-Mail', name: 'Name', role: 'Funktion', organization: 'Organisation', phone: 'Telefon', mobile: 'Mobil', kind: 'Art', mailbox: 'Funktionspostfach', contact: 'Kontakt' };

  it('CSV: BOM, semicolons, CRLF, umlauts intact, quoting and no formulas; the download is audited', async () => {
    const admin = await createAdminActor();
    const org = await createOrganization({ name: 'Jugendmigrationsdienst Stendal; Süd (Beispiel)' });
    await createContactPerson({ organizationId: org.id, role: 'Beratung für Geflüchtete', name: 'Jörg Ähnlich', email: 'joerg@example.org', phone: '+49 3931 1' });
    await createContactPerson({ organizationId: org.id, role: '=HYPERLINK("http://böse.example.org")', email: 'formel@example.org' });
    const { id } = await createDistributionList({ actor: admin, input: { name: 'Test', addressMode: 'ALL_CONTACTS', organizationIds: [org.id], includeInternal: 'on' } });
    const { resolution } = await exportDistributionList({ actor: admin, id, format: 'csv' });
    const bytes = recipientsCsv(resolution.recipients, labels);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.subarray(3).toString('utf8');
    const lines = text.split('\r\n');
    expect(lines[0]).toBe('E-Mail;Name;Funktion;Organisation;Telefon;Mobil;Art');
    expect(lines).toContain('joerg@example.org;Jörg Ähnlich;Beratung für Geflüchtete;"Jugendmigrationsdienst Stendal; Süd (Beispiel)";\'+49 3931 1;;Kontakt');
    expect(lines.find((line) => line.startsWith('formel@'))).toContain(';"\'=HYPERLINK(""http://böse.example.org"")";');
    expect(text.endsWith('\r\n')).toBe(true);
    expect(text.replace(/\r\n/g, '')).not.toMatch(/\n/);
    const audit = await db.auditLog.findFirstOrThrow({ where: { entityType: 'DistributionList', entityId: id, action: 'EXPORT' } });
    expect(audit.changes).toMatchObject({ format: { after: 'csv' }, recipients: { after: 2 } });
  });

  it('vCard 4.0 of all recipients, each card accepted by the strict vcard4 parser', async () => {
    const org = await createOrganization({ name: 'Caritas, Stendal (Beispiel)', email: 'postfach@example.org', website: 'https://example.org/caritas' });
    await createContactPerson({ organizationId: org.id, role: 'Migrationsberatung', name: 'Ana Beispiel', email: 'ana@example.org', phone: '03931 12345' });
    await createContactPerson({ organizationId: org.id, role: 'Sekretariat; Empfang', email: 'empfang@example.org' });
    const { recipients } = await resolveRecipients({ ...NONE, useFilter: false, organizationIds: [org.id] });
    const file = recipientsVcard(recipients, { mailboxRole: 'Funktionspostfach' });
    const cards = file.split(/(?<=END:VCARD\r\n)/).filter(Boolean);
    expect(cards).toHaveLength(2);
    for (const card of cards) {
      const parsed = parseVcards(card);
      expect(Array.isArray(parsed)).toBe(false);
      if (!Array.isArray(parsed)) expect(parsed.parsedVcard.some((p) => p.property === 'FN')).toBe(true);
    }
    expect(file).toContain('ORG:Caritas\\, Stendal (Beispiel)');
    expect(file).toContain('TITLE:Sekretariat\\; Empfang');
  });

  it('mailto links put at most 50 addresses in BCC each', () => {
    const addresses = Array.from({ length: 121 }, (_, i) => `person-${i}@example.org`);
    const links = bccMailtoLinks(addresses);
    expect(links).toHaveLength(3);
    const counts = links.map((link) => new URL(link).searchParams.get('bcc')!.split(',').length);
    expect(counts).toEqual([50, 50, 21]);
    expect(links.flatMap((link) => new URL(link).searchParams.get('bcc')!.split(','))).toEqual(addresses);
    expect(links[0].startsWith('mailto:?bcc=person-0@example.org,')).toBe(true);
  });
});
