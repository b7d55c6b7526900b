// Partner accounts: invitation for one or more organizations, acceptance, a view limited to the own
// organizations, colleagues invited from the Team page; and isolation: every action and data
// function tried with another organization's ids is refused and changes nothing.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { getAdminOrganization, listAdminOrganizations } from '@/lib/data/admin-organizations';
import { setOrganizationTrusted } from '@/lib/data/organization-state';
import { approveChangeRequest } from '@/lib/data/change-requests/approve';
import { getEditMode, getEditTarget } from '@/lib/data/change-requests/edit-mode';
import { getChangeRequest } from '@/lib/data/change-requests/get';
import { listChangeRequests } from '@/lib/data/change-requests/list';
import { proposeChange } from '@/lib/data/change-requests/propose';
import { rejectChangeRequest } from '@/lib/data/change-requests/reject';
import { withdrawChangeRequest } from '@/lib/data/change-requests/withdraw';
import { acceptInvitation, createInvitation, listInvitations, resendInvitation, revokeInvitation } from '@/lib/data/invitations';
import { updateService } from '@/lib/data/services';
import { listOrganizationMembers } from '@/lib/data/users';
import { readSessionActor } from '@/lib/auth/session';
import { createContactPerson, createLocation, createOrganization, createSchedule, createService } from '../factories/index.ts';
import { getTestDb, resetDb } from '../setup/db.ts';
import { cookieStore, createAdminActor, createPartnerActor, sessionCookieFor } from './helpers/admin-actors.ts';
import { lastMailTo, tokenIn } from './helpers/mail.ts';
import { expectCode, form, redirectOf } from './helpers/server-actions.ts';

const session: { cookie?: string } = {};
vi.mock('next/headers', () => ({
  cookies: async () => cookieStore(session.cookie ? { 'next-auth.session-token': session.cookie } : {}),
}));

const actions = await import('@/app/[locale]/admin/organisationen/actions');
const reviewActions = await import('@/app/[locale]/admin/aenderungen/actions');
const db = getTestDb();
const idle = { status: 'idle' as const };

async function signInAs(actor: { id: string; name: string; email: string } | null) {
  session.cookie = actor ? await sessionCookieFor(actor) : undefined;
}


// Every table a partner could touch, plus the values of the other organization's records.
async function snapshotOf(organizationId: string) {
  const [counts, org, records] = await Promise.all([
    Promise.all([
      db.organization.count(),
      db.service.count(),
      db.location.count(),
      db.contactPerson.count(),
      db.schedule.count(),
      db.scheduleException.count(),
      db.languageOffer.count(),
      db.changeRequest.count(),
      db.invitation.count(),
      db.auditLog.count(),
      db.outboxEmail.count(),
      db.membership.count(),
    ]),
    db.organization.findUniqueOrThrow({ where: { id: organizationId } }),
    db.organization.findUniqueOrThrow({
      where: { id: organizationId },
      select: { services: true, locations: true, contacts: true, schedules: true, scheduleExceptions: true, changeRequests: true, invitations: { select: { invitation: true } } },
    }),
  ]);
  return { counts, org, records };
}

beforeEach(async () => {
  await resetDb();
  session.cookie = undefined;
});

