// The coordinator's journey with a distribution list: build "Alle Beratungsstellen" from the
// category, download its CSV (bytes checked: BOM, semicolons, CRLF, umlauts), write a circular
// with an attachment and send it; the background sender delivers to a real SMTP server started
// here: every recipient gets exactly one mail with the attachment, the opted-out contact none.
// Then the opt-out link works without an account. axe on every page, German and English admin.
import { createHash, randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { PrismaPg } from '@prisma/adapter-pg';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { PrismaClient } from '@/lib/generated/prisma/client';
import { E2E_ADMIN } from './support/accounts.ts';
import { expectNoAxeViolations, newPage } from './support/browser.ts';
import { allMails } from './support/mail.ts';
import { signIn as signInWithCode } from './support/sign-in.ts';

const suffix = randomBytes(3).toString('hex');
const LIST_NAME = `Alle Beratungsstellen ${suffix}`;
const PDF = Buffer.from(`%PDF-1.4\n% Einladung zum Netzwerktreffen (Beispiel) ${suffix}\n`);
let db: PrismaClient;
// Pages of the journey, visited again in the English admin.
const visited: string[] = [];

beforeAll(async () => {
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

async function open(page: Page, path: string) {
  const response = await page.goto(path);
  expect(response?.status(), path).toBe(200);
  await expectNoAxeViolations(page);
}

// Three counselling services with contacts: one contact opted out, one withdrew consent, one
// service is archived (not in the list).
async function createDirectory() {
  const category = await db.taxonomyTerm.findFirstOrThrow({ where: { kind: 'CATEGORY', slug: 'beratungsdienst' } });
  const make = async (name: string, status: 'PUBLISHED' | 'ARCHIVED' = 'PUBLISHED') =>
    db.organization.create({ data: { name, slug: `e2e-${suffix}-${Math.random().toString(36).slice(2, 8)}`, status, categoryId: category.id } });
  const south = await make(`Beratungsstelle Süd-Ost Tangermünde ${suffix} (Beispiel)`);
  const north = await make(`Migrationsberatung Nord ${suffix} (Beispiel)`);
  const archived = await make(`Alte Beratungsstelle ${suffix} (Beispiel)`, 'ARCHIVED');
  const contact = (organizationId: string, local: string, extra: Record<string, unknown> = {}) =>
    db.contactPerson.create({ data: { organizationId, role: 'Migrationsberatung (Beispiel)', email: `${local}-${suffix}@example.org`, ...extra } });
  await contact(south.id, 'joerg-aehnlich', { name: 'Jörg Ähnlich (Beispiel)', visibility: 'PUBLIC', consentGivenAt: new Date(), consentScope: 'Test' });
  await contact(south.id, 'team-sued');
  const optedOut = await contact(north.id, 'abgemeldet', { mailingOptOutAt: new Date() });
  await contact(north.id, 'widerrufen', { consentGivenAt: new Date(), consentWithdrawnAt: new Date() });
  await contact(north.id, 'leitung-nord', { visibility: 'NETWORK_INTERNAL' });
  await contact(archived.id, 'archiv');
  return { category, optedOut };
}

// Independently of the app: who should get the circular.
async function expectedRecipients(categoryId: string): Promise<string[]> {
  const contacts = await db.contactPerson.findMany({
    where: {
      deletedAt: null,
      consentWithdrawnAt: null,
      mailingOptOutAt: null,
      email: { not: null },
      organization: { is: { categoryId, status: 'PUBLISHED', deletedAt: null } },
    },
    select: { email: true },
  });
  return [...new Set(contacts.map((c) => c.email!.toLowerCase()))].sort();
}

describe('distribution list and circular', () => {
  it('builds "Alle Beratungsstellen", downloads the CSV, sends a circular with an attachment, and the opt-out link works', async () => {
    const { category, optedOut } = await createDirectory();
    const expected = await expectedRecipients(category.id);
    expect(expected).toContain(`joerg-aehnlich-${suffix}@example.org`);
    expect(expected).not.toContain(optedOut.email);

    const page = await newPage();
    await signIn(page);
    await page.click('nav[aria-label="Verwaltung"] >> text=Verteiler');
    await page.waitForURL(/\/de\/admin\/verteiler$/);
    await expectNoAxeViolations(page);
    await page.click('text=Neuer Verteiler');
    await page.waitForURL(/\/de\/admin\/verteiler\/neu$/);
    await expectNoAxeViolations(page);

    // Invalid first: no name and "role" without a role: field errors, values kept.
    await page.selectOption('#verteiler-addressMode', 'ROLE');
    await page.click('button:has-text("Verteiler anlegen")');
    await page.waitForSelector('#verteiler-name-error');
    await expect(page.textContent('#verteiler-role-error')).resolves.toContain('Bitte geben Sie die Funktion an');
    await expectNoAxeViolations(page);

    await page.fill('#verteiler-name', LIST_NAME);
    await page.selectOption('#verteiler-addressMode', 'ALL_CONTACTS');
    await page.check(`#verteiler-categoryIds-${category.id}`);
    await Promise.all([page.waitForURL(/\/de\/admin\/verteiler\/[0-9a-f-]{36}\?gespeichert=1$/), page.click('button:has-text("Verteiler anlegen")')]);
    const listUrl = page.url().replace(/\?.*$/, '');
    await expectNoAxeViolations(page);
    const table = (await page.textContent('main table')) ?? '';
    for (const email of expected) expect(table).toContain(email);
    expect(table).not.toContain(optedOut.email!);

    // CSV for a mail merge, as Excel in Germany opens it.
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('text=CSV für den Serienbrief herunterladen')]);
    const bytes = await readFile((await download.path())!);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.subarray(3).toString('utf8').split('\r\n').filter(Boolean);
    expect(lines[0]).toBe('E-Mail;Name;Funktion;Organisation;Telefon;Mobil;Art');
    expect(lines.slice(1).map((line) => line.split(';')[0]).sort()).toEqual(expected);
    expect(lines).toContain(`joerg-aehnlich-${suffix}@example.org;Jörg Ähnlich (Beispiel);Migrationsberatung (Beispiel);Beratungsstelle Süd-Ost Tangermünde ${suffix} (Beispiel);;;Kontakt`);
    expect(download.suggestedFilename()).toMatch(/^verteiler-alle-beratungsstellen-[0-9a-f]+\.csv$/);

    // A circular with an attachment.
    await page.click('text=Rundschreiben schreiben');
    await page.waitForURL(/\/rundschreiben\/neu$/);
    await expectNoAxeViolations(page);
    await page.fill('#rundschreiben-subject', `Einladung zum Netzwerktreffen ${suffix}`);
    await page.fill('#rundschreiben-body', 'Liebe Kolleg*innen,\n\nwir laden Sie **herzlich** zum Netzwerktreffen ein.\n\n- Ort: Beispielsaal\n- Zeit: 10 Uhr');
    await Promise.all([page.waitForURL(/\/de\/admin\/rundschreiben\/[0-9a-f-]{36}$/), page.click('button:has-text("Entwurf speichern")')]);
    const circularUrl = page.url();
    await expectNoAxeViolations(page);
    await page.setInputFiles('#anhang-dateien', { name: 'Einladung Netzwerktreffen.pdf', mimeType: 'application/pdf', buffer: PDF });
    await Promise.all([page.waitForURL(/anhang=1/), page.click('button:has-text("Hochladen")')]);
    await expect(page.textContent('#anhaenge ~ ul, section[aria-labelledby="anhaenge"]')).resolves.toContain('Einladung Netzwerktreffen.pdf');

    // Send: the request returns at once, the page shows the progress until everything is sent.
    // The send button first opens its confirm step (works without JavaScript), then sends.
    await page.click(`summary:has-text("An ${expected.length} Adressen senden")`);
    await expect(page.textContent('details[open][data-confirm-step]')).resolves.toContain(`${expected.length}`);
    await Promise.all([page.waitForURL(/versand=1/), page.click(`details[open] button:has-text("An ${expected.length} Adressen senden")`)]);
    await page.waitForSelector('[data-status="DONE"]', { timeout: 30_000 });
    await expect(page.textContent('[role="status"][aria-live="polite"]')).resolves.toContain(`${expected.length} von ${expected.length} bearbeitet – ${expected.length} zugestellt, 0 abgewiesen`);
    await expectNoAxeViolations(page);

    // The mails as the e2e SMTP server received them (support/mail.ts), this circular's only.
    const subject = `Einladung zum Netzwerktreffen ${suffix}`;
    const sent = () => allMails().filter((mail) => mail.subject === subject);
    for (const deadline = Date.now() + 20_000; sent().length < expected.length && Date.now() < deadline; ) await new Promise((resolve) => setTimeout(resolve, 100));
    await new Promise((resolve) => setTimeout(resolve, 500));
    const mails = sent();
    expect(mails).toHaveLength(expected.length);
    const pdfHash = createHash('sha256').update(PDF).digest('hex');
    for (const email of expected) {
      const to = mails.filter((mail) => mail.to.includes(email));
      expect(to, email).toHaveLength(1);
      expect(to[0].to).toEqual([email]);
      expect(to[0].attachments).toEqual([{ filename: 'Einladung Netzwerktreffen.pdf', sha256: pdfHash }]);
    }
    expect(mails.filter((mail) => mail.to.includes(optedOut.email!.toLowerCase()))).toHaveLength(0);

    // The opt-out link from a mail, in a browser without an account.
    const mail = mails.find((m) => m.to.includes(`team-sued-${suffix}@example.org`))!;
    const link = /(https?:\/\/\S+\/de\/rundschreiben\/abbestellen\/\S+)/.exec(mail.text)![1];
    const visitor = await newPage();
    await visitor.goto(new URL(link).pathname);
    await expectNoAxeViolations(visitor);
    await Promise.all([visitor.waitForURL(/ergebnis=abgemeldet/), visitor.click('button:has-text("Keine Rundschreiben mehr senden")')]);
    await expect(visitor.textContent('[role="status"]')).resolves.toContain('schicken wir keine Rundschreiben mehr');
    await expectNoAxeViolations(visitor);
    const row = await db.contactPerson.findFirstOrThrow({ where: { email: `team-sued-${suffix}@example.org` } });
    expect(row.mailingOptOutAt).not.toBeNull();
    // The list now leaves that address out.
    await page.goto(listUrl);
    expect((await page.textContent('main table')) ?? '').not.toContain(`team-sued-${suffix}@example.org`);

    await page.goto(`${listUrl}/bearbeiten`);
    await expectNoAxeViolations(page);
    visited.push(...[listUrl, `${listUrl}/bearbeiten`, `${listUrl}/rundschreiben/neu`, circularUrl].map((url) => new URL(url).pathname));
    await page.context().close();
    await visitor.context().close();
    // A long journey on a loaded two-core machine: many pages, each checked with axe.
  }, 480_000);

  it('shows the same pages in the English admin without axe violations', async () => {
    expect(visited.length).toBeGreaterThan(0);
    await db.user.update({ where: { email: E2E_ADMIN.email }, data: { locale: 'en' } });
    const page = await newPage();
    await signIn(page);
    for (const path of ['/de/admin/verteiler', '/de/admin/verteiler/neu', '/de/admin/rundschreiben', ...visited]) await open(page, path);
    await expect(page.textContent('h1')).resolves.toContain('Circular');
    await page.goto(visited[0]);
    await expect(page.textContent('main')).resolves.toContain('Use the list');
    await db.user.update({ where: { email: E2E_ADMIN.email }, data: { locale: 'de' } });
    await page.context().close();
  }, 300_000);
});
