// "Forgot password": a single-use link valid for one hour. The answer never reveals whether an
// address has an account.
import 'server-only';
import { hashPassword } from '@/lib/auth/password';
import { createToken, hashToken } from '@/lib/auth/tokens';
import { db } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { endUserSessions } from '@/lib/data/auth/sessions';
import { appUrl, sendMailInBackground } from '@/lib/mail/send';
import { passwordResetMail } from '@/lib/mail/templates/password-reset';
import { forgotPasswordSchema, resetPasswordSchema } from '@/lib/schemas/auth';
import { writeAudit } from './audit';
import { parseInput } from './versioning';

const RESET_TOKEN_TTL_MS = 60 * 60 * 1000;
// At most this many reset mails per account and hour (the form is anonymous).
const MAX_RESETS_PER_HOUR = 3;

export async function requestPasswordReset({ input }: { input: unknown }): Promise<void> {
  const { email } = parseInput(forgotPasswordSchema, input);
  const user = await db.user.findUnique({ where: { email }, select: { id: true, name: true, isActive: true, locale: true } });
  if (!user?.isActive) return;
  const recent = await db.passwordResetToken.count({ where: { userId: user.id, createdAt: { gt: new Date(Date.now() - 3_600_000) } } });
  if (recent >= MAX_RESETS_PER_HOUR) return;
  const { token, tokenHash } = createToken();
  const reset = await db.passwordResetToken.create({
    data: { userId: user.id, tokenHash, expiresAt: new Date(Date.now() + RESET_TOKEN_TTL_MS) },
    select: { id: true },
  });
  const locale = user.locale === 'en' ? 'en' : 'de';
  // Not awaited: talking to the mail server takes time, and an answer that comes later for known
  // addresses than for unknown ones would tell which addresses have accounts.
  const link = appUrl(locale === 'en' ? `/en/passwort-zuruecksetzen?token=${token}&lang=en` : `/de/passwort-zuruecksetzen?token=${token}`);
  sendMailInBackground({
    to: email,
    kind: 'password-reset',
    refId: reset.id,
    ...passwordResetMail({ locale, name: user.name, link, validMinutes: RESET_TOKEN_TTL_MS / 60_000 }),
  });
}

// `token` comes straight from the URL: a repeated ?token= arrives as an array, which is no token.
export async function isPasswordResetTokenValid({ token }: { token: unknown }): Promise<boolean> {
  if (typeof token !== 'string' || !token || token.length > 200) return false;
  const row = await db.passwordResetToken.findUnique({ where: { tokenHash: hashToken(token) }, select: { usedAt: true, expiresAt: true } });
  return Boolean(row && !row.usedAt && row.expiresAt > new Date());
}

export async function resetPassword({ input }: { input: unknown }): Promise<void> {
  const { token, password } = parseInput(resetPasswordSchema, input);
  const passwordHash = await hashPassword(password);
  await db.$transaction(async (tx) => {
    // Marking it used in the same statement that checks it makes a second use impossible.
    const used = await tx.passwordResetToken.updateMany({
      where: { tokenHash: hashToken(token), usedAt: null, expiresAt: { gt: new Date() } },
      data: { usedAt: new Date() },
    });
    if (used.count !== 1) throw new AppError('VALIDATION', 'Der Link ist ungültig oder abgelaufen. Bitte fordern Sie einen neuen an.');
    const reset = await tx.passwordResetToken.findUniqueOrThrow({ where: { tokenHash: hashToken(token) }, select: { userId: true } });
    const user = await tx.user.update({
      where: { id: reset.userId },
      data: { passwordHash },
      select: { id: true, name: true },
    });
    // Every session ends: whoever knew the old password is signed out.
    await endUserSessions(tx, user.id);
    await tx.passwordResetToken.updateMany({ where: { userId: user.id, usedAt: null }, data: { usedAt: new Date() } });
    await writeAudit(tx, { actor: user, action: 'UPDATE', entityType: 'User', entityId: user.id, changes: { password: { before: '***', after: '***' } } });
  });
}
