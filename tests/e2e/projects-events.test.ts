// Projects and public events in Chromium against the production build: a project with two partner
// organizations is on /projekte, on both partners' actor pages and in the directory search; a
// partner proposes an event through the admin form, it is not public; the coordinator approves it;
// it is on /veranstaltungen, its page (JSON-LD) and in /veranstaltungen.ics, which ical.js parses.
// axe runs on the new public pages in German and Arabic and on the admin pages visited.
import { randomBytes } from 'node:crypto';
import { PrismaPg } from '@prisma/adapter-pg';
import ICAL from 'ical.js';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { hashPassword } from '@/lib/auth/password';
import { PrismaClient } from '@/lib/generated/prisma/client';
import { EXPIRE_ALL_SQL } from '../../scripts/db/expire-caches.ts';
import { E2E_ADMIN } from './support/accounts.ts';
import { expectNoAxeViolations, newPage } from './support/browser.ts';
import { signIn as signInWithCode } from './support/sign-in.ts';

const suffix = randomBytes(3).toString('hex');
const PARTNER = { email: `veranstalterin-${suffix}@example.org`, password: 'Partner-Passwort-nur-Test-2' };
const PROJECT = `Sprachpatenschaften ${suffix} (Beispiel)`;
const EVENT = `Sprachcafé ${suffix} (Beispiel)`;
let db: PrismaClient;
const ids: Record<string, string> = {};

beforeAll(async () => {
  db = new PrismaClient({ adapter: new PrismaPg({ connectionString: inject('E2E_DATABASE_URL'), max: 2 }) });
  const org = (name: string) => db.organization.create({ data: { name: `${name} ${suffix} (Beispiel)`, slug: `${name.toLowerCase()}-${suffix}`, status: 'PUBLISHED' } });
  const [lead, a, b] = await Promise.all([org('Leitung'), org('Partnerin'), org('Partner')]);
  Object.assign(ids, { lead: lead.id, a: a.id, b: b.id, aSlug: a.slug, bSlug: b.slug, leadSlug: lead.slug });
  await db.project.create({
    data: {
      slug: `sprachpatenschaften-${suffix}`,
      title: PROJECT,
      summary: 'Ehrenamtliche begleiten Neuzugewanderte beim Deutschlernen (Beispiel).',
      leadOrganizationId: lead.id,
      status: 'RUNNING',
      isPublished: true,
      partners: { create: [{ organizationId: a.id }, { organizationId: b.id }] },
    },
  });
  // Written past the data layer (which would expire the tags): earlier tests' cached reads must go.
  await db.$executeRawUnsafe(EXPIRE_ALL_SQL);
  const user = await db.user.create({ data: { email: PARTNER.email, name: `Vera Anstalterin ${suffix}`, role: 'PARTNER', passwordHash: await hashPassword(PARTNER.password) } });
  await db.membership.create({ data: { userId: user.id, organizationId: lead.id } });
});

afterAll(async () => {
  await db?.$disconnect();
});

async function visit(page: Page, path: string, { axe = true } = {}) {
  const response = await page.goto(path);
  expect(response?.status(), path).toBe(200);
  if (axe) await expectNoAxeViolations(page);
}

const nextMonthDay = () => {
  const date = new Date(Date.now() + 20 * 86_400_000);
  return date.toISOString().slice(0, 10);
};

