// Change requests: partners of untrusted organizations propose, coordinators approve (atomically,
// with the version check against the proposal's base version, audited with both names), edit and
// approve, or reject with a comment; the proposer is notified by e-mail (outbox).
import { beforeEach, describe, expect, it } from 'vitest';
import { setOrganizationTrusted } from '@/lib/data/organization-state';
import { approveChangeRequest } from '@/lib/data/change-requests/approve';
import { getEditMode } from '@/lib/data/change-requests/edit-mode';
import { getChangeRequest } from '@/lib/data/change-requests/get';
import { countPendingChangeRequests, listChangeRequests } from '@/lib/data/change-requests/list';
import { proposeChange } from '@/lib/data/change-requests/propose';
import { rejectChangeRequest } from '@/lib/data/change-requests/reject';
import { withdrawChangeRequest } from '@/lib/data/change-requests/withdraw';
import { updateService } from '@/lib/data/services';
import { createContactPerson, createLanguage, createLocation, createOrganization, createSchedule, createService } from '../factories/index.ts';
import { getTestDb, resetDb } from '../setup/db.ts';
import { createAdminActor, createPartnerActor } from './helpers/admin-actors.ts';
import { expectCode } from './helpers/server-actions.ts';

const db = getTestDb();


async function setup() {
  const org = await createOrganization({ name: 'Beratung am Markt (Beispiel)', phone: '03931 111', isTrusted: false });
  const partner = await createPartnerActor([org.id]);
  await db.user.update({ where: { id: partner.id }, data: { name: 'Erika Partner' } });
  partner.name = 'Erika Partner';
  const admin = await createAdminActor();
  await db.user.update({ where: { id: admin.id }, data: { name: 'Maria Jonas' } });
  admin.name = 'Maria Jonas';
  return { org, partner, admin };
}

const orgInput = (org: { name: string }, overrides: Record<string, unknown> = {}) => ({ name: org.name, phone: '03931 222', description: 'Neue Beschreibung', ...overrides });

beforeEach(async () => {
  await resetDb();
});

