import { beforeEach, describe, expect, it, vi } from 'vitest';
import { verifyCredentials } from '@/lib/data/auth/credentials';
import { encryptTotpSecret, generateRecoveryCodes, hashRecoveryCode, newTotpSecret, timeStepOf, totpCodeAt } from '@/lib/auth/mfa';
import { MAX_CODE_FAILURES, MAX_FAILURES, WINDOW_MS } from '@/lib/data/auth/rate-limit';
import { readSession, readSessionActor } from '@/lib/auth/session';
import { AppError } from '@/lib/errors';
import { updateUser } from '@/lib/data/users';
import { createUser } from '../factories/index.ts';
import { getTestDb, resetDb } from '../setup/db.ts';
import { cookieStore, createAdminActor, sessionCookieFor } from './helpers/admin-actors.ts';

const db = getTestDb();
const PASSWORD = 'richtig-langes-passwort';

beforeEach(async () => {
  await resetDb();
});

async function withSecondFactor(email: string) {
  const secret = newTotpSecret();
  const codes = generateRecoveryCodes();
  const user = await createUser({ email, password: PASSWORD, totpSecret: encryptTotpSecret(secret), totpEnabledAt: new Date() });
  await db.mfaRecoveryCode.createMany({ data: codes.map((code) => ({ userId: user.id, codeHash: hashRecoveryCode(code) })) });
  return { user, secret, codes };
}

const nowSeconds = () => Math.floor(Date.now() / 1000);

describe('sign-in', () => {
  it('accepts the right password, records the attempt and a LOGIN audit entry', async () => {
    const user = await createUser({ email: 'a@example.org', password: PASSWORD });
    const result = await verifyCredentials({ email: ' A@Example.org ', password: PASSWORD, ip: '10.0.0.1' });
    expect(result).toMatchObject({ status: 'signed-in', user: { id: user.id, email: 'a@example.org' } });
    expect(await db.loginAttempt.count({ where: { succeeded: true } })).toBe(1);
    expect(await db.auditLog.count({ where: { action: 'LOGIN', entityId: user.id } })).toBe(1);
  });

  it('refuses wrong passwords, unknown and deactivated accounts', async () => {
    await createUser({ email: 'b@example.org', password: PASSWORD });
    await createUser({ email: 'c@example.org', password: PASSWORD, isActive: false });
    expect(await verifyCredentials({ email: 'b@example.org', password: 'falsches-passwort', ip: '1' })).toBeNull();
    expect(await verifyCredentials({ email: 'niemand@example.org', password: PASSWORD, ip: '1' })).toBeNull();
    expect(await verifyCredentials({ email: 'c@example.org', password: PASSWORD, ip: '1' })).toBeNull();
    expect(await db.loginAttempt.count({ where: { succeeded: false } })).toBe(3);
  });

  it('the 11th attempt within 15 minutes is refused even with the right password, and works after the window', async () => {
    await createUser({ email: 'd@example.org', password: PASSWORD });
    for (let i = 0; i < MAX_FAILURES; i++) {
      expect(await verifyCredentials({ email: 'd@example.org', password: `falsch-${i}-xxxxxxxx`, ip: `10.0.0.${i}` })).toBeNull();
    }
    const error = await verifyCredentials({ email: 'd@example.org', password: PASSWORD, ip: '10.9.9.9' }).catch((e) => e);
    expect(error).toBeInstanceOf(AppError);
    expect(error.code).toBe('RATE_LIMITED');
    expect(error.message).toMatch(/^Zu viele Versuche\. Bitte versuchen Sie es um \d{2}:\d{2} Uhr erneut\.$/);
    // Move every attempt out of the window instead of waiting 15 minutes.
    await db.loginAttempt.updateMany({ data: { createdAt: new Date(Date.now() - WINDOW_MS - 1000) } });
    expect(await verifyCredentials({ email: 'd@example.org', password: PASSWORD, ip: '10.9.9.9' })).not.toBeNull();
  });

  it('limits per IP address across accounts', async () => {
    await createUser({ email: 'e@example.org', password: PASSWORD });
    for (let i = 0; i < MAX_FAILURES; i++) {
      await verifyCredentials({ email: `fremd-${i}@example.org`, password: 'falsches-passwort', ip: '192.0.2.7' });
    }
    await expect(verifyCredentials({ email: 'e@example.org', password: PASSWORD, ip: '192.0.2.7' })).rejects.toMatchObject({ code: 'RATE_LIMITED' });
    await expect(verifyCredentials({ email: 'e@example.org', password: PASSWORD, ip: '192.0.2.8' })).resolves.not.toBeNull();
  });
});

