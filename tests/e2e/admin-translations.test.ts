// A coordinator translates an entry's description into Arabic in the admin area; axe checks the
// translations page (form with right-to-left inputs and the saved state), and the public page in
// Arabic shows the translation right to left while the German page keeps the German text.
import { PrismaPg } from '@prisma/adapter-pg';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { PrismaClient } from '@/lib/generated/prisma/client';
import { E2E_ADMIN } from './support/accounts.ts';
import { signIn as signInWithCode } from './support/sign-in.ts';
import { expectNoAxeViolations, newPage } from './support/browser.ts';

const SLUG = 'jobcenter';
const ARABIC = 'يساعد مركز العمل الباحثين عن عمل (مثال).';
let db: PrismaClient;
let organizationId: string;

beforeAll(async () => {
  db = new PrismaClient({ adapter: new PrismaPg({ connectionString: inject('E2E_DATABASE_URL'), max: 2 }) });
  organizationId = (await db.organization.findUniqueOrThrow({ where: { slug: SLUG }, select: { id: true } })).id;
});

afterAll(async () => {
  // Other files check the public pages: leave no translation behind.
  await db?.translation.deleteMany({ where: { entityId: organizationId, field: 'description', locale: 'ar' } });
  await db?.$disconnect();
});

async function signIn(page: Page, path: string): Promise<void> {
  await page.goto(`/de/anmelden?callbackUrl=${encodeURIComponent(path)}`);
  await signInWithCode(page, E2E_ADMIN);
  await page.waitForURL((url) => url.pathname === path);
}

describe('coordinator translates an entry', () => {
  it('enters an Arabic description, and the Arabic public page shows it right to left', async () => {
    const german = (await db.organization.findUniqueOrThrow({ where: { id: organizationId }, select: { description: true } })).description;
    const path = `/de/admin/organisationen/${organizationId}/uebersetzungen`;
    const page = await newPage();
    await signIn(page, path);
    await expectNoAxeViolations(page);

    // The entry's page links here.
    await page.goto(`/de/admin/organisationen/${organizationId}`);
    await Promise.all([page.waitForURL((url) => url.pathname === path), page.click('nav[aria-label="Bereiche des Eintrags"] a:has-text("Übersetzungen")')]);

    await page.click('nav[aria-label="Sprache wählen"] a:has-text("Arabisch")');
    await page.waitForURL(/sprache=ar/);
    const field = page.locator(`#uebersetzung-${organizationId}-description`);
    expect(await field.getAttribute('lang')).toBe('ar');
    expect(await field.getAttribute('dir')).toBe('rtl');
    const section = page.locator(`#eintrag-${organizationId}`);
    expect(await section.textContent()).toContain(german);
    expect(await section.textContent()).toContain('fehlt');
    await expectNoAxeViolations(page);

    await field.fill(ARABIC);
    await Promise.all([page.waitForURL(/gespeichert=1/), section.locator('button[type="submit"]').click()]);
    await expect.poll(() => page.locator('[role="status"]').first().textContent()).toContain('Gespeichert');
    expect(await page.locator(`#uebersetzung-${organizationId}-description`).inputValue()).toBe(ARABIC);
    expect(await page.locator(`#eintrag-${organizationId}`).textContent()).toContain('aktuell');
    await expectNoAxeViolations(page);
    expect(await db.auditLog.count({ where: { entityType: 'Translation', entityId: organizationId } })).toBeGreaterThan(0);

    // Public at once: Arabic right to left, German unchanged.
    const visitor = await newPage({ locale: 'ar' });
    await visitor.goto(`/ar/akteure/${SLUG}`);
    expect(await visitor.locator('html').getAttribute('dir')).toBe('rtl');
    await expect.poll(() => visitor.locator('main').textContent()).toContain(ARABIC);
    await visitor.goto(`/de/akteure/${SLUG}`);
    const germanText = (await visitor.locator('main').textContent()) ?? '';
    expect(germanText).toContain(german);
    expect(germanText).not.toContain(ARABIC);
  });
});
