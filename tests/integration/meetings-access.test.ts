// Every data function, server action and route of meetings (issue 14 points 1 and 2) for five
// callers: anonymous, a partner of an invited organization, a partner of an uninvited one, a
// coordinator and a second coordinator account (admin). Refusals change nothing; minutes, answers
// and internal contacts never reach anonymous callers or uninvited partners. Synthetic records.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Actor } from '@/lib/permissions';
import { createContactPerson, createOrganization } from '../factories/index.ts';
import { getTestDb, resetDb } from '../setup/db.ts';
import { cookieStore, createAdminActor, createPartnerActor, sessionCookieFor } from './helpers/admin-actors.ts';
import { errorCode, form } from './helpers/server-actions.ts';

const session: { cookie?: string } = {};
vi.mock('next/headers', () => ({
  cookies: async () => cookieStore(session.cookie ? { 'next-auth.session-token': session.cookie } : {}),
}));

const { createMeeting } = await import('@/lib/data/meetings/create-meeting');
const { updateMeeting } = await import('@/lib/data/meetings/update-meeting');
const { setMeetingStatus } = await import('@/lib/data/meetings/set-meeting-status');
const { inviteToMeeting } = await import('@/lib/data/meetings/invite-to-meeting');
const { listMeetings } = await import('@/lib/data/meetings/list-meetings');
const { getMeeting } = await import('@/lib/data/meetings/get-meeting');
const { listMeetingAnswers } = await import('@/lib/data/meetings/list-meeting-answers');
const { listMeetingOptions } = await import('@/lib/data/meetings/list-meeting-options');
const { recordAttendance } = await import('@/lib/data/meetings/record-attendance');
const { saveMinutes } = await import('@/lib/data/meetings/save-minutes');
const { createMeetingTask } = await import('@/lib/data/meetings/create-meeting-task');
const { updateMeetingTask, listMeetingTasks } = await import('@/lib/data/meetings/update-meeting-task');
const { proposeAgendaItem } = await import('@/lib/data/meetings/propose-agenda-item');
const { decideAgendaItem } = await import('@/lib/data/meetings/decide-agenda-item');
const { addMeetingDocument, deleteMeetingDocument, getMeetingDocumentFile } = await import('@/lib/data/meetings/meeting-documents');
const { listNetworkMembers } = await import('@/lib/data/meetings/list-network-members');
const { createCalendarFeed, getCalendarFeedStatus, revokeCalendarFeed } = await import('@/lib/data/meetings/calendar-feed');
const actions = await import('@/app/[locale]/admin/treffen/actions');
const answerActions = await import('@/app/[locale]/treffen/antwort/[token]/actions');
const documentRoute = await import('@/app/api/admin/meetings/documents/[id]/route');
const feedRoute = await import('@/app/api/kalender/[token]/route');

const db = getTestDb();
const idle = { status: 'idle' as const };
const MEETING = { title: 'Runder Tisch (Beispiel)', kind: 'ROUND_TABLE', startsAt: '2027-05-04T10:00', endsAt: '2027-05-04T12:00', placeText: 'Rathaus (Beispiel)' };

async function signInAs(actor: Actor | null) {
  session.cookie = actor ? await sessionCookieFor(actor) : undefined;
}

