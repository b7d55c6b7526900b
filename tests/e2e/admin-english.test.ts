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

// One signed-in page for the whole file; the steps are separate tests so that each has its own
// time budget (axe takes seconds per page on a loaded two-core machine).
let page: Page;

describe('admin area in English', () => {
  it('switches to English on "Mein Konto"', async () => {
    page = await newPage();
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
  });

  it('shows the overview, the entry list and the field errors in English', async () => {
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
  });

  // Every other admin page answers in English and passes axe.
  const entryPages = ['', '/sprechzeiten', '/verlauf', '/uebersetzungen', '/team'];
  const otherPages = ['aenderungen', 'meldungen', 'aktualitaet', 'papierkorb', 'benutzer', 'seiten', 'kategorien', 'sprachen', 'suchanfragen', 'suchwortschatz', 'postausgang'];
  const paths = async () => {
    const org = await db.organization.findUniqueOrThrow({ where: { slug: 'jobcenter' }, select: { id: true } });
    return [...entryPages.map((suffix) => `/de/admin/organisationen/${org.id}${suffix}`), ...otherPages.map((name) => `/de/admin/${name}`)];
  };
  for (const [from, to] of [[0, 8], [8, 16]] as const) {
    it(`shows admin pages ${from + 1}-${to} in English, without axe violations`, async () => {
      for (const path of (await paths()).slice(from, to)) {
        const response = await page.goto(path);
        expect(response?.status(), path).toBe(200);
        expect(await page.getAttribute('div[lang="en"]', 'lang'), path).toBe('en');
        expect(await page.textContent('nav[aria-label="Administration"]'), path).toContain('Entries');
        await expectNoAxeViolations(page);
      }
    });
  }

  it('switches back to German', async () => {
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
