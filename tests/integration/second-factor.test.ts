// The second factor in "Mein Konto" (issue 10, finding 11): set-up with a first code, recovery
// codes shown once and stored hashed, new codes, turning off (not for coordinators while it is
// required), a coordinator's reset of someone else's, and the secret never in clear text.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { decryptTotpSecret, totpCodeAt } from '@/lib/auth/mfa';
import { MAX_CODE_FAILURES } from '@/lib/data/auth/rate-limit';
import {
  confirmSecondFactorSetup,
  disableSecondFactor,
  getSecondFactorStatus,
  regenerateRecoveryCodes,
  resetSecondFactorOf,
  startSecondFactorSetup,
} from '@/lib/data/account-security';
import { verifyCredentials } from '@/lib/data/auth/credentials';
import { createUser } from '../factories/index.ts';
import { getTestDb, resetDb } from '../setup/db.ts';
import { createAdminActor, createPartnerActor } from './helpers/admin-actors.ts';
import { clearMailbox, lastMailTo } from './helpers/mail.ts';

const db = getTestDb();
const PASSWORD = 'ein-langes-Passwort-1';
const SESSION = '00000000-0000-4000-8000-000000000001';
const now = () => Math.floor(Date.now() / 1000);

beforeEach(async () => {
  await resetDb();
  clearMailbox();
});

async function enrol(actor: { id: string; name: string; email: string; role: 'ADMIN' | 'PARTNER'; organizationIds: string[] }) {
  await startSecondFactorSetup({ actor });
  const status = await getSecondFactorStatus({ actor });
  const secret = status.setup!.secret.replace(/\s/g, '');
  const { recoveryCodes } = await confirmSecondFactorSetup({ actor, sessionId: SESSION, input: { code: await totpCodeAt(secret, now()) }, ip: '1' });
  return { secret, recoveryCodes };
}