async function world() {
  const coordinator = await createAdminActor();
  const admin = await createAdminActor();
  const invited = await createOrganization({ name: 'Eingeladen (Beispiel)', email: 'eingeladen@example.org' });
  const uninvited = await createOrganization({ name: 'Nicht eingeladen (Beispiel)', email: 'aussen@example.org' });
  const internal = await createContactPerson({ organizationId: invited.id, role: 'Leitung (Beispiel)', name: 'Interna Beispiel', email: 'intern@example.org', visibility: 'NETWORK_INTERNAL' });
  const partnerInvited = await createPartnerActor([invited.id]);
  const partnerUninvited = await createPartnerActor([uninvited.id]);
  const { id } = await createMeeting({ actor: coordinator, input: MEETING });
  await inviteToMeeting({ actor: coordinator, id, input: { organizationIds: [invited.id] } });
  await db.meetingInvitee.updateMany({ where: { meetingId: id }, data: { answer: 'YES', peopleCount: 7, note: 'Geheime Notiz' } });
  await saveMinutes({ actor: coordinator, id, version: 1, input: { minutesReports: 'Protokolltext (Beispiel)', publish: 'on' } });
  const task = await createMeetingTask({ actor: coordinator, meetingId: id, input: { title: 'Aufgabe (Beispiel)', organizationId: invited.id, dueDate: '2027-06-01' } });
  const item = await proposeAgendaItem({ actor: coordinator, meetingId: id, input: { title: 'Punkt (Beispiel)' } });
  const link = await addMeetingDocument({ actor: coordinator, meetingId: id, input: { title: 'Link (Beispiel)', url: 'https://example.org/a.pdf' } });
  const file = await addMeetingDocument({ actor: coordinator, meetingId: id, input: { title: 'Datei (Beispiel)' }, file: { filename: 'tagesordnung.txt', content: Buffer.from('Tagesordnung (Beispiel)') } });
  const invitee = await db.meetingInvitee.findFirstOrThrow({ where: { meetingId: id } });
  return { coordinator, admin, invited, uninvited, internal, partnerInvited, partnerUninvited, id, task, item, link, file, invitee };
}

async function state() {
  return Promise.all([
    db.meeting.findMany({ orderBy: { id: 'asc' } }),
    db.meetingInvitee.findMany({ orderBy: { id: 'asc' } }),
    db.meetingTask.findMany({ orderBy: { id: 'asc' } }),
    db.meetingAgendaItem.findMany({ orderBy: { id: 'asc' } }),
    db.meetingDocument.count(),
    db.calendarFeed.count(),
    db.auditLog.count(),
  ]);
}

beforeEach(async () => {
  await resetDb();
  session.cookie = undefined;
});

