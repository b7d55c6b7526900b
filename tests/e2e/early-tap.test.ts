// Paint first (lib/edge/paint-first.ts) starts Next's scripts only after the first frame: a tap on
// a button that needs the app, made before React has hydrated the page, must not be lost. The
// loader holds it and replays it once the app is there. Here the chunks are slowed down (1.5 s per
// file, as on a slow phone line), so that the tap surely comes before the app: a click right after
// DOMContentLoaded, and a key press on the focused button, each open the actor page's map.
import { PrismaPg } from '@prisma/adapter-pg';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { PrismaClient } from '@/lib/generated/prisma/client';
import { createDirectoryFixtures, FIXTURE_SLUGS as F } from '../fixtures/directory.ts';
import { newPage } from './support/browser.ts';
import { baseUrl } from './support/http.ts';

const PHONE = { width: 390, height: 844 };
const CHUNK_DELAY_MS = 1_500;
// A 1x1 transparent PNG for the map's tiles (the tests have no internet).
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=', 'base64');
let db: PrismaClient;

beforeAll(async () => {
  db = new PrismaClient({ adapter: new PrismaPg({ connectionString: inject('E2E_DATABASE_URL'), max: 2 }) });
  if (!(await db.organization.findUnique({ where: { slug: F.mueller } }))) await createDirectoryFixtures(db);
});

afterAll(async () => {
  await db?.$disconnect();
});

// A page whose script chunks arrive late, opened up to DOMContentLoaded only.
async function openSlowly(url: string, locale: string): Promise<Page> {
  const page = await newPage({ viewport: PHONE, locale });
  await page.route('https://tile.openstreetmap.org/**', (route) => route.fulfill({ body: PNG, contentType: 'image/png' }));
  await page.route('**/_next/static/chunks/**', async (route) => {
    await new Promise((resolve) => setTimeout(resolve, CHUNK_DELAY_MS));
    await route.continue();
  });
  await page.goto(url, { waitUntil: 'domcontentloaded' });
  return page;
}

// Next's runtime sets window.next: not there yet means the tap comes before the app.
const hasApp = (page: Page) => page.evaluate(() => 'next' in window);

describe('a tap before the app has started', () => {
  it('is replayed: a click on the map button right after DOMContentLoaded opens the map', async () => {
    const page = await openSlowly(`/de/akteure/${F.mueller}`, 'de-DE');
    const button = page.getByRole('button', { name: 'Karte anzeigen' });
    await button.waitFor();
    expect(await hasApp(page)).toBe(false);
    await button.click();
    expect(await hasApp(page)).toBe(false);
    await page.locator('[data-map-canvas].leaflet-container').waitFor({ timeout: 20_000 });
    // Opened once (not toggled twice by the replay) and announced as open.
    expect(await page.getByRole('button', { name: 'Karte ausblenden' }).getAttribute('aria-expanded')).toBe('true');
  });

  it('is replayed for the keyboard too: Enter on the focused button (Arabic page)', async () => {
    const page = await openSlowly(`/ar/akteure/${F.frauen}`, 'ar');
    const button = page.getByRole('button', { name: 'عرض الخريطة' });
    await button.waitFor();
    await button.focus();
    expect(await hasApp(page)).toBe(false);
    await page.keyboard.press('Enter');
    await page.locator('[data-map-canvas].leaflet-container').waitFor({ timeout: 20_000 });
    expect(await page.getByRole('button', { name: 'إخفاء الخريطة' }).getAttribute('aria-expanded')).toBe('true');
  });

  it('leaves links to the browser: a link followed before the app navigates at once', async () => {
    const page = await openSlowly(`/de/akteure/${F.mueller}`, 'de-DE');
    const english = page.locator('a[hreflang="en"]').first();
    expect(await hasApp(page)).toBe(false);
    await Promise.all([page.waitForURL(/\/en\/akteure\//, { waitUntil: 'commit' }), english.click()]);
  });
});

describe('where the edge defers the scripts', () => {
  // Signed-in areas (forms, buttons of the admin) keep Next's script tags as they are.
  it.each([
    ['/de/akteure?q=Beratung', false],
    ['/de/anmelden', true],
  ])('%s keeps script tags: %s', async (url, keeps) => {
    const html = await (await fetch(`${baseUrl()}${url}`)).text();
    expect(/<script src="\/_next\/static\/[^"]*" async/.test(html.replace(/ nonce="[^"]*"/g, ''))).toBe(keeps);
    expect(html.includes('__nisPaintFirst')).toBe(!keeps);
  });
});
