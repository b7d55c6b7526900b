// Accounts the e2e global setup seeds. Synthetic, test only. The coordinator has the second factor
// set up with a fixed TOTP secret (tests/e2e/support/second-factor.ts), because the production
// build requires it for coordinators; tests sign in through tests/e2e/support/sign-in.ts.
export const E2E_ADMIN = {
  email: 'e2e-admin@example.org',
  password: 'e2e-Passwort-nur-fuer-Tests',
  // Base32, 32 characters; only in this test database.
  totpSecret: 'E2ETESTSECRETONLYFORTESTS2345672',
} as const;

// One-time recovery codes of the e2e coordinator, derived from a counter (test only). The sign-in
// helper uses one when the next TOTP time step is still used, instead of waiting up to 30 s.
export const E2E_ADMIN_RECOVERY_CODE_COUNT = 200;
const ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';

export function e2eAdminRecoveryCode(index: number): string {
  let value = index + 1;
  const chars: string[] = [];
  for (let i = 0; i < 16; i++) {
    chars.push(ALPHABET[(value + i * 7) % ALPHABET.length]);
    value = Math.floor(value / ALPHABET.length) + i;
  }
  return chars.join('').match(/.{4}/g)!.join('-');
}
