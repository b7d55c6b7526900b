import { beforeEach, describe, expect, it } from 'vitest';
import { createFeedback, FEEDBACK_LIMIT_PER_HOUR, listFeedback, setFeedbackStatus } from '@/lib/data/feedback';
import type { Actor } from '@/lib/permissions';
import { feedbackSchema } from '@/lib/schemas/feedback';
import { createOrganization, createUser } from '../factories';
import { getTestDb, resetDb } from '../setup/db';

const input = (organizationSlug: string, extra: Record<string, string> = {}) =>
  feedbackSchema.parse({ organizationSlug, message: 'Die Telefonnummer stimmt nicht mehr.', ...extra });

describe('visitor reports', () => {
  beforeEach(resetDb);

  it('stores a report without the IP address', async () => {
    const org = await createOrganization();
    const outcome = await createFeedback({ input: input(org.slug, { email: 'Besucher@Example.org' }), ip: '203.0.113.9', locale: 'ar' });
    expect(outcome).toEqual({ status: 'received' });
    const rows = await getTestDb().feedback.findMany();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ organizationId: org.id, email: 'besucher@example.org', locale: 'ar', status: 'OPEN' });
    expect(rows[0].ipHash).not.toContain('203.0.113.9');
  });

  it('pretends success to a bot that fills the honeypot, and stores nothing', async () => {
    const org = await createOrganization();
    expect(await createFeedback({ input: input(org.slug, { website: 'http://spam.example' }), ip: '1.2.3.4', locale: 'de' })).toEqual({
      status: 'received',
    });
    expect(await getTestDb().feedback.count()).toBe(0);
  });

  it('limits reports per IP and hour', async () => {
    const org = await createOrganization();
    for (let i = 0; i < FEEDBACK_LIMIT_PER_HOUR; i++) {
      expect((await createFeedback({ input: input(org.slug), ip: '198.51.100.1', locale: 'de' })).status).toBe('received');
    }
    expect(await createFeedback({ input: input(org.slug), ip: '198.51.100.1', locale: 'de' })).toEqual({ status: 'rate-limited' });
    expect((await createFeedback({ input: input(org.slug), ip: '198.51.100.2', locale: 'de' })).status).toBe('received');
    const later = new Date(Date.now() + 61 * 60 * 1000);
    expect((await createFeedback({ input: input(org.slug), ip: '198.51.100.1', locale: 'de', now: later })).status).toBe('received');
  });

  it('refuses reports about entries the public cannot see', async () => {
    const draft = await createOrganization({ status: 'DRAFT' });
    expect(await createFeedback({ input: input(draft.slug), ip: '1.1.1.1', locale: 'de' })).toEqual({ status: 'not-found' });
  });

  it('rejects invalid input with specific message keys', () => {
    const result = feedbackSchema.safeParse({ organizationSlug: 'x', message: 'kurz', email: 'keine-adresse' });
    expect(result.success).toBe(false);
    const messages = result.error!.issues.map((issue) => issue.message).sort();
    expect(messages).toEqual(['errorEmail', 'errorMessageTooShort']);
  });

  it('shows partners only the reports about their organizations; only coordinators handle them', async () => {
    const mine = await createOrganization();
    const other = await createOrganization();
    await createFeedback({ input: input(mine.slug), ip: '10.0.0.1', locale: 'de' });
    await createFeedback({ input: input(other.slug), ip: '10.0.0.2', locale: 'de' });
    const user = await createUser({ role: 'ADMIN' });
    const admin: Actor = { id: user.id, name: 'Koordination', email: user.email, role: 'ADMIN', organizationIds: [] };
    const partner: Actor = { id: user.id, name: 'Partnerin', email: user.email, role: 'PARTNER', organizationIds: [mine.id] };

    expect(await listFeedback({ actor: admin })).toHaveLength(2);
    const partnerView = await listFeedback({ actor: partner });
    expect(partnerView.map((row) => row.organization?.id)).toEqual([mine.id]);
    await expect(listFeedback({ actor: null })).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });

    const [report] = partnerView;
    await expect(setFeedbackStatus({ actor: partner, id: report.id, status: 'DONE' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(setFeedbackStatus({ actor: null, id: report.id, status: 'DONE' })).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
    expect((await getTestDb().feedback.findUniqueOrThrow({ where: { id: report.id } })).status).toBe('OPEN');

    await setFeedbackStatus({ actor: admin, id: report.id, status: 'DONE', note: 'Nummer korrigiert.' });
    const row = await getTestDb().feedback.findUniqueOrThrow({ where: { id: report.id } });
    expect(row).toMatchObject({ status: 'DONE', handledById: user.id, note: 'Nummer korrigiert.' });
    expect(await getTestDb().auditLog.count({ where: { entityType: 'Feedback', entityId: report.id } })).toBe(1);
  });
});
