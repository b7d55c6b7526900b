// The edge server in front of Next (scripts/server/edge.ts), against the production build:
// finding 8 (CSP with a per-response nonce, hydration under it, injected scripts blocked),
// finding 3 (forged X-Forwarded-For ignored by the sign-in and report limits) and the https
// headers (HSTS, Secure cookies) of a second instance whose APP_URL is https.
import type { ChildProcess } from 'node:child_process';
import { PrismaPg } from '@prisma/adapter-pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { PrismaClient } from '@/lib/generated/prisma/client';
import { E2E_ADMIN } from './support/accounts.ts';
import { newPage } from './support/browser.ts';
import { baseUrl, postReportForm, signIn } from './support/http.ts';
import { nextTotpCode } from './support/sign-in.ts';
import { childEnv, freePort, openLog, startAppProcess, stopProcessGroup, waitUntilReady } from './support/server.ts';

let db: PrismaClient;

beforeAll(() => {
  db = new PrismaClient({ adapter: new PrismaPg({ connectionString: inject('E2E_DATABASE_URL'), max: 2 }) });
});

afterAll(async () => {
  await db?.$disconnect();
});

// One request of each kind the app answers: rendered and cached pages, 404s, both APIs, files,
// redirects, and the answers the edge gives itself (400 page and JSON, 405, 403, 413).
function kindsOfResponse(): [string, string, RequestInit?][] {
  const post = (body: string, headers: Record<string, string> = {}): RequestInit => ({ method: 'POST', body, headers: { 'Content-Type': 'text/plain', ...headers } });
  return [
    ['page', '/de'],
    ['directory', '/de/akteure?q=beratung'],
    ['page 404', '/de/gibt-es-nicht'],
    ['actor 404', '/de/akteure/gibt-es-nicht'],
    ['redirect', '/'],
    ['api v1', '/api/v1/organizations'],
    ['api v1 400', '/api/v1/organizations?unbekannt=1'],
    ['api v1 404', '/api/v1/organizations/gibt-es-nicht'],
    ['api v1 unknown route', '/api/v1/gibt-es-nicht'],
    ['openapi', '/api/v1/openapi.json'],
    ['hsds', '/api/hsds/services'],
    ['hsds zip', '/api/hsds/datapackage.zip'],
    ['vcard 404', '/de/akteure/jobcenter/vcard/00000000-0000-4000-8000-000000000000'],
    ['sitemap', '/sitemap.xml'],
    ['robots', '/robots.txt'],
    ['session', '/api/auth/session'],
    ['edge 400 page', '/de/akteure?q=a%00b'],
    ['edge 400 json', '/api/v1/organizations?q=a%00b'],
    ['edge 405', '/api/auth/callback/credentials'],
    ['edge 403', '/de/akteure/jobcenter/fehler-melden', post('x', { Origin: 'https://evil.example' })],
    ['edge 413', '/de/akteure/jobcenter/fehler-melden', post('x'.repeat(1_100_000), { Origin: baseUrl() })],
  ];
}

function nonceOf(policy: string | null): string {
  const nonce = /'nonce-([^']+)'/.exec(policy ?? '')?.[1];
  expect(nonce, `no nonce in ${policy}`).toBeTruthy();
  return nonce!;
}

