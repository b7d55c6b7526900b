// Importing organizations with services, locations and contacts from CSV (UTF-8 and Windows-1252,
// semicolon or comma) and XLSX: 500 rows with 3 bad ones show exactly those 3 errors (row and
// column named) and write nothing; fixed, all 500 rows are written in one transaction; a failure
// forced at row 400 leaves the database as it was; duplicates of existing entries are flagged;
// a second import updates what the first created (matched by external id or slug).
import ExcelJS from 'exceljs';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { exportDirectory } from '@/lib/data/export/export-directory';
import { buildImportPlan } from '@/lib/data/import/build-import-plan';
import { createImportSession, getImportSession, saveImportMapping } from '@/lib/data/import/import-sessions';
import { previewImport } from '@/lib/data/import/preview-import';
import { runImport } from '@/lib/data/import/run-import';
import { guessMapping } from '@/lib/import/fields';
import { parseImportFile } from '@/lib/import/parse-file';
import { templateCsv, templateXlsx } from '@/lib/import/template';
import { toExcelCsv } from '@/lib/format/csv';
import { toXlsx } from '@/lib/format/xlsx';
import { createContactPerson, createLanguage, createLocation, createOrganization, createService, createTaxonomyTerm } from '../factories/index.ts';
import { getTestDb, resetDb } from '../setup/db.ts';
import { cookieStore, createAdminActor, createPartnerActor, sessionCookieFor } from './helpers/admin-actors.ts';
import { expectCode } from './helpers/server-actions.ts';

const session: { cookie?: string } = {};
vi.mock('next/headers', () => ({
  cookies: async () => cookieStore(session.cookie ? { 'next-auth.session-token': session.cookie } : {}),
}));
const { POST: upload } = await import('@/app/api/admin/import/upload/route');

const db = getTestDb();

const HEADER = ['Externe ID', 'Name', 'Bereich', 'E-Mail', 'Angebot', 'Kosten', 'Sprachen des Angebots', 'Straße und Hausnummer', 'PLZ', 'Ort', 'Funktion des Kontakts', 'E-Mail des Kontakts', 'Sichtbarkeit des Kontakts'];

function rows(count: number, bad: Record<number, Partial<Record<string, string>>> = {}): string[][] {
  return Array.from({ length: count }, (_, index) => {
    const n = index + 1;
    const row: Record<string, string> = {
      'Externe ID': `E-${n}`,
      Name: `Träger ${n} Größenwahn Süd (Beispiel)`,
      Bereich: 'Beratungsdienste',
      'E-Mail': `traeger-${n}@example.org`,
      Angebot: `Beratung für Familien ${n} (Beispiel)`,
      Kosten: '5 € je Termin',
      'Sprachen des Angebots': 'Arabisch, uk',
      'Straße und Hausnummer': `Beispielweg ${n}`,
      PLZ: '39576',
      Ort: 'Stendal',
      'Funktion des Kontakts': 'Migrationsberatung',
      'E-Mail des Kontakts': `kontakt-${n}@example.org`,
      'Sichtbarkeit des Kontakts': 'intern',
      ...bad[n],
    };
    return HEADER.map((column) => row[column] ?? '');
  });
}

// Data rows 10, 200 and 450 are bad: file rows 11, 201 and 451 (the header is row 1).
const BAD = { 10: { 'E-Mail': 'keine-adresse' }, 200: { PLZ: '3957' }, 450: { Bereich: 'Gibt es nicht' } };
const EXPECTED_ERRORS = [
  { row: 11, column: 'E-Mail', message: 'Bitte geben Sie eine gültige E-Mail-Adresse ein (z. B. name@beispiel.de).' },
  { row: 201, column: 'PLZ', message: 'Bitte geben Sie eine fünfstellige Postleitzahl ein.' },
  { row: 451, column: 'Bereich', message: 'Unbekannter Bereich „Gibt es nicht“.' },
];