describe('partner accounts', () => {
  it('a coordinator invites a person for two organizations; after acceptance the partner sees exactly those', async () => {
    const admin = await createAdminActor();
    const [a, b, other] = [await createOrganization(), await createOrganization(), await createOrganization()];
    await createInvitation({ actor: admin, input: { email: 'Neue.Partnerin@example.org', name: 'Nina Neu', role: 'PARTNER', organizationIds: [a.id, b.id] } });
    const token = tokenIn(lastMailTo('neue.partnerin@example.org'), /einladung\?token=/);
    await acceptInvitation({ input: { token, name: 'Nina Neu', password: 'ein-langes-Passwort-1', passwordConfirm: 'ein-langes-Passwort-1' } });
    const user = await db.user.findUniqueOrThrow({ where: { email: 'neue.partnerin@example.org' } });
    expect(user.role).toBe('PARTNER');
    const actor = await readSessionActor(cookieStore({ 'next-auth.session-token': await sessionCookieFor(user) }));
    expect(actor!.organizationIds.sort()).toEqual([a.id, b.id].sort());
    const { items } = await listAdminOrganizations({ actor });
    expect(items.map((item) => item.id).sort()).toEqual([a.id, b.id].sort());
    await expectCode(getAdminOrganization({ actor, id: other.id }), 'NOT_FOUND');
  });

  it('a partner invites a colleague for the own organization from the Team page; coordinators see and revoke it', async () => {
    const org = await createOrganization();
    const other = await createOrganization();
    const partner = await createPartnerActor([org.id]);
    await signInAs(partner);
    expect(await redirectOf(actions.inviteColleagueAction(org.id, idle, form({ email: 'kollegin@example.org', name: 'Kim Kollegin' })))).toContain(`/${org.id}/team?eingeladen=1`);
    const invitation = await db.invitation.findFirstOrThrow({ include: { organizations: true } });
    expect(invitation).toMatchObject({ email: 'kollegin@example.org', role: 'PARTNER', invitedById: partner.id });
    expect(invitation.organizations.map((o) => o.organizationId)).toEqual([org.id]);
    expect(await db.outboxEmail.count({ where: { kind: 'invitation', to: 'kollegin@example.org' } })).toBe(1);
    expect((await listInvitations({ actor: partner, organizationId: org.id })).map((i) => i.id)).toEqual([invitation.id]);
    expect((await listOrganizationMembers({ actor: partner, organizationId: org.id })).map((m) => m.id)).toEqual([partner.id]);

    const admin = await createAdminActor();
    const adminInvite = await createInvitation({ actor: admin, input: { email: 'andere@example.org', role: 'PARTNER', organizationIds: [other.id] } });
    expect((await listInvitations({ actor: admin })).map((i) => i.id).sort()).toEqual([invitation.id, adminInvite.id].sort());
    expect((await listInvitations({ actor: partner })).map((i) => i.id)).toEqual([invitation.id]);
    await revokeInvitation({ actor: admin, id: invitation.id });
    expect((await db.invitation.findUniqueOrThrow({ where: { id: invitation.id } })).revokedAt).not.toBeNull();
    expect(await listInvitations({ actor: partner, organizationId: org.id })).toEqual([]);
  });

  it('partners cannot invite coordinators, nor anyone for other organizations', async () => {
    const org = await createOrganization();
    const other = await createOrganization();
    const partner = await createPartnerActor([org.id]);
    await expectCode(createInvitation({ actor: partner, input: { email: 'x@example.org', role: 'ADMIN', organizationIds: [org.id] } }), 'FORBIDDEN');
    await expectCode(createInvitation({ actor: partner, input: { email: 'x@example.org', role: 'PARTNER', organizationIds: [org.id, other.id] } }), 'FORBIDDEN');
    await expectCode(createInvitation({ actor: partner, input: { email: 'x@example.org', role: 'PARTNER', organizationIds: [] } }), 'FORBIDDEN');
    expect(await db.invitation.count()).toBe(0);
  });

  it('a partner\'s save on an untrusted organization becomes a proposal; on a trusted one it publishes directly', async () => {
    const org = await createOrganization({ name: 'Träger am Markt (Beispiel)' });
    const service = await createService({ organizationId: org.id, name: 'Beratung (Beispiel)' });
    const partner = await createPartnerActor([org.id]);
    await signInAs(partner);
    const submitted = await redirectOf(actions.saveServiceAction(org.id, service.id, idle, form({ name: 'Beratung neu (Beispiel)', status: 'ACTIVE', version: '1' })));
    expect(submitted).toBe(`/de/admin/organisationen/${org.id}?eingereicht=1`);
    expect((await db.service.findUniqueOrThrow({ where: { id: service.id } })).name).toBe('Beratung (Beispiel)');
    const request = await db.changeRequest.findFirstOrThrow();
    expect(request).toMatchObject({ entityType: 'Service', entityId: service.id, action: 'UPDATE', baseVersion: 1 });
    expect(await redirectOf(actions.createScheduleAction(org.id, idle, form({ weekday: '4', opensAt: '14:00', closesAt: '16:00' })))).toContain('sprechzeiten?eingereicht=1');
    expect(await redirectOf(actions.setChildDeletedAction('service', service.id, true, idle))).toContain('eingereicht=1');
    expect((await db.service.findUniqueOrThrow({ where: { id: service.id } })).deletedAt).toBeNull();
    expect(await db.schedule.count()).toBe(0);
    expect(await db.changeRequest.count({ where: { status: 'PENDING' } })).toBe(3);
    // Restoring is not proposed: a coordinator does it.
    expect((await actions.setChildDeletedAction('service', service.id, false, idle)).status).toBe('error');

    const admin = await createAdminActor();
    await signInAs(admin);
    expect(await redirectOf(actions.setOrganizationTrustedAction(org.id, true, idle))).toContain('vertrauen=an');
    await signInAs(partner);
    expect(await redirectOf(actions.updateOrganizationAction(org.id, idle, form({ name: 'Träger am Markt (Beispiel)', phone: '03931 555', version: '1' })))).toBe(
      `/de/admin/organisationen/${org.id}?gespeichert=1`,
    );
    expect((await db.organization.findUniqueOrThrow({ where: { id: org.id } })).phone).toBe('03931 555');
    const audit = await db.auditLog.findFirstOrThrow({ where: { entityType: 'Organization', entityId: org.id, action: 'UPDATE', actorId: partner.id } });
    expect(audit.changes).toMatchObject({ phone: { after: '03931 555' } });
  });

  it('partners cannot set the fields only coordinators set, neither directly nor by proposal', async () => {
    const trusted = await createOrganization({ isTrusted: true, reviewIntervalMonths: 12, sortOrder: 3 });
    const untrusted = await createOrganization();
    const partner = await createPartnerActor([trusted.id, untrusted.id]);
    await signInAs(partner);
    const sneaky = { isCoordinationOffice: 'on', reviewIntervalMonths: '60', sortOrder: '-1000', parentId: untrusted.id };
    expect(
      await redirectOf(actions.updateOrganizationAction(trusted.id, idle, form({ name: 'Träger (Beispiel)', phone: '03931 60-7020', version: '1', ...sneaky }))),
    ).toContain('gespeichert=1');
    const row = await db.organization.findUniqueOrThrow({ where: { id: trusted.id } });
    expect(row).toMatchObject({ phone: '03931 60-7020', isCoordinationOffice: false, reviewIntervalMonths: 12, sortOrder: 3, parentId: null });

    await proposeChange({ actor: partner, organizationId: untrusted.id, entityType: 'Organization', action: 'UPDATE', baseVersion: 1, input: { name: 'Neu (Beispiel)', ...sneaky } });
    const request = await db.changeRequest.findFirstOrThrow({ where: { organizationId: untrusted.id } });
    expect(Object.keys(request.payload as object)).not.toEqual(expect.arrayContaining(['isCoordinationOffice']));
    for (const field of ['isCoordinationOffice', 'reviewIntervalMonths', 'sortOrder', 'parentId']) expect(request.payload).not.toHaveProperty(field);
  });

  it('coordinators review through the actions; the partner is notified', async () => {
    const org = await createOrganization();
    const partner = await createPartnerActor([org.id]);
    const { id } = await proposeChange({ actor: partner, organizationId: org.id, entityType: 'Schedule', action: 'CREATE', input: { weekday: '4', opensAt: '14:00', closesAt: '16:00' } });
    const second = await proposeChange({ actor: partner, organizationId: org.id, entityType: 'Schedule', action: 'CREATE', input: { weekday: '5', opensAt: '09:00', closesAt: '10:00' } });
    const admin = await createAdminActor();
    await signInAs(admin);
    expect((await reviewActions.rejectChangeRequestAction(second.id, idle, form({ comment: '' }))).fieldErrors).toHaveProperty('comment');
    expect(await redirectOf(reviewActions.approveChangeRequestAction(id, idle, form({ comment: '' })))).toBe(`/de/admin/aenderungen/${id}?angenommen=1`);
    expect(await redirectOf(reviewActions.rejectChangeRequestAction(second.id, idle, form({ comment: 'Freitags ist geschlossen.' })))).toContain('abgelehnt=1');
    expect(await db.schedule.count()).toBe(1);
    expect(await db.outboxEmail.count({ where: { kind: 'change-request', to: partner.email } })).toBe(2);
  });
});

