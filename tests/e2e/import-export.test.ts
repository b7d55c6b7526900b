// The coordinator imports a list (a bad row first: the preview names row and column, nothing is
// written; then the fixed file), exports the directory as XLSX, is warned about a likely
// duplicate while creating an entry, and copies an entry as a draft. axe on every page, in the
// German and the English admin.
import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import ExcelJS from 'exceljs';
import { PrismaPg } from '@prisma/adapter-pg';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { PrismaClient } from '@/lib/generated/prisma/client';
import { E2E_ADMIN } from './support/accounts.ts';
import { expectNoAxeViolations, newPage } from './support/browser.ts';
import { signIn as signInWithCode } from './support/sign-in.ts';

const suffix = randomBytes(3).toString('hex');
let db: PrismaClient;
const visited: string[] = [];

beforeAll(() => {
  db = new PrismaClient({ adapter: new PrismaPg({ connectionString: inject('E2E_DATABASE_URL'), max: 2 }) });
});

afterAll(async () => {
  await db?.user.update({ where: { email: E2E_ADMIN.email }, data: { locale: 'de' } }).catch(() => {});
  await db?.$disconnect();
});

async function signIn(page: Page) {
  await page.goto('/de/anmelden?callbackUrl=/de/admin');
  await signInWithCode(page, E2E_ADMIN);
  await page.waitForURL(/\/de\/admin$/);
}

function csv(rows: string[][]): Buffer {
  const header = ['Externe ID', 'Name', 'Bereich', 'E-Mail', 'Angebot', 'Funktion des Kontakts', 'E-Mail des Kontakts'];
  return Buffer.from(`\ufeff${[header, ...rows].map((r) => r.join(';')).join('\r\n')}\r\n`, 'utf8');
}

async function upload(page: Page, name: string, bytes: Buffer) {
  await page.goto('/de/admin/import');
  await page.setInputFiles('#import-datei', { name, mimeType: 'text/csv', buffer: bytes });
  await Promise.all([page.waitForURL(/\/de\/admin\/import\/[0-9a-f-]{36}$/), page.click('button:has-text("Hochladen und prüfen")')]);
}

describe('import, export, duplicates and copies', () => {
  it('imports a file after a failed first try, exports the directory, warns about a duplicate and copies an entry', async () => {
    const page = await newPage();
    await signIn(page);
    await page.goto('/de/admin/import');
    await expectNoAxeViolations(page);
    visited.push('/de/admin/import');

    const rows = [
      [`I-${suffix}-1`, `Sprachcafé Süd ${suffix} (Beispiel)`, 'Beratungsdienste', `cafe-${suffix}@example.org`, 'Deutsch üben (Beispiel)', 'Leitung', `leitung-${suffix}@example.org`],
      [`I-${suffix}-2`, `Nähstube Ost ${suffix} (Beispiel)`, 'Beratungsdienste', 'keine-adresse', '', '', ''],
    ];
    await upload(page, 'liste.csv', csv(rows));
    visited.push(new URL(page.url()).pathname);
    await expect(page.textContent('main')).resolves.toContain('Zeile 3, Spalte „E-Mail“: Bitte geben Sie eine gültige E-Mail-Adresse ein');
    await expect(page.isDisabled('button:has-text("2 Zeilen importieren")')).resolves.toBe(true);
    await expectNoAxeViolations(page);
    expect(await db.organization.count({ where: { externalId: { startsWith: `I-${suffix}` } } })).toBe(0);

    rows[1][3] = `naehstube-${suffix}@example.org`;
    await upload(page, 'liste.csv', csv(rows));
    await expect(page.textContent('main')).resolves.toContain('Keine Fehler in 2 Zeilen.');
    await page.check('#import-publish');
    await Promise.all([page.waitForURL(/importiert=1$/), page.click('button:has-text("2 Zeilen importieren")')]);
    await expect(page.textContent('[role="status"]')).resolves.toContain('Der Import ist abgeschlossen.');
    await expectNoAxeViolations(page);
    const imported = await db.organization.findMany({ where: { externalId: { startsWith: `I-${suffix}` } }, include: { services: true, contacts: true } });
    expect(imported.map((o) => [o.name, o.status]).sort()).toEqual([
      [`Nähstube Ost ${suffix} (Beispiel)`, 'PUBLISHED'],
      [`Sprachcafé Süd ${suffix} (Beispiel)`, 'PUBLISHED'],
    ]);

    // Export: the filter form, XLSX with a sheet per table.
    await page.goto('/de/admin/export');
    await expectNoAxeViolations(page);
    visited.push('/de/admin/export');
    await page.fill('#export-q', suffix);
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('button:has-text("Herunterladen")')]);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await readFile((await download.path())!)) as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((ws) => ws.name)).toEqual(['Organisationen', 'Angebote', 'Standorte', 'Kontakte', 'Sprechzeiten']);
    expect(workbook.getWorksheet('Organisationen')!.rowCount).toBe(3);
    // The contact is network-internal: not in the export unless asked for.
    expect(workbook.getWorksheet('Kontakte')!.rowCount).toBe(1);

    // A likely duplicate while typing a new entry's name.
    await page.goto('/de/admin/organisationen/neu');
    await page.fill('#form-name', `Sprachcafe Sued ${suffix}`);
    await page.waitForSelector('[data-testid="duplicate-warning"]');
    await expect(page.textContent('[data-testid="duplicate-warning"]')).resolves.toContain(`Sprachcafé Süd ${suffix} (Beispiel)`);
    await expectNoAxeViolations(page);

    // Copy an entry as a starting point.
    const source = imported.find((o) => o.name.startsWith('Sprachcafé'))!;
    await page.goto(`/de/admin/organisationen/${source.id}`);
    await Promise.all([page.waitForURL(/\/kopieren$/), page.click('text=Als Vorlage kopieren')]);
    await expectNoAxeViolations(page);
    visited.push(new URL(page.url()).pathname);
    await Promise.all([page.waitForURL(/\/de\/admin\/organisationen\/[0-9a-f-]{36}\?gespeichert=1$/), page.click('button:has-text("Kopie als Entwurf anlegen")')]);
    await expect(page.textContent('h1')).resolves.toBe(`Kopie von Sprachcafé Süd ${suffix} (Beispiel)`);
    await page.context().close();
    // Many pages with axe on a loaded two-core machine.
  }, 480_000);

  it('shows the same pages in the English admin without axe violations', async () => {
    expect(visited.length).toBe(4);
    await db.user.update({ where: { email: E2E_ADMIN.email }, data: { locale: 'en' } });
    const page = await newPage();
    await signIn(page);
    for (const path of visited) {
      const response = await page.goto(path);
      expect(response?.status(), path).toBe(200);
      await expectNoAxeViolations(page);
    }
    await expect(page.textContent('h1')).resolves.toBe('Copy entry as a template');
    await page.goto('/de/admin/export');
    await expect(page.textContent('main')).resolves.toContain('Include network-internal contacts');
    await db.user.update({ where: { email: E2E_ADMIN.email }, data: { locale: 'de' } });
    await page.context().close();
  }, 300_000);
});
