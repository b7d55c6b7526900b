// The history in words (issue 9, point 2): a coordinator changes an entry's area; the history says
// "Bereich: Beratungsdienste → Behörden und Ämter" (names, not ids) in German, the same in English
// for an admin who reads English, shows a long text as a word diff, and restoring the old value
// still works. axe on each page.
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
  await db?.user.update({ where: { email: E2E_ADMIN.email }, data: { locale: 'de' } });
  await db?.$disconnect();
});

async function signIn(page: Page) {
  await page.goto('/de/anmelden?callbackUrl=/de/admin');
  await signInWithCode(page, E2E_ADMIN);
  await page.waitForURL(/\/de\/admin$/);
}

// The seed's two areas (with their English names).
async function category(slug: string, label: string, en: string) {
  return db.taxonomyTerm.upsert({ where: { kind_slug: { kind: 'CATEGORY', slug } }, create: { kind: 'CATEGORY', slug, label, labels: { en } }, update: {} });
}

// The history's rows as "Field: before → after".
async function historyRows(page: Page): Promise<string[]> {
  return page.locator('main table tbody tr').evaluateAll((rows) =>
    rows.map((row) => {
      const cells = [...row.querySelectorAll('th, td')].map((cell) => (cell.textContent ?? '').replace(/\s+/g, ' ').trim());
      return `${cells[0]}: ${cells[1]} → ${cells[2]}`;
    }),
  );
}

describe('history in words', () => {
  it('names the area in German and English, diffs long texts, and restores the old value', async () => {
    const counselling = await category('beratungsdienst', 'Beratungsdienste', 'Counselling services');
    const authorities = await category('behoerde', 'Behörden und Ämter', 'Public authorities');
    const description = 'Wir beraten Migrant*innen im Landkreis Stendal zu Aufenthalt, Arbeit und Wohnen, dienstags und donnerstags ohne Termin (Beispiel).';
    const org = await db.organization.create({ data: { slug: `verlauf-${suffix}`, name: `Verlaufsprobe ${suffix} (Beispiel)`, status: 'DRAFT', categoryId: counselling.id, description } });
    const page = await newPage();
    await signIn(page);

    const orgPath = `/de/admin/organisationen/${org.id}`;
    await page.goto(orgPath);
    await page.selectOption('#organisation-categoryId', authorities.id);
    await page.fill('#organisation-description', description.replace('Stendal', 'Stendal und in Tangermünde').replace(' und donnerstags', ''));
    await Promise.all([page.waitForURL(/gespeichert=1/), page.click('form:has(#organisation-name) button[type="submit"]')]);

    await page.goto(`${orgPath}/verlauf`);
    const german = await historyRows(page);
    expect(german).toContain('Bereich: Beratungsdienste → Behörden und Ämter');
    expect(german.join('\n')).not.toContain(counselling.id);
    const text = german.find((row) => row.startsWith('Beschreibung:'))!;
    expect(text).toBeTruthy();
    expect(await page.locator('main table del.bg-red-100').allTextContents()).toEqual(expect.arrayContaining([expect.stringContaining('donnerstags')]));
    expect(await page.locator('main table ins.bg-green-100').allTextContents()).toEqual(expect.arrayContaining([expect.stringContaining('Tangermünde')]));
    await expectNoAxeViolations(page);

    // The same history for an admin who reads English.
    await db.user.update({ where: { email: E2E_ADMIN.email }, data: { locale: 'en' } });
    await page.goto(`${orgPath}/verlauf`);
    await expect(page.getAttribute('div[lang="en"]', 'lang')).resolves.toBe('en');
    const english = await historyRows(page);
    expect(english).toContain('Area: Counselling services → Public authorities');
    expect(english.join('\n')).not.toMatch(/Bereich|Beschreibung|Entwurf|\bDRAFT\b/);
    await expectNoAxeViolations(page);

    // Restoring the old area still works (and is itself in the history).
    await Promise.all([page.waitForURL(/wiederhergestellt=1/), page.click('button:has-text("Area: restore")')]);
    expect((await db.organization.findUniqueOrThrow({ where: { id: org.id } })).categoryId).toBe(counselling.id);
    expect(await historyRows(page)).toContain('Area: Public authorities → Counselling services');
    await page.context().close();
  });
});