describe('meeting data functions for every kind of caller', () => {
  it('give coordinators everything, invited partners their view, and refuse everybody else', async () => {
    const w = await world();
    const coordinatorWrites = (actor: Actor | null) => [
      createMeeting({ actor, input: MEETING }),
      updateMeeting({ actor, id: w.id, version: 2, input: { ...MEETING, title: 'Geändert' } }),
      setMeetingStatus({ actor, id: w.id, version: 2, status: 'HELD' }),
      inviteToMeeting({ actor, id: w.id, input: { organizationIds: [w.uninvited.id] } }),
      recordAttendance({ actor, id: w.id, input: { presentIds: [w.invitee.id] } }),
      saveMinutes({ actor, id: w.id, version: 2, input: { minutesReports: 'Überschrieben' } }),
      createMeetingTask({ actor, meetingId: w.id, input: { title: 'Neu', organizationId: w.invited.id, dueDate: '2027-06-01' } }),
      decideAgendaItem({ actor, id: w.item.id, input: { status: 'REJECTED', sortOrder: '0' } }),
      addMeetingDocument({ actor, meetingId: w.id, input: { title: 'X', url: 'https://example.org/x' } }),
      deleteMeetingDocument({ actor, id: w.link.id }),
      listMeetingAnswers({ actor, id: w.id }),
      listMeetingOptions({ actor }),
    ];
    const before = await state();
    for (const [actor, code] of [
      [null, 'UNAUTHENTICATED'],
      [w.partnerInvited, 'FORBIDDEN'],
      [w.partnerUninvited, 'FORBIDDEN'],
    ] as const) {
      const codes = await Promise.all(coordinatorWrites(actor).map((call) => errorCode(call)));
      codes.forEach((got, index) => expect(got, `coordinator function #${index} for ${actor?.email ?? 'anonymous'}`).toBe(code));
    }
    expect(await state()).toEqual(before);

    // Reads by anonymous callers.
    for (const call of [
      listMeetings({ actor: null }),
      getMeeting({ actor: null, id: w.id }),
      listMeetingTasks({ actor: null }),
      getMeetingDocumentFile({ actor: null, id: w.file.id }),
      listNetworkMembers({ actor: null }),
      getCalendarFeedStatus({ actor: null }),
      createCalendarFeed({ actor: null }),
      revokeCalendarFeed({ actor: null }),
      proposeAgendaItem({ actor: null, meetingId: w.id, input: { title: 'X' } }),
      updateMeetingTask({ actor: null, id: w.task.id, version: 1, input: { isDone: 'on' } }),
    ]) {
      expect(await errorCode(call)).toBe('UNAUTHENTICATED');
    }

    // The uninvited partner: the meeting, its minutes, documents and tasks do not exist for them.
    expect(await listMeetings({ actor: w.partnerUninvited })).toEqual({ upcoming: [], past: [] });
    expect(await errorCode(getMeeting({ actor: w.partnerUninvited, id: w.id }))).toBe('NOT_FOUND');
    expect(await errorCode(getMeetingDocumentFile({ actor: w.partnerUninvited, id: w.file.id }))).toBe('NOT_FOUND');
    expect(await errorCode(proposeAgendaItem({ actor: w.partnerUninvited, meetingId: w.id, input: { title: 'X' } }))).toBe('NOT_FOUND');
    expect(await errorCode(updateMeetingTask({ actor: w.partnerUninvited, id: w.task.id, version: 1, input: { isDone: 'on' } }))).toBe('NOT_FOUND');
    expect(await listMeetingTasks({ actor: w.partnerUninvited })).toEqual([]);
    expect(await state()).toEqual(before);

    // The invited partner: meeting, published minutes, documents, own tasks; never the answers.
    const seen = await getMeeting({ actor: w.partnerInvited, id: w.id });
    expect(seen.minutes?.reports).toBe('Protokolltext (Beispiel)');
    expect(JSON.stringify(seen)).not.toContain('Geheime Notiz');
    expect(seen.formValues).toBeNull();
    expect((await getMeetingDocumentFile({ actor: w.partnerInvited, id: w.file.id })).content.toString()).toBe('Tagesordnung (Beispiel)');
    expect((await listMeetingTasks({ actor: w.partnerInvited })).map((t) => t.id)).toEqual([w.task.id]);
    expect((await listMeetings({ actor: w.partnerInvited })).upcoming.map((m) => m.id)).toEqual([w.id]);
    // Published minutes marked the meeting as held: no more proposals there; a planned one takes them.
    expect(await errorCode(proposeAgendaItem({ actor: w.partnerInvited, meetingId: w.id, input: { title: 'Zu spät' } }))).toBe('CONFLICT');
    const next = await createMeeting({ actor: w.coordinator, input: MEETING });
    await inviteToMeeting({ actor: w.coordinator, id: next.id, input: { organizationIds: [w.invited.id] } });
    await proposeAgendaItem({ actor: w.partnerInvited, meetingId: next.id, input: { title: 'Vorschlag (Beispiel)' } });
    expect(await db.meetingAgendaItem.findFirstOrThrow({ where: { title: 'Vorschlag (Beispiel)' } })).toMatchObject({ status: 'PROPOSED', organizationId: w.invited.id });
    expect(await errorCode(proposeAgendaItem({ actor: w.partnerUninvited, meetingId: next.id, input: { title: 'X' } }))).toBe('NOT_FOUND');
    await updateMeetingTask({ actor: w.partnerInvited, id: w.task.id, version: 1, input: { isDone: 'on', note: 'Fertig' } });

    // Both partners see the network members with internal contacts (signed in); it is not public.
    for (const actor of [w.partnerInvited, w.partnerUninvited, w.coordinator, w.admin]) {
      const members = await listNetworkMembers({ actor });
      expect(members.flatMap((m) => m.contacts.map((c) => c.email))).toContain('intern@example.org');
    }

    // Coordinator and admin: everything, answers included.
    for (const actor of [w.coordinator, w.admin]) {
      expect((await listMeetingAnswers({ actor, id: w.id })).counts).toMatchObject({ yes: 1, people: 7 });
      expect((await getMeeting({ actor, id: w.id })).formValues?.startsAt).toBe('2027-05-04T10:00');
      expect((await listMeetingOptions({ actor })).organizations.length).toBe(2);
    }
    await updateMeeting({ actor: w.admin, id: w.id, version: 2, input: { ...MEETING, description: 'Mit Imbiss' } });
    await decideAgendaItem({ actor: w.coordinator, id: w.item.id, input: { status: 'ACCEPTED', sortOrder: '1' } });
    await recordAttendance({ actor: w.coordinator, id: w.id, input: { presentIds: [w.invitee.id] } });
    await deleteMeetingDocument({ actor: w.admin, id: w.link.id });
    expect(await db.meetingDocument.count()).toBe(1);

    // Everyone signed in has a personal calendar link.
    for (const actor of [w.partnerInvited, w.partnerUninvited, w.coordinator, w.admin]) {
      await createCalendarFeed({ actor });
      expect((await getCalendarFeedStatus({ actor })).createdAt).not.toBeNull();
      await revokeCalendarFeed({ actor });
    }
  });
});

