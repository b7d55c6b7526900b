// Visitor reports, freshness, GDPR and the dashboard: server actions, the JSON export route and the
// data functions added for them. Anonymous and other organizations' partners are refused without
// writing; invalid input gives field errors and writes nothing.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createContactPerson, createOrganization, createUser } from '../factories/index.ts';
import { getTestDb, resetDb } from '../setup/db.ts';
import { cookieStore, createAdminActor, createPartnerActor, sessionCookieFor } from './helpers/admin-actors.ts';
import { errorCode, form, redirectOf } from './helpers/server-actions.ts';

const session: { cookie?: string } = {};
vi.mock('next/headers', () => ({
  cookies: async () => cookieStore(session.cookie ? { 'next-auth.session-token': session.cookie } : {}),
}));

const feedbackActions = await import('@/app/[locale]/admin/meldungen/actions');
const freshnessActions = await import('@/app/[locale]/admin/aktualitaet/actions');
const privacyActions = await import('@/app/[locale]/admin/organisationen/[id]/kontakte/[contactId]/datenschutz/actions');
const exportRoute = await import('@/app/[locale]/admin/organisationen/[id]/kontakte/[contactId]/datenschutz/export/route');
const { markOrganizationVerified } = await import('@/lib/data/freshness');
const { getDashboard, listZeroResultFilters, listZeroResultSearches } = await import('@/lib/data/dashboard');
const db = getTestDb();
const idle = { status: 'idle' as const };
const DAY = 24 * 60 * 60 * 1000;

async function signInAs(actor: { id: string; name: string; email: string } | null) {
  session.cookie = actor ? await sessionCookieFor(actor) : undefined;
}

async function state() {
  const [feedback, organizations, contacts, verificationRequests, outbox, audit] = await Promise.all([
    db.feedback.findMany({ orderBy: { id: 'asc' }, select: { id: true, status: true, note: true, handledById: true } }),
    db.organization.findMany({ orderBy: { id: 'asc' }, select: { id: true, lastVerifiedAt: true, verifiedById: true, version: true } }),
    db.contactPerson.findMany({ orderBy: { id: 'asc' }, select: { id: true, consentWithdrawnAt: true, name: true } }),
    db.verificationRequest.count(),
    db.outboxEmail.count(),
    db.auditLog.count(),
  ]);
  return { feedback, organizations, contacts, verificationRequests, outbox, audit };
}

function overdueOrganization(overrides: Parameters<typeof createOrganization>[0] = {}) {
  return createOrganization({ status: 'PUBLISHED', lastVerifiedAt: new Date(Date.now() - 400 * DAY), reviewIntervalMonths: 12, ...overrides });
}

beforeEach(async () => {
  await resetDb();
  session.cookie = undefined;
});

describe('visitor report actions', () => {
  it('let only coordinators mark reports done or reopen them; invalid notes are refused', async () => {
    const org = await createOrganization();
    const feedback = await db.feedback.create({ data: { organizationId: org.id, message: 'Telefonnummer stimmt nicht', ipHash: 'x' } });
    const ownPartner = await createPartnerActor([org.id]);
    const stranger = await createPartnerActor([(await createOrganization()).id]);
    const before = await state();
    for (const actor of [null, stranger, ownPartner]) {
      await signInAs(actor);
      expect((await feedbackActions.markFeedbackDoneAction(feedback.id, idle, form({ note: 'erledigt' }))).status).toBe('error');
      expect((await feedbackActions.reopenFeedbackAction(feedback.id, idle)).status).toBe('error');
    }
    const admin = await createAdminActor();
    await signInAs(admin);
    const invalid = await feedbackActions.markFeedbackDoneAction(feedback.id, idle, form({ note: 'n'.repeat(1001) }));
    expect(invalid.status).toBe('error');
    expect(invalid.fieldErrors).toHaveProperty('note');
    expect(invalid.values?.note).toHaveLength(1001);
    expect((await feedbackActions.markFeedbackDoneAction('kein-uuid', idle, form({ note: '' }))).status).toBe('error');
    expect(await state()).toEqual(before);

    expect(await redirectOf(feedbackActions.markFeedbackDoneAction(feedback.id, idle, form({ note: 'Nummer korrigiert' })))).toBe('/de/admin/meldungen?erledigt=1');
    expect(await db.feedback.findUniqueOrThrow({ where: { id: feedback.id } })).toMatchObject({ status: 'DONE', note: 'Nummer korrigiert', handledById: admin.id });
    expect(await redirectOf(feedbackActions.reopenFeedbackAction(feedback.id, idle))).toContain('/de/admin/meldungen');
    expect((await db.feedback.findUniqueOrThrow({ where: { id: feedback.id } })).status).toBe('OPEN');
    expect(await db.auditLog.count({ where: { entityType: 'Feedback', entityId: feedback.id } })).toBe(2);
  });
});