describe('Content-Security-Policy', () => {
  it('sends a fresh nonce with every page and stamps it onto every script tag', async () => {
    const nonces = new Set<string>();
    for (const path of ['/de', '/de', '/ar/akteure', '/de/akteure/jobcenter', '/de/anmelden']) {
      const response = await fetch(`${baseUrl()}${path}`);
      expect(response.status).toBe(200);
      const policy = response.headers.get('content-security-policy');
      expect(policy).toContain("'strict-dynamic'");
      expect(policy).toContain("frame-ancestors 'none'");
      expect(policy).not.toMatch(/unsafe-eval|script-src[^;]*unsafe-inline/);
      const nonce = nonceOf(policy);
      nonces.add(nonce);
      const html = await response.text();
      const scripts = html.match(/<script\b[^>]*>/gi) ?? [];
      expect(scripts.length).toBeGreaterThan(3);
      for (const tag of scripts) expect(tag).toContain(`nonce="${nonce}"`);
    }
    expect(nonces.size).toBe(5);
  });

  it('lets the pages hydrate and work in Chromium without a single violation', async () => {
    const page = await newPage();
    await page.addInitScript(() => {
      const w = window as unknown as { __violations: string[] };
      w.__violations = [];
      document.addEventListener('securitypolicyviolation', (event) => w.__violations.push(`${event.violatedDirective} ${event.blockedURI}`));
    });
    for (const path of ['/de', '/ar/akteure?q=beratung', '/uk/akteure/jobcenter', '/de/anmelden']) {
      await page.goto(path, { waitUntil: 'networkidle' });
      // App Router sets window.next once the client bundle has run (hydrated).
      expect(await page.evaluate(() => typeof (window as unknown as { next?: object }).next === 'object'), path).toBe(true);
      expect(await page.evaluate(() => (window as unknown as { __violations: string[] }).__violations), path).toEqual([]);
    }
    // Client-side behaviour under the policy: the typeahead fetches suggestions and shows them.
    await page.goto('/de/akteure', { waitUntil: 'networkidle' });
    await page.locator('input[name="q"]').first().fill('Berat');
    await page.waitForSelector('[role="option"]', { timeout: 10_000 });
    expect(await page.evaluate(() => (window as unknown as { __violations: string[] }).__violations)).toEqual([]);
  });

  it('blocks a script injected into a page (inline and external) and reports the violation', async () => {
    const page = await newPage();
    // An attacker's markup in the delivered page, as a stored XSS would place it.
    await page.route('**/de/impressum', async (route) => {
      const response = await route.fetch();
      const html = (await response.text()).replace(
        '</body>',
        '<script>window.__injected = "inline"</script><script src="data:text/javascript,window.__injected=%22external%22"></script>' +
          '<img src="/favicon-missing.png" onerror="window.__injected=\'handler\'"></body>',
      );
      await route.fulfill({ response, body: html });
    });
    await page.addInitScript(() => {
      const w = window as unknown as { __violations: string[] };
      w.__violations = [];
      document.addEventListener('securitypolicyviolation', (event) => w.__violations.push(event.violatedDirective));
    });
    await page.goto('/de/impressum', { waitUntil: 'networkidle' });
    expect(await page.evaluate(() => (window as unknown as { __injected?: string }).__injected)).toBeUndefined();
    const violations = await page.evaluate(() => (window as unknown as { __violations: string[] }).__violations);
    expect(violations.filter((directive) => directive.startsWith('script-src')).length).toBeGreaterThanOrEqual(3);
    // The page's own scripts still ran.
    expect(await page.evaluate(() => typeof (window as unknown as { next?: object }).next === 'object')).toBe(true);
  });

  it('sends a policy that forbids framing on every kind of response: pages, 404, APIs, files, redirects and the edge’s own answers', async () => {
    const missing: string[] = [];
    for (const [label, path, init] of kindsOfResponse()) {
      const response = await fetch(`${baseUrl()}${path}`, { redirect: 'manual', ...init });
      await response.arrayBuffer();
      const policy = response.headers.get('content-security-policy') ?? '';
      if (!/frame-ancestors 'none'/.test(policy) || !/(default-src 'none'|script-src 'nonce-)/.test(policy)) missing.push(`${label} ${response.status}: CSP "${policy}"`);
      if (response.headers.get('x-content-type-options') !== 'nosniff') missing.push(`${label} ${response.status}: no nosniff`);
      if (/unsafe-inline'?[^;]*;/.test(/script-src[^;]*;/.exec(policy)?.[0] ?? '')) missing.push(`${label}: unsafe-inline for scripts`);
    }
    expect(missing).toEqual([]);
  });

  it('sets no HSTS on plain http', async () => {
    const response = await fetch(`${baseUrl()}/de`);
    expect(response.headers.get('strict-transport-security')).toBeNull();
  });
});

describe('client IP address (TRUSTED_PROXIES unset)', () => {
  it('records sign-in attempts under the socket address, not a forged X-Forwarded-For', async () => {
    const email = `spoof-${Date.now()}@example.org`;
    await signIn(email, 'falsches-passwort-123', { headers: { 'X-Forwarded-For': '203.0.113.66', 'X-Real-IP': '203.0.113.67' } });
    const attempts = await db.loginAttempt.findMany({ where: { email } });
    expect(attempts).toHaveLength(1);
    expect(['127.0.0.1', '::1']).toContain(attempts[0].ip);
  });

  it('counts report-form submissions with forged X-Forwarded-For as one client', async () => {
    const slug = 'koordinierungsstelle-integration';
    const before = new Date();
    for (const forged of ['198.51.100.1', '198.51.100.2']) {
      const response = await postReportForm(slug, { message: `Testmeldung über den Client ${forged}.`, email: '' }, { headers: { 'X-Forwarded-For': forged } });
      expect(response.status).toBeLessThan(400);
    }
    const reports = await db.feedback.findMany({ where: { createdAt: { gte: before }, organization: { slug } }, select: { ipHash: true } });
    expect(reports).toHaveLength(2);
    // One client for the hourly limit, whatever it claims.
    expect(reports[0].ipHash).toBe(reports[1].ipHash);
  });
});

describe('an instance whose APP_URL is https', () => {
  let child: ChildProcess | undefined;
  let url = '';

  beforeAll(async () => {
    const port = await freePort();
    url = `http://localhost:${port}`;
    const output = openLog();
    const tail: string[] = [];
    // Behind a TLS-terminating proxy: the app itself still listens on plain http.
    child = startAppProcess(
      port,
      childEnv({
        DATABASE_URL: inject('E2E_DATABASE_URL'),
        APP_URL: `https://localhost:${port}`,
        // The same secret as the main instance: it decrypts the coordinator's stored TOTP secret.
        NEXTAUTH_SECRET: inject('E2E_AUTH_SECRET'),
      }),
      output,
      tail,
    );
    await waitUntilReady(url, child, tail);
  });

  afterAll(async () => {
    if (child) await stopProcessGroup(child);
  });

  it('sends HSTS and upgrade-insecure-requests', async () => {
    const response = await fetch(`${url}/de`);
    expect(response.headers.get('strict-transport-security')).toMatch(/max-age=\d{7,}; includeSubDomains/);
    expect(response.headers.get('content-security-policy')).toContain('upgrade-insecure-requests');
  });

  it('sends HSTS on every kind of response, the edge’s own answers included', async () => {
    const missing: string[] = [];
    for (const [label, path, init] of kindsOfResponse()) {
      const response = await fetch(`${url}${path}`, { redirect: 'manual', ...init });
      await response.arrayBuffer();
      if (!/max-age=\d{7,}/.test(response.headers.get('strict-transport-security') ?? '')) missing.push(`${label} ${response.status}`);
    }
    expect(missing).toEqual([]);
  });

  it('marks the session cookie and every other cookie Secure', async () => {
    const { response } = await signIn(E2E_ADMIN.email, E2E_ADMIN.password, { base: url, code: await nextTotpCode(E2E_ADMIN) });
    const cookies = response.headers.getSetCookie();
    expect(cookies.some((cookie) => /session-token=/.test(cookie))).toBe(true);
    // next-auth's CSRF cookie too (a cookie the app sets outside the sign-in answer).
    const csrf = await fetch(`${url}/api/auth/csrf`, { redirect: 'manual' });
    cookies.push(...csrf.headers.getSetCookie());
    expect(cookies.some((cookie) => /csrf-token=/.test(cookie))).toBe(true);
    for (const cookie of cookies) expect(cookie).toMatch(/;\s*Secure/i);
  });
});

describe('requests the edge refuses itself (finding 6)', () => {
  it('answers a cross-site form post with 403 and runs no action', async () => {
    const slug = 'koordinierungsstelle-integration';
    const count = () => db.feedback.count({ where: { organization: { slug } } });
    const before = await count();
    const variants: Record<string, string>[] = [{ Origin: 'https://evil.example' }, { Origin: 'null' }, { 'Sec-Fetch-Site': 'cross-site' }];
    for (const headers of variants) {
      const response = await postReportForm(slug, { message: 'Eine Meldung von einer fremden Seite.', email: '' }, { headers });
      expect(response.status, JSON.stringify(headers)).toBe(403);
      expect(await response.text()).toContain('von einer anderen Website');
    }
    expect(await count()).toBe(before);
  });

  it('answers 405 for GET on the credentials callback, 400 in the visitor’s language, 413 naming the limit', async () => {
    const callback = await fetch(`${baseUrl()}/api/auth/callback/credentials`);
    expect(callback.status).toBe(405);
    expect(callback.headers.get('allow')).toBe('POST');

    const arabic = await fetch(`${baseUrl()}/ar/akteure?q=a%00b`);
    expect(arabic.status).toBe(400);
    const html = await arabic.text();
    expect(html).toContain('<html lang="ar" dir="rtl">');
    expect(html).toContain('NUL');

    const api = await fetch(`${baseUrl()}/api/v1/organizations?q=%ED%A0%80`);
    expect(api.status).toBe(400);
    expect(await api.json()).toMatchObject({ code: 'INVALID_ENCODING' });

    const large = await postReportForm('jobcenter', { message: 'x'.repeat(2 * 1024 * 1024), email: '' }, { locale: 'en' });
    expect(large.status).toBe(413);
    expect(await large.text()).toContain('At most 1 MB');
  });
});
