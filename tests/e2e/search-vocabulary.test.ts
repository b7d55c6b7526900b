// A coordinator teaches the search a word (issue 11, point 1): a visitor's search finds nothing
// and lands in the report of searches without result; the coordinator adds it to a concept in one
// step and is told how many of those searches find something now; the visitor's search finds the
// entries of the concept. On the way: a new concept in the vocabulary editor, axe on its pages.
import { PrismaPg } from '@prisma/adapter-pg';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, inject, it } from 'vitest';
import { PrismaClient } from '@/lib/generated/prisma/client';
import { E2E_ADMIN } from './support/accounts.ts';
import { signIn } from './support/sign-in.ts';
import { expectNoAxeViolations, newPage } from './support/browser.ts';

let db: PrismaClient;

beforeAll(async () => {
  db = new PrismaClient({ adapter: new PrismaPg({ connectionString: inject('E2E_DATABASE_URL'), max: 2 }) });
});

afterAll(async () => {
  await db.searchConcept.deleteMany({ where: { label: 'Dachwohnung (Beispiel)' } });
  await db.searchConceptWord.deleteMany({ where: { normalized: 'krabbelstube' } });
  await db?.$disconnect();
});

async function resultCount(page: Page, q: string): Promise<number> {
  await page.goto(`/de/akteure?q=${encodeURIComponent(q)}`);
  return Number(await page.getAttribute('[data-result-count]', 'data-result-count'));
}

it('a search without result becomes a word of a concept in one step; a new concept works at once', async () => {
  const visitor = await newPage();
  expect(await resultCount(visitor, 'Krabbelstube')).toBe(0);

  const page = await newPage();
  await page.goto('/de/admin/suchanfragen');
  await page.waitForURL(/\/de\/anmelden/);
  await signIn(page, E2E_ADMIN, { callbackPath: '/de/admin/suchanfragen' });
  await page.waitForURL((url) => url.pathname === '/de/admin/suchanfragen');
  const row = page.locator('tr', { hasText: '„Krabbelstube“' });
  await row.locator('select[name="conceptId"]').selectOption({ label: 'Kita und Kinderbetreuung' });
  await expectNoAxeViolations(page);
  await row.locator('button[type="submit"]').click();
  await page.waitForURL(/aufgenommen=krabbelstube/i);
  expect(await page.textContent('.alert-success')).toMatch(/„krabbelstube“ ist jetzt ein Suchwort\. Von \d+ Suchen ohne Treffer finden jetzt \d+ etwas/i);
  expect(await resultCount(visitor, 'Krabbelstube')).toBeGreaterThan(0);

  await page.goto('/de/admin/suchwortschatz');
  await expectNoAxeViolations(page);
  await page.fill('#neuer-begriff-label', 'Dachwohnung (Beispiel)');
  await page.locator('label', { hasText: 'Thema: Wohnen' }).click();
  await page.fill('#neuer-begriff-words_de', 'Mansardenzimmer\nDachkammer');
  await page.click('button:has-text("Begriff anlegen")');
  await page.waitForURL(/\/de\/admin\/suchwortschatz\/[0-9a-f-]+\?gespeichert=1/);
  expect(await page.textContent('h1')).toBe('Dachwohnung (Beispiel)');
  await expectNoAxeViolations(page);
  const saved = await db.searchConcept.findFirstOrThrow({
    where: { label: 'Dachwohnung (Beispiel)' },
    select: { words: { select: { word: true } }, terms: { select: { term: { select: { slug: true } } } } },
  });
  expect(saved.words.map((w) => w.word).sort()).toEqual(['Dachkammer', 'Mansardenzimmer']);
  expect(saved.terms.map((t) => t.term.slug)).toEqual(['wohnen']);
  expect(await resultCount(visitor, 'Mansardenzimmer')).toBeGreaterThan(0);
});