describe('freshness', () => {
  it('markOrganizationVerified: coordinators for any entry, partners for their own only, audited', async () => {
    const org = await overdueOrganization();
    const other = await overdueOrganization();
    const partner = await createPartnerActor([org.id]);
    const before = await state();
    expect(await errorCode(markOrganizationVerified({ actor: null, id: org.id }))).toBe('UNAUTHENTICATED');
    expect(await errorCode(markOrganizationVerified({ actor: partner, id: other.id }))).toBe('NOT_FOUND');
    expect(await errorCode(markOrganizationVerified({ actor: partner, id: 'kein-uuid' }))).toBe('NOT_FOUND');
    expect(await state()).toEqual(before);

    const now = new Date('2026-12-01T10:00:00Z');
    await markOrganizationVerified({ actor: partner, id: org.id, now });
    const verified = await db.organization.findUniqueOrThrow({ where: { id: org.id } });
    expect(verified).toMatchObject({ lastVerifiedAt: now, verifiedById: partner.id, version: org.version });
    const admin = await createAdminActor();
    await markOrganizationVerified({ actor: admin, id: other.id, now });
    const audit = await db.auditLog.findMany({ where: { action: 'VERIFY' }, orderBy: { id: 'asc' } });
    expect(audit.map((row) => row.actorName)).toEqual([partner.name, admin.name]);
    expect(audit[0].changes).toMatchObject({ lastVerifiedAt: { after: now.toISOString() } });
  });

  it('reminder and verify actions refuse anonymous callers and partners of other organizations', async () => {
    const org = await overdueOrganization();
    const stranger = await createPartnerActor([(await createOrganization()).id]);
    const before = await state();
    for (const actor of [null, stranger]) {
      await signInAs(actor);
      expect((await freshnessActions.sendReminderAction(org.id, idle)).status).toBe('error');
      expect((await freshnessActions.sendAllRemindersAction(idle)).status).toBe('error');
      expect((await freshnessActions.markVerifiedAction(org.id, idle)).status).toBe('error');
    }
    // A partner of the entry may confirm it, but not send reminders.
    const own = await createPartnerActor([org.id]);
    await signInAs(own);
    expect((await freshnessActions.sendReminderAction(org.id, idle)).status).toBe('error');
    expect((await freshnessActions.sendAllRemindersAction(idle)).status).toBe('error');
    expect((await freshnessActions.markVerifiedAction('kein-uuid', idle)).status).toBe('error');
    expect(await state()).toEqual(before);
    expect(await redirectOf(freshnessActions.markVerifiedAction(org.id, idle))).toBe('/de/admin/aktualitaet?geprueft=1');
    expect((await db.organization.findUniqueOrThrow({ where: { id: org.id } })).verifiedById).toBe(own.id);
  });

  it('sends one reminder per entry, and in bulk only to entries not reminded recently', async () => {
    const admin = await createAdminActor();
    await signInAs(admin);
    const first = await overdueOrganization();
    const second = await overdueOrganization();
    const partner = await createUser({ email: 'partnerin@example.org' });
    await db.membership.create({ data: { userId: partner.id, organizationId: second.id } });
    await overdueOrganization({ email: null });
    expect(await redirectOf(freshnessActions.sendReminderAction(first.id, idle))).toBe('/de/admin/aktualitaet?gesendet=1&kuerzlich=0&ohneEmpfaenger=0');
    expect(await db.outboxEmail.count({ where: { refId: first.id } })).toBe(1);
    expect(await redirectOf(freshnessActions.sendAllRemindersAction(idle))).toBe('/de/admin/aktualitaet?gesendet=1&kuerzlich=1&ohneEmpfaenger=1');
    expect(await db.outboxEmail.findMany({ where: { refId: second.id }, select: { to: true } })).toEqual([{ to: 'partnerin@example.org' }]);
    expect(await db.outboxEmail.count({ where: { refId: first.id } })).toBe(1);
  });
});

