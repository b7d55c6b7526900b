// The coordinator's journey in Chromium against the production build: create an entry with a
// service, a location, a contact person speaking Arabic and consultation hours; publish it; find
// it in the public search; edit it; see the change in the history and restore the earlier value;
// archive it, and it is gone from the public pages at once. axe runs on every admin page visited.
import { randomBytes } from 'node:crypto';
import { PrismaPg } from '@prisma/adapter-pg';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { PrismaClient } from '@/lib/generated/prisma/client';
import { E2E_ADMIN } from './support/accounts.ts';
import { signIn as signInWithCode } from './support/sign-in.ts';
import { expectNoAxeViolations, newPage } from './support/browser.ts';

const suffix = randomBytes(3).toString('hex');
const NAME = `Beratungshaus Zuckerrübe ${suffix} (Beispiel)`;
const FIRST_DESCRIPTION = 'Beratung für Familien in Tangermünde (Beispiel).';
const SECOND_DESCRIPTION = 'Beratung für Familien und Jugendliche in Tangermünde (Beispiel).';
let db: PrismaClient;

beforeAll(() => {
  db = new PrismaClient({ adapter: new PrismaPg({ connectionString: inject('E2E_DATABASE_URL'), max: 2 }) });
});

afterAll(async () => {
  await db?.$disconnect();
});

async function signIn(page: Page) {
  await page.goto('/de/anmelden?callbackUrl=/de/admin');
  await signInWithCode(page, E2E_ADMIN);
  await page.waitForURL(/\/de\/admin$/);
  await expectNoAxeViolations(page);
}

async function open(page: Page, path: string) {
  const response = await page.goto(path);
  expect(response?.status(), path).toBe(200);
  await expectNoAxeViolations(page);
}

async function submit(page: Page, label: string, url: RegExp) {
  await Promise.all([page.waitForURL(url), page.click(`button:has-text("${label}")`)]);
}

// Publish and archive go through their confirm step (components/admin/confirm-action.tsx).
async function confirmed(page: Page, label: string, url: RegExp) {
  await Promise.all([page.waitForURL(/bestaetigen=/), page.click(`a:has-text("${label}")`)]);
  await Promise.all([page.waitForURL(url), page.click(`#bestaetigen button:has-text("${label}")`)]);
}

async function publicStatus(path: string): Promise<{ status: number; text: string }> {
  const page = await newPage();
  const response = await page.goto(path);
  const text = (await page.textContent('main')) ?? '';
  await page.context().close();
  return { status: response?.status() ?? 0, text };
}

