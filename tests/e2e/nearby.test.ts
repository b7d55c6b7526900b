// Nearby (issue 11, point 4) on a 390 px phone: the actor page's map loads nothing until the
// visitor opens it (no Leaflet, no tile request before), then shows the places with the tile
// provider's attribution, keyboard-usable and axe-clean, also in Arabic, and hidden in print; the
// "Route planen" links are plain links (geo: and OpenStreetMap); the directory's "In der Nähe von"
// works as a plain GET form without JavaScript and shows distances. Tiles are answered locally
// (the tests have no internet): the request still has to pass the page's CSP.
import { PrismaPg } from '@prisma/adapter-pg';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { PrismaClient } from '@/lib/generated/prisma/client';
import { createDirectoryFixtures, FIXTURE_SLUGS as F } from '../fixtures/directory.ts';
import { expectNoAxeViolations, newPage } from './support/browser.ts';

const PHONE = { width: 390, height: 844 };
const TILE_HOST = 'https://tile.openstreetmap.org';
// A 1x1 transparent PNG.
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=', 'base64');
let db: PrismaClient;

beforeAll(async () => {
  db = new PrismaClient({ adapter: new PrismaPg({ connectionString: inject('E2E_DATABASE_URL'), max: 2 }) });
  if (!(await db.organization.findUnique({ where: { slug: F.mueller } }))) await createDirectoryFixtures(db);
});

afterAll(async () => {
  await db?.$disconnect();
});

// Counts tile requests (answered with a blank tile) and scripts of the page.
async function watchTiles(page: Page): Promise<{ tiles: string[] }> {
  const seen = { tiles: [] as string[] };
  await page.route(`${TILE_HOST}/**`, (route) => {
    seen.tiles.push(route.request().url());
    return route.fulfill({ body: PNG, contentType: 'image/png' });
  });
  return seen;
}

describe('map on the actor page', () => {
  it('loads only when opened, shows the place with attribution, works by keyboard, axe-clean, hidden in print', async () => {
    const page = await newPage({ viewport: PHONE });
    const seen = await watchTiles(page);
    const response = await page.goto(`/de/akteure/${F.mueller}`);
    expect(response?.status()).toBe(200);
    await page.waitForLoadState('networkidle');
    // Nothing of the map before the visitor asks for it.
    expect(await page.evaluate(() => typeof (window as unknown as { L?: unknown }).L)).toBe('undefined');
    expect(await page.locator('.leaflet-container').count()).toBe(0);
    expect(seen.tiles).toEqual([]);
    await expectNoAxeViolations(page);

    const button = page.getByRole('button', { name: 'Karte anzeigen' });
    expect(await button.getAttribute('aria-expanded')).toBe('false');
    await button.focus();
    await page.keyboard.press('Enter');
    const map = page.locator('[data-map-canvas].leaflet-container');
    await map.waitFor();
    expect(await page.getByRole('button', { name: 'Karte ausblenden' }).getAttribute('aria-expanded')).toBe('true');
    expect(await map.getAttribute('role')).toBe('region');
    expect(await map.getAttribute('aria-label')).toBe('Karte: Standorte von Beratungszentrum Müller (Beispiel)');
    expect(await map.getAttribute('dir')).toBe('ltr');
    const attribution = map.locator('.leaflet-control-attribution a');
    expect(await attribution.textContent()).toBe('© OpenStreetMap');
    expect(await attribution.getAttribute('href')).toBe('https://www.openstreetmap.org/copyright');
    // The tile host passed the CSP (a blocked image is never requested).
    await expect.poll(() => seen.tiles.length).toBeGreaterThan(0);

    // The place is a focusable, named marker; Enter opens its address.
    const marker = map.locator('.leaflet-marker-icon');
    expect(await marker.count()).toBe(1);
    expect(await marker.getAttribute('title')).toBe('Beratungszentrum Müller (Beispiel)');
    await marker.focus();
    await page.keyboard.press('Enter');
    await map.locator('.leaflet-popup-content').waitFor();
    expect(await map.locator('.leaflet-popup-content').textContent()).toContain('Beispielweg 1, 39576 Stendal');
    expect(await map.locator('.leaflet-popup-close-button').getAttribute('aria-label')).toBe('Schließen');
    // Zoom buttons carry German names.
    expect(await map.locator('.leaflet-control-zoom-in').getAttribute('aria-label')).toBe('Vergrößern');
    await expectNoAxeViolations(page);

    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('[data-location-map]').isVisible()).toBe(false);
    expect(await page.locator('[data-route-links]').first().isVisible()).toBe(false);
  });

  it('works in Arabic (right to left) with translated labels', async () => {
    const page = await newPage({ viewport: PHONE, locale: 'ar' });
    const seen = await watchTiles(page);
    await page.goto(`/ar/akteure/${F.frauen}`);
    expect(await page.getAttribute('html', 'dir')).toBe('rtl');
    await page.getByRole('button', { name: 'عرض الخريطة' }).click();
    const map = page.locator('[data-map-canvas].leaflet-container');
    await map.waitFor();
    expect(await map.getAttribute('dir')).toBe('ltr');
    expect(await map.locator('.leaflet-control-attribution').textContent()).toContain('OpenStreetMap');
    expect(await map.locator('.leaflet-control-zoom-in').getAttribute('aria-label')).toBe('تكبير');
    // The map stays inside the phone's width.
    const box = (await map.boundingBox())!;
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(PHONE.width);
    await expect.poll(() => seen.tiles.length).toBeGreaterThan(0);
    await expectNoAxeViolations(page);
  });
});