describe('second factor at sign-in', () => {
  it('asks for the code after the right password, accepts the current code once, refuses a wrong one', async () => {
    const { user, secret } = await withSecondFactor('mfa@example.org');
    expect(await verifyCredentials({ email: 'mfa@example.org', password: PASSWORD, ip: '1' })).toEqual({ status: 'code-required' });
    // A wrong password never reaches the code question.
    expect(await verifyCredentials({ email: 'mfa@example.org', password: 'falsches-passwort', code: '000000', ip: '1' })).toBeNull();
    const wrong = (await totpCodeAt(secret, nowSeconds() - 600)).replace(/^(\d)/, (d) => String((Number(d) + 1) % 10));
    expect(await verifyCredentials({ email: 'mfa@example.org', password: PASSWORD, code: wrong, ip: '1' })).toEqual({ status: 'code-invalid' });
    const code = await totpCodeAt(secret, nowSeconds());
    expect(await verifyCredentials({ email: 'mfa@example.org', password: PASSWORD, code, ip: '1' })).toMatchObject({ status: 'signed-in', user: { id: user.id } });
    // The same code a second time (someone looked over the shoulder) is refused.
    expect(await verifyCredentials({ email: 'mfa@example.org', password: PASSWORD, code, ip: '1' })).toEqual({ status: 'code-invalid' });
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).totpLastStep).toBeGreaterThanOrEqual(timeStepOf(nowSeconds()) - 1);
  });

  it('accepts each recovery code once, with spaces and capitals as typed from paper', async () => {
    const { codes } = await withSecondFactor('rc@example.org');
    const typed = ` ${codes[3].toUpperCase().replace(/-/g, ' ')} `;
    expect(await verifyCredentials({ email: 'rc@example.org', password: PASSWORD, code: typed, ip: '1' })).toMatchObject({ status: 'signed-in' });
    expect(await verifyCredentials({ email: 'rc@example.org', password: PASSWORD, code: codes[3], ip: '1' })).toEqual({ status: 'code-invalid' });
    expect(await db.mfaRecoveryCode.count({ where: { usedAt: null } })).toBe(codes.length - 1);
  });

  it(`locks code attempts after ${MAX_CODE_FAILURES} wrong codes, even for the right code`, async () => {
    const { secret } = await withSecondFactor('brute@example.org');
    for (let i = 0; i < MAX_CODE_FAILURES; i++) {
      expect(await verifyCredentials({ email: 'brute@example.org', password: PASSWORD, code: String(100000 + i), ip: `10.1.0.${i}` })).toEqual({ status: 'code-invalid' });
    }
    const code = await totpCodeAt(secret, nowSeconds());
    await expect(verifyCredentials({ email: 'brute@example.org', password: PASSWORD, code, ip: '10.2.0.1' })).rejects.toMatchObject({ code: 'RATE_LIMITED' });
    expect(await db.loginAttempt.count({ where: { email: 'brute@example.org', factor: 'code', succeeded: false } })).toBe(MAX_CODE_FAILURES);
  });
});

describe('sessions', () => {
  it('reads the actor from a session cookie; a tampered or missing cookie is nobody', async () => {
    const admin = await createAdminActor();
    const store = cookieStore({ 'next-auth.session-token': await sessionCookieFor(admin) });
    expect(await readSessionActor(store)).toMatchObject({ id: admin.id, role: 'ADMIN' });
    expect(await readSessionActor(cookieStore({ 'next-auth.session-token': 'manipuliert' }))).toBeNull();
    expect(await readSessionActor(cookieStore({}))).toBeNull();
  });

  it("refuses a deactivated user's existing session on the next request", async () => {
    const admin = await createAdminActor();
    const partner = await createUser({ role: 'PARTNER' });
    const store = cookieStore({ 'next-auth.session-token': await sessionCookieFor(partner) });
    expect(await readSessionActor(store)).not.toBeNull();
    await updateUser({ actor: admin, id: partner.id, input: { role: 'PARTNER', isActive: 'false', organizationIds: [] } });
    expect(await readSessionActor(store)).toBeNull();
    expect(await db.userSession.count({ where: { userId: partner.id } })).toBe(0);
  });

  it('a role change ends older sessions; a new sign-in has the new role', async () => {
    const admin = await createAdminActor();
    const user = await createUser({ role: 'PARTNER' });
    const store = cookieStore({ 'next-auth.session-token': await sessionCookieFor(user) });
    await updateUser({ actor: admin, id: user.id, input: { role: 'ADMIN', isActive: 'on', organizationIds: [] } });
    expect(await readSessionActor(store)).toBeNull();
    expect(await readSessionActor(cookieStore({ 'next-auth.session-token': await sessionCookieFor(user) }))).toMatchObject({ role: 'ADMIN' });
  });

  it('an expired session is nobody, even with a valid cookie', async () => {
    const admin = await createAdminActor();
    const store = cookieStore({ 'next-auth.session-token': await sessionCookieFor(admin) });
    await db.userSession.updateMany({ data: { expiresAt: new Date(Date.now() - 1000) } });
    expect(await readSessionActor(store)).toBeNull();
  });

  it('a coordinator without a second factor gets only a set-up session while REQUIRE_ADMIN_MFA is on', async () => {
    const admin = await createAdminActor();
    const store = cookieStore({ 'next-auth.session-token': await sessionCookieFor(admin) });
    vi.stubEnv('REQUIRE_ADMIN_MFA', 'true');
    vi.resetModules();
    try {
      const fresh = await import('@/lib/auth/session');
      expect(await fresh.readSession(store)).toMatchObject({ mustSetUpSecondFactor: true, actor: { id: admin.id } });
      expect(await fresh.readSessionActor(store)).toBeNull();
      await db.user.update({ where: { id: admin.id }, data: { totpEnabledAt: new Date(), totpSecret: encryptTotpSecret(newTotpSecret()) } });
      expect(await fresh.readSessionActor(store)).toMatchObject({ id: admin.id });
    } finally {
      vi.unstubAllEnvs();
      vi.resetModules();
    }
    // Without the setting (tests run with NODE_ENV=test) nothing is required.
    expect(await readSession(store)).toMatchObject({ mustSetUpSecondFactor: false });
  });

  it('getCurrentUser uses the request cookies', async () => {
    const admin = await createAdminActor();
    const cookie = await sessionCookieFor(admin);
    vi.resetModules();
    vi.doMock('next/headers', () => ({ cookies: async () => cookieStore({ 'next-auth.session-token': cookie }) }));
    const { getCurrentUser } = await import('@/lib/auth/session');
    expect(await getCurrentUser()).toMatchObject({ id: admin.id });
    vi.doUnmock('next/headers');
  });
});
