// Accounts the e2e global setup seeds. Synthetic, test only. The coordinator has the second factor
// set up with a fixed TOTP secret (tests/e2e/support/second-factor.ts), because the production
// build requires it for coordinators; tests sign in through tests/e2e/support/sign-in.ts.
export const E2E_ADMIN = {
  email: 'e2e-admin@example.org',
  password: 'e2e-Passwort-nur-fuer-Tests',
  // Base32, 32 characters; only in this test database.
  totpSecret: 'E2ETESTSECRETONLYFORTESTS2345672',
} as const;
