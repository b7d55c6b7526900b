// Keywords ("Suchbegriffe") in the directory export and the import: one column per UI language
// ("Suchbegriffe" = German); an exported table, edited, comes back with its keywords; a new
// entry gets its keywords from a file; a bad keyword is an error of its row and column. The
// public JSON API gives them per language, as its OpenAPI document says.
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { beforeEach, describe, expect, it } from 'vitest';
import * as openApiRoute from '@/app/api/v1/openapi.json/route';
import * as organizationRoute from '@/app/api/v1/organizations/[slug]/route';
import { exportDirectory } from '@/lib/data/export/export-directory';
import { buildImportPlan } from '@/lib/data/import/build-import-plan';
import { createImportSession } from '@/lib/data/import/import-sessions';
import { previewImport } from '@/lib/data/import/preview-import';
import { runImport } from '@/lib/data/import/run-import';
import { toExcelCsv } from '@/lib/format/csv';
import { toXlsx } from '@/lib/format/xlsx';
import { guessMapping } from '@/lib/import/fields';
import { parseImportFile } from '@/lib/import/parse-file';
import { createOrganization } from '../factories/index.ts';
import { getTestDb, resetDb } from '../setup/db.ts';
import { createAdminActor } from './helpers/admin-actors.ts';

const db = getTestDb();

beforeEach(async () => {
  await resetDb();
});

async function importFile(admin: Awaited<ReturnType<typeof createAdminActor>>, file: Buffer, filename: string) {
  const { id } = await createImportSession({ actor: admin, filename, table: await parseImportFile(file, filename) });
  const { plan } = await previewImport({ actor: admin, id });
  return { id, plan };
}

describe('keywords in export and import', () => {
  it('an exported table carries the keywords per language; edited in CSV or XLSX they come back, audited', async () => {
    const admin = await createAdminActor();
    const org = await createOrganization({ name: 'Wohnhilfe (Beispiel)', keywords: { de: ['Wohnung suchen', 'Miete'], ar: ['سكن', 'إيجار'] } });
    const [sheet] = await exportDirectory({ actor: admin, tables: ['organizations'], format: 'csv' });
    const column = (name: string) => sheet.header.indexOf(name);
    const row = sheet.rows.find((r) => r.includes(org.id))!;
    expect(row[column('Suchbegriffe')]).toBe('Wohnung suchen, Miete');
    expect(row[column('Suchbegriffe Arabisch')]).toBe('سكن, إيجار');
    expect(row[column('Suchbegriffe Englisch')]).toBeNull();

    const edited = (de: string, en: string) => sheet.rows.map((r) => r.map((cell, i) => (r === row ? (i === column('Suchbegriffe') ? de : i === column('Suchbegriffe Englisch') ? en : cell) : cell)));
    // CSV first, then XLSX, as Excel saves an opened export.
    let { id, plan } = await importFile(admin, toExcelCsv(sheet.header, edited('Wohnung suchen, Miete, Wohngeld', 'housing, flat')), 'organisationen.csv');
    expect(plan.errorCount).toBe(0);
    expect(plan.summary).toMatchObject({ organizationsCreated: 0 });
    await runImport({ actor: admin, id });
    expect((await db.organization.findUniqueOrThrow({ where: { id: org.id } })).keywords).toEqual({
      de: ['Wohnung suchen', 'Miete', 'Wohngeld'],
      en: ['housing', 'flat'],
      ar: ['سكن', 'إيجار'],
    });
    const audit = await db.auditLog.findFirstOrThrow({ where: { entityType: 'Organization', entityId: org.id, action: 'UPDATE' } });
    expect(audit.changes).toMatchObject({ keywords_de: { after: ['Miete', 'Wohngeld', 'Wohnung suchen'] }, keywords_en: { before: [], after: ['flat', 'housing'] } });
    expect(audit.changes).not.toHaveProperty('keywords_ar');

    ({ id, plan } = await importFile(admin, await toXlsx([{ name: 'organizations', header: sheet.header, rows: edited('Wohnberatung', 'housing, flat') }]), 'organisationen.xlsx'));
    expect(plan.errorCount).toBe(0);
    await runImport({ actor: admin, id });
    expect((await db.organization.findUniqueOrThrow({ where: { id: org.id } })).keywords).toMatchObject({ de: ['Wohnberatung'], ar: ['سكن', 'إيجار'] });
  });

  it('a new entry gets its keywords from the file; a bad keyword is an error of its row and column', async () => {
    const admin = await createAdminActor();
    const header = ['Name', 'E-Mail', 'Suchbegriffe', 'Suchbegriffe Arabisch'];
    expect(Object.values(guessMapping(header))).toEqual(['name', 'email', 'keywords', 'keywordsAr']);
    const bad = await buildImportPlan({
      headers: header,
      rows: [['Sprachtreff (Beispiel)', 'treff@example.org', `Deutschkurs, ${'x'.repeat(61)}`, '']],
      firstRow: 2,
      mapping: guessMapping(header),
    });
    expect(bad.rows[0].errors).toEqual([{ column: 'Suchbegriffe', message: 'Ein Suchbegriff darf höchstens 60 Zeichen lang sein.' }]);

    const { id, plan } = await importFile(admin, toExcelCsv(header, [['Sprachtreff (Beispiel)', 'treff@example.org', 'Deutschkurs; Sprachcafé', 'دورة لغة، مقهى اللغة']]), 'neu.csv');
    expect(plan.errorCount).toBe(0);
    await runImport({ actor: admin, id });
    const created = await db.organization.findFirstOrThrow({ where: { name: 'Sprachtreff (Beispiel)' } });
    expect(created.keywords).toEqual({ de: ['Deutschkurs', 'Sprachcafé'], ar: ['دورة لغة', 'مقهى اللغة'] });
  });
});

describe('keywords in the public JSON API', () => {
  it('an organization gives its keywords per language, valid against the OpenAPI document', async () => {
    const org = await createOrganization({ name: 'Sprachcafé (Beispiel)', keywords: { de: ['Deutsch lernen'], uk: ['мовне кафе'], fa: ['ignoriert'] } });
    const document = await (await openApiRoute.GET(new Request('http://test/api/v1/openapi.json'))).json();
    const ajv = new Ajv2020({ strict: false, allErrors: true });
    addFormats(ajv);
    ajv.addSchema(document, 'v1');
    const response = await organizationRoute.GET(new Request(`http://test/api/v1/organizations/${org.slug}?locale=uk`), { params: Promise.resolve({ slug: org.slug }) });
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body.keywords).toEqual({ de: ['Deutsch lernen'], uk: ['мовне кафе'] });
    const validate = ajv.compile({ $ref: 'v1#/paths/~1organizations~1{slug}/get/responses/200/content/application~1json/schema' });
    expect(validate(body), JSON.stringify(validate.errors)).toBe(true);
  });
});