describe('proposing', () => {
  it('stores the validated form values and the base version; the public entry stays unchanged', async () => {
    const { org, partner } = await setup();
    expect(await getEditMode({ actor: partner, organizationId: org.id })).toBe('propose');
    const { id } = await proposeChange({ actor: partner, organizationId: org.id, entityType: 'Organization', action: 'UPDATE', baseVersion: 1, input: { ...orgInput(org), isTrusted: 'on', bogus: 'x' } });
    const request = await db.changeRequest.findUniqueOrThrow({ where: { id } });
    expect(request).toMatchObject({ status: 'PENDING', entityType: 'Organization', entityId: org.id, action: 'UPDATE', baseVersion: 1, createdById: partner.id });
    // Only the form's fields are kept (no isTrusted, nothing unknown).
    expect(request.payload).toEqual({ name: org.name, phone: '03931 222', description: 'Neue Beschreibung' });
    const after = await db.organization.findUniqueOrThrow({ where: { id: org.id } });
    expect(after.phone).toBe('03931 111');
    expect(after.version).toBe(1);
    expect(await countPendingChangeRequests({ actor: partner })).toBe(1);
  });

  it('validates proposals with the same schema as a direct edit', async () => {
    const { org, partner } = await setup();
    const error = await expectCode(
      proposeChange({ actor: partner, organizationId: org.id, entityType: 'Schedule', action: 'CREATE', input: { weekday: '9', opensAt: '12:00', closesAt: '09:00' } }),
      'VALIDATION',
    );
    expect(Object.keys(error.details.fieldErrors ?? {}).sort()).toEqual(['closesAt', 'weekday']);
    const location = await createLocation({ organizationId: (await createOrganization()).id });
    const foreign = await expectCode(
      proposeChange({ actor: partner, organizationId: org.id, entityType: 'Schedule', action: 'CREATE', input: { weekday: '4', opensAt: '14:00', closesAt: '16:00', locationId: location.id } }),
      'VALIDATION',
    );
    expect(foreign.details.fieldErrors).toHaveProperty('locationId');
    expect(await db.changeRequest.count()).toBe(0);
  });

  it('refuses a proposal based on an outdated form, saying what changed', async () => {
    const { org, partner, admin } = await setup();
    const service = await createService({ organizationId: org.id, name: 'Migrationsberatung (Beispiel)' });
    await updateService({ actor: admin, id: service.id, version: 1, input: { name: 'MBE (Beispiel)' } });
    const error = await expectCode(
      proposeChange({ actor: partner, organizationId: org.id, entityType: 'Service', action: 'UPDATE', entityId: service.id, baseVersion: 1, input: { name: 'Anders (Beispiel)' } }),
      'CONFLICT',
    );
    expect(error.details.currentVersion).toBe(2);
    expect(error.details.changes).toEqual([expect.objectContaining({ field: 'name', after: 'MBE (Beispiel)', by: 'Maria Jonas' })]);
    expect(await db.changeRequest.count()).toBe(0);
  });

  it('amends the proposer\'s pending proposal for the same record instead of filing a second one, and lets them withdraw', async () => {
    const { org, partner } = await setup();
    const first = await proposeChange({ actor: partner, organizationId: org.id, entityType: 'Organization', action: 'UPDATE', baseVersion: 1, input: orgInput(org) });
    const second = await proposeChange({ actor: partner, organizationId: org.id, entityType: 'Organization', action: 'UPDATE', baseVersion: 1, input: orgInput(org, { phone: '03931 333' }) });
    expect(second).toEqual({ id: first.id, amended: true });
    expect(await db.changeRequest.count({ where: { organizationId: org.id } })).toBe(1);
    const amended = await db.changeRequest.findUniqueOrThrow({ where: { id: first.id } });
    expect(amended).toMatchObject({ status: 'PENDING', payload: expect.objectContaining({ phone: '03931 333' }) });
    // The amendment is in the history with the fields it changed.
    const audit = await db.auditLog.findFirstOrThrow({ where: { entityType: 'ChangeRequest', entityId: first.id, action: 'UPDATE' } });
    expect(audit.changes).toEqual({ 'Organization.phone': { before: '03931 222', after: '03931 333' } });
    // Two saves at the same moment still leave one pending proposal.
    await Promise.all([1, 2].map((n) => proposeChange({ actor: partner, organizationId: org.id, entityType: 'Organization', action: 'UPDATE', baseVersion: 1, input: orgInput(org, { phone: `03931 44${n}` }) })));
    expect(await db.changeRequest.count({ where: { organizationId: org.id, status: 'PENDING' } })).toBe(1);
    await withdrawChangeRequest({ actor: partner, id: second.id });
    expect((await db.changeRequest.findUniqueOrThrow({ where: { id: second.id } })).status).toBe('WITHDRAWN');
    await expectCode(withdrawChangeRequest({ actor: partner, id: second.id }), 'NOT_FOUND');
  });
});

