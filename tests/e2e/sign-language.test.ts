// BITV 2.0 §4 in the browser: the Leichte Sprache page, and the Gebärdensprache page before and
// after a coordinator uploads a real video (WebM recorded by Chromium itself). The upload goes
// through the admin page (with progress, and refusing a file that is no video, keeping the
// transcript); afterwards every page links to the video, it plays, and the server answers range
// requests byte for byte. axe on every page visited, in German and Arabic.
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { expectNoAxeViolations, newPage } from './support/browser.ts';
import { signIn } from './support/sign-in.ts';

const TRANSCRIPT = 'Herzlich willkommen beim Netzwerk Integration Stendal.\n\nHier finden Sie Hilfe in Ihrer Nähe (Beispiel).';

// A real WebM video (one second, VP8), recorded in the page from a canvas.
async function recordWebm(page: Page): Promise<Buffer> {
  const bytes = await page.evaluate(async () => {
    const canvas = document.createElement('canvas');
    canvas.width = 160;
    canvas.height = 120;
    const context = canvas.getContext('2d')!;
    const recorder = new MediaRecorder(canvas.captureStream(15), { mimeType: 'video/webm;codecs=vp8' });
    const chunks: Blob[] = [];
    recorder.ondataavailable = (event) => chunks.push(event.data);
    let frame = 0;
    const timer = setInterval(() => {
      context.fillStyle = `hsl(${(frame += 24) % 360} 70% 45%)`;
      context.fillRect(0, 0, 160, 120);
    }, 60);
    recorder.start(200);
    await new Promise((resolve) => setTimeout(resolve, 1200));
    const stopped = new Promise((resolve) => (recorder.onstop = resolve));
    recorder.stop();
    await stopped;
    clearInterval(timer);
    return Array.from(new Uint8Array(await new Blob(chunks, { type: 'video/webm' }).arrayBuffer()));
  });
  return Buffer.from(bytes);
}

describe('Leichte Sprache', () => {
  it('explains the site in German Leichte Sprache with the coordination office to contact', async () => {
    const page = await newPage();
    await page.goto('/de');
    await Promise.all([page.waitForURL(/\/de\/leichte-sprache$/), page.click('header a[data-nav="leichte-sprache"]')]);
    expect(await page.textContent('h1')).toBe('Leichte Sprache');
    const headings = await page.locator('main h2').allTextContents();
    expect(headings.slice(0, 5)).toEqual([
      'Was ist auf dieser Internet·seite?',
      'So finden Sie Hilfe',
      'Die Koordinierungs·stelle hilft Ihnen',
      'Barriere·freiheit',
      'Sagen Sie uns Ihre Meinung',
    ]);
    const contact = page.locator('[data-office-contact]');
    expect(await contact.locator('a[href^="mailto:"]').count()).toBeGreaterThan(0);
    expect(await contact.locator('a[href^="tel:"]').count()).toBeGreaterThan(0);
    // Screen readers read "Koordinierungsstelle" as one word: the middle dot is hidden from them.
    expect(await page.locator('main h2 [aria-hidden="true"]').first().textContent()).toBe('·');
    await expectNoAxeViolations(page);
  });

  it('says in other languages that it is German only, and links there', async () => {
    const page = await newPage({ locale: 'ar' });
    await page.goto('/ar/leichte-sprache');
    expect(await page.getAttribute('html', 'dir')).toBe('rtl');
    expect(await page.textContent('main')).toContain('بالألمانية فقط');
    expect(await page.getAttribute('main a[hreflang="de"]', 'href')).toBe('/de/leichte-sprache');
    await expectNoAxeViolations(page);
  });
});

