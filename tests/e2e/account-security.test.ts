// Sign-in security in Chromium against the production build (issue 10, findings 1, 2 and 11):
// a coordinator without a second factor must set one up (QR code, first code, recovery codes),
// then signs in with a code, with a recovery code, and is refused with a wrong code; a session
// cookie copied before sign-out no longer works afterwards; sign-out never redirects off-site.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { hashPassword } from '@/lib/auth/password';
import { timeStepOf, totpCodeAt } from '@/lib/auth/mfa';
import { E2E_ADMIN } from './support/accounts.ts';
import { expectNoAxeViolations, newPage } from './support/browser.ts';
import { nextTotpCode, signIn, submitCredentials } from './support/sign-in.ts';

const suffix = randomBytes(3).toString('hex');
const COORDINATOR = { email: `mfa-${suffix}@example.org`, password: 'Koordination-nur-Test-1', name: `Mara Faktor ${suffix} (Beispiel)` };
let client: pg.Client;

beforeAll(async () => {
  client = new pg.Client({ connectionString: inject('E2E_DATABASE_URL') });
  await client.connect();
  await client.query(`INSERT INTO "User" ("email", "name", "passwordHash", "role", "updatedAt") VALUES ($1, $2, $3, 'ADMIN', now())`, [
    COORDINATOR.email,
    COORDINATOR.name,
    await hashPassword(COORDINATOR.password),
  ]);
});

afterAll(async () => {
  await client?.end();
});

async function signOut(page: Page) {
  await page.goto('/de/abmelden');
  await Promise.all([page.waitForURL(/\/de\/anmelden\?abgemeldet=1/), page.click('button:has-text("Jetzt abmelden")')]);
}

describe('second factor for coordinators', () => {
  it('must be set up, then signs in with a code or a recovery code and refuses a wrong code', async () => {
    const page = await newPage();
    await page.goto('/de/anmelden?callbackUrl=/de/admin');
    await submitCredentials(page, COORDINATOR);
    // Without a second factor the production build sends a coordinator to its set-up, nowhere else.
    await page.waitForURL(/\/de\/admin\/konto\/zwei-faktor\?pflicht=1/);
    expect(await page.textContent('main')).toContain('vorgeschrieben');
    await expectNoAxeViolations(page);
    const blocked = await page.goto('/de/admin/organisationen');
    expect(new URL(page.url()).pathname).toBe('/de/admin/konto/zwei-faktor');
    expect(blocked?.status()).toBe(200);

    await Promise.all([page.waitForSelector('[role="img"] svg'), page.click('button:has-text("Einrichtung beginnen")')]);
    await expectNoAxeViolations(page);
    const secret = (await page.textContent('main code'))!.replace(/\s/g, '');
    expect(secret).toMatch(/^[A-Z2-7]{16,}$/);
    await page.fill('#bestaetigen-code', await totpCodeAt(secret, Math.floor(Date.now() / 1000)));
    await page.click('button:has-text("Einschalten")');
    await page.waitForSelector('ol[aria-label="Ihre Wiederherstellungscodes"] li');
    const recoveryCodes = (await page.locator('ol[aria-label="Ihre Wiederherstellungscodes"] li').allTextContents()).map((code) => code.trim());
    expect(recoveryCodes).toHaveLength(10);
    await expectNoAxeViolations(page);
    await Promise.all([page.waitForURL(/\/de\/admin$/), page.click('a:has-text("Weiter zur Verwaltung")')]);
    expect(await page.textContent('h1')).toBe('Übersicht');
    await signOut(page);

    // A wrong code is refused, and the form stays for another try.
    const account = { ...COORDINATOR, totpSecret: secret };
    const now = Math.floor(Date.now() / 1000);
    const valid = await Promise.all([-1, 0, 1].map((offset) => totpCodeAt(secret, now + offset * 30)));
    const wrong = ['000000', '111111', '222222'].find((code) => !valid.includes(code))!;
    await submitCredentials(page, account, { code: wrong });
    await page.waitForSelector('#sign-in-error:has-text("Der Code stimmt nicht")');
    expect(new URL(page.url()).pathname).toBe('/de/anmelden');
    await expectNoAxeViolations(page);
    // The right code on the same form.
    await page.fill('#code', await nextTotpCode(account));
    await Promise.all([page.waitForURL(/\/de\/admin$/), page.click('form button[type="submit"]')]);
    await signOut(page);

    // A recovery code, typed with spaces and in capitals, works once.
    await submitCredentials(page, account, { code: recoveryCodes[0].toUpperCase().replace(/-/g, ' ') });
    await page.waitForURL(/\/de\/admin$/);
    await signOut(page);
    await submitCredentials(page, account, { code: recoveryCodes[0] });
    await page.waitForSelector('#sign-in-error:has-text("Der Code stimmt nicht")');
    const { rows } = await client.query(`SELECT count(*)::int AS used FROM "MfaRecoveryCode" c JOIN "User" u ON u.id = c."userId" WHERE u.email = $1 AND c."usedAt" IS NOT NULL`, [COORDINATOR.email]);
    expect(rows[0].used).toBe(1);
    expect((await client.query(`SELECT "totpLastStep" FROM "User" WHERE email = $1`, [COORDINATOR.email])).rows[0].totpLastStep).toBeGreaterThanOrEqual(timeStepOf(now) - 1);
    // Five sign-ins, axe on four pages and possibly one wait for the next TOTP time step.
  }, 240_000);
});

describe('sessions end on the server', () => {
  it('a session cookie copied before sign-out no longer works afterwards', async () => {
    const page = await newPage();
    await signIn(page, E2E_ADMIN, { callbackPath: '/de/admin/konto' });
    await page.waitForURL(/\/de\/admin\/konto$/);
    expect(await page.textContent('main')).toContain('dieser Browser');
    const copied = (await page.context().cookies()).filter((cookie) => cookie.name.includes('next-auth.session-token'));
    expect(copied.length).toBeGreaterThan(0);
    await signOut(page);

    const attacker = await newPage();
    await attacker.context().addCookies(copied);
    await attacker.goto('/de/admin/konto');
    expect(new URL(attacker.url()).pathname).toBe('/de/anmelden');
    const session = await attacker.request.get('/api/auth/session');
    expect(await session.json()).toEqual({});
  });

  it('sign-out stays on this site whatever callbackUrl says', async () => {
    const page = await newPage();
    await signIn(page, E2E_ADMIN);
    const base = new URL(page.url()).origin;
    for (const callbackUrl of ['/\\evil.example/x', '/\t/evil.example', '//evil.example', 'https://evil.example/', '/%5Cevil.example']) {
      const { csrfToken } = (await (await page.request.get('/api/auth/csrf')).json()) as { csrfToken: string };
      const response = await page.request.post('/api/auth/signout', { form: { csrfToken, callbackUrl, json: 'true' } });
      const { url } = (await response.json()) as { url: string };
      expect(new URL(url, base).origin, JSON.stringify(callbackUrl)).toBe(base);
    }
    // The GET entry point shows our own sign-out page, which never takes a target from the URL.
    await page.goto(`/api/auth/signout?callbackUrl=${encodeURIComponent('/\\evil.example')}`);
    expect(new URL(page.url()).origin).toBe(base);
  });
});
