// A partner's colleague invitation must not tell which addresses have accounts (issue 10,
// finding 10): the same answer, the same records visible to the partner, the same work (and so
// about the same time) whether or not the address exists. The existing account gets a mail whose
// link adds the organization after sign-in.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { acceptInvitationForAccount, getInvitationForToken, listInvitations } from '@/lib/data/invitations';
import { createOrganization, createUser } from '../factories/index.ts';
import { getTestDb, resetDb } from '../setup/db.ts';
import { cookieStore, createPartnerActor, sessionCookieFor } from './helpers/admin-actors.ts';
import { clearMailbox, lastMailTo, tokenIn } from './helpers/mail.ts';
import { expectCode, form, redirectOf } from './helpers/server-actions.ts';

const session: { cookie?: string } = {};
vi.mock('next/headers', () => ({
  cookies: async () => cookieStore(session.cookie ? { 'next-auth.session-token': session.cookie } : {}),
}));
const actions = await import('@/app/[locale]/admin/organisationen/actions');
const db = getTestDb();
const idle = { status: 'idle' as const };

beforeEach(async () => {
  await resetDb();
  clearMailbox();
});

async function invite(organizationId: string, email: string) {
  const started = performance.now();
  let outcome: unknown;
  try {
    outcome = await actions.inviteColleagueAction(organizationId, idle, form({ email, name: '' }));
  } catch (error) {
    outcome = { redirect: (error as { digest?: string }).digest?.split(';')[2] };
  }
  return { outcome, ms: performance.now() - started };
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

describe('colleague invitations are neutral', () => {
  it('answers, records and mails alike for an address with and without an account', async () => {
    const org = await createOrganization({ name: 'Migrationsberatung Ost (Beispiel)' });
    const partner = await createPartnerActor([org.id]);
    session.cookie = await sessionCookieFor(partner);
    await createUser({ email: 'vorhanden@example.org', name: 'Vera Vorhanden (Beispiel)', password: 'ein-langes-Passwort-1' });

    const existing = await invite(org.id, 'vorhanden@example.org');
    const unknown = await invite(org.id, 'unbekannt@example.org');
    expect(existing.outcome).toEqual(unknown.outcome);
    expect(existing.outcome).toEqual({ redirect: `/de/admin/organisationen/${org.id}/team?eingeladen=1` });

    const listed = await listInvitations({ actor: partner, organizationId: org.id });
    expect(listed.map((i) => i.email).sort()).toEqual(['unbekannt@example.org', 'vorhanden@example.org']);
    expect(await db.outboxEmail.count({ where: { kind: 'invitation' } })).toBe(2);
    expect(lastMailTo('unbekannt@example.org').text).toContain('- Migrationsberatung Ost (Beispiel)');
    expect(lastMailTo('vorhanden@example.org').text).toContain('schon ein Konto');
  });

  it('takes about the same time either way (same work; medians of interleaved runs)', async () => {
    const org = await createOrganization();
    const partner = await createPartnerActor([org.id]);
    session.cookie = await sessionCookieFor(partner);
    const existing: number[] = [];
    const unknown: number[] = [];
    for (let i = 0; i < 7; i++) {
      await createUser({ email: `konto-${i}@example.org` });
      existing.push((await invite(org.id, `konto-${i}@example.org`)).ms);
      unknown.push((await invite(org.id, `niemand-${i}@example.org`)).ms);
    }
    const ratio = median(existing) / median(unknown);
    expect(ratio, `Median mit Konto ${median(existing).toFixed(1)} ms, ohne ${median(unknown).toFixed(1)} ms`).toBeGreaterThan(1 / 3);
    expect(ratio).toBeLessThan(3);
  });

  it('the existing account accepts after sign-in and gains the organization; nobody else can use the link', async () => {
    const org = await createOrganization({ name: 'Jugendmigrationsdienst (Beispiel)' });
    const own = await createOrganization();
    const partner = await createPartnerActor([org.id]);
    session.cookie = await sessionCookieFor(partner);
    const colleague = await createUser({ email: 'kollegin@example.org', role: 'PARTNER', memberships: { create: [{ organizationId: own.id }] } });
    const stranger = await createUser({ email: 'fremd@example.org' });
    await invite(org.id, 'kollegin@example.org');
    const token = tokenIn(lastMailTo('kollegin@example.org'), /einladung\?token=/);
    expect(await getInvitationForToken({ token })).toMatchObject({ email: 'kollegin@example.org', hasAccount: true, organizations: ['Jugendmigrationsdienst (Beispiel)'] });

    const asActor = (u: { id: string; name: string; email: string }) => ({ id: u.id, name: u.name, email: u.email, role: 'PARTNER' as const, organizationIds: [] });
    await expectCode(acceptInvitationForAccount({ actor: null, token }), 'UNAUTHENTICATED');
    await expectCode(acceptInvitationForAccount({ actor: asActor(stranger), token }), 'VALIDATION');
    expect(await db.membership.count({ where: { userId: stranger.id } })).toBe(0);

    await acceptInvitationForAccount({ actor: asActor(colleague), token });
    const memberships = await db.membership.findMany({ where: { userId: colleague.id }, select: { organizationId: true } });
    expect(memberships.map((m) => m.organizationId).sort()).toEqual([org.id, own.id].sort());
    expect((await db.user.findUniqueOrThrow({ where: { id: colleague.id } })).role).toBe('PARTNER');
    await expectCode(acceptInvitationForAccount({ actor: asActor(colleague), token }), 'VALIDATION');
  });

  it('coordinators are still told that the account exists (they manage all accounts)', async () => {
    const org = await createOrganization();
    const { createAdminActor } = await import('./helpers/admin-actors.ts');
    const admin = await createAdminActor();
    session.cookie = await sessionCookieFor(admin);
    await createUser({ email: 'da@example.org' });
    const state = await actions.inviteColleagueAction(org.id, idle, form({ email: 'da@example.org' }));
    expect(state).toMatchObject({ status: 'error', fieldErrors: { email: ['Für diese Adresse gibt es bereits ein Konto. Ordnen Sie es unter „Benutzer“ zu.'] } });
    expect(await redirectOf(actions.inviteColleagueAction(org.id, idle, form({ email: 'neu@example.org' })))).toContain('eingeladen=1');
  });
});
