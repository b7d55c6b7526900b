// Checking a second-factor code for an account: a TOTP code from the app (each time step once) or
// a one-time recovery code. Wrong codes are counted per account (lib/data/auth/rate-limit.ts).
import 'server-only';
import { db } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { checkTotp, decryptTotpSecret, hashRecoveryCode, isRecoveryCodeShape, isTotpCodeShape } from '@/lib/auth/mfa';
import { getCodeRetryAt, rateLimitMessage, recordSignInAttempt } from './rate-limit';

export type SecondFactorResult = { isValid: true; method: 'totp' | 'recovery' } | { isValid: false };

// Throws AppError RATE_LIMITED (details.retryAt) after too many wrong codes.
async function assertCodeAttemptAllowed(email: string): Promise<void> {
  const retryAt = await getCodeRetryAt({ email });
  if (retryAt) throw new AppError('RATE_LIMITED', rateLimitMessage(retryAt), { retryAt });
}

// `secret`: the TOTP secret to check against (encrypted, as stored). The account's active one by
// default; enrolment passes the pending one. Recovery codes only count for an active second factor.
export async function verifySecondFactor({
  userId,
  email,
  ip,
  code,
  pendingSecret,
}: {
  userId: string;
  email: string;
  ip: string;
  code: string;
  pendingSecret?: string | null;
}): Promise<SecondFactorResult> {
  await assertCodeAttemptAllowed(email);
  const user = await db.user.findUnique({ where: { id: userId }, select: { totpSecret: true, totpLastStep: true } });
  if (!user) return { isValid: false };
  let result: SecondFactorResult = { isValid: false };
  const stored = pendingSecret ?? user.totpSecret;
  const secret = decryptTotpSecret(stored);
  if (secret && isTotpCodeShape(code)) {
    const step = await checkTotp({ secret, code, afterStep: user.totpLastStep });
    if (step !== null) {
      // Claimed in one statement: two requests with the same code cannot both succeed.
      const claimed = await db.user.updateMany({
        where: { id: userId, OR: [{ totpLastStep: null }, { totpLastStep: { lt: step } }] },
        data: { totpLastStep: step },
      });
      if (claimed.count === 1) result = { isValid: true, method: 'totp' };
    }
  } else if (!pendingSecret && isRecoveryCodeShape(code)) {
    const used = await db.mfaRecoveryCode.updateMany({
      where: { userId, codeHash: hashRecoveryCode(code), usedAt: null },
      data: { usedAt: new Date() },
    });
    if (used.count === 1) result = { isValid: true, method: 'recovery' };
  }
  if (!result.isValid) await recordSignInAttempt({ email, ip, succeeded: false, factor: 'code' });
  return result;
}
