// iCalendar (RFC 5545 / iTIP RFC 5546) for meetings, written by ical-generator. One UID per
// meeting for its whole life (so calendars update the entry instead of adding one), SEQUENCE from
// Meeting.sequence (raised by every change that matters), METHOD:REQUEST for invitations and
// updates, METHOD:CANCEL with STATUS:CANCELLED for a cancellation, METHOD:PUBLISH for feeds.
// Times are written in UTC (RFC 5545 form 2), which every client shows in its own zone.
import ical, { ICalAttendeeRole, ICalAttendeeStatus, ICalCalendarMethod, ICalEventStatus } from 'ical-generator';

export interface IcsMeeting {
  id: string;
  title: string;
  description: string;
  startsAt: Date;
  endsAt: Date;
  place: string | null;
  onlineUrl: string | null;
  status: 'PLANNED' | 'CANCELLED' | 'HELD';
  sequence: number;
  updatedAt: Date;
}

export interface IcsOptions {
  organizer: { name: string; email: string };
  // The domain part of the UID (the app's host), so that UIDs are globally unique.
  uidDomain: string;
}

const PRODUCT = { company: 'Netzwerk Integration Stendal', product: 'Netzwerktreffen', language: 'DE' };

function meetingUid(meetingId: string, uidDomain: string): string {
  return `meeting-${meetingId}@${uidDomain}`;
}

function addEvent(
  calendar: ReturnType<typeof ical>,
  meeting: IcsMeeting,
  options: IcsOptions,
  extra: { attendee?: { email: string; name: string | null }; url?: string | null } = {},
): void {
  const isCancelled = meeting.status === 'CANCELLED';
  const description = [meeting.description.trim(), meeting.onlineUrl ? `Online: ${meeting.onlineUrl}` : '', extra.url ? `Zusagen oder absagen: ${extra.url}` : '']
    .filter(Boolean)
    .join('\n\n');
  calendar.createEvent({
    id: meetingUid(meeting.id, options.uidDomain),
    sequence: meeting.sequence,
    stamp: new Date(),
    start: meeting.startsAt,
    end: meeting.endsAt,
    summary: isCancelled ? `Abgesagt: ${meeting.title}` : meeting.title,
    description: description || null,
    location: meeting.place ?? meeting.onlineUrl ?? null,
    url: meeting.onlineUrl,
    status: isCancelled ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
    organizer: options.organizer,
    lastModified: meeting.updatedAt,
    attendees: extra.attendee
      ? [{ email: extra.attendee.email, name: extra.attendee.name ?? undefined, rsvp: !isCancelled, role: ICalAttendeeRole.REQ, status: ICalAttendeeStatus.NEEDSACTION }]
      : [],
  });
}

// The file an invitee receives: REQUEST (invitation or update) or CANCEL.
export function buildInvitationIcs(meeting: IcsMeeting, options: IcsOptions & { attendee: { email: string; name: string | null }; answerUrl?: string | null }): string {
  const method = meeting.status === 'CANCELLED' ? ICalCalendarMethod.CANCEL : ICalCalendarMethod.REQUEST;
  const calendar = ical({ prodId: PRODUCT, method, name: meeting.title });
  addEvent(calendar, meeting, options, { attendee: options.attendee, url: options.answerUrl ?? null });
  return calendar.toString();
}

// A subscribed feed: every meeting as it stands (cancelled ones marked so).
export function buildFeedIcs(meetings: IcsMeeting[], options: IcsOptions & { name: string }): string {
  const calendar = ical({ prodId: PRODUCT, method: ICalCalendarMethod.PUBLISH, name: options.name });
  for (const meeting of meetings) addEvent(calendar, meeting, options);
  return calendar.toString();
}

export function icsMethod(meeting: Pick<IcsMeeting, 'status'>): 'REQUEST' | 'CANCEL' {
  return meeting.status === 'CANCELLED' ? 'CANCEL' : 'REQUEST';
}
