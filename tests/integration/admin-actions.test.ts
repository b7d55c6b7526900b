// Every admin server action: anonymous refused, partner of another organization refused, invalid
// input -> field errors and nothing written, coordinator succeeds (the action redirects).
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createLocation, createOrganization, createService, createUser } from '../factories/index.ts';
import { getTestDb, resetDb } from '../setup/db.ts';
import { cookieStore, createAdminActor, createPartnerActor, sessionCookieFor } from './helpers/admin-actors.ts';
import { lastMailTo, tokenIn } from './helpers/mail.ts';
import { form, redirectOf } from './helpers/server-actions.ts';

const session: { cookie?: string } = {};
vi.mock('next/headers', () => ({
  cookies: async () => cookieStore(session.cookie ? { 'next-auth.session-token': session.cookie } : {}),
}));

const actions = await import('@/app/[locale]/admin/organisationen/actions');
const userActions = await import('@/app/[locale]/admin/benutzer/actions');
const db = getTestDb();
const idle = { status: 'idle' as const };

async function signInAs(actor: { id: string; name: string; email: string } | null) {
  session.cookie = actor ? await sessionCookieFor(actor) : undefined;
}

async function countWrites() {
  const [organizations, services, locations, contacts, schedules, exceptions, audit, invitations] = await Promise.all([
    db.organization.count(),
    db.service.count(),
    db.location.count(),
    db.contactPerson.count(),
    db.schedule.count(),
    db.scheduleException.count(),
    db.auditLog.count(),
    db.invitation.count(),
  ]);
  return { organizations, services, locations, contacts, schedules, exceptions, audit, invitations };
}

beforeEach(async () => {
  await resetDb();
  session.cookie = undefined;
});