describe('GDPR actions and export', () => {
  async function setup() {
    const org = await createOrganization();
    const contact = await createContactPerson({
      organizationId: org.id,
      name: 'Maria Beispiel',
      visibility: 'PUBLIC',
      consentGivenAt: new Date('2026-01-01T00:00:00Z'),
      consentScope: 'Name und Telefon',
    });
    return { org, contact };
  }

  async function download(orgId: string, contactId: string) {
    return exportRoute.GET(new Request('http://localhost/x'), { params: Promise.resolve({ id: orgId, contactId }) });
  }

  it('refuse anonymous callers and partners of other organizations without writing', async () => {
    const { org, contact } = await setup();
    const stranger = await createPartnerActor([(await createOrganization()).id]);
    const before = await state();
    for (const actor of [null, stranger]) {
      await signInAs(actor);
      expect((await privacyActions.withdrawConsentAction(org.id, contact.id, idle)).status).toBe('error');
      expect((await privacyActions.eraseContactAction(org.id, contact.id, idle, form({ confirm: 'on' }))).status).toBe('error');
      expect((await download(org.id, contact.id)).status).toBe(actor ? 404 : 401);
    }
    expect(await state()).toEqual(before);
  });

  it('let a partner of the organization withdraw consent, but not export or erase', async () => {
    const { org, contact } = await setup();
    const partner = await createPartnerActor([org.id]);
    await signInAs(partner);
    expect((await download(org.id, contact.id)).status).toBe(403);
    expect((await privacyActions.eraseContactAction(org.id, contact.id, idle, form({ confirm: 'on' }))).status).toBe('error');
    expect(await db.contactPerson.count({ where: { id: contact.id } })).toBe(1);
    expect(await redirectOf(privacyActions.withdrawConsentAction(org.id, contact.id, idle))).toBe(
      `/de/admin/organisationen/${org.id}/kontakte/${contact.id}/datenschutz?widerrufen=1`,
    );
    expect((await db.contactPerson.findUniqueOrThrow({ where: { id: contact.id } })).consentWithdrawnAt).not.toBeNull();
  });

  it('let a coordinator download everything as a JSON attachment and erase after confirming', async () => {
    const { org, contact } = await setup();
    const admin = await createAdminActor();
    await signInAs(admin);
    const response = await download(org.id, contact.id);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('application/json');
    expect(response.headers.get('content-disposition')).toMatch(/^attachment; filename="kontaktperson-.+\.json"$/);
    expect(response.headers.get('cache-control')).toBe('no-store');
    const body = await response.json();
    expect(body.contactPerson).toMatchObject({ name: 'Maria Beispiel', consentScope: 'Name und Telefon' });
    // The address must name the person's organization.
    expect((await download((await createOrganization()).id, contact.id)).status).toBe(404);

    const before = await state();
    const unconfirmed = await privacyActions.eraseContactAction(org.id, contact.id, idle, form({}));
    expect(unconfirmed.status).toBe('error');
    expect(unconfirmed.fieldErrors).toHaveProperty('confirm');
    expect(await state()).toEqual(before);

    expect(await redirectOf(privacyActions.eraseContactAction(org.id, contact.id, idle, form({ confirm: 'on' })))).toBe(
      `/de/admin/organisationen/${org.id}/kontakte/${contact.id}/datenschutz/geloescht`,
    );
    expect(await db.contactPerson.count({ where: { id: contact.id } })).toBe(0);
    expect(await db.auditLog.count({ where: { entityType: 'ContactPerson', entityId: contact.id, action: 'ERASE' } })).toBe(1);
    expect((await download(org.id, contact.id)).status).toBe(404);
  });
});

