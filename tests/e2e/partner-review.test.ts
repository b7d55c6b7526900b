// The partner journey in Chromium against the production build: a coordinator invites a partner,
// the partner accepts, proposes new consultation hours; the public page is unchanged until the
// coordinator approves; then it shows the new hours and the partner sees "angenommen".
// axe runs on every admin page visited.
import { randomBytes } from 'node:crypto';
import { PrismaPg } from '@prisma/adapter-pg';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { PrismaClient } from '@/lib/generated/prisma/client';
import { E2E_ADMIN } from './support/accounts.ts';
import { signIn as signInWithCode } from './support/sign-in.ts';
import { expectNoAxeViolations, newPage } from './support/browser.ts';
import { linkIn, waitForMail } from './support/mail.ts';

const suffix = randomBytes(3).toString('hex');
const ORG = { name: `Partnerprüfung ${suffix} (Beispiel)`, slug: `partnerpruefung-${suffix}` };
const PARTNER = { email: `partnerin-${suffix}@example.org`, name: `Erika Partner ${suffix}`, password: 'Partner-Passwort-nur-Test-1' };
let db: PrismaClient;

beforeAll(async () => {
  db = new PrismaClient({ adapter: new PrismaPg({ connectionString: inject('E2E_DATABASE_URL'), max: 2 }) });
  // A published, not trusted entry with one weekly slot (Tuesday 9 to 12).
  await db.organization.create({
    data: {
      name: ORG.name,
      slug: ORG.slug,
      status: 'PUBLISHED',
      isTrusted: false,
      email: `kontakt-${suffix}@example.org`,
      schedules: { create: [{ weekday: 2, opensAt: 9 * 60, closesAt: 12 * 60 }] },
    },
  });
});

afterAll(async () => {
  await db?.$disconnect();
});

async function signIn(page: Page, account: { email: string; password: string; totpSecret?: string }) {
  await page.goto('/de/anmelden?callbackUrl=/de/admin');
  await expectNoAxeViolations(page);
  await signInWithCode(page, account);
  await page.waitForURL(/\/de\/admin$/);
}

async function visit(page: Page, path: string) {
  const response = await page.goto(path);
  expect(response?.status(), path).toBe(200);
  expect(new URL(page.url()).pathname, path).toBe(path.split('?')[0]);
  await expectNoAxeViolations(page);
}

async function publicWeekdays(): Promise<string[]> {
  const page = await newPage();
  const response = await page.goto(`/de/akteure/${ORG.slug}`);
  expect(response?.status()).toBe(200);
  const rows = await page.locator('table tbody tr').allTextContents();
  await page.context().close();
  return rows.map((row) => row.replace(/\s+/g, ' ').trim());
}