describe('coordinator maintains an entry', () => {
  it('creates, publishes, edits, restores and archives an entry; the public pages follow at once', async () => {
    const page = await newPage();
    await signIn(page);

    // Create the entry (a draft).
    await open(page, '/de/admin/organisationen/neu');
    await page.fill('#form-name', NAME);
    await page.fill('#form-description', FIRST_DESCRIPTION);
    await page.fill('#form-email', `kontakt-${suffix}@example.org`);
    await submit(page, 'Eintrag anlegen', /\/de\/admin\/organisationen\/[0-9a-f-]{36}/);
    const id = /organisationen\/([0-9a-f-]{36})/.exec(page.url())![1];
    const base = `/de/admin/organisationen/${id}`;
    await expectNoAxeViolations(page);

    // A location in Tangermünde.
    await open(page, `${base}/standorte/neu`);
    await page.fill('#standort-name', 'Beratungsstelle am Markt (Beispiel)');
    await page.fill('#standort-street', 'Beispielweg 1');
    await page.fill('#standort-postalCode', '39590');
    await page.fill('#standort-city', 'Tangermünde');
    await page.fill('#standort-municipality', 'Tangermünde');
    await submit(page, 'Standort anlegen', new RegExp(`${base}(\\?|$)`));
    const location = await db.location.findFirstOrThrow({ where: { organizationId: id } });

    // A service offered there, in Arabic.
    await open(page, `${base}/angebote/neu`);
    await page.fill('#angebot-name', 'Familienberatung (Beispiel)');
    await page.fill('#angebot-description', 'Beratung zu Kita, Schule und Familienleistungen.');
    await page.check(`#angebot-locationIds-${location.id}`);
    await page.check('#angebot-languageCodes-ar');
    await submit(page, 'Angebot anlegen', new RegExp(`${base}(\\?|$)`));

    // A public contact person who speaks Arabic, with consent recorded.
    await open(page, `${base}/kontakte/neu`);
    await page.fill('#kontakt-role', 'Beratung auf Arabisch (Beispiel)');
    await page.fill('#kontakt-email', `arabisch-${suffix}@example.org`);
    await page.selectOption('#kontakt-visibility', 'PUBLIC');
    await page.selectOption('#kontakt-consent', 'given');
    await page.fill('#kontakt-consentScope', 'Funktion und E-Mail-Adresse auf der Website');
    await page.check('#kontakt-languageCodes-ar');
    await submit(page, 'Kontaktperson anlegen', new RegExp(`${base}(\\?|$)`));

    // Consultation hours: Tuesday 9 to 12.
    await open(page, `${base}/sprechzeiten`);
    await page.selectOption('#sprechzeit-weekday', '2');
    await page.fill('#sprechzeit-opensAt', '09:00');
    await page.fill('#sprechzeit-closesAt', '12:00');
    await submit(page, 'Sprechzeit hinzufügen', /\/sprechzeiten\?gespeichert=1/);
    await expectNoAxeViolations(page);
    // The contact person's own hours: Thursday 14 to 16 in Arabic, by appointment, with a booking
    // link typed without https:// (the schema adds it).
    await open(page, `${base}/sprechzeiten`);
    await page.selectOption('#sprechzeit-weekday', '4');
    await page.fill('#sprechzeit-opensAt', '14:00');
    await page.fill('#sprechzeit-closesAt', '16:00');
    await page.selectOption('#sprechzeit-contactPersonId', { index: 1 });
    await page.check('#sprechzeit-languageCodes-ar');
    await page.check('#sprechzeit-appointmentOnly');
    await page.fill('#sprechzeit-bookingUrl', 'termine.beispiel.de');
    await submit(page, 'Sprechzeit hinzufügen', /\/sprechzeiten\?gespeichert=1/);
    expect(await page.textContent('main')).toContain('https://termine.beispiel.de');
    await expectNoAxeViolations(page);

    // Drafts are not public.
    const { slug } = await db.organization.findUniqueOrThrow({ where: { id }, select: { slug: true } });
    expect((await publicStatus(`/de/akteure/${slug}`)).status).toBe(404);

    // Publish, then find it in the public search, filtered by Arabic.
    await open(page, base);
    await confirmed(page, 'Veröffentlichen', /status=publish/);
    const search = await publicStatus(`/de/akteure?q=${encodeURIComponent('Zuckerrübe')}&sprache=ar`);
    expect(search.status).toBe(200);
    expect(search.text).toContain(NAME);
    const published = await publicStatus(`/de/akteure/${slug}`);
    expect(published.text).toContain(FIRST_DESCRIPTION);
    expect(published.text).toContain('Beratung auf Arabisch (Beispiel)');
    expect(published.text).toContain('09:00');
    // The person's hours are shown with the person, in the language's name, with the booking link.
    expect(published.text).toMatch(/Beratung auf Arabisch \(Beispiel\)[^]*14:00 bis 16:00 Uhr · auf Arabisch \(nur nach Vereinbarung\)Termin online vereinbaren/);

    // Edit the description.
    await open(page, base);
    await page.fill('#organisation-description', SECOND_DESCRIPTION);
    await submit(page, 'Speichern', /gespeichert=1/);
    expect((await publicStatus(`/de/akteure/${slug}`)).text).toContain(SECOND_DESCRIPTION);

    // The history shows the change; restore the earlier description.
    await open(page, `${base}/verlauf`);
    expect(await page.textContent('main')).toContain(SECOND_DESCRIPTION);
    await submit(page, 'Beschreibung: früheren Wert wiederherstellen', /wiederhergestellt=1/);
    await expectNoAxeViolations(page);
    const restored = await publicStatus(`/de/akteure/${slug}`);
    expect(restored.text).toContain(FIRST_DESCRIPTION);
    expect(restored.text).not.toContain(SECOND_DESCRIPTION);

    // Archive: gone from the actor page and the search at once.
    await open(page, base);
    await confirmed(page, 'Archivieren', /status=archive/);
    expect((await publicStatus(`/de/akteure/${slug}`)).status).toBe(404);
    expect((await publicStatus(`/de/akteure?q=${encodeURIComponent('Zuckerrübe')}`)).text).not.toContain(NAME);
  });
});
