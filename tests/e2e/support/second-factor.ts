// E2E set-up step: the seeded coordinator gets the second factor with the known secret of
// E2E_ADMIN, encrypted with the server's NEXTAUTH_SECRET exactly as the app stores it.
import pg from 'pg';
import { encryptTotpSecret } from '../../../lib/auth/mfa.ts';
import { E2E_ADMIN } from './accounts.ts';

export async function enrolE2eAdminSecondFactor(databaseUrl: string, authSecret: string): Promise<void> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const result = await client.query(`UPDATE "User" SET "totpSecret" = $1, "totpEnabledAt" = now() WHERE "email" = $2`, [
      encryptTotpSecret(E2E_ADMIN.totpSecret, authSecret),
      E2E_ADMIN.email,
    ]);
    if (result.rowCount !== 1) throw new Error(`E2E-Koordinator ${E2E_ADMIN.email} nicht gefunden.`);
  } finally {
    await client.end();
  }
}