describe('partner proposes, coordinator approves', () => {
  it('runs from invitation to published consultation hours', async () => {
    const org = await db.organization.findUniqueOrThrow({ where: { slug: ORG.slug } });

    // 1. The coordinator invites the partner for the organization.
    const admin = await newPage();
    await signIn(admin, E2E_ADMIN);
    await visit(admin, '/de/admin/benutzer');
    await admin.fill('#einladen-email', PARTNER.email);
    await admin.fill('#einladen-name', PARTNER.name);
    await admin.selectOption('#einladen-role', 'PARTNER');
    await admin.check(`#einladen-organizationIds-${org.id}`);
    await Promise.all([admin.waitForURL(/eingeladen=1/), admin.click('button:has-text("Einladung senden")')]);
    await expectNoAxeViolations(admin);

    // 2. The partner accepts with the link from the mail (the outbox keeps no link).
    const invitationMail = await waitForMail(PARTNER.email, /Einladung/);
    expect(invitationMail.subject).toContain(ORG.name);
    const link = linkIn(invitationMail, /einladung\?token=/);
    const partner = await newPage();
    await visit(partner, `${link.pathname}${link.search}`);
    expect(await partner.textContent('h1')).toContain(ORG.name);
    await partner.fill('#einladung-name', PARTNER.name);
    await partner.fill('#einladung-password', PARTNER.password);
    await partner.fill('#einladung-passwordConfirm', PARTNER.password);
    // Setting the password signs the partner in: no second sign-in.
    await Promise.all([partner.waitForURL(/\/de\/admin\/organisationen\?willkommen=1/), partner.click('button:has-text("Konto einrichten")')]);
    expect(await partner.textContent('.alert-success')).toContain('Sie sind angemeldet');
    await expectNoAxeViolations(partner);

    // 3. The partner sees only the own organization and proposes Thursday 14 to 16.
    await visit(partner, '/de/admin/organisationen');
    const rows = await partner.locator('table.admin-table tbody tr').allTextContents();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toContain(ORG.name);
    await visit(partner, `/de/admin/organisationen/${org.id}`);
    expect(await partner.textContent('[data-review-notice]')).toContain('geprüft');
    await visit(partner, `/de/admin/organisationen/${org.id}/sprechzeiten`);
    await partner.selectOption('#sprechzeit-weekday', '4');
    await partner.fill('#sprechzeit-opensAt', '14:00');
    await partner.fill('#sprechzeit-closesAt', '16:00');
    await Promise.all([partner.waitForURL(/sprechzeiten\?eingereicht=1/), partner.click('button:has-text("Sprechzeit vorschlagen")')]);
    await partner.getByText('Ihre Änderung wurde zur Prüfung eingereicht').waitFor();
    await expectNoAxeViolations(partner);
    await visit(partner, '/de/admin/aenderungen');
    expect(await partner.textContent('[data-change-status]')).toBe('wird geprüft');

    // 4. The public page is unchanged.
    const before = await publicWeekdays();
    expect(before.some((row) => row.startsWith('Dienstag'))).toBe(true);
    expect(before.some((row) => row.startsWith('Donnerstag'))).toBe(false);

    // 5. The coordinator reviews the field-level diff and approves.
    await visit(admin, '/de/admin');
    await visit(admin, '/de/admin/aenderungen');
    const request = await db.changeRequest.findFirstOrThrow({ where: { organizationId: org.id, status: 'PENDING' } });
    await Promise.all([admin.waitForURL(new RegExp(`/de/admin/aenderungen/${request.id}$`)), admin.click(`[data-change-request="${request.id}"] a`)]);
    await expectNoAxeViolations(admin);
    expect(await admin.textContent('[data-diff] [data-field="weekday"]')).toContain('Donnerstag');
    expect(await admin.textContent('[data-diff] [data-field="opensAt"]')).toContain('14:00 Uhr');
    await Promise.all([admin.waitForURL(/angenommen=1/), admin.click('button:has-text("Übernehmen")')]);
    await expectNoAxeViolations(admin);

    // 6. The public page shows the new hours at once.
    const after = await publicWeekdays();
    expect(after.find((row) => row.startsWith('Donnerstag'))).toMatch(/14:00.*16:00/);

    // 7. The partner sees "angenommen" and got an e-mail.
    await visit(partner, '/de/admin/aenderungen');
    expect(await partner.textContent(`[data-change-request="${request.id}"] [data-change-status]`)).toBe('angenommen');
    const notice = await db.outboxEmail.findFirstOrThrow({ where: { kind: 'change-request', refId: request.id } });
    expect(notice.to).toBe(PARTNER.email);
  });

  it('lets the partner invite a colleague and the coordinator edit a proposal before approving it', async () => {
    const org = await db.organization.findUniqueOrThrow({ where: { slug: ORG.slug } });
    const partner = await newPage();
    await signIn(partner, PARTNER);
    await visit(partner, `/de/admin/organisationen/${org.id}/team`);
    await partner.fill('#kollegin-einladen-email', `kollege-${suffix}@example.org`);
    await Promise.all([partner.waitForURL(/team\?eingeladen=1/), partner.click('button:has-text("Einladung senden")')]);
    await expectNoAxeViolations(partner);
    expect(await partner.textContent('main')).toContain(`kollege-${suffix}@example.org`);

    // A proposal for the organization's own fields.
    await visit(partner, `/de/admin/organisationen/${org.id}`);
    await partner.fill('#organisation-phone', '03931 4711');
    await Promise.all([partner.waitForURL(/eingereicht=1/), partner.click('button:has-text("Zur Prüfung einreichen")')]);
    expect((await db.organization.findUniqueOrThrow({ where: { id: org.id } })).phone).toBeNull();

    const admin = await newPage();
    await signIn(admin, E2E_ADMIN);
    const request = await db.changeRequest.findFirstOrThrow({ where: { organizationId: org.id, status: 'PENDING', entityType: 'Organization' } });
    await visit(admin, `/de/admin/aenderungen/${request.id}`);
    expect(await admin.textContent('[data-diff] [data-field="phone"]')).toContain('03931 4711');
    await visit(admin, `/de/admin/aenderungen/${request.id}/bearbeiten`);
    expect(await admin.inputValue('#vorschlag-phone')).toBe('03931 4711');
    await admin.fill('#vorschlag-phone', '03931 4712');
    await admin.fill('#vorschlag-reviewComment', 'Durchwahl ergänzt.');
    await Promise.all([admin.waitForURL(/angenommen=1/), admin.click('button:has-text("Übernehmen")')]);
    await expectNoAxeViolations(admin);
    expect((await db.organization.findUniqueOrThrow({ where: { id: org.id } })).phone).toBe('03931 4712');
    await visit(admin, `/de/admin/organisationen/${org.id}/verlauf`);
    expect(await admin.textContent('main')).toContain('(Vorschlag von');
  });

  it('shows the partner their pending proposal on the entry, lets them amend it, and the coordinator approves the amended value', async () => {
    const org = await db.organization.findUniqueOrThrow({ where: { slug: ORG.slug } });
    const published = org.phone ?? '';
    const partner = await newPage();
    await signIn(partner, PARTNER);
    await visit(partner, `/de/admin/organisationen/${org.id}`);
    await partner.fill('#organisation-phone', '03931 5000');
    await Promise.all([partner.waitForURL(/eingereicht=1/), partner.click('button:has-text("Zur Prüfung einreichen")')]);

    // The entry shows the proposal as waiting, with the proposed and the public value; the form holds the proposal.
    await visit(partner, `/de/admin/organisationen/${org.id}`);
    const waiting = (await partner.textContent('[data-pending-proposal] [data-pending-field="phone"]')) ?? '';
    expect(waiting).toContain('03931 5000');
    expect(waiting).toContain(published || 'leer');
    expect(await partner.inputValue('#organisation-phone')).toBe('03931 5000');
    const hintId = (await partner.getAttribute('#organisation-phone', 'aria-describedby'))!.split(' ').find((id) => id.endsWith('-hint'))!;
    expect(await partner.textContent(`#${hintId}`)).toContain('Wartet auf Prüfung');

    // Saving again amends the same proposal instead of filing a second one.
    await partner.fill('#organisation-phone', '03931 5001');
    await Promise.all([partner.waitForURL(/ergaenzt=1/), partner.click('button:has-text("Zur Prüfung einreichen")')]);
    expect(await partner.textContent('[role="status"]')).toContain('ergänzt');
    expect(await partner.textContent('[data-pending-proposal] [data-pending-field="phone"]')).toContain('03931 5001');
    await expectNoAxeViolations(partner);
    const pending = await db.changeRequest.findMany({ where: { organizationId: org.id, status: 'PENDING', entityType: 'Organization' } });
    expect(pending).toHaveLength(1);

    // The coordinator approves the amended value.
    const admin = await newPage();
    await signIn(admin, E2E_ADMIN);
    await visit(admin, `/de/admin/aenderungen/${pending[0].id}`);
    expect(await admin.textContent('[data-diff] [data-field="phone"]')).toContain('03931 5001');
    await Promise.all([admin.waitForURL(/angenommen=1/), admin.click('button:has-text("Übernehmen")')]);
    expect((await db.organization.findUniqueOrThrow({ where: { id: org.id } })).phone).toBe('03931 5001');

    // Nothing waits any more.
    await visit(partner, `/de/admin/organisationen/${org.id}`);
    expect(await partner.locator('[data-pending-proposal]').count()).toBe(0);
  });

  it('marks a pending proposal for a service on the entry and on the service page, prefilled with the proposal', async () => {
    const org = await db.organization.findUniqueOrThrow({ where: { slug: ORG.slug } });
    const service = await db.service.create({ data: { organizationId: org.id, name: `Sprechstunde ${suffix} (Beispiel)` } });
    const partner = await newPage();
    await signIn(partner, PARTNER);
    await visit(partner, `/de/admin/organisationen/${org.id}/angebote/${service.id}`);
    expect(await partner.locator('[data-pending-proposal]').count()).toBe(0);
    await partner.fill('#angebot-name', `Offene Sprechstunde ${suffix} (Beispiel)`);
    await Promise.all([partner.waitForURL(/eingereicht=1/), partner.click('button:has-text("Zur Prüfung einreichen")')]);

    // The entry marks the service as waiting; the service page shows the proposal and holds it in the form.
    expect(await partner.textContent(`[data-pending-item="${service.id}"]`)).toContain('wartet auf Prüfung');
    await visit(partner, `/de/admin/organisationen/${org.id}/angebote/${service.id}`);
    expect(await partner.textContent('[data-pending-proposal] [data-pending-field="name"]')).toContain(`Offene Sprechstunde ${suffix}`);
    expect(await partner.inputValue('#angebot-name')).toBe(`Offene Sprechstunde ${suffix} (Beispiel)`);

    // Saving again amends it: still one proposal for the service.
    await partner.fill('#angebot-name', `Offene Beratung ${suffix} (Beispiel)`);
    await Promise.all([partner.waitForURL(/ergaenzt=1/), partner.click('button:has-text("Zur Prüfung einreichen")')]);
    const pending = await db.changeRequest.findMany({ where: { entityId: service.id, status: 'PENDING' } });
    expect(pending).toHaveLength(1);
    expect((pending[0].payload as { name?: string }).name).toBe(`Offene Beratung ${suffix} (Beispiel)`);
    expect((await db.service.findUniqueOrThrow({ where: { id: service.id } })).name).toBe(service.name);

    // The preview shows the entry with the proposal, as the public page will once it is accepted.
    await visit(partner, `/de/admin/organisationen/${org.id}/angebote/${service.id}`);
    const previewHref = (await partner.getAttribute('[data-pending-proposal] [data-preview-link]', 'href'))!;
    await visit(partner, previewHref);
    expect(await partner.textContent('[data-preview]')).toContain('Vorschau');
    expect(await partner.textContent('main')).toContain(`Offene Beratung ${suffix} (Beispiel)`);
    expect(await partner.getAttribute('meta[name="robots"]', 'content')).toContain('noindex');
  });
});