describe('approving', () => {
  it('applies the proposal atomically, audits it with both names and the request id, and notifies the partner', async () => {
    const { org, partner, admin } = await setup();
    const { id } = await proposeChange({ actor: partner, organizationId: org.id, entityType: 'Organization', action: 'UPDATE', baseVersion: 1, input: orgInput(org) });
    const detail = await getChangeRequest({ actor: admin, id });
    expect(detail.diff).toEqual([
      { field: 'description', label: 'Beschreibung', before: null, after: 'Neue Beschreibung' },
      { field: 'phone', label: 'Telefon', before: '03931 111', after: '03931 222' },
    ]);
    expect(detail.canReview).toBe(true);
    await approveChangeRequest({ actor: admin, id });
    const after = await db.organization.findUniqueOrThrow({ where: { id: org.id } });
    expect(after).toMatchObject({ phone: '03931 222', description: 'Neue Beschreibung', version: 2 });
    const request = await db.changeRequest.findUniqueOrThrow({ where: { id } });
    expect(request).toMatchObject({ status: 'APPROVED', reviewedById: admin.id });
    const audit = await db.auditLog.findFirstOrThrow({ where: { entityType: 'Organization', action: 'UPDATE' } });
    expect(audit.actorName).toBe('Maria Jonas (Vorschlag von Erika Partner)');
    expect(audit.actorId).toBe(admin.id);
    expect(audit.changeRequestId).toBe(id);
    expect(await db.auditLog.count({ where: { entityType: 'ChangeRequest', action: 'APPROVE', changeRequestId: id } })).toBe(1);
    const mail = await db.outboxEmail.findFirstOrThrow({ where: { kind: 'change-request', refId: id } });
    expect(mail.to).toBe(partner.email);
    expect(mail.subject).toMatch(/übernommen/);
    expect(mail.text).toContain(`/de/admin/aenderungen/${id}`);
    // The partner sees "approved" and what was applied.
    const seen = await getChangeRequest({ actor: partner, id });
    expect(seen.status).toBe('APPROVED');
    expect(seen.canReview).toBe(false);
    expect(seen.diff.map((row) => row.field).sort()).toEqual(['description', 'phone']);
    await expectCode(approveChangeRequest({ actor: admin, id }), 'CONFLICT');
  });

  it('refuses a stale base version with CONFLICT and applies nothing; edited approval on the current version works', async () => {
    const { org, partner, admin } = await setup();
    const service = await createService({ organizationId: org.id, name: 'Migrationsberatung (Beispiel)', cost: 'kostenlos' });
    const { id } = await proposeChange({ actor: partner, organizationId: org.id, entityType: 'Service', action: 'UPDATE', entityId: service.id, baseVersion: 1, input: { name: 'Migrationsberatung (Beispiel)', cost: '5 Euro' } });
    await updateService({ actor: admin, id: service.id, version: 1, input: { name: 'MBE (Beispiel)' } });
    const auditBefore = await db.auditLog.count();
    const error = await expectCode(approveChangeRequest({ actor: admin, id }), 'CONFLICT');
    expect(error.message).toMatch(/Bearbeiten und übernehmen/);
    expect(error.details.changes).toEqual([expect.objectContaining({ field: 'name', after: 'MBE (Beispiel)' })]);
    const unchanged = await db.service.findUniqueOrThrow({ where: { id: service.id } });
    expect(unchanged).toMatchObject({ name: 'MBE (Beispiel)', cost: 'kostenlos', version: 2 });
    expect((await db.changeRequest.findUniqueOrThrow({ where: { id } })).status).toBe('PENDING');
    expect(await db.auditLog.count()).toBe(auditBefore);
    expect(await db.outboxEmail.count()).toBe(0);
    const detail = await getChangeRequest({ actor: admin, id });
    expect(detail.isStale).toBe(true);
    expect(detail.conflictChanges).toEqual([expect.objectContaining({ field: 'name', label: 'Name', after: 'MBE (Beispiel)' })]);
    expect(detail.formValues).toMatchObject({ cost: '5 Euro' });

    await approveChangeRequest({ actor: admin, id, version: 2, input: { ...detail.formValues, name: 'MBE (Beispiel)' } });
    const applied = await db.service.findUniqueOrThrow({ where: { id: service.id } });
    expect(applied).toMatchObject({ name: 'MBE (Beispiel)', cost: '5 Euro', version: 3 });
    const request = await db.changeRequest.findUniqueOrThrow({ where: { id } });
    expect(request.status).toBe('APPROVED');
    expect(request.reviewComment).toMatch(/Anpassungen/);
  });

  it('rolls back the whole approval when the proposal is no longer valid', async () => {
    const { org, partner, admin } = await setup();
    const location = await createLocation({ organizationId: org.id });
    const { id } = await proposeChange({ actor: partner, organizationId: org.id, entityType: 'Schedule', action: 'CREATE', input: { weekday: '4', opensAt: '14:00', closesAt: '16:00', locationId: location.id } });
    await db.location.update({ where: { id: location.id }, data: { deletedAt: new Date() } });
    const error = await expectCode(approveChangeRequest({ actor: admin, id }), 'VALIDATION');
    expect(error.details.fieldErrors).toHaveProperty('locationId');
    expect(await db.schedule.count()).toBe(0);
    expect((await db.changeRequest.findUniqueOrThrow({ where: { id } })).status).toBe('PENDING');
    expect(await db.auditLog.count({ where: { changeRequestId: id, NOT: { action: 'CREATE' } } })).toBe(0);
  });

  it('applies new records, deletions and language offers through the normal data functions', async () => {
    const { org, partner, admin } = await setup();
    await createLanguage({ code: 'ar' });
    await createLanguage({ code: 'uk', nameDe: 'Ukrainisch', nameNative: 'Українська' });
    const slot = await createSchedule({ organizationId: org.id });
    const location = await createLocation({ organizationId: org.id });
    const contact = await createContactPerson({ organizationId: org.id, role: 'Beratung (Beispiel)' });

    const created = await proposeChange({ actor: partner, organizationId: org.id, entityType: 'Schedule', action: 'CREATE', input: { weekday: '4', opensAt: '14:00', closesAt: '16:00', note: 'offene Sprechstunde' } });
    const detail = await getChangeRequest({ actor: admin, id: created.id });
    expect(detail.subject).toBe('Sprechzeit „Donnerstag 14:00–16:00 Uhr“ neu anlegen');
    expect(detail.diff).toEqual(
      expect.arrayContaining([
        { field: 'weekday', label: 'Wochentag', before: null, after: 'Donnerstag' },
        { field: 'opensAt', label: 'Beginn', before: null, after: '14:00 Uhr' },
      ]),
    );
    const removed = await proposeChange({ actor: partner, organizationId: org.id, entityType: 'Schedule', action: 'DELETE', entityId: slot.id });
    const gone = await proposeChange({ actor: partner, organizationId: org.id, entityType: 'Location', action: 'DELETE', entityId: location.id });
    const languages = await proposeChange({
      actor: partner,
      organizationId: org.id,
      entityType: 'ContactPerson',
      action: 'UPDATE',
      entityId: contact.id,
      baseVersion: 1,
      input: { role: 'Beratung (Beispiel)', languageCodes: ['ar', 'uk'] },
    });
    expect((await getChangeRequest({ actor: admin, id: languages.id })).diff).toEqual([
      { field: 'languageCodes', label: 'Sprachen', before: null, after: 'Arabisch, Ukrainisch' },
    ]);
    // Nothing is public before approval.
    expect(await db.schedule.count()).toBe(1);
    expect(await db.languageOffer.count()).toBe(0);

    for (const request of [created, removed, gone, languages]) await approveChangeRequest({ actor: admin, id: request.id });
    const schedules = await db.schedule.findMany();
    expect(schedules).toHaveLength(1);
    expect(schedules[0]).toMatchObject({ weekday: 4, opensAt: 14 * 60, closesAt: 16 * 60, note: 'offene Sprechstunde' });
    expect((await db.changeRequest.findUniqueOrThrow({ where: { id: created.id } })).entityId).toBe(schedules[0].id);
    expect((await db.location.findUniqueOrThrow({ where: { id: location.id } })).deletedAt).not.toBeNull();
    expect((await db.languageOffer.findMany({ where: { contactPersonId: contact.id } })).map((o) => o.languageCode).sort()).toEqual(['ar', 'uk']);
    expect(await db.auditLog.count({ where: { changeRequestId: { not: null }, actorName: 'Maria Jonas (Vorschlag von Erika Partner)' } })).toBe(4);
    expect(await db.outboxEmail.count({ where: { kind: 'change-request', to: partner.email } })).toBe(4);
  });

  it('refuses a deletion when the record changed since the proposal', async () => {
    const { org, partner, admin } = await setup();
    const service = await createService({ organizationId: org.id });
    const { id } = await proposeChange({ actor: partner, organizationId: org.id, entityType: 'Service', action: 'DELETE', entityId: service.id });
    await updateService({ actor: admin, id: service.id, version: 1, input: { cost: 'kostenlos' } });
    await expectCode(approveChangeRequest({ actor: admin, id }), 'CONFLICT');
    expect((await db.service.findUniqueOrThrow({ where: { id: service.id } })).deletedAt).toBeNull();
  });
});

