// The one way e2e tests sign in: e-mail and password, and for an account with a second factor the
// current TOTP code (computed from the account's known secret). A TOTP time step is accepted
// only once per account (replay protection): when the usable steps are used up (several sign-ins
// within 30 seconds), the seeded coordinator takes its next unused recovery code instead of
// waiting; other accounts wait for the next step.
import pg from 'pg';
import type { Page } from 'playwright-core';
import { inject } from 'vitest';
import { hashRecoveryCode, timeStepOf, TOTP_PERIOD_SECONDS, totpCodeAt } from '../../../lib/auth/mfa.ts';
import { E2E_ADMIN, E2E_ADMIN_RECOVERY_CODE_COUNT, e2eAdminRecoveryCode } from './accounts.ts';

export interface E2eAccount {
  email: string;
  password: string;
  totpSecret?: string;
}

async function query<T extends pg.QueryResultRow>(sql: string, params: unknown[]): Promise<T[]> {
  const client = new pg.Client({ connectionString: inject('E2E_DATABASE_URL') });
  await client.connect();
  try {
    return (await client.query<T>(sql, params)).rows;
  } finally {
    await client.end();
  }
}

async function lastUsedStep(email: string): Promise<number | null> {
  const rows = await query<{ totpLastStep: number | null }>(`SELECT "totpLastStep" FROM "User" WHERE "email" = $1`, [email.toLowerCase()]);
  return rows[0]?.totpLastStep ?? null;
}

async function unusedE2eAdminRecoveryCode(): Promise<string> {
  const rows = await query<{ codeHash: string }>(
    `SELECT c."codeHash" FROM "MfaRecoveryCode" c JOIN "User" u ON u.id = c."userId" WHERE u."email" = $1 AND c."usedAt" IS NULL`,
    [E2E_ADMIN.email],
  );
  const unused = new Set(rows.map((row) => row.codeHash));
  for (let index = 0; index < E2E_ADMIN_RECOVERY_CODE_COUNT; index++) {
    const code = e2eAdminRecoveryCode(index);
    if (unused.has(hashRecoveryCode(code))) return code;
  }
  throw new Error('Keine unbenutzten Wiederherstellungscodes des E2E-Koordinators mehr.');
}

// A code for the earliest time step that is not used yet and that the server accepts now (the
// current one or the next; it allows one step either side).
export async function nextTotpCode(account: { email: string; totpSecret: string }): Promise<string> {
  for (;;) {
    const now = Math.floor(Date.now() / 1000);
    const current = timeStepOf(now);
    const step = Math.max(current, ((await lastUsedStep(account.email)) ?? current - 1) + 1);
    if (step <= current + 1) {
      return totpCodeAt(account.totpSecret, step * TOTP_PERIOD_SECONDS);
    }
    if (account.email === E2E_ADMIN.email) return unusedE2eAdminRecoveryCode();
    await new Promise((resolve) => setTimeout(resolve, ((step - 1) * TOTP_PERIOD_SECONDS - now + 1) * 1000));
  }
}

// Opens the sign-in page (with `callbackPath`, default the admin start page), signs in and waits
// until the browser has left the sign-in page.
export async function signIn(page: Page, account: E2eAccount = E2E_ADMIN, { callbackPath = '/de/admin' }: { callbackPath?: string } = {}): Promise<void> {
  if (!new URL(page.url(), 'http://x').pathname.endsWith('/anmelden')) {
    await page.goto(`/de/anmelden?callbackUrl=${encodeURIComponent(callbackPath)}`);
  }
  await submitCredentials(page, account);
  await page.waitForURL((url) => !url.pathname.endsWith('/anmelden'));
}

// Fills the form on an open sign-in page; answers the code question if it comes.
export async function submitCredentials(page: Page, account: E2eAccount, { code }: { code?: string } = {}): Promise<void> {
  // The form needs next-auth's CSRF token, which the page fetches with JavaScript.
  await page.waitForSelector('form button[type="submit"]:not([disabled])');
  await page.fill('#email', account.email);
  await page.fill('#password', account.password);
  await page.click('form button[type="submit"]');
  if (!account.totpSecret && code === undefined) return;
  await page.waitForSelector('#code', { timeout: 15_000 });
  await page.fill('#code', code ?? (await nextTotpCode({ email: account.email, totpSecret: account.totpSecret! })));
  await page.click('form button[type="submit"]');
}