describe('organization actions', () => {
  it('refuse anonymous callers and partners of other organizations without writing', async () => {
    const org = await createOrganization({ status: 'DRAFT' });
    const service = await createService({ organizationId: org.id });
    const location = await createLocation({ organizationId: org.id });
    const other = await createOrganization();
    const stranger = await createPartnerActor([other.id]);
    const before = await countWrites();
    for (const actor of [null, stranger]) {
      await signInAs(actor);
      const results = [
        await actions.createOrganizationAction(idle, form({ name: 'Neu' })),
        await actions.updateOrganizationAction(org.id, idle, form({ name: 'Geändert', version: '1' })),
        await actions.setOrganizationStatusAction(org.id, 'publish', idle),
        await actions.deleteOrganizationAction(org.id, idle),
        await actions.restoreOrganizationAction(org.id, idle),
        await actions.saveServiceAction(org.id, null, idle, form({ name: 'Angebot' })),
        await actions.saveServiceAction(org.id, service.id, idle, form({ name: 'Angebot', version: '1' })),
        await actions.saveLocationAction(org.id, null, idle, form({ city: 'Stendal' })),
        await actions.saveLocationAction(org.id, location.id, idle, form({ city: 'Havelberg', version: '1' })),
        await actions.saveContactAction(org.id, null, idle, form({ role: 'Beratung' })),
        await actions.setChildDeletedAction('service', service.id, true, idle),
        await actions.createScheduleAction(org.id, idle, form({ weekday: '2', opensAt: '09:00', closesAt: '12:00' })),
        await actions.createScheduleExceptionAction(org.id, idle, form({ startsOn: '2026-12-24', isClosed: 'on' })),
        await userActions.inviteAction(idle, form({ email: 'neu@example.org', role: 'ADMIN' })),
      ];
      for (const result of results) expect(result.status).toBe('error');
    }
    expect(await countWrites()).toEqual(before);
  });

  it('return field errors and the entered values for invalid input, writing nothing', async () => {
    const admin = await createAdminActor();
    await signInAs(admin);
    const org = await createOrganization();
    const before = await countWrites();
    const created = await actions.createOrganizationAction(idle, form({ name: '', email: 'falsch', website: 'javascript:alert(1)' }));
    expect(created.status).toBe('error');
    expect(Object.keys(created.fieldErrors ?? {}).sort()).toEqual(['email', 'name', 'website']);
    expect(created.values).toMatchObject({ email: 'falsch', website: 'javascript:alert(1)' });
    const service = await actions.saveServiceAction(org.id, null, idle, form({ name: 'A', minAge: '30', maxAge: '20' }));
    expect(service.fieldErrors).toHaveProperty('maxAge');
    const location = await actions.saveLocationAction(org.id, null, idle, form({ postalCode: '123' }));
    expect(location.fieldErrors).toHaveProperty('postalCode');
    const contact = await actions.saveContactAction(org.id, null, idle, form({ role: 'Beratung', consent: 'given', email: 'x' }));
    expect(Object.keys(contact.fieldErrors ?? {}).sort()).toEqual(['consentScope', 'email']);
    const schedule = await actions.createScheduleAction(org.id, idle, form({ weekday: '9', opensAt: '12:00', closesAt: '09:00' }));
    expect(Object.keys(schedule.fieldErrors ?? {}).sort()).toEqual(['closesAt', 'weekday']);
    const exception = await actions.createScheduleExceptionAction(org.id, idle, form({ startsOn: 'morgen' }));
    expect(exception.fieldErrors).toHaveProperty('startsOn');
    const invite = await userActions.inviteAction(idle, form({ email: 'x', role: 'GOTT' }));
    expect(Object.keys(invite.fieldErrors ?? {}).sort()).toEqual(['email', 'role']);
    expect(await countWrites()).toEqual(before);
  });

  it('let a coordinator create, fill, publish, edit, restore and archive an entry', async () => {
    const admin = await createAdminActor();
    await signInAs(admin);
    await db.language.create({ data: { code: 'ar', nameDe: 'Arabisch', nameNative: 'العربية' } });
    const target = await redirectOf(actions.createOrganizationAction(idle, form({ name: 'Beratung am Markt', reviewIntervalMonths: '12' })));
    const id = target!.match(/organisationen\/([0-9a-f-]{36})/)![1];
    expect(await redirectOf(actions.saveLocationAction(id, null, idle, form({ street: 'Markt 1', postalCode: '39576', city: 'Stendal', wheelchairAccessible: 'yes' })))).toContain(id);
    const location = await db.location.findFirstOrThrow({ where: { organizationId: id } });
    await redirectOf(actions.saveServiceAction(id, null, idle, form({ name: 'Migrationsberatung', locationIds: [location.id], languageCodes: ['ar'], status: 'ACTIVE' })));
    await redirectOf(actions.saveContactAction(id, null, idle, form({ role: 'Beratung auf Arabisch', visibility: 'PUBLIC', consent: 'given', consentScope: 'Name und Telefon', languageCodes: ['ar'] })));
    await redirectOf(actions.createScheduleAction(id, idle, form({ weekday: '2', opensAt: '09:00', closesAt: '12:00' })));
    await redirectOf(actions.createScheduleExceptionAction(id, idle, form({ startsOn: '2026-12-24', endsOn: '2026-12-26', isClosed: 'on' })));
    await redirectOf(actions.setOrganizationStatusAction(id, 'publish', idle));
    const published = await db.organization.findUniqueOrThrow({ where: { id }, include: { contacts: { include: { languageOffers: true } }, services: { include: { locations: true } } } });
    expect(published.status).toBe('PUBLISHED');
    expect(published.contacts[0].consentGivenAt).not.toBeNull();
    expect(published.contacts[0].consentRecordedById).toBe(admin.id);
    expect(published.contacts[0].languageOffers.map((o) => o.languageCode)).toEqual(['ar']);
    expect(published.services[0].locations).toHaveLength(1);

    await redirectOf(actions.updateOrganizationAction(id, idle, form({ name: 'Beratung am Markt', phone: '03931 123', version: String(published.version) })));
    const stale = await actions.updateOrganizationAction(id, idle, form({ name: 'Beratung am Markt', phone: '03931 999', version: String(published.version) }));
    expect(stale.status).toBe('conflict');
    expect(stale.conflict).toEqual([expect.objectContaining({ field: 'phone', after: '03931 123' })]);
    expect(stale.values).toMatchObject({ phone: '03931 999' });
    expect(stale.currentVersion).toBe(published.version + 1);

    const audit = await db.auditLog.findFirstOrThrow({ where: { entityId: id, action: 'UPDATE' } });
    await redirectOf(actions.restoreFieldAction(idle, form({ auditId: audit.id.toString(), field: 'phone', version: String(published.version + 1) })));
    expect((await db.organization.findUniqueOrThrow({ where: { id } })).phone).toBeNull();

    await redirectOf(actions.setOrganizationStatusAction(id, 'archive', idle));
    await redirectOf(actions.deleteOrganizationAction(id, idle));
    await redirectOf(actions.restoreOrganizationAction(id, idle));
    const final = await db.organization.findUniqueOrThrow({ where: { id } });
    expect(final.status).toBe('ARCHIVED');
    expect(final.deletedAt).toBeNull();
  });

  it('invites a partner by e-mail; the link token is only in the mail and stored only as a hash', async () => {
    const admin = await createAdminActor();
    await signInAs(admin);
    const org = await createOrganization();
    expect(await redirectOf(userActions.inviteAction(idle, form({ email: 'Partnerin@Example.org', role: 'PARTNER', organizationIds: [org.id] })))).toContain('eingeladen');
    const token = tokenIn(lastMailTo('partnerin@example.org'), /einladung\?token=/);
    expect((await db.outboxEmail.findFirstOrThrow({ where: { kind: 'invitation' } })).text).not.toContain(token);
    const invitation = await db.invitation.findFirstOrThrow();
    expect(invitation.email).toBe('partnerin@example.org');
    expect(invitation.tokenHash).not.toContain(token);
    expect(invitation.expiresAt.getTime() - Date.now()).toBeGreaterThan(6.9 * 24 * 3600 * 1000);
  });

  it('updateUserAction refuses partners and deactivates for coordinators', async () => {
    const user = await createUser();
    const org = await createOrganization();
    const partner = await createPartnerActor([org.id]);
    await signInAs(partner);
    expect((await userActions.updateUserAction(user.id, idle, form({ role: 'ADMIN', isActive: 'on' }))).status).toBe('error');
    const admin = await createAdminActor();
    await signInAs(admin);
    await redirectOf(userActions.updateUserAction(user.id, idle, form({ role: 'PARTNER' })));
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).isActive).toBe(false);
  });
});
