// Accounts the e2e global setup seeds, for a future `login(role)` helper. Synthetic, test only.
export const E2E_ADMIN = {
  email: 'e2e-admin@example.org',
  password: 'e2e-Passwort-nur-fuer-Tests',
} as const;
