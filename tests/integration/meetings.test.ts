// Meetings (issue 14 points 1 and 2) against the embedded PostgreSQL and a real SMTP server
// started here: invitations with an iCalendar file that ical.js parses strictly (start time in
// Berlin in summer and in winter, stable UID, SEQUENCE raised on a move, CANCEL), answers through
// the personal link (hash only stored, overwritten by a later answer), reminders once, minutes
// and tasks, the personal feed. All records are synthetic examples.
import ICAL from 'ical.js';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { startSmtpCapture } from '../support/smtp-capture.ts';
import { createOrganization } from '../factories/index.ts';
import { getTestDb, resetDb } from '../setup/db.ts';
import { createAdminActor, createPartnerActor } from './helpers/admin-actors.ts';
import { expectCode } from './helpers/server-actions.ts';

const smtp = await startSmtpCapture();
process.env.SMTP_HOST = '127.0.0.1';
process.env.SMTP_PORT = String(smtp.port);
process.env.SMTP_SECURE = 'false';
process.env.SMTP_FROM = 'Netzwerk Integration Stendal (Beispiel) <treffen@example.org>';

const { createMeeting } = await import('@/lib/data/meetings/create-meeting');
const { updateMeeting } = await import('@/lib/data/meetings/update-meeting');
const { setMeetingStatus } = await import('@/lib/data/meetings/set-meeting-status');
const { inviteToMeeting } = await import('@/lib/data/meetings/invite-to-meeting');
const { answerInvitation, getInvitationByToken } = await import('@/lib/data/meetings/answer-invitation');
const { listMeetingAnswers } = await import('@/lib/data/meetings/list-meeting-answers');
const { getMeeting } = await import('@/lib/data/meetings/get-meeting');
const { saveMinutes } = await import('@/lib/data/meetings/save-minutes');
const { createMeetingTask } = await import('@/lib/data/meetings/create-meeting-task');
const { updateMeetingTask, listMeetingTasks } = await import('@/lib/data/meetings/update-meeting-task');
const { sendMeetingReminders } = await import('@/lib/data/meetings/send-meeting-reminders');
const { createCalendarFeed, renderCalendarFeed, revokeCalendarFeed } = await import('@/lib/data/meetings/calendar-feed');
const { createDistributionList } = await import('@/lib/data/distribution-lists/create-distribution-list');
const { hashToken } = await import('@/lib/auth/tokens');

const db = getTestDb();
afterAll(() => smtp.close());
beforeEach(async () => {
  await resetDb();
  smtp.mails.length = 0;
});

const BERLIN = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Berlin', hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' });
function berlin(date: Date): string {
  const p = Object.fromEntries(BERLIN.formatToParts(date).map((x) => [x.type, x.value]));
  return `${p.year}-${p.month}-${p.day}T${p.hour}:${p.minute}`;
}

// The one VEVENT of a mail's calendar attachment, parsed strictly by ical.js.
function calendarOf(mail: { parsed: { attachments: { contentType: string; content: Buffer }[] } }) {
  const attachment = mail.parsed.attachments.find((a) => a.contentType.startsWith('text/calendar'));
  expect(attachment, 'Kalenderdatei im Anhang').toBeDefined();
  const component = new ICAL.Component(ICAL.parse(attachment!.content.toString('utf8')));
  const vevent = component.getFirstSubcomponent('vevent')!;
  const event = new ICAL.Event(vevent);
  return {
    method: component.getFirstPropertyValue('method'),
    uid: event.uid,
    sequence: event.sequence,
    start: event.startDate.toJSDate(),
    end: event.endDate.toJSDate(),
    status: vevent.getFirstPropertyValue('status'),
    attendee: String(vevent.getFirstPropertyValue('attendee')),
    organizer: String(vevent.getFirstPropertyValue('organizer')),
  };
}

