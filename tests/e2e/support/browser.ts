// Chromium for the e2e tests, through playwright-core with the system's Chromium (no download).
// One browser per test file, one context per page; tests/e2e/support/setup.ts closes them.
import { existsSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { expect, inject } from 'vitest';

// Without the networking flags Chromium keeps trying to reach the (closed) internet.
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

let browser: Promise<Browser> | undefined;
const contexts = new Set<BrowserContext>();
const pageOptions = new WeakMap<Page, NewPageOptions>();

function chromiumPath(): string {
  const executable = process.env.CHROME_PATH || '/usr/bin/chromium';
  if (!existsSync(executable)) {
    throw new Error(
      `Chromium fehlt (${executable}). Installieren Sie es mit \`apt-get update && apt-get install -y chromium\` ` +
        'oder setzen Sie CHROME_PATH auf eine vorhandene Chromium- oder Chrome-Datei.',
    );
  }
  return executable;
}

function getBrowser(): Promise<Browser> {
  browser ??= chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
  return browser;
}

export interface NewPageOptions {
  // de-DE by default: otherwise the locale detection sends the browser to another language.
  locale?: string;
  viewport?: { width: number; height: number };
  javaScriptEnabled?: boolean;
}

// A page in a fresh context (own cookies), with relative URLs resolved against the test server.
// AxeBuilder needs a page from browser.newContext(), not browser.newPage().
export async function newPage({ locale = 'de-DE', viewport, javaScriptEnabled = true }: NewPageOptions = {}): Promise<Page> {
  const options = { locale, viewport, javaScriptEnabled };
  const page = await (await newContext(options)).newPage();
  pageOptions.set(page, options);
  return page;
}

async function newContext(options: NewPageOptions): Promise<BrowserContext> {
  const context = await (await getBrowser()).newContext({ baseURL: inject('E2E_BASE_URL'), ...options });
  contexts.add(context);
  context.once('close', () => contexts.delete(context));
  return context;
}

// axe runs on timers, which Chromium never fires in a page with JavaScript disabled (analyze()
// hangs). For such a page, load its exact HTML into a helper page with JavaScript on but every
// external script blocked, so nothing hydrates: axe sees what a visitor without JavaScript sees.
async function pageForAxe(page: Page): Promise<{ target: Page; dispose: () => Promise<void> }> {
  const options = pageOptions.get(page);
  if (options?.javaScriptEnabled !== false) return { target: page, dispose: async () => {} };
  const html = await page.content();
  const url = page.url();
  const context = await newContext({ ...options, javaScriptEnabled: true });
  await context.route('**/*', (route) => {
    const request = route.request();
    if (request.url() === url && request.isNavigationRequest()) return route.fulfill({ body: html, contentType: 'text/html' });
    return request.resourceType() === 'script' ? route.abort() : route.continue();
  });
  const target = await context.newPage();
  await target.goto(url);
  return { target, dispose: () => context.close() };
}

export async function closeBrowser(): Promise<void> {
  const current = browser;
  browser = undefined;
  for (const context of [...contexts]) await context.close().catch(() => {});
  if (current) await (await current).close();
}

// Fails with one readable line per rule and affected element.
export async function expectNoAxeViolations(page: Page, { exclude = [] }: { exclude?: string[] } = {}): Promise<void> {
  // Next.js streams metadata from generateMetadata: after a client-side navigation (a server
  // action's redirect) the old <title> is removed and the new one arrives a moment later. Let the
  // navigation settle first; a page that really has no title still fails.
  await page.waitForLoadState('networkidle', { timeout: 5_000 }).catch(() => {});
  await page.waitForFunction(() => document.title !== '', undefined, { timeout: 5_000 }).catch(() => {});
  const { target, dispose } = await pageForAxe(page);
  let builder = new AxeBuilder({ page: target }).withTags(WCAG_TAGS);
  for (const selector of exclude) builder = builder.exclude(selector);
  const { violations } = await builder.analyze().finally(dispose);
  const lines = violations.flatMap((violation) =>
    violation.nodes.map(
      (node) => `${violation.id} (${violation.impact ?? 'unbekannt'}): ${violation.help} -> ${node.target.join(' ')} ${node.html.slice(0, 120)}`,
    ),
  );
  expect(lines, `axe-Verstöße auf ${page.url()} (${violations.map((v) => v.helpUrl).join(', ')})`).toEqual([]);
}
