import { beforeEach, describe, expect, it } from 'vitest';
import {
  confirmVerification,
  inspectVerificationToken,
  listOverdueOrganizations,
  sendVerificationReminders,
} from '@/lib/data/verification';
import type { Actor } from '@/lib/permissions';
import { createOrganization, createUser } from '../factories';
import { getTestDb, resetDb } from '../setup/db';
import { lastMailTo, tokenIn } from './helpers/mail';

const NOW = new Date('2026-11-26T09:00:00Z');
const LONG_AGO = new Date('2025-01-01T00:00:00Z');

// The outbox keeps a copy of every mail (without its link); the mail itself reaches the test's SMTP server.
function outbox() {
  return getTestDb().outboxEmail.findMany({ where: { kind: 'verification-reminder' }, orderBy: { createdAt: 'asc' } });
}

function tokenFrom(mail: { to: string }): string {
  return tokenIn(lastMailTo(mail.to), /\/bestaetigen\/[A-Za-z0-9_-]+/);
}

const admin = (id: string): Actor => ({ id, name: 'Koordination (Beispiel)', email: 'k@example.org', role: 'ADMIN', organizationIds: [] });

describe('verification reminders', () => {
  beforeEach(resetDb);

  it('reminds each overdue entry once and not again within 14 days', async () => {
    const overdue = await createOrganization({ lastVerifiedAt: LONG_AGO, email: 'funktion@example.org' });
    await createOrganization({ lastVerifiedAt: new Date('2026-10-01T00:00:00Z') });
    await createOrganization({ lastVerifiedAt: LONG_AGO, status: 'DRAFT' });

    const first = await sendVerificationReminders({ actor: 'system', now: NOW });
    const second = await sendVerificationReminders({ actor: 'system', now: new Date(NOW.getTime() + 86_400_000) });

    expect(first.sent.map((entry) => entry.organizationId)).toEqual([overdue.id]);
    expect(second.sent).toEqual([]);
    expect(second.skipped).toEqual([{ organizationId: overdue.id, reason: 'recently-reminded' }]);
    const mails = await outbox();
    expect(mails).toHaveLength(1);
    expect(mails[0].to).toBe('funktion@example.org');
  });

  it('sends again after the cooldown', async () => {
    await createOrganization({ lastVerifiedAt: LONG_AGO });
    await sendVerificationReminders({ actor: 'system', now: NOW });
    await sendVerificationReminders({ actor: 'system', now: new Date(NOW.getTime() + 15 * 86_400_000) });
    expect(await outbox()).toHaveLength(2);
  });

  it('writes to the partners of the entry rather than its functional address', async () => {
    const org = await createOrganization({ lastVerifiedAt: LONG_AGO, email: 'funktion@example.org' });
    const partner = await createUser({ email: 'partnerin@example.org' });
    await createUser({ email: 'inaktiv@example.org', isActive: false, memberships: { create: [{ organizationId: org.id }] } });
    await getTestDb().membership.create({ data: { userId: partner.id, organizationId: org.id } });
    await sendVerificationReminders({ actor: 'system', now: NOW });
    expect((await outbox()).map((mail) => mail.to)).toEqual(['partnerin@example.org']);
  });

  it('refuses anonymous callers and partners', async () => {
    await expect(sendVerificationReminders({ actor: null, now: NOW })).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
    const partner: Actor = { id: '00000000-0000-4000-8000-000000000000', name: 'P', email: 'p@example.org', role: 'PARTNER', organizationIds: [] };
    await expect(sendVerificationReminders({ actor: partner, now: NOW })).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });

  it('lists overdue entries for coordinators and only their own for partners', async () => {
    const mine = await createOrganization({ lastVerifiedAt: LONG_AGO });
    const other = await createOrganization({ lastVerifiedAt: LONG_AGO });
    const user = await createUser({ role: 'ADMIN' });
    const all = await listOverdueOrganizations({ actor: admin(user.id), now: NOW });
    expect(all.map((org) => org.id).sort()).toEqual([mine.id, other.id].sort());
    const partner: Actor = { id: user.id, name: 'P', email: 'p@example.org', role: 'PARTNER', organizationIds: [mine.id] };
    expect((await listOverdueOrganizations({ actor: partner, now: NOW })).map((org) => org.id)).toEqual([mine.id]);
    await expect(listOverdueOrganizations({ actor: null, now: NOW })).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
  });
});

describe('the "still correct" link', () => {
  beforeEach(resetDb);

  async function remind() {
    const org = await createOrganization({ lastVerifiedAt: LONG_AGO, email: 'funktion@example.org' });
    await sendVerificationReminders({ actor: 'system', now: NOW });
    return { org, token: tokenFrom((await outbox())[0]) };
  }

  it('confirms once: sets the verification date and writes the audit log', async () => {
    const { org, token } = await remind();
    const later = new Date(NOW.getTime() + 3_600_000);
    expect(await inspectVerificationToken({ token, now: later })).toMatchObject({ status: 'valid' });
    expect(await confirmVerification({ token, now: later })).toMatchObject({ status: 'confirmed' });
    const row = await getTestDb().organization.findUniqueOrThrow({ where: { id: org.id } });
    expect(row.lastVerifiedAt?.toISOString()).toBe(later.toISOString());
    const audit = await getTestDb().auditLog.findMany({ where: { entityId: org.id, action: 'VERIFY' } });
    expect(audit).toHaveLength(1);

    expect(await confirmVerification({ token, now: new Date(later.getTime() + 1000) })).toEqual({ status: 'used' });
    const unchanged = await getTestDb().organization.findUniqueOrThrow({ where: { id: org.id } });
    expect(unchanged.lastVerifiedAt?.toISOString()).toBe(later.toISOString());
  });

  it('refuses a tampered link', async () => {
    const { org, token } = await remind();
    const tampered = `${token.slice(0, -1)}${token.endsWith('A') ? 'B' : 'A'}`;
    expect(await confirmVerification({ token: tampered, now: NOW })).toEqual({ status: 'invalid' });
    expect(await confirmVerification({ token: 'kurz', now: NOW })).toEqual({ status: 'invalid' });
    const row = await getTestDb().organization.findUniqueOrThrow({ where: { id: org.id } });
    expect(row.lastVerifiedAt?.toISOString()).toBe(LONG_AGO.toISOString());
  });

  it('refuses an expired link', async () => {
    const { org, token } = await remind();
    const tooLate = new Date(NOW.getTime() + 31 * 86_400_000);
    expect(await inspectVerificationToken({ token, now: tooLate })).toEqual({ status: 'expired' });
    expect(await confirmVerification({ token, now: tooLate })).toEqual({ status: 'expired' });
    const row = await getTestDb().organization.findUniqueOrThrow({ where: { id: org.id } });
    expect(row.lastVerifiedAt?.toISOString()).toBe(LONG_AGO.toISOString());
  });

  it('counts two simultaneous clicks once', async () => {
    const { org, token } = await remind();
    const results = await Promise.all([confirmVerification({ token, now: NOW }), confirmVerification({ token, now: NOW })]);
    expect(results.filter((result) => result.status === 'confirmed')).toHaveLength(1);
    expect(await getTestDb().auditLog.count({ where: { entityId: org.id, action: 'VERIFY' } })).toBe(1);
  });
});