describe('meeting server actions and routes', () => {
  it('refuse anonymous callers and uninvited partners without changing anything', async () => {
    const w = await world();
    const before = await state();
    for (const actor of [null, w.partnerUninvited]) {
      await signInAs(actor);
      const results = [
        await actions.createMeetingAction(idle, form(MEETING)),
        await actions.updateMeetingAction(w.id, idle, form({ ...MEETING, version: '2' })),
        await actions.setMeetingStatusAction(w.id, 2, 'CANCELLED', idle),
        await actions.inviteAction(w.id, idle, form({ organizationIds: w.uninvited.id })),
        await actions.attendanceAction(w.id, idle, form({ presentIds: w.invitee.id })),
        await actions.minutesAction(w.id, idle, form({ minutesReports: 'X', version: '2' })),
        await actions.createTaskAction(w.id, idle, form({ title: 'X', organizationId: w.invited.id, dueDate: '2027-06-01' })),
        await actions.updateTaskAction(w.task.id, '/de/admin/treffen', idle, form({ isDone: 'on', version: '1' })),
        await actions.proposeAgendaAction(w.id, idle, form({ title: 'X' })),
        await actions.decideAgendaAction(w.id, w.item.id, 'REJECTED', idle, form({})),
        await actions.addDocumentAction(w.id, idle, form({ title: 'X', url: 'https://example.org/x' })),
        await actions.deleteDocumentAction(w.id, w.link.id, idle),
        ...(actor ? [] : [await actions.createFeedAction(idle), await actions.revokeFeedAction(idle)]),
      ];
      results.forEach((result, index) => expect(result.status, `action #${index} for ${actor?.email ?? 'anonymous'}`).toBe('error'));
      const file = await documentRoute.GET(new Request(`http://localhost/api/admin/meetings/documents/${w.file.id}`), { params: Promise.resolve({ id: w.file.id }) });
      expect(file.status).toBe(actor ? 404 : 401);
    }
    expect(await state()).toEqual(before);

    // The invited partner may download the file; the feed URL works only with a real token.
    await signInAs(w.partnerInvited);
    const file = await documentRoute.GET(new Request('http://localhost/x'), { params: Promise.resolve({ id: w.file.id }) });
    expect(file.status).toBe(200);
    expect(file.headers.get('cache-control')).toContain('no-store');
    const created = await actions.createFeedAction(idle);
    const token = created.message!.split('/').pop()!;
    const feed = await feedRoute.GET(new Request('http://localhost/x'), { params: Promise.resolve({ token }) });
    expect(feed.status).toBe(200);
    expect(feed.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
    expect(feed.headers.get('cache-control')).toBe('no-store');
    expect(await feed.text()).toContain('SUMMARY:Runder Tisch (Beispiel)');
    expect((await feedRoute.GET(new Request('http://localhost/x'), { params: Promise.resolve({ token: 'x'.repeat(43) }) })).status).toBe(404);

    // The answer action with a broken token: a clear error, nothing stored.
    const answered = await answerActions.answerMeetingAction('kaputt', idle, form({ answer: 'YES', peopleCount: '2' }));
    expect(answered).toMatchObject({ status: 'error', message: 'Dieser Link ist nicht (mehr) gültig.' });
    const invalid = await answerActions.answerMeetingAction('kaputt', idle, form({ answer: 'JEIN', peopleCount: 'viele', note: 'Hallo' }));
    expect(invalid.fieldErrors?.answer).toBeDefined();
    expect(invalid.values).toMatchObject({ note: 'Hallo', peopleCount: 'viele' });
    expect(await db.meetingInvitee.findUniqueOrThrow({ where: { id: w.invitee.id } })).toMatchObject({ answer: 'YES', peopleCount: 7 });
  });
});