describe('rejecting', () => {
  it('keeps the entry unchanged, records the comment and notifies the partner', async () => {
    const { org, partner, admin } = await setup();
    const { id } = await proposeChange({ actor: partner, organizationId: org.id, entityType: 'Organization', action: 'UPDATE', baseVersion: 1, input: orgInput(org) });
    await expectCode(rejectChangeRequest({ actor: admin, id, input: { comment: '' } }), 'VALIDATION');
    await rejectChangeRequest({ actor: admin, id, input: { comment: 'Die Nummer ist die Zentrale, bitte die Durchwahl angeben.' } });
    const after = await db.organization.findUniqueOrThrow({ where: { id: org.id } });
    expect(after).toMatchObject({ phone: '03931 111', version: 1 });
    expect(await db.changeRequest.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: 'REJECTED', reviewComment: 'Die Nummer ist die Zentrale, bitte die Durchwahl angeben.' });
    const mail = await db.outboxEmail.findFirstOrThrow({ where: { kind: 'change-request', refId: id } });
    expect(mail.to).toBe(partner.email);
    expect(mail.subject).toMatch(/nicht übernommen/);
    expect(mail.text).toContain('Die Nummer ist die Zentrale');
    const seen = (await listChangeRequests({ actor: partner }))[0];
    expect(seen).toMatchObject({ status: 'REJECTED', reviewComment: 'Die Nummer ist die Zentrale, bitte die Durchwahl angeben.', reviewedByName: 'Maria Jonas' });
    await expectCode(approveChangeRequest({ actor: admin, id }), 'CONFLICT');
  });
});