describe('Gebärdensprache', () => {
  it('is announced as coming until a coordinator uploads the video; then every page links to it, it plays and it is served in ranges', { timeout: 240_000 }, async () => {
    const base = inject('E2E_BASE_URL');
    const visitor = await newPage();
    await visitor.goto('/de/gebaerdensprache');
    // Before the upload (a fresh database): the page says the video is coming, no header link.
    expect(await visitor.getAttribute('main [data-sign-video]', 'data-sign-video')).toBe('coming');
    expect(await visitor.locator('header a[data-nav="gebaerdensprache"]').count()).toBe(0);
    await expectNoAxeViolations(visitor);

    const admin = await newPage();
    await signIn(admin);
    await admin.waitForURL(/\/de\/admin$/);
    await admin.goto('/de/admin/gebaerdensprache');
    await expectNoAxeViolations(admin);
    const video = await recordWebm(admin);
    expect(video.length).toBeGreaterThan(1000);

    // A file that is not a video is refused; the transcript stays in the form.
    await admin.fill('#sign-transcript', TRANSCRIPT);
    await admin.setInputFiles('#sign-video', { name: 'kein-video.webm', mimeType: 'video/webm', buffer: Buffer.from('Das ist nur Text, kein Video.') });
    await admin.click('form[action="/api/admin/gebaerdensprache"] button[type="submit"]');
    await admin.waitForSelector('#sign-video-error');
    expect(await admin.textContent('#sign-video-error')).toContain('kein Video');
    expect(await admin.inputValue('#sign-transcript')).toBe(TRANSCRIPT);
    expect(await admin.getAttribute('#sign-video', 'aria-invalid')).toBe('true');
    await expectNoAxeViolations(admin);

    await admin.setInputFiles('#sign-video', { name: 'erklaerung.webm', mimeType: 'video/webm', buffer: video });
    await Promise.all([admin.waitForURL(/hochgeladen=1/), admin.click('form[action="/api/admin/gebaerdensprache"] button[type="submit"]')]);
    await admin.waitForSelector('.alert-success');
    await expectNoAxeViolations(admin);

    for (const locale of ['de', 'ar']) {
      const page = await newPage({ locale });
      await page.goto(`/${locale}`);
      await Promise.all([page.waitForURL(new RegExp(`/${locale}/gebaerdensprache$`)), page.click('header a[data-nav="gebaerdensprache"]')]);
      expect(await page.getAttribute('main [data-sign-video]', 'data-sign-video')).toBe('available');
      expect((await page.textContent('[data-transcript]'))?.replace(/\s+/g, ' ')).toContain('Herzlich willkommen beim Netzwerk Integration Stendal.');
      expect(await page.getAttribute('[data-transcript]', 'lang')).toBe('de');
      // The browser loads the video's metadata from the server (a range request) and can play it.
      const readyState = await page.$eval('main video', async (element) => {
        const player = element as HTMLVideoElement;
        if (player.readyState < 1) await new Promise((resolve, reject) => ((player.onloadedmetadata = resolve), (player.onerror = reject), player.load()));
        return player.readyState;
      });
      expect(readyState).toBeGreaterThanOrEqual(1);
      await expectNoAxeViolations(page);
    }

    // Range requests against the running server.
    // no-store: this visitor loaded the page before the upload, and public pages allow a browser
    // to reuse a copy for a while (stale-while-revalidate, see docs/deployment.md).
    const src = await visitor.evaluate(async () => {
      const response = await fetch(location.href, { cache: 'no-store' });
      const html = await response.text();
      return /\/api\/gebaerdensprache\/[0-9a-f-]{36}/.exec(html)?.[0] ?? null;
    });
    expect(src).toMatch(/^\/api\/gebaerdensprache\//);
    const full = await fetch(base + src);
    expect(full.status).toBe(200);
    expect(full.headers.get('accept-ranges')).toBe('bytes');
    expect(Buffer.from(await full.arrayBuffer()).equals(video)).toBe(true);
    const part = await fetch(base + src, { headers: { Range: 'bytes=100-299' } });
    expect(part.status).toBe(206);
    expect(part.headers.get('content-range')).toBe(`bytes 100-299/${video.length}`);
    expect(part.headers.get('accept-ranges')).toBe('bytes');
    // (Next's server drops Content-Length from route handler responses and sends them chunked;
    // the handler's own headers are checked in tests/integration/sign-language.test.ts.)
    expect(Buffer.from(await part.arrayBuffer()).equals(video.subarray(100, 300))).toBe(true);
    const beyond = await fetch(base + src, { headers: { Range: `bytes=${video.length}-` } });
    expect(beyond.status).toBe(416);
    expect(beyond.headers.get('content-range')).toBe(`bytes */${video.length}`);
  });
});
