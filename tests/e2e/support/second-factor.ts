// E2E set-up step: the seeded coordinator gets the second factor with the known secret of
// E2E_ADMIN, encrypted with the server's NEXTAUTH_SECRET exactly as the app stores it.
import pg from 'pg';
import { encryptTotpSecret, hashRecoveryCode } from '../../../lib/auth/mfa.ts';
import { E2E_ADMIN, E2E_ADMIN_RECOVERY_CODE_COUNT, e2eAdminRecoveryCode } from './accounts.ts';

export async function enrolE2eAdminSecondFactor(databaseUrl: string, authSecret: string): Promise<void> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const result = await client.query(`UPDATE "User" SET "totpSecret" = $1, "totpEnabledAt" = now() WHERE "email" = $2`, [
      encryptTotpSecret(E2E_ADMIN.totpSecret, authSecret),
      E2E_ADMIN.email,
    ]);
    if (result.rowCount !== 1) throw new Error(`E2E-Koordinator ${E2E_ADMIN.email} nicht gefunden.`);
    const hashes = Array.from({ length: E2E_ADMIN_RECOVERY_CODE_COUNT }, (_, index) => hashRecoveryCode(e2eAdminRecoveryCode(index)));
    await client.query(
      `INSERT INTO "MfaRecoveryCode" ("userId", "codeHash") SELECT u.id, h FROM "User" u, unnest($1::text[]) h WHERE u."email" = $2`,
      [hashes, E2E_ADMIN.email],
    );
  } finally {
    await client.end();
  }
}