describe('trusted organizations', () => {
  it('let their partners edit directly', async () => {
    const { org, partner, admin } = await setup();
    await expectCode(setOrganizationTrusted({ actor: partner, id: org.id, isTrusted: true }), 'FORBIDDEN');
    await setOrganizationTrusted({ actor: admin, id: org.id, isTrusted: true });
    const trustedView = { ...partner };
    expect(await getEditMode({ actor: trustedView, organizationId: org.id })).toBe('direct');
    const audit = await db.auditLog.findFirstOrThrow({ where: { entityId: org.id } });
    expect(audit.changes).toEqual({ isTrusted: { before: false, after: true } });
    // The version is untouched: pending proposals do not turn stale.
    expect((await db.organization.findUniqueOrThrow({ where: { id: org.id } })).version).toBe(1);
  });
});

describe('review permissions', () => {
  it('refuse partners and anonymous callers', async () => {
    const { org, partner } = await setup();
    const { id } = await proposeChange({ actor: partner, organizationId: org.id, entityType: 'Organization', action: 'UPDATE', baseVersion: 1, input: orgInput(org) });
    await expectCode(approveChangeRequest({ actor: partner, id }), 'FORBIDDEN');
    await expectCode(rejectChangeRequest({ actor: partner, id, input: { comment: 'nein' } }), 'FORBIDDEN');
    await expectCode(approveChangeRequest({ actor: null, id }), 'UNAUTHENTICATED');
    await expectCode(proposeChange({ actor: null, organizationId: org.id, entityType: 'Organization', action: 'UPDATE', baseVersion: 1, input: orgInput(org) }), 'UNAUTHENTICATED');
    await expectCode(listChangeRequests({ actor: null }), 'UNAUTHENTICATED');
    expect((await db.changeRequest.findUniqueOrThrow({ where: { id } })).status).toBe('PENDING');
    expect((await db.organization.findUniqueOrThrow({ where: { id: org.id } })).phone).toBe('03931 111');
  });
});
