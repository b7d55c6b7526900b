// A coordinator translates an entry's description into Arabic in the admin area; axe checks the
// translations page (form with right-to-left inputs and the saved state), and the public page in
// Arabic shows the translation right to left while the German page keeps the German text. A
// project is translated the same way (reached from its admin page), and its English public page
// shows the English title and the German summary marked lang="de".
import { randomBytes } from 'node:crypto';
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
const suffix = randomBytes(3).toString('hex');
const project = { id: '', slug: `uebersetztes-projekt-${suffix}`, leadId: '' };

beforeAll(async () => {
  db = new PrismaClient({ adapter: new PrismaPg({ connectionString: inject('E2E_DATABASE_URL'), max: 2 }) });
  organizationId = (await db.organization.findUniqueOrThrow({ where: { slug: SLUG }, select: { id: true } })).id;
});

afterAll(async () => {
  // Other files check the public pages: leave no translation behind.
  await db?.translation.deleteMany({ where: { entityId: organizationId, field: 'description', locale: 'ar' } });
  if (project.id) {
    await db?.translation.deleteMany({ where: { entityId: project.id } });
    await db?.organization.delete({ where: { id: project.leadId } });
  }
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

describe('coordinator translates a project', () => {
  it('enters an English title from the project page; the English project page shows it, German where untranslated', async () => {
    const lead = await db.organization.create({ data: { name: `Projektträger ${suffix} (Beispiel)`, slug: `projekttraeger-${suffix}`, status: 'PUBLISHED' } });
    project.leadId = lead.id;
    const summary = 'Ehrenamtliche begleiten Neuzugewanderte beim Deutschlernen (Beispiel).';
    project.id = (
      await db.project.create({
        data: { slug: project.slug, title: `Sprachpatenschaften ${suffix} (Beispiel)`, summary, leadOrganizationId: lead.id, status: 'RUNNING', isPublished: true },
      })
    ).id;
    const english = `Language buddies ${suffix} (example)`;
    const page = await newPage();
    await signIn(page, `/de/admin/projekte/${project.id}`);
    const path = `/de/admin/organisationen/${lead.id}/uebersetzungen`;
    await Promise.all([page.waitForURL((url) => url.pathname === path), page.click('a:has-text("Übersetzungen (Englisch")')]);
    const section = page.locator(`#eintrag-${project.id}`);
    expect(await section.locator('h3').textContent()).toContain('Projekt');
    const title = page.locator(`#uebersetzung-${project.id}-title`);
    expect(await title.getAttribute('lang')).toBe('en');
    await title.fill(english);
    await Promise.all([page.waitForURL(/gespeichert=1/), section.locator('button[type="submit"]').click()]);
    expect(await page.locator(`#uebersetzung-${project.id}-title`).inputValue()).toBe(english);
    await expectNoAxeViolations(page);

    const visitor = await newPage({ locale: 'en' });
    await visitor.goto(`/en/projekte/${project.slug}`);
    await expect.poll(() => visitor.locator('h1').textContent()).toBe(english);
    expect(await visitor.locator('h1').getAttribute('lang')).toBeNull();
    expect(await visitor.locator('main [lang="de"]', { hasText: summary }).count()).toBeGreaterThan(0);
    await visitor.goto(`/de/projekte/${project.slug}`);
    expect(await visitor.locator('h1').textContent()).toBe(`Sprachpatenschaften ${suffix} (Beispiel)`);
    await page.context().close();
    await visitor.context().close();
  });
});