describe('dashboard', () => {
  it('refuses anonymous callers and shows partners only their own organizations', async () => {
    expect(await errorCode(getDashboard({ actor: null }))).toBe('UNAUTHENTICATED');
    const own = await overdueOrganization();
    const other = await overdueOrganization();
    await db.feedback.createMany({
      data: [
        { organizationId: own.id, message: 'eigene', ipHash: 'a' },
        { organizationId: other.id, message: 'fremde', ipHash: 'b' },
      ],
    });
    await db.changeRequest.createMany({
      data: [
        { organizationId: own.id, entityType: 'Organization', action: 'UPDATE', payload: {} },
        { organizationId: other.id, entityType: 'Organization', action: 'UPDATE', payload: {} },
        { organizationId: other.id, entityType: 'Organization', action: 'UPDATE', payload: {}, status: 'APPROVED' },
      ],
    });
    await db.searchLog.create({ data: { query: 'zahnarzt', locale: 'de', resultCount: 0 } });
    const partner = await createPartnerActor([own.id]);
    const mine = await getDashboard({ actor: partner });
    expect(mine.counts.PUBLISHED).toBe(1);
    expect(mine.overdue.map((o) => o.id)).toEqual([own.id]);
    expect(mine.feedback.map((f) => f.message)).toEqual(['eigene']);
    expect(mine.openFeedbackCount).toBe(1);
    expect(mine.pendingChangesCount).toBe(1);
    expect(mine.zeroResultSearches).toEqual([]);
    const admin = await createAdminActor();
    const all = await getDashboard({ actor: admin });
    expect(all.counts.PUBLISHED).toBe(2);
    expect(all.overdueCount).toBe(2);
    expect(all.openFeedbackCount).toBe(2);
    expect(all.pendingChangesCount).toBe(2);
    expect(all.zeroResultSearches.map((row) => row.query)).toEqual(['zahnarzt']);
  });

  it('groups searches without results by normalized words over the last 90 days (coordinators only)', async () => {
    const now = new Date('2026-12-01T12:00:00Z');
    const at = (days: number) => new Date(now.getTime() - days * DAY);
    await db.searchLog.createMany({
      data: [
        { query: 'Sprachkurs', locale: 'de', resultCount: 0, createdAt: at(1) },
        { query: ' sprachkurs ', locale: 'en', resultCount: 0, createdAt: at(2) },
        { query: 'SPRACHKURS', locale: 'de', resultCount: 0, createdAt: at(3) },
        { query: 'Schuldnerberatung Tangermünde', locale: 'de', resultCount: 0, createdAt: at(4) },
        { query: 'schuldnerberatung  tangermuende', locale: 'de', resultCount: 0, createdAt: at(5) },
        { query: 'Sprachkurs', locale: 'de', resultCount: 3, createdAt: at(1) },
        { query: 'Sprachkurs', locale: 'de', resultCount: 0, createdAt: at(91) },
        { query: '', locale: 'de', resultCount: 0, createdAt: at(1), filters: { language: 'ti', municipality: 'Havelberg' } },
        { query: '', locale: 'de', resultCount: 0, createdAt: at(2), filters: { language: 'ti', municipality: 'Havelberg' } },
      ],
    });
    const partner = await createPartnerActor([(await createOrganization()).id]);
    expect(await errorCode(listZeroResultSearches({ actor: partner, now }))).toBe('FORBIDDEN');
    expect(await errorCode(listZeroResultSearches({ actor: null, now }))).toBe('UNAUTHENTICATED');
    expect(await errorCode(listZeroResultFilters({ actor: partner, now }))).toBe('FORBIDDEN');
    const admin = await createAdminActor();
    const rows = await listZeroResultSearches({ actor: admin, now });
    expect(rows.map(({ query, count, locales }) => ({ query, count, locales }))).toEqual([
      { query: 'sprachkurs', count: 3, locales: ['de', 'en'] },
      { query: expect.stringMatching(/^schuldnerberatung tangerm/), count: 2, locales: ['de'] },
    ]);
    expect(rows[0].lastAt).toEqual(at(1));
    const filters = await listZeroResultFilters({ actor: admin, now });
    expect(filters).toEqual([{ filters: { language: 'ti', municipality: 'Havelberg' }, count: 2, lastAt: at(1) }]);
  });
});
