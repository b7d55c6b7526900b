// What a public page costs a phone on load (issue 12 point 4, docs/performance.md "Lighthouse"):
// - no link prefetches another page's data: Next's default fetched 10 to 20 `?_rsc=` payloads per
//   visit (header, footer, result cards), which Lighthouse counted into LCP and TBT; a click still
//   navigates on the client;
// - each language downloads only its own web font: German pages no Arabic glyphs, Arabic pages no
//   Inter (their Latin characters use the size-adjusted fallback);
// - the page paints its first frame before Next's scripts run (lib/edge/paint-first.ts).
import type { Page, Request } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { newPage } from './support/browser.ts';

// Every request the page makes until the network has been quiet for half a second.
async function requestsOnLoad(page: Page, url: string): Promise<string[]> {
  const urls: string[] = [];
  const listener = (request: Request) => urls.push(request.url());
  page.on('request', listener);
  await page.goto(url, { waitUntil: 'networkidle' });
  // Next prefetches from an idle callback after hydration: give it time to start.
  await page.waitForTimeout(1_000);
  await page.waitForLoadState('networkidle');
  page.off('request', listener);
  return urls;
}

describe('public pages on load', () => {
  it.each(['/de', '/de/akteure', '/de/akteure?q=Beratung', '/ar', '/ar/akteure'])('%s fetches no other page in advance', async (url) => {
    const page = await newPage();
    const requests = await requestsOnLoad(page, url);
    expect(requests.filter((request) => request.includes('_rsc='))).toEqual([]);
    // The page itself has hydrated: the links are Next's links, not a page without JavaScript.
    await expect.poll(() => page.evaluate(() => 'next' in window)).toBe(true);
  });

  it('a header link still navigates on the client', async () => {
    const page = await newPage();
    await page.goto('/de', { waitUntil: 'networkidle' });
    await page.evaluate(() => Object.assign(window, { __samePage: true }));
    const link = page.locator('header a[data-nav="leichte-sprache"]');
    // Scripts run after the first paint (paint first), so on a busy machine the page may not have
    // hydrated yet when the network is idle; a click before that is a full page load by design.
    // Hydrated: React has attached its props to the link.
    await expect.poll(() => link.evaluate((element) => Object.keys(element).some((key) => key.startsWith('__reactProps$')))).toBe(true);
    await link.click();
    await page.waitForURL('**/de/leichte-sprache');
    expect(await page.evaluate(() => '__samePage' in window)).toBe(true);
  });

  it.each([
    ['/de/akteure', ['inter-latin-wght'], ['noto-sans-arabic']],
    ['/ar/akteure', ['noto-sans-arabic-arabic-400', 'noto-sans-arabic-arabic-700'], ['inter-']],
  ])('%s downloads its own fonts and no others', async (url, wanted, unwanted) => {
    const page = await newPage();
    const requests = await requestsOnLoad(page, url);
    await page.evaluate(() => document.fonts.ready);
    const fonts = requests.filter((request) => request.includes('/fonts/'));
    for (const name of wanted) expect(fonts.some((font) => font.includes(name)), name).toBe(true);
    for (const name of unwanted) expect(fonts.filter((font) => font.includes(name))).toEqual([]);
  });

  it.each(['/de', '/ar/akteure?q=Beratung'])("%s paints its first frame before Next's scripts run, then hydrates", async (url) => {
    const page = await newPage();
    // Before any of the page's scripts: whether the browser had reported the first contentful paint
    // when the first of Next's chunks ran (each one starts with `globalThis.TURBOPACK ||= []`, or
    // sets it, as the runtime chunk does).
    await page.addInitScript(() => {
      const marks = window as unknown as { __paintedBeforeChunk?: boolean };
      let value: unknown;
      Object.defineProperty(window, 'TURBOPACK', {
        configurable: true,
        get: () => value,
        set: (next: unknown) => {
          // Next's inline bootstrap sets it too: only a chunk file counts.
          if ((document.currentScript as HTMLScriptElement | null)?.src.includes('/_next/static/')) {
            marks.__paintedBeforeChunk ??= performance.getEntriesByName('first-contentful-paint').length > 0;
          }
          value = next;
        },
      });
    });
    const response = await page.goto(url);
    // As delivered: Next's chunks only as queue entries, no script tag that would run them during the load.
    const html = (await response!.text()).replace(/ nonce="[^"]*"/g, '');
    expect(html).not.toMatch(/<script src="\/_next\/static\/[^"]*" async/);
    expect(html).toMatch(/<script>\(function\(w,d\)\{var q=w\.__nisPaintFirst/);
    await expect.poll(() => page.evaluate(() => 'next' in window)).toBe(true);
    expect(await page.evaluate(() => (window as unknown as { __paintedBeforeChunk?: boolean }).__paintedBeforeChunk)).toBe(true);
    // The loader inserted the chunks (the HTML itself has none as script tags any more), in order
    // (async=false) with Turbopack's runtime last.
    const inserted = await page.evaluate(() =>
      [...document.querySelectorAll<HTMLScriptElement>('script[src*="/_next/static/chunks/"]')].map((script) => script.src),
    );
    const queued = [...html.matchAll(/__nisPaintFirst\|\|\[\]\)\.push\(\["([^"]+)"/g)].map((match) => new URL(match[1], response!.url()).href);
    const order = queued.map((src) => inserted.indexOf(src));
    expect(queued.length).toBeGreaterThan(1);
    expect(order.every((index) => index >= 0)).toBe(true);
    const runtime = queued.findIndex((src) => src.includes('/turbopack-'));
    expect(Math.max(...order)).toBe(order[runtime]);
  });
});