describe('projects and events', () => {
  it('shows a project with two partners on /projekte, on both actor pages and in search (de and ar, axe)', async () => {
    const page = await newPage();
    for (const locale of ['de', 'ar']) {
      await visit(page, `/${locale}/projekte`);
      expect(await page.textContent('main')).toContain(PROJECT);
      await visit(page, `/${locale}/projekte?stand=laufend`);
      expect(await page.textContent('main')).toContain(PROJECT);
      await visit(page, `/${locale}/projekte/sprachpatenschaften-${suffix}`);
      expect(await page.textContent('h1')).toBe(PROJECT);
    }
    for (const slug of [ids.aSlug, ids.bSlug, ids.leadSlug]) {
      await visit(page, `/de/akteure/${slug}`, { axe: false });
      expect(await page.textContent('[data-actor-projects]')).toContain(PROJECT);
    }
    await visit(page, `/de/akteure?q=${encodeURIComponent(`Sprachpatenschaften ${suffix}`)}`, { axe: false });
    expect(await page.textContent('[data-project-results]')).toContain(PROJECT);
    await page.context().close();
  });

  it('a proposed event is public only after approval, then on /veranstaltungen and in the feed', async () => {
    const partner = await newPage();
    await partner.goto('/de/anmelden?callbackUrl=/de/admin');
    await signInWithCode(partner, PARTNER);
    await partner.waitForURL(/\/de\/admin/);
    await visit(partner, '/de/admin/veranstaltungen/neu');
    const day = nextMonthDay();
    await partner.fill('#veranstaltungen-title', EVENT);
    await partner.fill('#veranstaltungen-startsAt', `${day}T18:00`);
    await partner.fill('#veranstaltungen-endsAt', `${day}T20:00`);
    await partner.selectOption('#veranstaltungen-organizerId', ids.lead);
    await partner.fill('#veranstaltungen-placeName', 'Gemeindesaal (Beispiel)');
    await partner.fill('#veranstaltungen-town', 'Stendal');
    await partner.check('#veranstaltungen-isFree');
    await Promise.all([partner.waitForURL(/vorgeschlagen=1/), partner.click('button:has-text("Veranstaltung vorschlagen")')]);
    await expectNoAxeViolations(partner);
    expect(await db.event.count({ where: { title: EVENT } })).toBe(0);

    const visitor = await newPage();
    await visit(visitor, '/de/veranstaltungen', { axe: false });
    expect(await visitor.textContent('main')).not.toContain(EVENT);
    const before = await (await fetch(new URL('/veranstaltungen.ics', visitor.url()))).text();
    expect(before).not.toContain(EVENT);

    const admin = await newPage();
    await admin.goto('/de/anmelden?callbackUrl=/de/admin');
    await signInWithCode(admin, E2E_ADMIN);
    await admin.waitForURL(/\/de\/admin$/);
    const request = await db.changeRequest.findFirstOrThrow({ where: { organizationId: ids.lead, entityType: 'Event', status: 'PENDING' } });
    await visit(admin, `/de/admin/aenderungen/${request.id}`);
    expect(await admin.textContent('[data-diff] [data-field="startsAt"]')).toContain('18:00');
    await Promise.all([admin.waitForURL(/angenommen=1/), admin.click('button:has-text("Übernehmen")')]);
    const event = await db.event.findFirstOrThrow({ where: { title: EVENT } });
    expect(event.isPublished).toBe(true);

    for (const locale of ['de', 'ar']) {
      await visit(visitor, `/${locale}/veranstaltungen`);
      expect(await visitor.textContent('main')).toContain(EVENT);
      await visit(visitor, `/${locale}/veranstaltungen?ansicht=monat&monat=${day.slice(0, 7)}`);
      expect(await visitor.textContent('[data-month-view]')).toContain(EVENT);
      await visit(visitor, `/${locale}/veranstaltungen/${event.slug}`);
      const ld = JSON.parse((await visitor.textContent('script[type="application/ld+json"]'))!);
      expect(ld).toMatchObject({ '@type': 'Event', name: EVENT, eventStatus: 'https://schema.org/EventScheduled', location: { '@type': 'Place' }, organizer: { '@type': 'Organization' } });
      expect(ld.startDate).toMatch(new RegExp(`^${day}T18:00:00\\+0[12]:00$`));
    }
    await visit(visitor, `/de/akteure/${ids.leadSlug}`, { axe: false });
    expect(await visitor.textContent('[data-actor-events]')).toContain(EVENT);

    const response = await fetch(new URL('/veranstaltungen.ics', visitor.url()));
    expect(response.headers.get('content-type')).toContain('text/calendar');
    const calendar = new ICAL.Component(ICAL.parse(await response.text()));
    const vevent = calendar.getAllSubcomponents('vevent').map((c) => new ICAL.Event(c)).find((e) => e.summary === EVENT);
    expect(vevent?.uid).toContain(event.id);
    expect(vevent!.startDate.toJSDate().toISOString()).toBe(event.startsAt.toISOString());
    for (const page of [partner, visitor, admin]) await page.context().close();
  });
});
