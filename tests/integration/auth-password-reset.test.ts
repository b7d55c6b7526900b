import { beforeEach, describe, expect, it } from 'vitest';
import { verifyCredentials } from '@/lib/auth/credentials';
import { acceptInvitation, createInvitation } from '@/lib/data/invitations';
import { requestPasswordReset, resetPassword } from '@/lib/data/password-reset';
import { createOrganization, createUser } from '../factories/index.ts';
import { getTestDb, resetDb } from '../setup/db.ts';
import { createAdminActor } from './helpers/admin-actors.ts';

const db = getTestDb();
const tokenFrom = (text: string) => /token=([\w-]+)/.exec(text)![1];

beforeEach(async () => {
  await resetDb();
});

describe('password reset', () => {
  it('sends a single-use link via the outbox; the new password works and old sessions end', async () => {
    const user = await createUser({ email: 'r@example.org', password: 'altes-passwort-123' });
    await requestPasswordReset({ input: { email: 'R@example.org' } });
    await requestPasswordReset({ input: { email: 'unbekannt@example.org' } });
    const mails = await db.outboxEmail.findMany();
    expect(mails).toHaveLength(1);
    const token = tokenFrom(mails[0].text);
    expect(await db.passwordResetToken.count({ where: { tokenHash: token } })).toBe(0);
    await expect(resetPassword({ input: { token, password: 'kurz', passwordConfirm: 'kurz' } })).rejects.toMatchObject({ code: 'VALIDATION' });
    await resetPassword({ input: { token, password: 'neues-passwort-456', passwordConfirm: 'neues-passwort-456' } });
    await expect(resetPassword({ input: { token, password: 'drittes-passwort-789', passwordConfirm: 'drittes-passwort-789' } })).rejects.toMatchObject({ code: 'VALIDATION' });
    expect(await verifyCredentials({ email: 'r@example.org', password: 'neues-passwort-456', ip: '1' })).not.toBeNull();
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).sessionVersion).toBe(user.sessionVersion + 1);
  });

  it('refuses expired links', async () => {
    await createUser({ email: 'x@example.org', password: 'altes-passwort-123' });
    await requestPasswordReset({ input: { email: 'x@example.org' } });
    const token = tokenFrom((await db.outboxEmail.findFirstOrThrow()).text);
    await db.passwordResetToken.updateMany({ data: { expiresAt: new Date(Date.now() - 1000) } });
    await expect(resetPassword({ input: { token, password: 'neues-passwort-456', passwordConfirm: 'neues-passwort-456' } })).rejects.toMatchObject({ code: 'VALIDATION' });
  });
});

describe('invitations', () => {
  it('creates the account with memberships once', async () => {
    const admin = await createAdminActor();
    const org = await createOrganization();
    await expect(createInvitation({ actor: null, input: { email: 'p@example.org', role: 'PARTNER', organizationIds: [org.id] } })).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
    await createInvitation({ actor: admin, input: { email: 'p@example.org', role: 'PARTNER', organizationIds: [org.id] } });
    const token = tokenFrom((await db.outboxEmail.findFirstOrThrow()).text);
    await acceptInvitation({ input: { token, name: 'Petra Partner', password: 'partner-passwort-1', passwordConfirm: 'partner-passwort-1' } });
    const user = await db.user.findUniqueOrThrow({ where: { email: 'p@example.org' }, include: { memberships: true } });
    expect(user.role).toBe('PARTNER');
    expect(user.memberships.map((m) => m.organizationId)).toEqual([org.id]);
    await expect(acceptInvitation({ input: { token, name: 'Noch mal', password: 'partner-passwort-1', passwordConfirm: 'partner-passwort-1' } })).rejects.toMatchObject({ code: 'VALIDATION' });
  });
});
