// Every phone, every language, paper (issue 12):
// - no public page scrolls sideways at 320 px, in German, Arabic and Russian: the route list comes
//   from app/[locale]/(public) and the published entries of the database, so a new page or entry
//   is covered without touching this test; every page has a canonical link and the header link to
//   Leichte Sprache;
// - the 404 page is readable without JavaScript (de, ar);
// - the printed Arabic Wegweiser keeps phone numbers and e-mail addresses whole and left to right,
//   fits A4, and has hours, languages, addresses, web addresses, a QR code per entry and a table
//   of contents by topic; a printed actor page shows its address and no interactive elements.
import { randomBytes } from 'node:crypto';
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { PrismaPg } from '@prisma/adapter-pg';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { PrismaClient } from '@/lib/generated/prisma/client';
import { EXPIRE_ALL_SQL } from '../../scripts/db/expire-caches.ts';
import { openingScheduleWhere, publicLanguageOfferWhere, publicLocationWhere, publicOrganizationWhere } from '@/lib/data/visibility';
import { CACHED_TWINS } from '@/lib/edge/cached-routes';
import { createDirectoryFixtures, FIXTURE_SLUGS as F } from '../fixtures/directory.ts';
import { newPage } from './support/browser.ts';

const PUBLIC_DIR = path.resolve(__dirname, '../../app/[locale]/(public)');
const NARROW = { width: 320, height: 640 };
// A4 (210 mm) minus the print margins of components/layout/print.css (2 × 15 mm), at 96 px/inch.
const A4_CONTENT_PX = Math.floor((180 / 25.4) * 96);
let db: PrismaClient;
const longSlug = `ueberlaengenpruefung-${randomBytes(3).toString('hex')}-beispiel`;

// The public page routes as the file system defines them: "/", "/akteure/[slug]", ...
function publicRoutePatterns(dir = PUBLIC_DIR, prefix = ''): string[] {
  const patterns: string[] = [];
  for (const name of readdirSync(dir)) {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) {
      // Route groups "(name)" add no path segment.
      const segment = /^\(.*\)$/.test(name) ? '' : `/${name}`;
      patterns.push(...publicRoutePatterns(full, prefix + segment));
    } else if (name === 'page.tsx' && !CACHED_TWINS.some((twin) => prefix === `/${twin}` || prefix.startsWith(`/${twin}/`))) {
      // A cached twin (lib/edge/cached-routes.ts) is visited under the address it serves.
      patterns.push(prefix || '/');
    }
  }
  return patterns.sort();
}

async function publicRoutes(): Promise<string[]> {
  const organizations = await db.organization.findMany({ where: publicOrganizationWhere, select: { slug: true, name: true }, orderBy: { slug: 'asc' } });
  const slugs = organizations.map((o) => o.slug);
  // Pages below an actor page (report a mistake) show little more than the actor's name: those
  // with the three longest names stand for the rest. Every actor page itself is visited.
  const longest = [...organizations].sort((a, b) => b.name.length - a.name.length).slice(0, 3).map((o) => o.slug);
  // Projects and events: every published one (the test adds one of each with long texts).
  const projects = (await db.project.findMany({ where: { isPublished: true, deletedAt: null }, select: { slug: true } })).map((p) => p.slug);
  const events = (await db.event.findMany({ where: { isPublished: true, deletedAt: null }, select: { slug: true } })).map((e) => e.slug);
  // Which data a [slug] route takes its values from; a new dynamic route must be named here.
  const valuesFor: Record<string, string[]> = {
    '/akteure/[slug]': slugs,
    '/akteure/[slug]/fehler-melden': longest,
    '/projekte/[slug]': projects,
    '/veranstaltungen/[slug]': events,
  };
  const routes: string[] = [];
  for (const pattern of publicRoutePatterns()) {
    const dynamic = pattern.match(/\[[^\]]+\]/g) ?? [];
    if (dynamic.length === 0) routes.push(pattern);
    else if (valuesFor[pattern]) routes.push(...valuesFor[pattern].map((slug) => pattern.replace('[slug]', slug)));
    else throw new Error(`Neue dynamische Route ${pattern}: Bitte hier sagen, welche Werte aus den Daten sie bekommt.`);
  }
  // The directory also as result pages: a search, a combination of filters with long chips, none found.
  routes.push('/akteure?q=Beratung', '/akteure?q=Beratung&sprache=ar&offen=1&thema=beratung&barrierefrei=1&alter=30', '/akteure?q=Quantenchromodynamik');
  // An address that does not exist.
  routes.push('/gibt-es-nicht');
  return routes;
}