// Windows-1252 as Excel's "CSV (Trennzeichen-getrennt)" writes it (the test's own tiny encoder).
function windows1252(text: string): Buffer {
  const special: Record<string, number> = { '€': 0x80, '„': 0x84, '“': 0x93, '–': 0x96 };
  return Buffer.from([...text].map((char) => special[char] ?? (char.charCodeAt(0) < 256 ? char.charCodeAt(0) : 0x3f)));
}

function csvText(data: string[][], delimiter: string): string {
  const quote = (v: string) => (/[;,"\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
  return [HEADER, ...data].map((row) => row.map(quote).join(delimiter)).join('\r\n') + '\r\n';
}

async function xlsx(data: string[][]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Liste');
  sheet.addRow(HEADER);
  for (const row of data) sheet.addRow(row.map((value, i) => (HEADER[i] === 'PLZ' && /^\d{5}$/.test(value) ? Number(value) : value)));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

const FORMATS = {
  'CSV UTF-8 with BOM, semicolons': { filename: 'liste.csv', make: async (data: string[][]) => Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(csvText(data, ';'), 'utf8')]) },
  'CSV Windows-1252, semicolons': { filename: 'liste.csv', make: async (data: string[][]) => windows1252(csvText(data, ';')) },
  XLSX: { filename: 'liste.xlsx', make: xlsx },
} as const;

async function counts() {
  const [organizations, services, locations, contacts, offers, audit] = await Promise.all([
    db.organization.count(),
    db.service.count(),
    db.location.count(),
    db.contactPerson.count(),
    db.languageOffer.count(),
    db.auditLog.count(),
  ]);
  return { organizations, services, locations, contacts, offers, audit };
}

async function uploadFile(filename: string, bytes: Buffer): Promise<Response> {
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(bytes)]), filename);
  return upload(new Request('http://localhost/api/admin/import/upload', { method: 'POST', body: form }));
}

async function sessionFrom(response: Response): Promise<string> {
  expect(response.status).toBe(303);
  const location = response.headers.get('location') ?? '';
  const match = /\/de\/admin\/import\/([0-9a-f-]{36})/.exec(location);
  expect(match, location).not.toBeNull();
  return match![1];
}

async function reference() {
  await createTaxonomyTerm({ kind: 'CATEGORY', slug: 'beratungsdienst', label: 'Beratungsdienste' });
  await createLanguage({ code: 'ar', nameDe: 'Arabisch', nameNative: 'العربية' });
  await createLanguage({ code: 'uk', nameDe: 'Ukrainisch', nameNative: 'Українська' });
}

beforeEach(async () => {
  await resetDb();
  session.cookie = undefined;
});

