// Export of the directory (filtered like the admin list; internal contacts only when asked for;
// never withdrawn consent; audited), duplicate warnings for a new entry, and copying an entry as
// a draft (services, locations, hours; never personal contacts).
import ExcelJS from 'exceljs';
import { beforeEach, describe, expect, it } from 'vitest';
import { findDuplicates, findOrganizationDuplicates } from '@/lib/data/duplicates/find-duplicates';
import { exportDirectory } from '@/lib/data/export/export-directory';
import { copyOrganization, getCopyPreview } from '@/lib/data/organization-copy/copy-organization';
import { toXlsx } from '@/lib/format/xlsx';
import { createContactPerson, createLocation, createOrganization, createSchedule, createService, createTaxonomyTerm } from '../factories/index.ts';
import { getTestDb, resetDb } from '../setup/db.ts';
import { createAdminActor, createPartnerActor } from './helpers/admin-actors.ts';
import { expectCode } from './helpers/server-actions.ts';

const db = getTestDb();

beforeEach(resetDb);

describe('export', () => {
  it('exports what the admin list filter selects; contacts: public ones, internal ones only when asked, withdrawn never; audited', async () => {
    const admin = await createAdminActor();
    const category = await createTaxonomyTerm({ kind: 'CATEGORY', label: 'Beratungsdienste' });
    const a = await createOrganization({ name: 'Anlaufstelle (Beispiel)', categoryId: category.id, status: 'DRAFT' });
    const b = await createOrganization({ name: 'Begegnungscafé (Beispiel)' });
    await createOrganization({ name: 'Gelöscht (Beispiel)', categoryId: category.id, deletedAt: new Date() });
    const service = await createService({ organizationId: a.id, name: 'Beratung (Beispiel)' });
    const location = await createLocation({ organizationId: a.id, street: 'Beispielweg 2' });
    await createSchedule({ organizationId: a.id, serviceId: service.id, locationId: location.id, weekday: 3, opensAt: 540, closesAt: 720 });
    const publicContact = await createContactPerson({ organizationId: a.id, role: 'Öffentlich', email: 'oe@example.org', visibility: 'PUBLIC', consentGivenAt: new Date(), consentScope: 'Website' });
    const internalContact = await createContactPerson({ organizationId: a.id, role: 'Intern', email: 'in@example.org', visibility: 'NETWORK_INTERNAL' });
    const withdrawn = await createContactPerson({ organizationId: a.id, role: 'Widerrufen', email: 'wi@example.org', visibility: 'PUBLIC', consentGivenAt: new Date(), consentWithdrawnAt: new Date() });
    // The contacts' own consultation hours follow the contacts' rule.
    for (const [contact, weekday] of [[publicContact, 1], [internalContact, 4], [withdrawn, 5]] as const) {
      await createSchedule({ organizationId: a.id, contactPersonId: contact.id, weekday, note: `Sprechzeit ${contact.role}` });
    }
    await createContactPerson({ organizationId: b.id, role: 'Anderes', email: 'b@example.org', visibility: 'PUBLIC', consentGivenAt: new Date(), consentScope: 'x' });

    const all = ['organizations', 'services', 'locations', 'contacts', 'hours'] as const;
    const sheets = await exportDirectory({ actor: admin, query: { categoryId: category.id }, tables: [...all], format: 'xlsx' });
    const byTable = Object.fromEntries(sheets.map((s) => [s.table, s]));
    expect(byTable.organizations.rows.map((r) => r[3])).toEqual(['Anlaufstelle (Beispiel)']);
    expect(byTable.services.rows.map((r) => r[3])).toEqual(['Beratung (Beispiel)']);
    expect(byTable.locations.rows.map((r) => r[4])).toEqual(['Beispielweg 2']);
    expect(byTable.contacts.rows.map((r) => r[3])).toEqual(['Öffentlich']);
    expect(byTable.hours.rows).toEqual([
      [a.name, a.id, null, null, 'Montag', '09:00', '12:00', false, null, null, 'Sprechzeit Öffentlich', expect.stringContaining('Öffentlich')],
      [a.name, a.id, 'Beratung (Beispiel)', expect.any(String), 'Mittwoch', '09:00', '12:00', false, null, null, null, null],
    ]);
    const internal = await exportDirectory({ actor: admin, query: { categoryId: category.id }, tables: ['contacts'], includeInternal: true, format: 'csv' });
    expect(internal[0].rows.map((r) => r[3]).sort()).toEqual(['Intern', 'Öffentlich']);
    const internalHours = await exportDirectory({ actor: admin, query: { categoryId: category.id }, tables: ['hours'], includeInternal: true, format: 'csv' });
    expect(internalHours[0].rows.map((r) => r[10]).filter(Boolean).sort()).toEqual(['Sprechzeit Intern', 'Sprechzeit Öffentlich']);
    const audit = await db.auditLog.findMany({ where: { action: 'EXPORT', entityType: 'Export' }, orderBy: { id: 'asc' } });
    expect(audit).toHaveLength(3);
    expect(audit[1].changes).toMatchObject({ format: { after: 'csv' }, tables: { after: ['contacts'] }, includeInternal: { after: true }, rows: { after: { contacts: 2 } }, filter: { after: { categoryId: category.id } } });

    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await toXlsx(sheets.map((s) => ({ name: s.table, header: s.header, rows: s.rows })))) as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((ws) => ws.name)).toEqual([...all]);
    expect(workbook.getWorksheet('contacts')!.getRow(2).getCell(4).value).toBe('Öffentlich');
  });

  it('refuses partners and anonymous callers, and a CSV of several tables', async () => {
    const admin = await createAdminActor();
    const org = await createOrganization();
    const partner = await createPartnerActor([org.id]);
    await expectCode(exportDirectory({ actor: null, tables: ['organizations'], format: 'xlsx' }), 'UNAUTHENTICATED');
    await expectCode(exportDirectory({ actor: partner, tables: ['organizations'], format: 'xlsx' }), 'FORBIDDEN');
    await expectCode(exportDirectory({ actor: admin, tables: ['organizations', 'contacts'], format: 'csv' }), 'VALIDATION');
    await expectCode(exportDirectory({ actor: admin, tables: [], format: 'xlsx' }), 'VALIDATION');
    expect(await db.auditLog.count()).toBe(0);
  });
});

