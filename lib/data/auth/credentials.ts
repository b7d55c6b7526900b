// Checks e-mail and password for the next-auth Credentials provider, with the rate limit.
import 'server-only';
import { db } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { writeAudit } from '@/lib/data/audit';
import { hashPassword, verifyPassword } from '@/lib/auth/password';
import { getSignInRetryAt, rateLimitMessage, recordSignInAttempt } from './rate-limit';
import { verifySecondFactor } from './second-factor';

interface SignedInUser {
  id: string;
  name: string;
  email: string;
}

// `signed-in`: password (and second factor, where the account has one) are right.
// `code-required`: the password is right; the account has a second factor and no code was given.
// `code-invalid`: the password is right, the code is not (counted; see MAX_CODE_FAILURES).
export type CredentialsResult =
  | { status: 'signed-in'; user: SignedInUser }
  | { status: 'code-required' }
  | { status: 'code-invalid' };

let dummyHash: Promise<string> | undefined;

function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

// Throws AppError RATE_LIMITED (details.retryAt) when locked; null for wrong credentials.
export async function verifyCredentials({
  email: rawEmail,
  password,
  code,
  ip,
}: {
  email: string;
  password: string;
  code?: string | null;
  ip: string;
}): Promise<CredentialsResult | null> {
  const email = normalizeEmail(rawEmail ?? '');
  if (!email || !password) return null;
  const retryAt = await getSignInRetryAt({ email, ip });
  if (retryAt) throw new AppError('RATE_LIMITED', rateLimitMessage(retryAt), { retryAt });

  const user = await db.user.findUnique({
    where: { email },
    select: { id: true, name: true, email: true, passwordHash: true, isActive: true, totpEnabledAt: true },
  });
  // Unknown accounts cost the same time as known ones, so that timing reveals no addresses.
  const hashToCheck = user?.passwordHash ?? (await (dummyHash ??= hashPassword('kein-echtes-passwort-1234')));
  const isValid = await verifyPassword(hashToCheck, password);
  const succeeded = Boolean(user?.passwordHash && user.isActive && isValid);
  if (!succeeded || !user) {
    await recordSignInAttempt({ email, ip, succeeded: false });
    return null;
  }
  if (user.totpEnabledAt) {
    if (!code?.trim()) return { status: 'code-required' };
    const factor = await verifySecondFactor({ userId: user.id, email, ip, code });
    if (!factor.isValid) return { status: 'code-invalid' };
  }
  await recordSignInAttempt({ email, ip, succeeded: true });

  await db.$transaction([
    db.user.update({ where: { id: user.id }, data: { lastLoginAt: new Date() } }),
    writeAudit(db, { actor: user, action: 'LOGIN', entityType: 'User', entityId: user.id }),
  ]);
  return { status: 'signed-in', user: { id: user.id, name: user.name, email: user.email } };
}

// The current password of a signed-in user (password change, turning the second factor off):
// wrong answers count like wrong sign-ins, so this is no way around the sign-in limit.
export async function verifyOwnPassword({ userId, password, ip }: { userId: string; password: string; ip: string }): Promise<boolean> {
  const user = await db.user.findUnique({ where: { id: userId }, select: { email: true, passwordHash: true } });
  if (!user) return false;
  const retryAt = await getSignInRetryAt({ email: user.email, ip });
  if (retryAt) throw new AppError('RATE_LIMITED', rateLimitMessage(retryAt), { retryAt });
  const isValid = Boolean(user.passwordHash) && (await verifyPassword(user.passwordHash!, password));
  if (!isValid) await recordSignInAttempt({ email: user.email, ip, succeeded: false });
  return isValid;
}

// The client's address comes from the edge server (socket + TRUSTED_PROXIES), never from headers
// a client can write itself.
export { clientIp } from '@/lib/edge/client-ip';