beforeAll(async () => {
  db = new PrismaClient({ adapter: new PrismaPg({ connectionString: inject('E2E_DATABASE_URL'), max: 2 }) });
  if (!(await db.organization.findUnique({ where: { slug: F.mueller } }))) await createDirectoryFixtures(db);
  // An entry with everything long that a real one might have (synthetic, marked as example).
  await db.organization.create({
    data: {
      slug: longSlug,
      name: 'Integrationskoordinierungsstellenbeauftragtenbüro Überlängenprüfung (Beispiel)',
      description:
        'Donaudampfschifffahrtsgesellschaftskapitänsmützenabzeichen und Rechtsschutzversicherungsgesellschaftenvertreterinnen (Beispiel): https://www.example.org/ein/sehr/langer/pfad/zu/einer/seite/die/niemand/abtippen/moechte',
      email: 'sehr.lange.adresse.fuer.ueberlaengenpruefungen@beispiel.example.org',
      phone: '03931 60-7040',
      website: 'https://www.example.org/ein/sehr/langer/pfad/zur/beispielseite/mit/vielen/abschnitten',
      status: 'PUBLISHED',
      locations: { create: [{ name: 'Verwaltungsgemeinschaftshauptgebäude (Beispiel)', street: 'Bürgermeister-Müller-Schulze-Straße 123', postalCode: '39576', city: 'Stendal' }] },
    },
  });
  // A project and an upcoming event of that entry, with long words too (synthetic examples).
  const lead = await db.organization.findUniqueOrThrow({ where: { slug: longSlug }, select: { id: true } });
  await db.project.create({
    data: {
      slug: `${longSlug}-projekt`,
      title: 'Arbeitsmarktintegrationsförderungsmaßnahmenkoordinierung (Beispiel)',
      summary: 'Berufsorientierungsmaßnahmenteilnehmerinnenbegleitung und Anerkennungsberatungsstellenvernetzung (Beispiel).',
      leadOrganizationId: lead.id,
      status: 'RUNNING',
      isPublished: true,
    },
  });
  await db.event.create({
    data: {
      slug: `${longSlug}-veranstaltung`,
      title: 'Interkulturelleswochenabschlussfestveranstaltungsprogramm (Beispiel)',
      description: 'Sprachcaféteilnehmendenbegrüßungsrunde (Beispiel).',
      startsAt: new Date(Date.now() + 7 * 24 * 3600 * 1000),
      organizerId: lead.id,
      placeName: 'Gemeindezentrumsversammlungsraum (Beispiel)',
      town: 'Stendal',
      isFree: true,
      isPublished: true,
    },
  });
  // Written past the data layer (which would expire the tags): earlier tests' cached reads must go.
  await db.$executeRawUnsafe(EXPIRE_ALL_SQL);
});

afterAll(async () => {
  await db?.$disconnect();
});

