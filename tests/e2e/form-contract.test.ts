// The form contract in Chromium against the production build: an unchecked box is saved (the
// browser does not post it), a validation error keeps the chosen select option, and the error
// summary takes focus and links to the field (GOV.UK pattern); axe on each state.
import { randomBytes } from 'node:crypto';
import { PrismaPg } from '@prisma/adapter-pg';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { PrismaClient } from '@/lib/generated/prisma/client';
import { E2E_ADMIN } from './support/accounts.ts';
import { signIn as signInWithCode } from './support/sign-in.ts';
import { expectNoAxeViolations, newPage } from './support/browser.ts';

const suffix = randomBytes(3).toString('hex');
let db: PrismaClient;

beforeAll(() => {
  db = new PrismaClient({ adapter: new PrismaPg({ connectionString: inject('E2E_DATABASE_URL'), max: 2 }) });
});

afterAll(async () => {
  await db?.$disconnect();
});

async function signIn(page: Page) {
  await page.goto('/de/anmelden?callbackUrl=/de/admin');
  await signInWithCode(page, E2E_ADMIN);
  await page.waitForURL(/\/de\/admin$/);
}

describe('one form contract', () => {
  it('saves an unchecked box, keeps the chosen category after an error, and leads to the field from the summary', async () => {
    const category = await db.taxonomyTerm.create({ data: { kind: 'CATEGORY', slug: `behoerden-${suffix}`, label: `Behörden und Ämter ${suffix} (Beispiel)` } });
    const org = await db.organization.create({ data: { slug: `formular-${suffix}`, name: `Formularprobe ${suffix} (Beispiel)`, status: 'DRAFT' } });
    const service = await db.service.create({ data: { organizationId: org.id, name: 'Migrationsberatung (Beispiel)', appointmentRequired: true } });
    const page = await newPage();
    await signIn(page);

    // Uncheck "Termin erforderlich", save, reload: it stays unchecked.
    const servicePath = `/de/admin/organisationen/${org.id}/angebote/${service.id}`;
    await page.goto(servicePath);
    expect(await page.isChecked('#angebot-appointmentRequired')).toBe(true);
    await page.uncheck('#angebot-appointmentRequired');
    await Promise.all([page.waitForURL(/gespeichert=1/), page.click('button:has-text("Speichern")')]);
    await page.goto(servicePath);
    expect(await page.isChecked('#angebot-appointmentRequired')).toBe(false);
    expect((await db.service.findUniqueOrThrow({ where: { id: service.id } })).appointmentRequired).toBe(false);
    await expectNoAxeViolations(page);

    // A validation error (empty name) keeps the chosen category; the summary takes focus.
    const orgPath = `/de/admin/organisationen/${org.id}`;
    await page.goto(orgPath);
    await page.selectOption('#organisation-categoryId', category.id);
    await page.check('#organisation-isCoordinationOffice');
    await page.fill('#organisation-name', '');
    await page.click('form:has(#organisation-name) button[type="submit"]');
    await page.waitForSelector('#organisation-name[aria-invalid="true"]');
    expect(await page.inputValue('#organisation-categoryId')).toBe(category.id);
    expect(await page.isChecked('#organisation-isCoordinationOffice')).toBe(true);
    const summary = page.locator('.error-summary');
    await summary.waitFor();
    await page.waitForFunction(() => document.activeElement?.contains(document.querySelector('.error-summary')) ?? false);
    const errorId = (await page.getAttribute('#organisation-name', 'aria-describedby'))!.split(' ').find((id) => id.endsWith('-error'))!;
    expect(await page.textContent(`#${errorId}`)).toContain('Bitte füllen Sie dieses Feld aus.');
    const link = summary.locator('a[href="#organisation-name"]');
    expect(await link.count()).toBe(1);
    await expectNoAxeViolations(page);
    await link.click();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('organisation-name');

    // Saving again with a name stores the category kept in the form.
    await page.fill('#organisation-name', `Formularprobe ${suffix} (Beispiel)`);
    await Promise.all([page.waitForURL(/gespeichert=1/), page.click('form:has(#organisation-name) button[type="submit"]')]);
    const saved = await db.organization.findUniqueOrThrow({ where: { id: org.id } });
    expect(saved.categoryId).toBe(category.id);
    expect(saved.isCoordinationOffice).toBe(true);
    await page.context().close();
  });
});