describe('setting up the second factor', () => {
  it('shows a QR code and key, needs a right first code, then gives ten recovery codes stored only as hashes', async () => {
    const user = await createUser({ email: 'p@example.org', password: PASSWORD, role: 'PARTNER' });
    const actor = { id: user.id, name: user.name, email: user.email, role: 'PARTNER' as const, organizationIds: [] };
    await startSecondFactorSetup({ actor });
    const status = await getSecondFactorStatus({ actor });
    expect(status.isEnabled).toBe(false);
    expect(status.setup!.qrSvg).toMatch(/^<svg[^>]*>[\s\S]*<\/svg>\s*$/);
    expect(status.setup!.uri).toMatch(/^otpauth:\/\/totp\/Netzwerk%20Integration%20Stendal:p%40example\.org\?secret=[A-Z2-7]+/);
    const secret = status.setup!.secret.replace(/\s/g, '');

    await expect(confirmSecondFactorSetup({ actor, sessionId: SESSION, input: { code: '12345' }, ip: '1' })).rejects.toMatchObject({ code: 'VALIDATION' });
    expect((await getSecondFactorStatus({ actor })).isEnabled).toBe(false);

    const { recoveryCodes } = await confirmSecondFactorSetup({ actor, sessionId: SESSION, input: { code: await totpCodeAt(secret, now()) }, ip: '1' });
    expect(recoveryCodes).toHaveLength(10);
    expect(new Set(recoveryCodes).size).toBe(10);
    for (const code of recoveryCodes) expect(code).toMatch(/^[a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{4}$/);
    const row = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(row.totpEnabledAt).not.toBeNull();
    expect(row.totpPendingSecret).toBeNull();
    // Encrypted at rest, readable by the app.
    expect(row.totpSecret).not.toContain(secret);
    expect(decryptTotpSecret(row.totpSecret)).toBe(secret);
    const stored = JSON.stringify(await db.mfaRecoveryCode.findMany());
    for (const code of recoveryCodes) expect(stored).not.toContain(code);
    expect(lastMailTo('p@example.org').subject).toMatch(/Zwei-Faktor-Anmeldung eingeschaltet/);
    expect(await verifyCredentials({ email: 'p@example.org', password: PASSWORD, ip: '1' })).toEqual({ status: 'code-required' });
  });

  it('new recovery codes need a current code and replace the old ones', async () => {
    const partner = await createPartnerActor([], { password: PASSWORD });
    const { recoveryCodes: first, secret } = await enrol(partner);
    await expect(regenerateRecoveryCodes({ actor: partner, input: { code: '000000' }, ip: '1' })).rejects.toMatchObject({ code: 'VALIDATION' });
    const { recoveryCodes: second } = await regenerateRecoveryCodes({ actor: partner, input: { code: await totpCodeAt(secret, now() + 30) }, ip: '1' });
    expect(second).toHaveLength(10);
    expect(await verifyCredentials({ email: partner.email, password: PASSWORD, code: first[0], ip: '1' })).toEqual({ status: 'code-invalid' });
    expect(await verifyCredentials({ email: partner.email, password: PASSWORD, code: second[0], ip: '1' })).toMatchObject({ status: 'signed-in' });
  });

  it('wrong codes in the set-up count towards the code limit', async () => {
    const partner = await createPartnerActor([], { password: PASSWORD });
    await startSecondFactorSetup({ actor: partner });
    for (let i = 0; i < MAX_CODE_FAILURES; i++) {
      await expect(confirmSecondFactorSetup({ actor: partner, sessionId: SESSION, input: { code: String(200000 + i) }, ip: '1' })).rejects.toMatchObject({ code: 'VALIDATION' });
    }
    await expect(confirmSecondFactorSetup({ actor: partner, sessionId: SESSION, input: { code: '123456' }, ip: '1' })).rejects.toMatchObject({ code: 'RATE_LIMITED' });
  });
});

describe('turning it off and resetting it', () => {
  it('a partner turns it off with password and code', async () => {
    const partner = await createPartnerActor([], { password: PASSWORD });
    const { secret } = await enrol(partner);
    await expect(disableSecondFactor({ actor: partner, input: { password: 'falsch', code: await totpCodeAt(secret, now() + 30) }, ip: '1' })).rejects.toMatchObject({ code: 'VALIDATION' });
    await disableSecondFactor({ actor: partner, input: { password: PASSWORD, code: await totpCodeAt(secret, now() + 30) }, ip: '1' });
    expect(await db.mfaRecoveryCode.count()).toBe(0);
    expect(await verifyCredentials({ email: partner.email, password: PASSWORD, ip: '1' })).toMatchObject({ status: 'signed-in' });
  });

  it('coordinators cannot turn it off while REQUIRE_ADMIN_MFA is on', async () => {
    const admin = await createAdminActor({ password: PASSWORD });
    const { secret } = await enrol(admin);
    vi.stubEnv('REQUIRE_ADMIN_MFA', 'true');
    vi.resetModules();
    try {
      const fresh = await import('@/lib/data/account-security');
      await expect(fresh.disableSecondFactor({ actor: admin, input: { password: PASSWORD, code: await totpCodeAt(secret, now() + 30) }, ip: '1' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
      expect((await fresh.getSecondFactorStatus({ actor: admin })).isRequired).toBe(true);
    } finally {
      vi.unstubAllEnvs();
      vi.resetModules();
    }
    expect((await db.user.findUniqueOrThrow({ where: { id: admin.id } })).totpEnabledAt).not.toBeNull();
  });

  it('a coordinator resets another person\'s second factor, which ends their sessions; partners cannot', async () => {
    const admin = await createAdminActor();
    const partner = await createPartnerActor([], { password: PASSWORD });
    await enrol(partner);
    await db.userSession.create({ data: { userId: partner.id, tokenHash: 'x'.repeat(64), expiresAt: new Date(Date.now() + 3_600_000) } });
    await expect(resetSecondFactorOf({ actor: partner, userId: admin.id })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(resetSecondFactorOf({ actor: admin, userId: admin.id })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await resetSecondFactorOf({ actor: admin, userId: partner.id });
    const row = await db.user.findUniqueOrThrow({ where: { id: partner.id } });
    expect([row.totpSecret, row.totpEnabledAt]).toEqual([null, null]);
    expect(await db.userSession.count({ where: { userId: partner.id } })).toBe(0);
    expect(lastMailTo(partner.email).subject).toMatch(/zurückgesetzt/);
  });
});
