// A coordinator edits a content page in Markdown and sees it on the public page; on the way, axe
// checks every admin page this work added (pages, taxonomy, languages, reports, freshness, searches
// without results, GDPR of a contact person) and the dashboard.
import { PrismaPg } from '@prisma/adapter-pg';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { PrismaClient } from '@/lib/generated/prisma/client';
import { E2E_ADMIN } from './support/accounts.ts';
import { signIn as signInWithCode } from './support/sign-in.ts';
import { expectNoAxeViolations, newPage } from './support/browser.ts';

let db: PrismaClient;
const restore: (() => Promise<void>)[] = [];

beforeAll(async () => {
  db = new PrismaClient({ adapter: new PrismaPg({ connectionString: inject('E2E_DATABASE_URL'), max: 2 }) });
});

afterAll(async () => {
  for (const undo of restore) await undo();
  await db?.$disconnect();
});

async function signInAsCoordinator(page: Page, path: string): Promise<void> {
  await page.goto(path);
  await page.waitForURL(/\/de\/anmelden/);
  await signInWithCode(page, E2E_ADMIN);
  await page.waitForURL((url) => url.pathname === path);
}

const MARKDOWN = [
  'Das Netzwerk trifft sich **viermal im Jahr** in der Koordinierungsstelle.',
  '',
  '- Austausch über aktuelle Fragen',
  '- gemeinsame Fortbildungen',
  '',
  '<script>window.__injected = true</script>',
  '',
  '[Gefährlich](javascript:window.__injected=true) und [Akteure](/de/akteure)',
].join('\n');

describe('coordinator edits content', () => {
  it('edits a page in Markdown, sees it rendered safely, and every admin page passes axe', async () => {
    const page = await newPage();
    await signInAsCoordinator(page, '/de/admin/seiten');
    await expectNoAxeViolations(page);

    await page.goto('/de/admin/seiten/arbeitsweise/de');
    await expectNoAxeViolations(page);
    await page.fill('#seite-body', MARKDOWN);
    await page.click('button[type="submit"]:has-text("Speichern")');
    await page.waitForURL(/\/de\/admin\/seiten\/arbeitsweise\/de\?gespeichert=1/);
    await expect.poll(() => page.locator('[role="status"]').first().textContent()).toContain('Gespeichert');
    const preview = page.locator('[data-testid="vorschau"]');
    expect(await preview.locator('strong').textContent()).toBe('viermal im Jahr');
    expect(await preview.locator('li').count()).toBe(2);
    expect(await preview.locator('a[href="/de/akteure"]').count()).toBe(1);
    expect(await preview.locator('a[href^="javascript"], script').count()).toBe(0);
    expect(await preview.textContent()).toContain('<script>');
    expect(await page.evaluate(() => (window as unknown as { __injected?: boolean }).__injected)).toBeUndefined();
    await expectNoAxeViolations(page);

    // The public page shows the new text at once (tag expired by the action).
    await page.goto('/de/netzwerk');
    await expect.poll(() => page.locator('main').textContent()).toContain('viermal im Jahr');
    expect(await page.locator('main a[href^="javascript"], main script').count()).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { __injected?: boolean }).__injected)).toBeUndefined();

    // Content for the report pages, so that axe sees their filled state: an overdue entry (restored
    // afterwards: other files check public pages), visitor reports and searches without results.
    const overdue = await db.organization.findFirstOrThrow({ where: { status: 'PUBLISHED', deletedAt: null }, select: { id: true, name: true, lastVerifiedAt: true } });
    await db.organization.update({ where: { id: overdue.id }, data: { lastVerifiedAt: new Date(Date.now() - 800 * 24 * 3600 * 1000) } });
    restore.push(() => db.organization.update({ where: { id: overdue.id }, data: { lastVerifiedAt: overdue.lastVerifiedAt } }).then(() => undefined));
    const reports = await Promise.all([
      db.feedback.create({ data: { organizationId: overdue.id, message: 'Die Telefonnummer ist nicht mehr aktuell.', email: 'besucher@example.org', ipHash: 'e2e' } }),
      db.feedback.create({ data: { organizationId: overdue.id, message: 'Erledigte Meldung', ipHash: 'e2e', status: 'DONE', note: 'korrigiert', handledAt: new Date() } }),
    ]);
    restore.push(() => db.feedback.deleteMany({ where: { id: { in: reports.map((r) => r.id) } } }).then(() => undefined));
    await db.searchLog.createMany({
      data: [
        { query: 'Zahnarzt arabisch', locale: 'de', resultCount: 0 },
        { query: 'zahnarzt  Arabisch', locale: 'ar', resultCount: 0 },
        { query: '', locale: 'de', resultCount: 0, filters: { language: 'ti', municipality: 'Havelberg' } },
      ],
    });

    await page.goto('/de/admin/meldungen');
    await page.fill('#meldung-1-note', 'Nummer beim Träger erfragt und korrigiert.');
    await page.click('button:has-text("Als erledigt markieren")');
    await page.waitForURL(/erledigt=1/);
    expect((await db.feedback.findUniqueOrThrow({ where: { id: reports[0].id } })).status).toBe('DONE');

    const contact = await db.contactPerson.findFirstOrThrow({ where: { deletedAt: null }, select: { id: true, organizationId: true } });
    const privacy = `/de/admin/organisationen/${contact.organizationId}/kontakte/${contact.id}/datenschutz`;
    await page.goto('/de/admin/aktualitaet');
    expect(await page.locator('main table').textContent()).toContain(overdue.name);
    await page.goto('/de/admin/suchanfragen');
    expect(await page.locator('main').textContent()).toContain('„zahnarzt arabisch“');
    for (const path of [
      '/de/admin',
      // A language version that does not exist yet: the form to create it (right-to-left text).
      '/de/admin/seiten/ziel/ar',
      '/de/admin/kategorien',
      '/de/admin/sprachen',
      '/de/admin/sprachen/ar',
      '/de/admin/meldungen?status=alle',
      '/de/admin/aktualitaet',
      '/de/admin/suchanfragen',
      privacy,
      `${privacy}?schritt=loeschen`,
    ]) {
      const response = await page.goto(path);
      expect(response?.status(), path).toBe(200);
      await expectNoAxeViolations(page);
    }
    const term = await db.taxonomyTerm.findFirstOrThrow({ select: { id: true } });
    await page.goto(`/de/admin/kategorien/${term.id}`);
    await expectNoAxeViolations(page);
  });
});