describe('a partner and another organization', () => {
  async function world() {
    const own = await createOrganization({ name: 'Eigener Träger (Beispiel)' });
    const foreign = await createOrganization({ name: 'Fremder Träger (Beispiel)', phone: '0391 1', isTrusted: true });
    const service = await createService({ organizationId: foreign.id, name: 'Fremdes Angebot (Beispiel)' });
    const location = await createLocation({ organizationId: foreign.id });
    const contact = await createContactPerson({ organizationId: foreign.id });
    const schedule = await createSchedule({ organizationId: foreign.id });
    const exception = await db.scheduleException.create({ data: { organizationId: foreign.id, startsOn: new Date('2026-12-24'), endsOn: new Date('2026-12-24') } });
    const deletedService = await createService({ organizationId: foreign.id, deletedAt: new Date() });
    const partner = await createPartnerActor([own.id]);
    const foreignPartner = await createPartnerActor([foreign.id]);
    // The other organization is trusted for its own partners, so a foreign request is created first.
    await setOrganizationTrusted({ actor: await createAdminActor(), id: foreign.id, isTrusted: false });
    const request = await proposeChange({ actor: foreignPartner, organizationId: foreign.id, entityType: 'Organization', action: 'UPDATE', baseVersion: 1, input: { name: foreign.name, phone: '0391 60-7021' } });
    const invitation = await createInvitation({ actor: foreignPartner, input: { email: 'fremd@example.org', role: 'PARTNER', organizationIds: [foreign.id] } });
    const audit = await db.auditLog.findFirstOrThrow({ where: { organizationId: foreign.id } });
    return { own, foreign, service, location, contact, schedule, exception, deletedService, partner, request, invitation, audit };
  }

  it('every action refuses and nothing changes', async () => {
    const w = await world();
    await signInAs(w.partner);
    const before = await snapshotOf(w.foreign.id);
    const results = [
      await actions.updateOrganizationAction(w.foreign.id, idle, form({ name: 'Übernommen', version: '1' })),
      await actions.setOrganizationStatusAction(w.foreign.id, 'archive', idle),
      await actions.setOrganizationTrustedAction(w.foreign.id, true, idle),
      await actions.deleteOrganizationAction(w.foreign.id, idle),
      await actions.restoreOrganizationAction(w.foreign.id, idle),
      await actions.saveServiceAction(w.foreign.id, null, idle, form({ name: 'Angebot' })),
      await actions.saveServiceAction(w.foreign.id, w.service.id, idle, form({ name: 'Angebot', version: '1' })),
      // Own organization in the URL, the other organization's record: refused too.
      await actions.saveServiceAction(w.own.id, w.service.id, idle, form({ name: 'Angebot', version: '1' })),
      await actions.saveLocationAction(w.foreign.id, null, idle, form({ city: 'Stendal' })),
      await actions.saveLocationAction(w.foreign.id, w.location.id, idle, form({ city: 'Havelberg', version: '1' })),
      await actions.saveLocationAction(w.own.id, w.location.id, idle, form({ city: 'Havelberg', version: '1' })),
      await actions.saveContactAction(w.foreign.id, null, idle, form({ role: 'Beratung' })),
      await actions.saveContactAction(w.foreign.id, w.contact.id, idle, form({ role: 'Beratung', version: '1' })),
      await actions.saveContactAction(w.own.id, w.contact.id, idle, form({ role: 'Beratung', version: '1' })),
      await actions.setChildDeletedAction('service', w.service.id, true, idle),
      await actions.setChildDeletedAction('service', w.deletedService.id, false, idle),
      await actions.setChildDeletedAction('location', w.location.id, true, idle),
      await actions.setChildDeletedAction('contact', w.contact.id, true, idle),
      await actions.createScheduleAction(w.foreign.id, idle, form({ weekday: '2', opensAt: '09:00', closesAt: '12:00' })),
      await actions.createScheduleExceptionAction(w.foreign.id, idle, form({ startsOn: '2026-12-31', isClosed: 'on' })),
      await actions.deleteScheduleAction('schedule', w.schedule.id, idle),
      await actions.deleteScheduleAction('exception', w.exception.id, idle),
      await actions.restoreFieldAction(idle, form({ auditId: w.audit.id.toString(), field: 'name', version: '1' })),
      await actions.inviteColleagueAction(w.foreign.id, idle, form({ email: 'neu@example.org' })),
      await actions.teamInvitationAction(w.foreign.id, 'revoke', w.invitation.id, idle),
      await actions.teamInvitationAction(w.foreign.id, 'resend', w.invitation.id, idle),
      await reviewActions.approveChangeRequestAction(w.request.id, idle, form({})),
      await reviewActions.approveEditedChangeRequestAction(w.request.id, idle, form({ name: 'X', version: '1' })),
      await reviewActions.rejectChangeRequestAction(w.request.id, idle, form({ comment: 'nein' })),
      await reviewActions.withdrawChangeRequestAction(w.request.id, idle),
    ];
    results.forEach((result, index) => expect(result.status, `action #${index}`).toBe('error'));
    expect(await snapshotOf(w.foreign.id)).toEqual(before);
  });

  it('every data function refuses and nothing changes', async () => {
    const w = await world();
    const actor = w.partner;
    const before = await snapshotOf(w.foreign.id);
    await expectCode(getAdminOrganization({ actor, id: w.foreign.id }), 'NOT_FOUND');
    expect((await listAdminOrganizations({ actor })).items.map((o) => o.id)).toEqual([w.own.id]);
    await expectCode(getEditMode({ actor, organizationId: w.foreign.id }), 'NOT_FOUND');
    await expectCode(getEditTarget({ actor, entityType: 'Service', id: w.service.id }), 'NOT_FOUND');
    await expectCode(getEditTarget({ actor, entityType: 'Schedule', id: w.schedule.id }), 'NOT_FOUND');
    // Proposals: for the other organization, or for its records under the own organization's id.
    await expectCode(proposeChange({ actor, organizationId: w.foreign.id, entityType: 'Organization', action: 'UPDATE', baseVersion: 1, input: { name: 'X' } }), 'NOT_FOUND');
    await expectCode(proposeChange({ actor, organizationId: w.foreign.id, entityType: 'Service', action: 'CREATE', input: { name: 'X' } }), 'NOT_FOUND');
    await expectCode(proposeChange({ actor, organizationId: w.own.id, entityType: 'Service', action: 'UPDATE', entityId: w.service.id, baseVersion: 1, input: { name: 'X' } }), 'NOT_FOUND');
    await expectCode(proposeChange({ actor, organizationId: w.own.id, entityType: 'Location', action: 'DELETE', entityId: w.location.id }), 'NOT_FOUND');
    await expectCode(proposeChange({ actor, organizationId: w.own.id, entityType: 'Schedule', action: 'DELETE', entityId: w.schedule.id }), 'NOT_FOUND');
    await expectCode(proposeChange({ actor, organizationId: w.own.id, entityType: 'ScheduleException', action: 'DELETE', entityId: w.exception.id }), 'NOT_FOUND');
    await expectCode(proposeChange({ actor, organizationId: w.own.id, entityType: 'Schedule', action: 'CREATE', input: { weekday: '2', opensAt: '09:00', closesAt: '12:00', locationId: w.location.id } }), 'VALIDATION');
    // Change requests of the other organization: invisible, not reviewable, not withdrawable.
    await expectCode(getChangeRequest({ actor, id: w.request.id }), 'NOT_FOUND');
    expect(await listChangeRequests({ actor })).toEqual([]);
    expect(await listChangeRequests({ actor, organizationId: w.foreign.id })).toEqual([]);
    await expectCode(approveChangeRequest({ actor, id: w.request.id }), 'FORBIDDEN');
    await expectCode(rejectChangeRequest({ actor, id: w.request.id, input: { comment: 'nein' } }), 'FORBIDDEN');
    await expectCode(withdrawChangeRequest({ actor, id: w.request.id }), 'NOT_FOUND');
    // Direct edits and the trusted flag.
    await expectCode(updateService({ actor, id: w.service.id, version: 1, input: { name: 'X' } }), 'NOT_FOUND');
    await expectCode(setOrganizationTrusted({ actor, id: w.foreign.id, isTrusted: true }), 'FORBIDDEN');
    // Invitations and members.
    await expectCode(listInvitations({ actor, organizationId: w.foreign.id }), 'NOT_FOUND');
    expect(await listInvitations({ actor })).toEqual([]);
    await expectCode(createInvitation({ actor, input: { email: 'neu@example.org', role: 'PARTNER', organizationIds: [w.foreign.id] } }), 'FORBIDDEN');
    await expectCode(revokeInvitation({ actor, id: w.invitation.id }), 'FORBIDDEN');
    await expectCode(resendInvitation({ actor, id: w.invitation.id }), 'FORBIDDEN');
    await expectCode(listOrganizationMembers({ actor, organizationId: w.foreign.id }), 'NOT_FOUND');
    expect(await snapshotOf(w.foreign.id)).toEqual(before);
  });
});