describe('duplicate warnings', () => {
  it('finds similar names and the same address; refuses partners', async () => {
    const admin = await createAdminActor();
    const caritas = await createOrganization({ name: 'Caritasverband Stendal (Beispiel)' });
    const other = await createOrganization({ name: 'Jugendclub Havelberg (Beispiel)' });
    await createLocation({ organizationId: other.id, street: 'Marktstraße 12', postalCode: '39539' });
    expect((await findOrganizationDuplicates({ actor: admin, input: { name: 'Caritas Verband Stendal' } })).map((m) => m.id)).toEqual([caritas.id]);
    expect(await findOrganizationDuplicates({ actor: admin, input: { name: 'Tafel Osterburg' } })).toEqual([]);
    const [[byAddress]] = await findDuplicates([{ name: 'Ganz anders', street: 'Marktstr. 12', postalCode: '39539' }]);
    expect(byAddress).toMatchObject({ id: other.id, reason: 'address' });
    const partner = await createPartnerActor([other.id]);
    await expectCode(findOrganizationDuplicates({ actor: partner, input: { name: 'Caritas' } }), 'FORBIDDEN');
    await expectCode(findOrganizationDuplicates({ actor: null, input: { name: 'Caritas' } }), 'UNAUTHENTICATED');
  });
});

describe('copy an entry as a starting point', () => {
  it('creates a draft with services, locations, links and hours; functional contacts without consent; never named persons', async () => {
    const admin = await createAdminActor();
    const topic = await createTaxonomyTerm();
    const source = await createOrganization({ name: 'Familienzentrum Nord (Beispiel)', externalId: 'FZ-1', isTrusted: true });
    await db.organizationTopic.create({ data: { organizationId: source.id, termId: topic.id } });
    const service = await createService({ organizationId: source.id, name: 'Elterncafé (Beispiel)' });
    const location = await createLocation({ organizationId: source.id, name: 'Haus am Park (Beispiel)' });
    const link = await db.serviceAtLocation.create({ data: { organizationId: source.id, serviceId: service.id, locationId: location.id } });
    await createSchedule({ organizationId: source.id, serviceId: service.id, locationId: location.id, serviceAtLocationId: link.id });
    await createService({ organizationId: source.id, deletedAt: new Date() });
    await createContactPerson({ organizationId: source.id, role: 'Sekretariat', name: null, email: 'info@example.org', visibility: 'PUBLIC', consentGivenAt: new Date(), consentScope: 'x' });
    await createContactPerson({ organizationId: source.id, role: 'Leitung', name: 'Petra Beispiel', email: 'petra@example.org' });
    expect(await getCopyPreview({ actor: admin, id: source.id })).toMatchObject({ services: 1, locations: 1, schedules: 1, functionalContacts: 1, personalContacts: 1 });

    const { id, skippedContacts } = await copyOrganization({ actor: admin, id: source.id });
    expect(skippedContacts).toBe(1);
    const copy = await db.organization.findUniqueOrThrow({ where: { id }, include: { services: { include: { locations: true } }, locations: true, schedules: true, contacts: true, topics: true } });
    expect(copy).toMatchObject({ name: 'Kopie von Familienzentrum Nord (Beispiel)', status: 'DRAFT', externalId: null, isTrusted: false, lastVerifiedAt: null });
    expect(copy.services.map((s) => s.name)).toEqual(['Elterncafé (Beispiel)']);
    expect(copy.services[0].locations[0].locationId).toBe(copy.locations[0].id);
    expect(copy.schedules).toHaveLength(1);
    expect(copy.schedules[0]).toMatchObject({ serviceId: copy.services[0].id, locationId: copy.locations[0].id, serviceAtLocationId: copy.services[0].locations[0].id });
    expect(copy.topics.map((t) => t.termId)).toEqual([topic.id]);
    expect(copy.contacts).toHaveLength(1);
    expect(copy.contacts[0]).toMatchObject({ role: 'Sekretariat', name: null, consentGivenAt: null, consentScope: null });
    expect(await db.auditLog.count({ where: { organizationId: id, action: 'CREATE' } })).toBe(4);
    // The original is untouched.
    expect(await db.service.count({ where: { organizationId: source.id } })).toBe(2);

    const partner = await createPartnerActor([source.id]);
    await expectCode(copyOrganization({ actor: partner, id: source.id }), 'FORBIDDEN');
    await expectCode(copyOrganization({ actor: null, id: source.id }), 'UNAUTHENTICATED');
    await expectCode(getCopyPreview({ actor: partner, id: source.id }), 'FORBIDDEN');
  });
});
