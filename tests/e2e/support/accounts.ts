// Accounts the e2e global setup seeds, for a future `login(role)` helper. Synthetic, test only.
export const E2E_ADMIN = {
  email: 'e2e-admin@example.org',
  password: 'e2e-Passwort-nur-fuer-Tests',
} as const;

// Signs the e2e coordinator in through the sign-in form (needs JavaScript: next-auth fetches its
// CSRF token in the browser) and waits for the admin dashboard.
export async function signInAsAdmin(page: import('playwright-core').Page): Promise<void> {
  await page.goto('/de/anmelden?callbackUrl=/de/admin');
  await page.waitForSelector('form button[type="submit"]:not([disabled])');
  await page.fill('#email', E2E_ADMIN.email);
  await page.fill('#password', E2E_ADMIN.password);
  await Promise.all([page.waitForURL(/\/de\/admin$/), page.click('form button[type="submit"]')]);
}
