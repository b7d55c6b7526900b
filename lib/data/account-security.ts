// A signed-in user's own sign-in security ("Mein Konto"): password change, the browsers signed in
// (sessions), and the second factor (TOTP app plus recovery codes). Every function acts only on the
// caller's own account. The second-factor set-up also accepts a coordinator's session that has
// to set one up first (lib/auth/session.ts, mustSetUpSecondFactor).
import 'server-only';
import { verifyOwnPassword } from '@/lib/data/auth/credentials';
import {
  encryptTotpSecret,
  decryptTotpSecret,
  generateRecoveryCodes,
  hashRecoveryCode,
  newTotpSecret,
  totpQrSvg,
  totpUri,
} from '@/lib/auth/mfa';
import { hashPassword } from '@/lib/auth/password';
import { verifySecondFactor } from '@/lib/data/auth/second-factor';
import { endUserSessions } from '@/lib/data/auth/sessions';
import { db } from '@/lib/db';
import { isAdminMfaRequired } from '@/lib/env';
import { AppError, validationError } from '@/lib/errors';
import { sendMail } from '@/lib/mail/send';
import { accountSecurityMail, type SecurityEvent } from '@/lib/mail/templates/account-security';
import type { Actor } from '@/lib/permissions';
import { changePasswordSchema, secondFactorCodeSchema } from '@/lib/schemas/auth';
import { assertActor, requireScopeAll } from './access';
import { writeAudit } from './audit';
import { assertUuid, parseInput } from './versioning';

const WRONG_PASSWORD = 'Das aktuelle Passwort stimmt nicht.';
const WRONG_CODE = 'Der Code stimmt nicht. Bitte nehmen Sie den aktuellen Code aus der App.';

async function notify(userId: string, event: SecurityEvent): Promise<void> {
  const user = await db.user.findUnique({ where: { id: userId }, select: { email: true, name: true, locale: true } });
  if (!user) return;
  await sendMail({ to: user.email, kind: 'account-security', refId: userId, ...accountSecurityMail({ locale: user.locale === 'en' ? 'en' : 'de', name: user.name, event }) });
}

// --- Password -------------------------------------------------------------------------------

// Ends every other session of the account (this browser stays signed in).
export async function changeOwnPassword({ actor, sessionId, input, ip }: { actor: Actor | null; sessionId: string; input: unknown; ip: string }) {
  assertActor(actor);
  const data = parseInput(changePasswordSchema, input);
  if (!(await verifyOwnPassword({ userId: actor.id, password: data.currentPassword, ip }))) {
    throw validationError({ currentPassword: [WRONG_PASSWORD] });
  }
  const passwordHash = await hashPassword(data.password);
  const ended = await db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: actor.id }, data: { passwordHash } });
    // Links sent before the change must not set yet another password.
    await tx.passwordResetToken.updateMany({ where: { userId: actor.id, usedAt: null }, data: { usedAt: new Date() } });
    const count = await endUserSessions(tx, actor.id, { exceptId: sessionId });
    await writeAudit(tx, { actor, action: 'UPDATE', entityType: 'User', entityId: actor.id, changes: { password: { before: '***', after: '***' } } });
    return count;
  });
  await notify(actor.id, 'password-changed');
  return { endedSessions: ended };
}

// --- Sessions -------------------------------------------------------------------------------

export async function listOwnSessions({ actor, currentSessionId }: { actor: Actor | null; currentSessionId: string }) {
  assertActor(actor);
  const sessions = await db.userSession.findMany({
    where: { userId: actor.id, expiresAt: { gt: new Date() } },
    orderBy: { lastSeenAt: 'desc' },
    select: { id: true, userAgent: true, createdAt: true, lastSeenAt: true, expiresAt: true },
  });
  return sessions.map((session) => ({ ...session, isCurrent: session.id === currentSessionId }));
}

// One other browser ("sign out there"), or with `id` undefined every other one.
export async function endOwnSessions({ actor, currentSessionId, id }: { actor: Actor | null; currentSessionId: string; id?: string }) {
  assertActor(actor);
  if (id !== undefined) {
    assertUuid(id);
    const result = await db.userSession.deleteMany({ where: { id, userId: actor.id } });
    if (result.count === 0) throw new AppError('NOT_FOUND');
    return { ended: result.count };
  }
  return { ended: await endUserSessions(db, actor.id, { exceptId: currentSessionId }) };
}

// --- Second factor --------------------------------------------------------------------------

export async function getSecondFactorStatus({ actor }: { actor: Actor | null }) {
  assertActor(actor);
  const user = await db.user.findUnique({
    where: { id: actor.id },
    select: { email: true, totpEnabledAt: true, totpPendingSecret: true, _count: { select: { recoveryCodes: { where: { usedAt: null } } } } },
  });
  if (!user) throw new AppError('NOT_FOUND');
  const pending = decryptTotpSecret(user.totpPendingSecret);
  const uri = pending ? totpUri(pending, user.email) : null;
  return {
    isEnabled: Boolean(user.totpEnabledAt),
    enabledAt: user.totpEnabledAt,
    recoveryCodesLeft: user._count.recoveryCodes,
    // Coordinators may not turn it off while REQUIRE_ADMIN_MFA is on.
    isRequired: actor.role === 'ADMIN' && isAdminMfaRequired(),
    setup: pending && uri ? { secret: pending.match(/.{1,4}/g)!.join(' '), uri, qrSvg: await totpQrSvg(uri) } : null,
  };
}

// A new secret for the app, kept (encrypted) as pending until a first code confirms it.
export async function startSecondFactorSetup({ actor }: { actor: Actor | null }) {
  assertActor(actor);
  await db.user.update({ where: { id: actor.id }, data: { totpPendingSecret: encryptTotpSecret(newTotpSecret()) } });
}

