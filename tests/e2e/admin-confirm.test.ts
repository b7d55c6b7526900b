// The confirm step and the undo of archiving, in a browser with JavaScript disabled: the coordinator
// opens the confirm view of "Archivieren" (a link), cancels (nothing changes), confirms (the entry
// is archived), then "Rückgängig machen" restores the status it had before. axe on the confirm view.
// Works on its own example entry, removed afterwards (its audit rows stay: the log is append-only).
import { randomBytes } from 'node:crypto';
import { PrismaPg } from '@prisma/adapter-pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { PrismaClient } from '@/lib/generated/prisma/client';
import { E2E_ADMIN } from './support/accounts.ts';
import { expectNoAxeViolations, newPage } from './support/browser.ts';
import { signIn } from './support/sign-in.ts';

const suffix = randomBytes(3).toString('hex');
const NAME = `Bestätigungsprobe ${suffix} (Beispiel)`;
let db: PrismaClient;
let id: string;

beforeAll(async () => {
  db = new PrismaClient({ adapter: new PrismaPg({ connectionString: inject('E2E_DATABASE_URL'), max: 2 }) });
  // A draft: never public, so no public page or cache of other tests sees it.
  ({ id } = await db.organization.create({ data: { slug: `bestaetigungsprobe-${suffix}-beispiel`, name: NAME, status: 'DRAFT' } }));
});

afterAll(async () => {
  if (id) await db.organization.delete({ where: { id } });
  await db?.$disconnect();
});

async function current() {
  return db.organization.findUniqueOrThrow({ where: { id }, select: { status: true, version: true } });
}

describe('confirm step and undo without JavaScript', () => {
  it('cancels, archives through the confirm view, and undoes the archive', async () => {
    const base = `/de/admin/organisationen/${id}`;
    // Signing in needs JavaScript (next-auth's CSRF token); the session cookie then goes to a
    // browser context without JavaScript.
    const withJs = await newPage();
    await signIn(withJs, E2E_ADMIN, { callbackPath: base });
    const page = await newPage({ javaScriptEnabled: false });
    await page.context().addCookies(await withJs.context().cookies());
    const before = await current();
    expect(before.status).toBe('DRAFT');

    // The button is a link to the confirm view, which names the entry and the consequence.
    expect((await page.goto(base))?.status()).toBe(200);
    await Promise.all([page.waitForURL(/bestaetigen=archivieren/), page.click('a:has-text("Archivieren")')]);
    const panel = page.locator('#bestaetigen');
    expect(await panel.locator('h2').textContent()).toBe('Eintrag archivieren?');
    const text = (await panel.textContent()) ?? '';
    expect(text).toContain(NAME);
    expect(text).toContain('Der Eintrag ist danach nicht mehr öffentlich sichtbar.');
    expect(await panel.locator('button.btn-danger').textContent()).toBe('Archivieren');
    await expectNoAxeViolations(page);

    // Cancel: back to the entry, nothing changed.
    await Promise.all([page.waitForURL((url) => url.pathname === base && !url.search), panel.locator('a:has-text("Abbrechen")').click()]);
    expect(await page.locator('#bestaetigen').count()).toBe(0);
    expect(await current()).toEqual(before);

    // Confirm: the real form posts the server action; the entry is archived.
    await Promise.all([page.waitForURL(/bestaetigen=archivieren/), page.click('a:has-text("Archivieren")')]);
    await Promise.all([page.waitForURL(/status=archive/), page.click('#bestaetigen button:has-text("Archivieren")')]);
    expect((await current()).status).toBe('ARCHIVED');
    const notice = page.locator('[role="status"]');
    expect(await notice.textContent()).toContain('Archiviert');
    await expectNoAxeViolations(page);

    // Undo: the status before archiving comes back, audited.
    await Promise.all([page.waitForURL(/rueckgaengig=DRAFT/), notice.locator('button:has-text("Rückgängig machen")').click()]);
    expect((await current()).status).toBe('DRAFT');
    expect(await page.locator('[role="status"]').textContent()).toContain('Archivieren rückgängig gemacht');
    const last = await db.auditLog.findFirstOrThrow({ where: { entityType: 'Organization', entityId: id }, orderBy: { id: 'desc' } });
    expect(last.action).toBe('UNPUBLISH');
    expect(last.changes).toMatchObject({ status: { before: 'ARCHIVED', after: 'DRAFT' } });
    // Nothing left to undo: the button is gone.
    expect(await page.locator('button:has-text("Rückgängig machen")').count()).toBe(0);
  });

  it('asks before a delete elsewhere too, without JavaScript: the button opens the question, the real button deletes', async () => {
    const term = await db.taxonomyTerm.create({ data: { kind: 'TOPIC', slug: `bestaetigung-${suffix}`, label: `Probethema ${suffix} (Beispiel)` } });
    const withJs = await newPage();
    await signIn(withJs, E2E_ADMIN, { callbackPath: `/de/admin/kategorien/${term.id}` });
    const page = await newPage({ javaScriptEnabled: false });
    await page.context().addCookies(await withJs.context().cookies());
    expect((await page.goto(`/de/admin/kategorien/${term.id}`))?.status()).toBe(200);
    const step = page.locator('details[data-confirm-step]');
    expect(await step.getAttribute('open')).toBeNull();
    expect(await step.locator('button').isVisible()).toBe(false);
    await step.locator('summary').click();
    expect(await step.textContent()).toContain(`„Probethema ${suffix} (Beispiel)“ wirklich löschen?`);
    await expectNoAxeViolations(page);
    expect(await db.taxonomyTerm.count({ where: { id: term.id } })).toBe(1);
    await Promise.all([page.waitForURL(/geloescht=1/), step.locator('button').click()]);
    expect(await db.taxonomyTerm.count({ where: { id: term.id } })).toBe(0);
  });
});