describe.each(Object.entries(FORMATS))('500 rows as %s', (_name, format) => {
  it('shows exactly the 3 bad rows and writes nothing; fixed, writes all 500 rows in one transaction', async () => {
    await reference();
    const admin = await createAdminActor();
    session.cookie = await sessionCookieFor(admin);
    const before = await counts();

    const badId = await sessionFrom(await uploadFile(format.filename, await format.make(rows(500, BAD))));
    const { plan } = await previewImport({ actor: admin, id: badId });
    expect(plan.summary.rows).toBe(500);
    expect(plan.rows.flatMap((r) => r.errors.map((e) => ({ row: r.row, ...e })))).toEqual(EXPECTED_ERRORS);
    await expectCode(runImport({ actor: admin, id: badId }), 'VALIDATION');
    expect(await counts()).toEqual(before);

    const goodId = await sessionFrom(await uploadFile(format.filename, await format.make(rows(500))));
    const preview = await previewImport({ actor: admin, id: goodId });
    expect(preview.plan.errorCount).toBe(0);
    expect(preview.plan.summary).toMatchObject({ rows: 500, organizationsCreated: 500, servicesCreated: 500, locationsCreated: 500, contactsCreated: 500 });
    const started = Date.now();
    const result = await runImport({ actor: admin, id: goodId });
    console.info(`[import] ${_name}: 500 Zeilen in ${Date.now() - started} ms geschrieben`);
    expect(result).toMatchObject({ rows: 500, organizationsCreated: 500, servicesCreated: 500, locationsCreated: 500, contactsCreated: 500 });
    expect(await counts()).toEqual({
      organizations: 500,
      services: 500,
      locations: 500,
      contacts: 500,
      offers: 1000,
      audit: before.audit + 2000 + 1,
    });
    // One transaction: every row written carries the same transaction id.
    const [{ transactions }] = await db.$queryRaw<{ transactions: bigint }[]>`
      SELECT count(DISTINCT xmin::text) AS transactions FROM (
        SELECT xmin FROM "Service" UNION ALL SELECT xmin FROM "Location" UNION ALL SELECT xmin FROM "ContactPerson" UNION ALL SELECT xmin FROM "AuditLog") AS t`;
    expect(Number(transactions)).toBe(1);
    const org = await db.organization.findUniqueOrThrow({ where: { externalId: 'E-7' }, include: { services: { include: { languageOffers: true, locations: true } }, contacts: true, locations: true, category: true } });
    expect(org).toMatchObject({ name: 'Träger 7 Größenwahn Süd (Beispiel)', status: 'DRAFT', email: 'traeger-7@example.org', category: { label: 'Beratungsdienste' } });
    expect(org.services[0]).toMatchObject({ name: 'Beratung für Familien 7 (Beispiel)', cost: '5 € je Termin' });
    expect(org.services[0].languageOffers.map((o) => o.languageCode).sort()).toEqual(['ar', 'uk']);
    expect(org.services[0].locations).toHaveLength(1);
    expect(org.locations[0]).toMatchObject({ street: 'Beispielweg 7', postalCode: '39576', city: 'Stendal' });
    expect(org.contacts[0]).toMatchObject({ role: 'Migrationsberatung', email: 'kontakt-7@example.org', visibility: 'NETWORK_INTERNAL', consentGivenAt: null, serviceId: org.services[0].id });
    const done = await getImportSession({ actor: admin, id: goodId });
    expect(done.status).toBe('IMPORTED');
    expect(done.rows).toEqual([]);
    await expectCode(runImport({ actor: admin, id: goodId }), 'CONFLICT');
    expect(await db.auditLog.count({ where: { action: 'IMPORT', entityType: 'Import', entityId: goodId, actorId: admin.id } })).toBe(1);
  }, 300_000);
});

