import { beforeEach, describe, expect, it, vi } from 'vitest';
import { verifyCredentials } from '@/lib/auth/credentials';
import { MAX_FAILURES, WINDOW_MS } from '@/lib/auth/rate-limit';
import { loadActor, readSessionActor } from '@/lib/auth/session';
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

describe('sign-in', () => {
  it('accepts the right password, records the attempt and a LOGIN audit entry', async () => {
    const user = await createUser({ email: 'a@example.org', password: PASSWORD });
    const result = await verifyCredentials({ email: ' A@Example.org ', password: PASSWORD, ip: '10.0.0.1' });
    expect(result).toMatchObject({ id: user.id, email: 'a@example.org' });
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

describe('session re-check', () => {
  it('reads the actor from a session cookie', async () => {
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
  });

  it('a role change ends older sessions', async () => {
    const admin = await createAdminActor();
    const user = await createUser({ role: 'PARTNER' });
    const store = cookieStore({ 'next-auth.session-token': await sessionCookieFor(user) });
    await updateUser({ actor: admin, id: user.id, input: { role: 'ADMIN', isActive: 'on', organizationIds: [] } });
    expect(await readSessionActor(store)).toBeNull();
    expect(await loadActor({ userId: user.id, sessionVersion: user.sessionVersion + 1 })).toMatchObject({ role: 'ADMIN' });
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
