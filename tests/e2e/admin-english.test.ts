// An admin switches the admin area to English on "Mein Konto", sees the dashboard, the entry list
// and the field errors of the new-entry form in English, and switches back to German (the other
// e2e files expect German for this account; afterAll makes sure of it even when a step fails).
import { PrismaPg } from '@prisma/adapter-pg';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { PrismaClient } from '@/lib/generated/prisma/client';
import { E2E_ADMIN } from './support/accounts.ts';
import { signIn as signInWithCode } from './support/sign-in.ts';
import { expectNoAxeViolations, newPage } from './support/browser.ts';

let db: PrismaClient;

beforeAll(() => {
  db = new PrismaClient({ adapter: new PrismaPg({ connectionString: inject('E2E_DATABASE_URL'), max: 2 }) });
});

afterAll(async () => {
  await db?.user.update({ where: { email: E2E_ADMIN.email }, data: { locale: 'de' } });
  await db?.$disconnect();
});

async function signIn(page: Page) {
  await page.goto('/de/anmelden?callbackUrl=/de/admin');
  await signInWithCode(page, E2E_ADMIN);
  await page.waitForURL(/\/de\/admin$/);
}

async function chooseLanguage(page: Page, locale: 'de' | 'en', button: string) {
  await page.goto('/de/admin/konto');
  await page.selectOption('#konto-locale', locale);
  await Promise.all([page.waitForURL(/\/de\/admin\/konto\?gespeichert=1$/), page.click(`button:has-text("${button}")`)]);
}

describe('admin area in English', () => {
  it('switches to English, shows pages and field errors in English, and back to German', async () => {
    const page = await newPage();
    await signIn(page);
    await expect(page.textContent('h1')).resolves.toBe('Übersicht');
    await page.click('nav[aria-label="Verwaltung"] >> text=Mein Konto');
    await page.waitForURL(/\/de\/admin\/konto$/);
    await expectNoAxeViolations(page);

    await chooseLanguage(page, 'en', 'Speichern');
    await expect(page.textContent('h1')).resolves.toBe('My account');
    await expect(page.textContent('[role="status"]')).resolves.toContain('Saved.');
    await expect(page.getAttribute('div[lang="en"]', 'lang')).resolves.toBe('en');
    await expectNoAxeViolations(page);

    await page.goto('/de/admin');
    await expect(page.textContent('h1')).resolves.toBe('Overview');
    const nav = (await page.textContent('nav[aria-label="Administration"]')) ?? '';
    expect(nav).toContain('Entries');
    expect(nav).toContain('My account');
    expect(nav).toContain('Sign out');
    await expect(page.textContent('main')).resolves.toContain('Recent changes');
    await expectNoAxeViolations(page);

    await page.goto('/de/admin/organisationen');
    await expect(page.textContent('h1')).resolves.toBe('Entries');
    await expect(page.textContent('thead')).resolves.toContain('Last reviewed');
    await expect(page.isVisible('a:has-text("New entry")')).resolves.toBe(true);
    await expectNoAxeViolations(page);

    await page.goto('/de/admin/organisationen/neu');
    await expect(page.textContent('h1')).resolves.toBe('New entry');
    await expect(page.textContent('label[for="form-shortName"]')).resolves.toBe('Short name');
    await page.click('button:has-text("Create entry")');
    const error = page.locator('#form-name-error');
    await error.waitFor();
    await expect(error.textContent()).resolves.toBe('Please fill in this field.');
    await expect(page.getAttribute('#form-name', 'aria-describedby')).resolves.toContain('form-name-error');
    await expect(page.textContent('[role="alert"]')).resolves.toContain('Please check the highlighted fields.');
    await expectNoAxeViolations(page);

    // Every other admin page answers in English and passes axe.
    const org = await db.organization.findUniqueOrThrow({ where: { slug: 'jobcenter' }, select: { id: true } });
    const base = `/de/admin/organisationen/${org.id}`;
    for (const path of [
      base,
      `${base}/sprechzeiten`,
      `${base}/verlauf`,
      `${base}/uebersetzungen`,
      `${base}/team`,
      '/de/admin/aenderungen',
      '/de/admin/meldungen',
      '/de/admin/aktualitaet',
      '/de/admin/papierkorb',
      '/de/admin/benutzer',
      '/de/admin/seiten',
      '/de/admin/kategorien',
      '/de/admin/sprachen',
      '/de/admin/suchanfragen',
      '/de/admin/postausgang',
    ]) {
      const response = await page.goto(path);
      expect(response?.status(), path).toBe(200);
      expect(await page.getAttribute('div[lang="en"]', 'lang'), path).toBe('en');
      expect(await page.textContent('nav[aria-label="Administration"]'), path).toContain('Entries');
      await expectNoAxeViolations(page);
    }

    await chooseLanguage(page, 'de', 'Save');
    await expect(page.textContent('h1')).resolves.toBe('Mein Konto');
    await expect(page.locator('div[lang="en"]').count()).resolves.toBe(0);
    await page.goto('/de/admin/organisationen/neu');
    await page.click('button:has-text("Eintrag anlegen")');
    await page.locator('#form-name-error').waitFor();
    await expect(page.textContent('#form-name-error')).resolves.toBe('Bitte füllen Sie dieses Feld aus.');
    await page.context().close();
  });
});