describe('Route planen', () => {
  it('links to the map app (geo:) and to OpenStreetMap, without JavaScript', async () => {
    const page = await newPage({ viewport: PHONE, javaScriptEnabled: false });
    await page.goto(`/de/akteure/${F.mueller}`);
    const links = page.locator('[data-route-links]');
    expect(await links.count()).toBe(1);
    expect(await links.locator('p').textContent()).toBe('Route planen');
    expect(await links.locator('a[data-route="geo"]').getAttribute('href')).toBe(
      'geo:52.6021,11.8612?q=52.6021,11.8612(Beratungszentrum%20M%C3%BCller%20Beispiel)',
    );
    expect(await links.locator('a[data-route="osm"]').getAttribute('href')).toBe(
      'https://www.openstreetmap.org/directions?to=52.6021,11.8612#map=16/52.6021/11.8612',
    );
    expect(await links.locator('a[data-route="geo"]').textContent()).toBe('In Karten-App öffnen (Beratungszentrum Müller (Beispiel))');
    // A place without coordinates: the same links with its address.
    await page.goto(`/de/akteure/${F.wohnen}`);
    const osm = await page.locator('a[data-route="osm"]').getAttribute('href');
    expect(new URL(osm!).searchParams.get('to')).toBe('Lange Straße 6, 39615 Seehausen (Altmark)');
    expect(await page.locator('[data-location-map]').count()).toBe(0);
    await expectNoAxeViolations(page);
  });
});

describe('In der Nähe von', () => {
  it('sorts by distance through the plain GET form, without JavaScript, and shows the distance', async () => {
    const page = await newPage({ viewport: PHONE, javaScriptEnabled: false });
    await page.goto('/de/akteure');
    await page.locator('summary', { hasText: 'Filter' }).click();
    await page.selectOption('#filter-naehe', 'havelberg');
    await page.getByRole('button', { name: 'Filter anwenden' }).click();
    await page.waitForURL(/\/de\/akteure\?naehe=havelberg$/);
    const cards = page.locator('[data-slug]');
    expect(await cards.first().getAttribute('data-slug')).toBe(F.frauen);
    expect(await cards.first().locator('[data-distance-km]').textContent()).toBe('Entfernung von Havelberg:ca. 1 km');
    expect(await page.locator('#filter-naehe').inputValue()).toBe('havelberg');
    expect(await page.getByRole('link', { name: /In der Nähe von Havelberg/ }).count()).toBe(1);
    await expectNoAxeViolations(page);
    // Removing the chip leaves the parameter out.
    await page.getByRole('link', { name: /In der Nähe von Havelberg/ }).click();
    await page.waitForURL(/\/de\/akteure$/);
    expect(await page.locator('[data-distance-km]').count()).toBe(0);
  });

  it('ignores an unknown town with a note, never an error', async () => {
    const page = await newPage({ viewport: PHONE });
    const response = await page.goto('/de/akteure?q=Beratung&naehe=atlantis');
    expect(response?.status()).toBe(200);
    expect(await page.textContent('[data-near-unknown]')).toContain('„atlantis“');
    expect(Number(await page.getAttribute('[data-result-count]', 'data-result-count'))).toBeGreaterThan(0);
    // Links of the page leave the unknown town out.
    const hrefs = await page.locator('main a[href*="naehe="]').count();
    expect(hrefs).toBe(0);
    await expectNoAxeViolations(page);
  });
});