async function world(startsAt = '2027-07-01T18:00', endsAt = '2027-07-01T20:00') {
  const admin = await createAdminActor();
  const orgs = [];
  for (let i = 0; i < 3; i++) orgs.push(await createOrganization({ name: `Beratungsstelle ${i} (Beispiel)`, email: `stelle-${i}@example.org` }));
  const outsider = await createOrganization({ name: 'Nicht eingeladen (Beispiel)', email: 'aussen@example.org' });
  const { id: listId } = await createDistributionList({ actor: admin, input: { name: 'Treffen (Beispiel)', useFilter: '', addressMode: 'FUNCTIONAL_MAILBOX', organizationIds: orgs.map((o) => o.id) } });
  const { id } = await createMeeting({ actor: admin, input: { title: 'Netzwerktreffen Sommer (Beispiel)', kind: 'NETWORK_MEETING', startsAt, endsAt, placeText: 'Rathaus Stendal, Saal (Beispiel)', accessibilityNote: 'Aufzug vorhanden' } });
  return { admin, orgs, outsider, listId, id };
}

describe('invitations with iCalendar', () => {
  it('mails every invitee of a list a REQUEST with the Berlin start time (summer), a stable UID and a raised SEQUENCE after a move', async () => {
    const { admin, orgs, listId, id } = await world();
    const result = await inviteToMeeting({ actor: admin, id, input: { listId } });
    expect(result).toMatchObject({ added: 3, alreadyInvited: 0, mailing: { sent: 3, failed: 0 } });
    expect(smtp.mails).toHaveLength(3);
    const uids = new Set<string>();
    for (const org of orgs) {
      const [mail] = smtp.to(org.email!);
      expect(mail.parsed.subject).toContain('Einladung: Netzwerktreffen Sommer (Beispiel)');
      const ics = calendarOf(mail);
      expect(ics.method).toBe('REQUEST');
      expect(berlin(ics.start)).toBe('2027-07-01T18:00');
      expect(ics.start.toISOString()).toBe('2027-07-01T16:00:00.000Z');
      expect(berlin(ics.end)).toBe('2027-07-01T20:00');
      expect(ics.sequence).toBe(0);
      expect(ics.attendee.toLowerCase()).toBe(`mailto:${org.email}`);
      expect(ics.organizer.toLowerCase()).toBe('mailto:treffen@example.org');
      uids.add(ics.uid);
      expect(mail.parsed.text).toMatch(/\/de\/treffen\/antwort\/[A-Za-z0-9_-]{43}/);
    }
    expect(uids.size).toBe(1);
    const [uid] = uids;

    // Inviting the same list again adds nobody and mails nobody.
    expect(await inviteToMeeting({ actor: admin, id, input: { listId, organizationIds: [orgs[0].id] } })).toMatchObject({ added: 0, alreadyInvited: 3 });
    expect(smtp.mails).toHaveLength(3);

    // A change of the description only: no mail, same SEQUENCE.
    await updateMeeting({ actor: admin, id, version: 1, input: { title: 'Netzwerktreffen Sommer (Beispiel)', kind: 'NETWORK_MEETING', description: 'Mit Imbiss', startsAt: '2027-07-01T18:00', endsAt: '2027-07-01T20:00', placeText: 'Rathaus Stendal, Saal (Beispiel)' } });
    expect(smtp.mails).toHaveLength(3);

    // Moved by an hour: an update with the same UID and a higher SEQUENCE.
    const moved = await updateMeeting({ actor: admin, id, version: 2, input: { title: 'Netzwerktreffen Sommer (Beispiel)', kind: 'NETWORK_MEETING', startsAt: '2027-07-01T19:00', endsAt: '2027-07-01T21:00', placeText: 'Rathaus Stendal, Saal (Beispiel)' } });
    expect(moved).toMatchObject({ isSignificant: true, mailing: { sent: 3 } });
    expect(smtp.mails).toHaveLength(6);
    for (const org of orgs) {
      const update = smtp.to(org.email!)[1];
      expect(update.parsed.subject).toContain('Geänderter Termin');
      const ics = calendarOf(update);
      expect(ics).toMatchObject({ method: 'REQUEST', uid, sequence: 1 });
      expect(berlin(ics.start)).toBe('2027-07-01T19:00');
    }

    // Cancelled: METHOD:CANCEL, STATUS:CANCELLED, same UID, SEQUENCE raised again.
    await setMeetingStatus({ actor: admin, id, version: 3, status: 'CANCELLED' });
    expect(smtp.mails).toHaveLength(9);
    const cancel = calendarOf(smtp.to(orgs[2].email!)[2]);
    expect(cancel).toMatchObject({ method: 'CANCEL', uid, sequence: 2, status: 'CANCELLED' });
    expect(smtp.to(orgs[2].email!)[2].parsed.text).not.toMatch(/antwort\//);
  });

  it('writes the right instant for a winter date and across the change to summer time', async () => {
    const { admin, orgs, id } = await world('2027-01-14T09:30', '2027-01-14T12:00');
    await inviteToMeeting({ actor: admin, id, input: { organizationIds: [orgs[0].id] } });
    const ics = calendarOf(smtp.to(orgs[0].email!)[0]);
    expect(ics.start.toISOString()).toBe('2027-01-14T08:30:00.000Z');
    expect(berlin(ics.start)).toBe('2027-01-14T09:30');
    // 28 March 2027, 02:30 does not exist in Berlin: refused with a field error, nothing saved.
    const refused = await expectCode(createMeeting({ actor: admin, input: { title: 'Lücke', kind: 'OTHER', startsAt: '2027-03-28T02:30', endsAt: '2027-03-28T04:00', placeText: 'x' } }), 'VALIDATION');
    expect(refused.details.fieldErrors?.startsAt?.[0]).toMatch(/Zeitumstellung/);
    expect(await db.meeting.count()).toBe(1);
  });

  it('resolves chosen organizations and contacts to one invitee per address', async () => {
    const { admin, orgs, id } = await world();
    const contact = await db.contactPerson.create({ data: { organizationId: orgs[1].id, role: 'Beratung (Beispiel)', name: 'Beispiel Person', email: 'STELLE-1@example.org', visibility: 'NETWORK_INTERNAL' } });
    const result = await inviteToMeeting({ actor: admin, id, input: { organizationIds: [orgs[0].id, orgs[1].id], contactIds: [contact.id] } });
    expect(result.added).toBe(2);
    expect((await db.meetingInvitee.findMany({ orderBy: { email: 'asc' } })).map((i) => i.email)).toEqual(['stelle-0@example.org', 'stelle-1@example.org']);
    await expectCode(inviteToMeeting({ actor: admin, id, input: {} }), 'VALIDATION');
  });
});

describe('answers without an account', () => {
  it('stores only the token hash, overwrites an earlier answer, and shows coordinators live counts', async () => {
    const { admin, orgs, id } = await world();
    await inviteToMeeting({ actor: admin, id, input: { organizationIds: orgs.map((o) => o.id) } });
    const token = /\/de\/treffen\/antwort\/([A-Za-z0-9_-]{43})/.exec(smtp.to(orgs[0].email!)[0].parsed.text ?? '')![1];
    const row = await db.meetingInvitee.findFirstOrThrow({ where: { email: orgs[0].email! } });
    expect(row.tokenHash).toBe(hashToken(token));
    expect(JSON.stringify(await db.meetingInvitee.findMany())).not.toContain(token);
    expect(await getInvitationByToken({ token })).toMatchObject({ state: 'open', title: 'Netzwerktreffen Sommer (Beispiel)' });

    await answerInvitation({ token, input: { answer: 'MAYBE', peopleCount: '1' } });
    expect((await listMeetingAnswers({ actor: admin, id })).counts).toMatchObject({ yes: 0, maybe: 1, open: 2 });
    await answerInvitation({ token, input: { answer: 'YES', peopleCount: '2', note: 'Wir bringen eine Dolmetscherin mit.' } });
    const { counts, invitees } = await listMeetingAnswers({ actor: admin, id });
    expect(counts).toMatchObject({ invited: 3, yes: 1, no: 0, maybe: 0, open: 2, people: 2 });
    expect(invitees.find((i) => i.email === orgs[0].email)).toMatchObject({ answer: 'YES', peopleCount: 2, note: 'Wir bringen eine Dolmetscherin mit.' });

    const bad = await expectCode(answerInvitation({ token, input: { answer: 'YES', peopleCount: '0' } }), 'VALIDATION');
    expect(bad.details.fieldErrors?.peopleCount).toBeDefined();
    await expectCode(answerInvitation({ token: 'x'.repeat(43), input: { answer: 'YES' } }), 'NOT_FOUND');
    expect(await getInvitationByToken({ token: 'kaputt' })).toEqual({ state: 'invalid' });

    // A move sends a new link; the old one stops working.
    await updateMeeting({ actor: admin, id, version: 1, input: { title: 'Netzwerktreffen Sommer (Beispiel)', kind: 'NETWORK_MEETING', startsAt: '2027-07-02T18:00', endsAt: '2027-07-02T20:00', placeText: 'Rathaus' } });
    expect(await getInvitationByToken({ token })).toEqual({ state: 'invalid' });
    const fresh = /\/de\/treffen\/antwort\/([A-Za-z0-9_-]{43})/.exec(smtp.to(orgs[0].email!)[1].parsed.text ?? '')![1];
    expect(await getInvitationByToken({ token: fresh })).toMatchObject({ state: 'open', answer: 'YES', peopleCount: 2 });

    await setMeetingStatus({ actor: admin, id, version: 2, status: 'CANCELLED' });
    expect(await getInvitationByToken({ token: fresh })).toMatchObject({ state: 'cancelled' });
    await expectCode(answerInvitation({ token: fresh, input: { answer: 'NO' } }), 'CONFLICT');
  });
});

describe('reminders', () => {
  it('reminds every invitee of tomorrow’s meeting once, never twice, and not those who said no', async () => {
    const tomorrow = new Date(Date.now() + 86_400_000);
    const day = berlin(tomorrow).slice(0, 10);
    const { admin, orgs, id } = await world(`${day}T10:00`, `${day}T12:00`);
    const later = await createMeeting({ actor: admin, input: { title: 'Später (Beispiel)', kind: 'OTHER', startsAt: '2030-01-10T10:00', endsAt: '2030-01-10T11:00', placeText: 'x' } });
    await inviteToMeeting({ actor: admin, id, input: { organizationIds: orgs.map((o) => o.id) } });
    await inviteToMeeting({ actor: admin, id: later.id, input: { organizationIds: [orgs[0].id] } });
    const token = /\/de\/treffen\/antwort\/([A-Za-z0-9_-]{43})/.exec(smtp.to(orgs[2].email!)[0].parsed.text ?? '')![1];
    await answerInvitation({ token, input: { answer: 'NO' } });
    smtp.mails.length = 0;
    const [first, second] = await Promise.all([sendMeetingReminders({ actor: 'system' }), sendMeetingReminders({ actor: 'system' })]);
    expect(first.sent + second.sent).toBe(2);
    expect(smtp.mails.map((m) => m.envelopeTo[0]).sort()).toEqual([orgs[0].email, orgs[1].email]);
    expect(smtp.mails[0].parsed.subject).toMatch(/^Erinnerung: morgen/);
    expect(await sendMeetingReminders({ actor: 'system' })).toMatchObject({ sent: 0 });
  });
});

describe('after the meeting: minutes and tasks', () => {
  it('keeps minutes a draft until published; the partner sees them and its own tasks only, and marks a task done', async () => {
    const { admin, orgs, outsider, id } = await world();
    await inviteToMeeting({ actor: admin, id, input: { organizationIds: orgs.map((o) => o.id) } });
    const partner = await createPartnerActor([orgs[0].id]);
    const otherPartner = await createPartnerActor([orgs[1].id]);
    const uninvited = await createPartnerActor([outsider.id]);
    await saveMinutes({ actor: admin, id, version: 1, input: { minutesReports: '## Beratungsstelle 0\nNeue Sprechzeiten.', minutesProblems: 'Zu wenig Dolmetscher*innen.', minutesDecisions: 'Nächstes Treffen im Herbst.' } });
    expect((await getMeeting({ actor: partner, id })).minutes).toBeNull();
    const task = await createMeetingTask({ actor: admin, meetingId: id, input: { title: 'Flyer übersetzen', organizationId: orgs[0].id, dueDate: '2027-08-01', note: '' } });
    await saveMinutes({ actor: admin, id, version: 2, input: { minutesReports: '## Beratungsstelle 0\nNeue Sprechzeiten.', minutesProblems: 'Zu wenig Dolmetscher*innen.', minutesDecisions: 'Nächstes Treffen im Herbst.', publish: 'on' } });
    const seen = await getMeeting({ actor: partner, id });
    expect(seen.minutes).toMatchObject({ problems: 'Zu wenig Dolmetscher*innen.' });
    expect(seen.tasks.map((t) => t.title)).toEqual(['Flyer übersetzen']);
    expect((await getMeeting({ actor: otherPartner, id })).tasks).toEqual([]);
    await expectCode(getMeeting({ actor: uninvited, id }), 'NOT_FOUND');
    await expectCode(updateMeetingTask({ actor: otherPartner, id: task.id, version: 1, input: { isDone: 'on' } }), 'NOT_FOUND');
    await updateMeetingTask({ actor: partner, id: task.id, version: 1, input: { isDone: 'on', note: 'Erledigt, liegt im Ordner.' } });
    expect(await listMeetingTasks({ actor: partner, isOpenOnly: true })).toEqual([]);
    expect((await listMeetingTasks({ actor: partner }))[0]).toMatchObject({ status: 'DONE', note: 'Erledigt, liegt im Ordner.' });
    expect((await db.meeting.findUniqueOrThrow({ where: { id } })).status).toBe('HELD');
  });
});

describe('personal calendar feed', () => {
  it('lists the meetings the user’s organization is invited to, by a secret token stored as hash, until revoked', async () => {
    const { admin, orgs, outsider, id } = await world();
    await inviteToMeeting({ actor: admin, id, input: { organizationIds: [orgs[0].id] } });
    const partner = await createPartnerActor([orgs[0].id]);
    const uninvited = await createPartnerActor([outsider.id]);
    const { url } = await createCalendarFeed({ actor: partner });
    const token = url.split('/').pop()!;
    expect(await db.calendarFeed.findFirst({ where: { tokenHash: token } })).toBeNull();
    const feed = new ICAL.Component(ICAL.parse((await renderCalendarFeed({ token }))!));
    expect(feed.getAllSubcomponents('vevent').map((e) => e.getFirstPropertyValue('summary'))).toEqual(['Netzwerktreffen Sommer (Beispiel)']);
    const other = (await createCalendarFeed({ actor: uninvited })).url.split('/').pop()!;
    expect(new ICAL.Component(ICAL.parse((await renderCalendarFeed({ token: other }))!)).getAllSubcomponents('vevent')).toHaveLength(0);
    // Renewed: the old address stops working.
    const renewed = (await createCalendarFeed({ actor: partner })).url.split('/').pop()!;
    expect(await renderCalendarFeed({ token })).toBeNull();
    await revokeCalendarFeed({ actor: partner });
    expect(await renderCalendarFeed({ token: renewed })).toBeNull();
  });
});