async function replaceRecoveryCodes(tx: Parameters<Parameters<typeof db.$transaction>[0]>[0], userId: string): Promise<string[]> {
  const codes = generateRecoveryCodes();
  await tx.mfaRecoveryCode.deleteMany({ where: { userId } });
  await tx.mfaRecoveryCode.createMany({ data: codes.map((code) => ({ userId, codeHash: hashRecoveryCode(code) })) });
  return codes;
}

// The first code from the app turns the second factor on. Returns the recovery codes: shown once,
// stored only as hashes. Other sessions end (they were signed in with the password alone).
export async function confirmSecondFactorSetup({ actor, sessionId, input, ip }: { actor: Actor | null; sessionId: string; input: unknown; ip: string }): Promise<{ recoveryCodes: string[] }> {
  assertActor(actor);
  const { code } = parseInput(secondFactorCodeSchema, input);
  const user = await db.user.findUnique({ where: { id: actor.id }, select: { totpPendingSecret: true } });
  if (!user?.totpPendingSecret) throw new AppError('VALIDATION', 'Bitte beginnen Sie die Einrichtung neu.');
  const result = await verifySecondFactor({ userId: actor.id, email: actor.email, ip, code, pendingSecret: user.totpPendingSecret });
  if (!result.isValid) throw validationError({ code: [WRONG_CODE] });
  const recoveryCodes = await db.$transaction(async (tx) => {
    await tx.user.update({
      where: { id: actor.id },
      data: { totpSecret: user.totpPendingSecret, totpPendingSecret: null, totpEnabledAt: new Date() },
    });
    const codes = await replaceRecoveryCodes(tx, actor.id);
    await endUserSessions(tx, actor.id, { exceptId: sessionId });
    await writeAudit(tx, { actor, action: 'UPDATE', entityType: 'User', entityId: actor.id, changes: { secondFactor: { before: 'aus', after: 'an' } } });
    return codes;
  });
  await notify(actor.id, 'second-factor-on');
  return { recoveryCodes };
}

// New recovery codes (the old ones stop working); needs a current code.
export async function regenerateRecoveryCodes({ actor, input, ip }: { actor: Actor | null; input: unknown; ip: string }): Promise<{ recoveryCodes: string[] }> {
  assertActor(actor);
  const { code } = parseInput(secondFactorCodeSchema, input);
  const result = await verifySecondFactor({ userId: actor.id, email: actor.email, ip, code });
  if (!result.isValid) throw validationError({ code: [WRONG_CODE] });
  const recoveryCodes = await db.$transaction(async (tx) => {
    const codes = await replaceRecoveryCodes(tx, actor.id);
    await writeAudit(tx, { actor, action: 'UPDATE', entityType: 'User', entityId: actor.id, changes: { recoveryCodes: { before: '***', after: '***' } } });
    return codes;
  });
  return { recoveryCodes };
}

// Needs the password and a current code; refused for coordinators while REQUIRE_ADMIN_MFA is on.
export async function disableSecondFactor({ actor, input, ip }: { actor: Actor | null; input: unknown; ip: string }) {
  assertActor(actor);
  if (actor.role === 'ADMIN' && isAdminMfaRequired()) {
    throw new AppError('FORBIDDEN', 'Für Koordinator*innen ist die Zwei-Faktor-Anmeldung vorgeschrieben.');
  }
  const { code } = parseInput(secondFactorCodeSchema, input);
  const password = typeof (input as { password?: unknown })?.password === 'string' ? (input as { password: string }).password : '';
  if (!(await verifyOwnPassword({ userId: actor.id, password, ip }))) throw validationError({ password: [WRONG_PASSWORD] });
  const result = await verifySecondFactor({ userId: actor.id, email: actor.email, ip, code });
  if (!result.isValid) throw validationError({ code: [WRONG_CODE] });
  await db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: actor.id }, data: { totpSecret: null, totpPendingSecret: null, totpEnabledAt: null, totpLastStep: null } });
    await tx.mfaRecoveryCode.deleteMany({ where: { userId: actor.id } });
    await writeAudit(tx, { actor, action: 'UPDATE', entityType: 'User', entityId: actor.id, changes: { secondFactor: { before: 'an', after: 'aus' } } });
  });
  await notify(actor.id, 'second-factor-off');
}

// A coordinator resets another person's second factor (phone and recovery codes lost). Their
// sessions end; at the next sign-in they set it up again (coordinators must, partners may).
export async function resetSecondFactorOf({ actor, userId }: { actor: Actor | null; userId: string }) {
  requireScopeAll(actor, 'user.manage');
  assertUuid(userId);
  if (userId === actor!.id) throw new AppError('FORBIDDEN', 'Ihre eigene Zwei-Faktor-Anmeldung ändern Sie unter „Mein Konto“.');
  await db.$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { id: userId }, select: { totpEnabledAt: true } });
    if (!user) throw new AppError('NOT_FOUND');
    await tx.user.update({ where: { id: userId }, data: { totpSecret: null, totpPendingSecret: null, totpEnabledAt: null, totpLastStep: null } });
    await tx.mfaRecoveryCode.deleteMany({ where: { userId } });
    await endUserSessions(tx, userId);
    await writeAudit(tx, { actor: actor!, action: 'UPDATE', entityType: 'User', entityId: userId, changes: { secondFactor: { before: user.totpEnabledAt ? 'an' : 'aus', after: 'zurückgesetzt' } } });
  });
  await notify(userId, 'second-factor-reset');
}