// Elements that stick out of the viewport on either side (in a right-to-left page, content that
// sticks out to the right cannot be scrolled to at all, so scrollWidth alone would miss it).
async function overflowReport(page: Page, width: number): Promise<{ scrollWidth: number; offenders: string[] }> {
  return page.evaluate((limit) => {
    const offenders: string[] = [];
    for (const element of document.querySelectorAll<HTMLElement>('body *')) {
      if (element.closest('.sr-only, [hidden], script, style, template')) continue;
      const style = getComputedStyle(element);
      if (style.display === 'none' || style.visibility === 'hidden' || style.position === 'fixed') continue;
      const rect = element.getBoundingClientRect();
      if (rect.width === 0 || rect.height === 0) continue;
      if (rect.left < -1 || rect.right > limit + 1) {
        offenders.push(`${element.tagName.toLowerCase()}${element.id ? `#${element.id}` : ''} [${Math.round(rect.left)}..${Math.round(rect.right)}] „${(element.textContent ?? '').trim().slice(0, 60)}“`);
      }
    }
    return { scrollWidth: document.documentElement.scrollWidth, offenders: offenders.slice(0, 5) };
  }, width);
}

describe('320 px wide, every public page, de / ar / ru', () => {
  for (const locale of ['de', 'ar', 'ru']) {
    it(`${locale}: no horizontal scrolling, a canonical link and the Leichte Sprache link on every page`, { timeout: 600_000 }, async () => {
      const routes = await publicRoutes();
      expect(routes).toContain(`/akteure/${longSlug}`);
      expect(routes).toContain(`/akteure/${longSlug}/fehler-melden`);
      expect(routes).toContain('/leichte-sprache');
      const page = await newPage({ locale, viewport: NARROW });
      const failures: string[] = [];
      const base = inject('E2E_BASE_URL');
      for (const route of routes) {
        const url = `/${locale}${route === '/' ? '' : route}`;
        const response = await page.goto(url, { waitUntil: 'load' });
        await page.evaluate(() => document.fonts.ready);
        const expected = route === '/gibt-es-nicht' ? 404 : 200;
        if (response?.status() !== expected) failures.push(`${url}: Status ${response?.status()}`);
        const { scrollWidth, offenders } = await overflowReport(page, NARROW.width);
        if (scrollWidth > NARROW.width || offenders.length > 0) failures.push(`${url}: scrollWidth ${scrollWidth}; ${offenders.join('; ')}`);
        // Phone numbers and e-mail addresses (up to the longest real one, 34 characters, which fits
        // 320 px) stay on one line and left to right, also inside Arabic text.
        for (const value of await lineTops(page, 'main .ltr-value-phone, main .ltr-value-address')) {
          const isPhone = /^[\d +\-/()]+$/.test(value.text);
          const isShortEmail = value.text.includes('@') && value.text.length <= 34;
          if ((isPhone || isShortEmail) && (value.lines !== 1 || !value.ordered)) failures.push(`${url}: „${value.text}“ ${value.lines} Zeilen, ${value.ordered ? 'geordnet' : 'umgeordnet'}`);
        }
        if ((await page.locator('header a[data-nav="leichte-sprache"]').count()) !== 1) failures.push(`${url}: kein Link „Leichte Sprache“ im Kopf`);
        if (expected === 200) {
          const canonical = await page.locator('link[rel="canonical"]').getAttribute('href').catch(() => null);
          const pathname = new URL(url, base).pathname;
          if (!canonical || !canonical.startsWith(base) || new URL(canonical).pathname !== pathname) failures.push(`${url}: canonical ${canonical}`);
        }
      }
      expect(failures).toEqual([]);
    });
  }
});

describe('404 without JavaScript', () => {
  it.each([
    ['de', '/de/gibt-es-nicht', 'Seite nicht gefunden', 'ltr'],
    ['de', '/de/akteure/gibt-es-nicht/tief', 'Seite nicht gefunden', 'ltr'],
    ['ar', '/ar/gibt-es-nicht', 'الصفحة غير موجودة', 'rtl'],
    ['ru', '/ru/netzwerk/unbekannt', 'Страница не найдена', 'ltr'],
  ])('%s %s shows its heading and text from the server', async (locale, url, heading, dir) => {
    const page = await newPage({ locale, javaScriptEnabled: false });
    const response = await page.goto(url);
    expect(response?.status()).toBe(404);
    expect(await page.getAttribute('html', 'lang')).toBe(locale);
    expect(await page.getAttribute('html', 'dir')).toBe(dir);
    expect((await page.textContent('main h1'))?.trim()).toBe(heading);
    expect(await page.locator('main a[href$="/akteure"]').count()).toBe(1);
    expect(await page.locator('header a[data-nav="leichte-sprache"]').count()).toBe(1);
  });
});

// Line boxes of a text node range: one top per line.
async function lineTops(page: Page, selector: string): Promise<{ text: string; lines: number; ordered: boolean }[]> {
  return page.$$eval(selector, (elements) =>
    elements.map((element) => {
      const range = document.createRange();
      range.selectNodeContents(element);
      const tops = new Set([...range.getClientRects()].filter((rect) => rect.width > 0).map((rect) => Math.round(rect.top)));
      // Left to right on the screen, character by character (no bidi reordering inside).
      const text = element.textContent ?? '';
      const node = element.firstChild!;
      let ordered = true;
      let previous = -Infinity;
      for (let index = 0; index < text.length; index++) {
        const char = document.createRange();
        char.setStart(node, index);
        char.setEnd(node, index + 1);
        const left = char.getBoundingClientRect().left;
        if (left < previous - 0.5) ordered = false;
        previous = left;
      }
      return { text, lines: tops.size, ordered };
    }),
  );
}

describe('on paper', () => {
  it('the Arabic Wegweiser keeps phone numbers and e-mail addresses whole and left to right, and fits A4', async () => {
    const page = await newPage({ locale: 'ar', viewport: { width: A4_CONTENT_PX, height: 1100 } });
    await page.emulateMedia({ media: 'print' });
    await page.goto('/ar/wegweiser');
    await page.evaluate(() => document.fonts.ready);
    expect(await page.getAttribute('html', 'dir')).toBe('rtl');

    const phones = await lineTops(page, 'main .ltr-value-phone');
    const emails = await lineTops(page, 'main .ltr-value-address');
    expect(phones.map((p) => p.text)).toContain('03931 60-7040');
    expect(emails.some((e) => e.text === 'Maria.Jonas@landkreis-stendal.de')).toBe(true);
    // Every phone number, and every e-mail address that fits a column at all (the synthetic
    // 68-character one of this test may break, as a last resort, instead of overflowing).
    const fitting = emails.filter((e) => e.text.includes('@') && e.text.length <= 40);
    expect(fitting.length).toBeGreaterThan(3);
    for (const value of [...phones, ...fitting]) {
      expect(value, value.text).toMatchObject({ lines: 1, ordered: true });
    }

    // A4: nothing wider than the printable width; every entry has its QR code to its page.
    const { scrollWidth, offenders } = await overflowReport(page, A4_CONTENT_PX);
    expect(scrollWidth).toBeLessThanOrEqual(A4_CONTENT_PX);
    expect(offenders).toEqual([]);
    const entries = await page.$$eval('[data-guide-entry]', (items) =>
      items.map((item) => ({
        slug: item.getAttribute('data-guide-entry')!,
        qr: item.querySelector('svg[data-qr]')?.getAttribute('data-qr') ?? null,
        text: item.textContent ?? '',
      })),
    );
    expect(entries.length).toBeGreaterThan(15);
    for (const entry of entries) expect(entry.qr, entry.slug).toBe(`${inject('E2E_BASE_URL')}/ar/akteure/${entry.slug}`);
    // Each entry shows what the database holds for it: consultation hours, languages, address,
    // web address (checked against the database, so it holds for any data).
    const rows = await db.organization.findMany({
      where: { slug: { in: entries.map((entry) => entry.slug) } },
      select: {
        slug: true,
        website: true,
        schedules: { where: openingScheduleWhere, select: { id: true } },
        languageOffers: { where: publicLanguageOfferWhere, select: { languageCode: true } },
        locations: { where: publicLocationWhere, select: { city: true } },
      },
    });
    const withEverything = rows.filter((row) => row.website && row.schedules.length && row.languageOffers.length && row.locations.some((l) => l.city));
    expect(withEverything.length, 'Einträge mit Sprechzeiten, Sprachen, Adresse und Website').toBeGreaterThan(0);
    for (const row of withEverything) {
      const text = entries.find((entry) => entry.slug === row.slug)!.text;
      expect(text, row.slug).toContain('أوقات الاستشارة');
      expect(text, row.slug).toContain('اللغات');
      expect(text, row.slug).toContain(row.locations.find((l) => l.city)!.city!);
      expect(text, row.slug).toContain(row.website!.replace(/^https?:\/\//, '').replace(/\/$/, ''));
    }
    // Table of contents by topic, printed too, pointing at every topic section.
    const contents = await page.$$eval('nav[aria-labelledby="guide-contents"] a', (links) => links.map((a) => a.getAttribute('href')));
    const sections = await page.$$eval('main section[id^="thema-"]', (items) => items.map((s) => `#${s.id}`));
    expect(contents).toEqual(sections);
    expect(await page.locator('nav[aria-labelledby="guide-contents"]').isVisible()).toBe(true);
    // Nothing interactive on paper.
    expect(await page.locator('main button').isVisible()).toBe(false);
    expect(await page.locator('header nav').first().isVisible()).toBe(false);
  });

  it('a printed actor page shows its address and leaves out buttons, forms, downloads and the language switcher', async () => {
    const page = await newPage({ viewport: { width: A4_CONTENT_PX, height: 1100 } });
    await page.goto(`/de/akteure/${F.mueller}`);
    await page.emulateMedia({ media: 'print' });
    const printUrl = page.locator('[data-print-url]');
    expect(await printUrl.isVisible()).toBe(true);
    expect(await printUrl.textContent()).toContain(`${inject('E2E_BASE_URL')}/de/akteure/${F.mueller}`);
    for (const selector of ['a[download]', 'a[href$="/fehler-melden"]', 'a[hreflang]', 'nav[aria-label="Sprache wählen"]', 'a[href="#main"]', 'main form', 'main button']) {
      const visible = await page.locator(selector).evaluateAll((nodes) => nodes.filter((node) => (node as HTMLElement).offsetParent !== null).length);
      expect(visible, selector).toBe(0);
    }
    await page.emulateMedia({ media: 'screen' });
    expect(await printUrl.isVisible()).toBe(false);
  });
});
