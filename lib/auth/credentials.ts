// Checks e-mail and password for the next-auth Credentials provider, with the rate limit.
import 'server-only';
import { db } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { writeAudit } from '@/lib/data/audit';
import { hashPassword, verifyPassword } from './password';
import { getSignInRetryAt, rateLimitMessage, recordSignInAttempt } from './rate-limit';

export interface SignedInUser {
  id: string;
  name: string;
  email: string;
  sessionVersion: number;
}

let dummyHash: Promise<string> | undefined;

function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

// Throws AppError RATE_LIMITED (details.retryAt) when locked; null for wrong credentials.
export async function verifyCredentials({
  email: rawEmail,
  password,
  ip,
}: {
  email: string;
  password: string;
  ip: string;
}): Promise<SignedInUser | null> {
  const email = normalizeEmail(rawEmail ?? '');
  if (!email || !password) return null;
  const retryAt = await getSignInRetryAt({ email, ip });
  if (retryAt) throw new AppError('RATE_LIMITED', rateLimitMessage(retryAt), { retryAt });

  const user = await db.user.findUnique({
    where: { email },
    select: { id: true, name: true, email: true, passwordHash: true, isActive: true, sessionVersion: true },
  });
  // Unknown accounts cost the same time as known ones, so that timing reveals no addresses.
  const hashToCheck = user?.passwordHash ?? (await (dummyHash ??= hashPassword('kein-echtes-passwort-1234')));
  const isValid = await verifyPassword(hashToCheck, password);
  const succeeded = Boolean(user?.passwordHash && user.isActive && isValid);
  await recordSignInAttempt({ email, ip, succeeded });
  if (!succeeded || !user) return null;

  await db.$transaction([
    db.user.update({ where: { id: user.id }, data: { lastLoginAt: new Date() } }),
    writeAudit(db, { actor: user, action: 'LOGIN', entityType: 'User', entityId: user.id }),
  ]);
  return { id: user.id, name: user.name, email: user.email, sessionVersion: user.sessionVersion };
}

export function clientIp(headers: Record<string, string | string[] | undefined> | undefined): string {
  const forwarded = headers?.['x-forwarded-for'];
  const first = (Array.isArray(forwarded) ? forwarded[0] : forwarded)?.split(',')[0]?.trim();
  const realIp = headers?.['x-real-ip'];
  return first || (Array.isArray(realIp) ? realIp[0] : realIp) || 'unbekannt';
}