describe('import', () => {
  it('a failure forced at row 400 leaves the database as it was', async () => {
    await reference();
    const admin = await createAdminActor();
    const existing = await createOrganization({ name: 'Schon da (Beispiel)' });
    const table = await parseImportFile(Buffer.from(csvText(rows(500), ';'), 'utf8'), 'liste.csv');
    const { id } = await createImportSession({ actor: admin, filename: 'liste.csv', table });
    const before = await counts();
    const rowsBefore = await db.organization.findMany({ orderBy: { id: 'asc' } });
    await db.$executeRawUnsafe(`CREATE FUNCTION test_fail_at_row_400() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN IF NEW."externalId" = 'E-400' THEN RAISE EXCEPTION 'forced failure at row 400'; END IF; RETURN NEW; END $$`);
    await db.$executeRawUnsafe(`CREATE TRIGGER test_fail_at_row_400 BEFORE INSERT ON "Organization" FOR EACH ROW EXECUTE FUNCTION test_fail_at_row_400()`);
    try {
      await expect(runImport({ actor: admin, id })).rejects.toThrow(/forced failure at row 400/);
    } finally {
      await db.$executeRawUnsafe('DROP TRIGGER test_fail_at_row_400 ON "Organization"');
      await db.$executeRawUnsafe('DROP FUNCTION test_fail_at_row_400()');
    }
    expect(await counts()).toEqual(before);
    expect(await db.organization.findMany({ orderBy: { id: 'asc' } })).toEqual(rowsBefore);
    expect((await getImportSession({ actor: admin, id })).status).toBe('UPLOADED');
    expect(existing).toBeDefined();
  }, 300_000);

  it('flags rows that duplicate an existing entry (similar name or same address) and updates entries matched by external id or slug', async () => {
    await reference();
    const admin = await createAdminActor();
    const caritas = await createOrganization({ name: 'Caritasverband Stendal (Beispiel)' });
    await createLocation({ organizationId: caritas.id, street: 'Beispielstraße 5', postalCode: '39576' });
    const known = await createOrganization({ name: 'Jobcenter (Beispiel)', externalId: 'JC-1', email: 'alt@example.org' });
    const bySlug = await createOrganization({ name: 'Jugendmigrationsdienst (Beispiel)', slug: 'jmd-beispiel' });
    const header = ['Externe ID', 'Adresse (Slug)', 'Name', 'E-Mail', 'Straße', 'PLZ'];
    const csv = toExcelCsv(header, [
      ['', '', 'Caritas-Verband Stendal (Beispiel)', '', '', ''],
      ['', '', 'Lernwerkstatt Altmark (Beispiel)', '', 'Beispielstr. 5', '39576'],
      ['JC-1', '', 'Jobcenter (Beispiel)', 'neu@example.org', '', ''],
      ['', 'jmd-beispiel', '', 'jmd@example.org', '', ''],
      ['', '', 'Völlig neu (Beispiel)', '', '', ''],
    ]);
    const table = await parseImportFile(csv, 'dubletten.csv');
    expect(table).toMatchObject({ format: 'csv', encoding: 'utf-8', delimiter: ';' });
    const { id } = await createImportSession({ actor: admin, filename: 'dubletten.csv', table });
    const { plan } = await previewImport({ actor: admin, id });
    expect(plan.errorCount).toBe(0);
    const row = (n: number) => plan.rows.find((r) => r.row === n)!;
    expect(row(2).duplicates).toEqual([expect.objectContaining({ id: caritas.id, reason: 'name' })]);
    expect(row(3).duplicates).toEqual([expect.objectContaining({ id: caritas.id, reason: 'address' })]);
    expect(row(4)).toMatchObject({ organizationAction: 'update', duplicates: [] });
    expect(row(5)).toMatchObject({ organizationAction: 'update', organizationName: 'Jugendmigrationsdienst (Beispiel)', duplicates: [] });
    expect(row(6)).toMatchObject({ organizationAction: 'create', duplicates: [] });
    await runImport({ actor: admin, id, publish: true });
    expect((await db.organization.findUniqueOrThrow({ where: { id: known.id } })).email).toBe('neu@example.org');
    expect((await db.organization.findUniqueOrThrow({ where: { id: bySlug.id } })).email).toBe('jmd@example.org');
    expect((await db.organization.findFirstOrThrow({ where: { name: 'Völlig neu (Beispiel)' } })).status).toBe('PUBLISHED');
    const audit = await db.auditLog.findFirstOrThrow({ where: { entityType: 'Organization', entityId: known.id, action: 'UPDATE' } });
    expect(audit.changes).toMatchObject({ email: { before: 'alt@example.org', after: 'neu@example.org' }, version: { before: 1, after: 2 } });
  });

  it('an exported table, edited, comes back: every column mapped as exported, existing entries updated by their id, nothing created', async () => {
    await reference();
    const admin = await createAdminActor();
    const org = await createOrganization({ name: 'Rückweg-Verein (Beispiel)', externalId: 'RV-1', email: 'alt@example.org' });
    const other = await createOrganization({ name: 'Zweiter Rückweg-Träger (Beispiel)' });
    await createService({ organizationId: org.id, name: 'Rückweg-Beratung (Beispiel)', cost: 'alt' });
    await createLocation({ organizationId: other.id, name: 'Rückweg-Haus', street: 'Beispielweg 9', postalCode: '39576', city: 'Stendal' });
    await createContactPerson({ organizationId: org.id, role: 'Rückweg-Beratung', name: 'Kim Beispiel', email: 'kim@example.org', visibility: 'PUBLIC', consentGivenAt: new Date() });
    const before = await counts();
    const edits: Record<string, [column: string, value: string, check: () => Promise<unknown>, expected: unknown]> = {
      organizations: ['E-Mail', 'neu@example.org', async () => (await db.organization.findUniqueOrThrow({ where: { id: org.id } })).email, 'neu@example.org'],
      services: ['Kosten', 'kostenlos', async () => (await db.service.findFirstOrThrow({ where: { organizationId: org.id } })).cost, 'kostenlos'],
      locations: ['Gemeinde', 'Hansestadt Stendal', async () => (await db.location.findFirstOrThrow({ where: { organizationId: other.id } })).municipality, 'Hansestadt Stendal'],
      contacts: ['E-Mail', 'kim.neu@example.org', async () => (await db.contactPerson.findFirstOrThrow({ where: { organizationId: org.id } })).email, 'kim.neu@example.org'],
    };
    for (const [index, [table, [column, value, check, expected]]] of Object.entries(edits).entries()) {
      const [sheet] = await exportDirectory({ actor: admin, tables: [table as 'organizations'], format: 'csv' });
      const at = sheet.header.indexOf(column);
      const rows = sheet.rows.map((row) => row.map((cell, i) => (i === at && row.includes(table === 'locations' ? other.id : org.id) ? value : cell)));
      // CSV and XLSX alike, as Excel saves an opened export.
      const file = index % 2 ? await toXlsx([{ name: table, header: sheet.header, rows }]) : toExcelCsv(sheet.header, rows);
      const filename = index % 2 ? `${table}.xlsx` : `${table}.csv`;
      const { id } = await createImportSession({ actor: admin, filename, table: await parseImportFile(file, filename) });
      const { plan } = await previewImport({ actor: admin, id });
      expect(plan.errorCount, table).toBe(0);
      expect(plan.summary, table).toMatchObject({ organizationsCreated: 0, servicesCreated: 0, locationsCreated: 0, contactsCreated: 0 });
      await runImport({ actor: admin, id });
      expect(await check(), table).toBe(expected);
    }
    const after = await counts();
    expect({ ...after, audit: 0 }).toEqual({ ...before, audit: 0 });
    // Our id names an existing entry; an unknown one is an error in its row, never a new entry.
    const header = ['Organisations-ID', 'Name', 'E-Mail'];
    const csv = toExcelCsv(header, [
      [org.id, '', 'wieder@example.org'],
      ['00000000-0000-4000-8000-000000000000', 'Gibt es nicht (Beispiel)', ''],
      ['keine-id', 'Auch nicht (Beispiel)', ''],
    ]);
    const { id } = await createImportSession({ actor: admin, filename: 'ids.csv', table: await parseImportFile(csv, 'ids.csv') });
    const { plan } = await previewImport({ actor: admin, id });
    expect(plan.rows.map((row) => [row.row, row.organizationAction, row.errors.map((error) => error.column)])).toEqual([
      [2, 'update', []],
      [3, 'create', ['Organisations-ID']],
      [4, 'create', ['Organisations-ID']],
    ]);
  });

  it('several rows of one organization: one entry, its services, locations and contacts; contradictions are errors', async () => {
    await reference();
    const admin = await createAdminActor();
    const header = ['Externe ID', 'Name', 'E-Mail', 'Funktion des Kontakts', 'E-Mail des Kontakts', 'Angebot', 'Termin nötig'];
    const table = await parseImportFile(
      Buffer.from(
        [header, ['A', 'Verein (Beispiel)', 'a@example.org', 'Leitung', 'l@example.org', 'Sprachcafé', 'ja'], ['A', 'Verein (Beispiel)', '', 'Beratung', 'b@example.org', 'Sprachcafé', ''], ['A', '', 'anders@example.org', '', '', '', 'vielleicht']]
          .map((r) => r.join(','))
          .join('\n'),
        'utf8',
      ),
      'liste.csv',
    );
    expect(table.delimiter).toBe(',');
    const { id } = await createImportSession({ actor: admin, filename: 'liste.csv', table });
    const { plan } = await previewImport({ actor: admin, id });
    expect(plan.rows.flatMap((r) => r.errors.map((e) => `${r.row}/${e.column}: ${e.message}`))).toEqual([
      '4/Angebot: Bitte geben Sie den Namen des Angebots an.',
      '4/Termin nötig: Bitte „ja“ oder „nein“ eingeben.',
      '4/E-Mail: Widerspricht Zeile 2 („anders@example.org“).',
    ]);
    expect(plan.summary).toMatchObject({ organizationsCreated: 1, contactsCreated: 2, servicesCreated: 1 });
  });

  it('remembers the column mapping per file layout; template files parse with every column recognised', async () => {
    const admin = await createAdminActor();
    const header = ['Einrichtung', 'Mail', 'Bemerkung'];
    const table = await parseImportFile(toExcelCsv(header, [['Verein (Beispiel)', 'v@example.org', 'x']]), 'a.csv');
    const { id } = await createImportSession({ actor: admin, filename: 'a.csv', table });
    expect((await getImportSession({ actor: admin, id })).mapping).toEqual({ 0: 'name', 1: 'email' });
    await saveImportMapping({ actor: admin, id, input: { 'column-0': 'name', 'column-1': 'contactEmail', 'column-2': 'description' } });
    const again = await createImportSession({ actor: admin, filename: 'b.csv', table });
    expect((await getImportSession({ actor: admin, id: again.id })).mapping).toEqual({ 0: 'name', 1: 'contactEmail', 2: 'description' });
    const twice = await expectCode(saveImportMapping({ actor: admin, id, input: { 'column-0': 'name', 'column-1': 'name' } }), 'VALIDATION');
    expect(twice.details.fieldErrors).toHaveProperty('column-1');
    await expectCode(saveImportMapping({ actor: admin, id, input: { 'column-1': 'email' } }), 'VALIDATION');

    for (const [bytes, filename] of [
      [templateCsv(), 'vorlage.csv'],
      [await templateXlsx(), 'vorlage.xlsx'],
    ] as const) {
      const template = await parseImportFile(bytes, filename);
      expect(Object.keys(guessMapping(template.headers))).toHaveLength(template.headers.length);
      await reference();
      await createTaxonomyTerm({ kind: 'TOPIC', slug: 'beratung', label: 'Beratung' });
      await createTaxonomyTerm({ kind: 'TARGET_GROUP', slug: 'familien', label: 'Familie' });
      const plan = await buildImportPlan({ headers: template.headers, rows: template.rows, firstRow: template.firstRow, mapping: guessMapping(template.headers) });
      expect(plan.rows.flatMap((r) => r.errors)).toEqual([]);
      expect(plan.summary).toMatchObject({ organizationsCreated: 1, contactsCreated: 2 });
      await resetDb();
    }
  });

  it('refuses anonymous callers and partners, and unreadable files, writing nothing', async () => {
    const admin = await createAdminActor();
    const org = await createOrganization();
    const partner = await createPartnerActor([org.id]);
    const table = await parseImportFile(toExcelCsv(['Name'], [['Verein (Beispiel)']]), 'a.csv');
    const { id } = await createImportSession({ actor: admin, filename: 'a.csv', table });
    const before = [await db.importSession.count(), await counts()];
    for (const [actor, code] of [
      [null, 'UNAUTHENTICATED'],
      [partner, 'FORBIDDEN'],
    ] as const) {
      await expectCode(createImportSession({ actor, filename: 'a.csv', table }), code);
      await expectCode(getImportSession({ actor, id }), code);
      await expectCode(previewImport({ actor, id }), code);
      await expectCode(saveImportMapping({ actor, id, input: { 'column-0': 'name' } }), code);
      await expectCode(runImport({ actor, id }), code);
      session.cookie = actor ? await sessionCookieFor(partner) : undefined;
      const response = await uploadFile('a.csv', toExcelCsv(['Name'], [['X']]));
      if (actor) expect(response.status).toBe(403);
      else expect(response.headers.get('location')).toMatch(/\/de\/anmelden/);
    }
    session.cookie = await sessionCookieFor(admin);
    for (const [bytes, name] of [
      [Buffer.alloc(0), 'leer.csv'],
      [Buffer.from('PK\u0003\u0004kaputt'), 'kaputt.xlsx'],
    ] as const) {
      const response = await uploadFile(name, bytes);
      expect(response.headers.get('location')).toMatch(/\/de\/admin\/import\?fehler=(leer|unlesbar)/);
    }
    expect([await db.importSession.count(), await counts()]).toEqual(before);
  });
});
