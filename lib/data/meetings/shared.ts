// Shared parts of the meeting functions: who may read which meeting (the one rule, as a `where`
// clause), the place as one line, the calendar data and the mailing of invitations, updates,
// cancellations and reminders.
import 'server-only';
import type { Prisma } from '@/lib/generated/prisma/client';
import { db } from '@/lib/db';
import { createToken } from '@/lib/auth/tokens';
import { AppError, validationError } from '@/lib/errors';
import { getEnv } from '@/lib/env';
import { appUrl, sendMail } from '@/lib/mail/send';
import { meetingMail, type MeetingMailKind } from '@/lib/mail/templates/meeting';
import { utcToBerlinLocal } from '@/lib/format/berlin-time';
import { formatMeetingTime } from '@/lib/meetings/berlin-time';
import { buildInvitationIcs, icsMethod, type IcsMeeting, type IcsOptions } from '@/lib/meetings/ics';
import { scopeOf, type Actor } from '@/lib/permissions';
import { assertActor } from '../access';

export const MEETING_ENTITY = 'Meeting';

export const MEETING_KIND_LABELS = {
  NETWORK_MEETING: 'Netzwerktreffen',
  WORKING_GROUP: 'Arbeitskreis',
  ROUND_TABLE: 'Runder Tisch',
  OTHER: 'Treffen',
} as const;

// Meetings a member may see: those an organization of theirs, or they themselves as a contact
// (by address), are invited to. Coordinators see all. Anonymous callers see none.
export function meetingReadWhere(actor: Actor | null | undefined): Prisma.MeetingWhereInput {
  assertActor(actor);
  const scope = scopeOf(actor, 'meeting.read');
  if (scope === 'all') return {};
  if (scope === 'none') throw new AppError('FORBIDDEN');
  return { invitees: { some: invitedActorWhere(actor) } };
}

function invitedActorWhere(actor: Actor): Prisma.MeetingInviteeWhereInput {
  return { OR: [{ organizationId: { in: actor.organizationIds } }, { email: { equals: actor.email, mode: 'insensitive' } }] };
}

export const meetingPlaceSelect = {
  locationId: true,
  placeText: true,
  accessibilityNote: true,
  onlineUrl: true,
  location: { select: { name: true, street: true, postalCode: true, city: true, accessibilityNote: true, wheelchairAccessible: true, deletedAt: true, organization: { select: { name: true } } } },
} as const;

type PlaceRow = Prisma.MeetingGetPayload<{ select: typeof meetingPlaceSelect }>;

export function placeLine(meeting: PlaceRow): string | null {
  const parts: string[] = [];
  const location = meeting.location && !meeting.location.deletedAt ? meeting.location : null;
  if (location) {
    const address = [location.street, [location.postalCode, location.city].filter(Boolean).join(' ')].filter(Boolean).join(', ');
    parts.push([location.name ?? location.organization.name, address].filter(Boolean).join(', '));
  }
  if (meeting.placeText) parts.push(meeting.placeText);
  return parts.length ? parts.join(' – ') : null;
}

export function accessibilityLine(meeting: PlaceRow): string | null {
  const location = meeting.location && !meeting.location.deletedAt ? meeting.location : null;
  const parts = [
    location?.wheelchairAccessible === true ? 'rollstuhlgerecht' : location?.wheelchairAccessible === false ? 'nicht rollstuhlgerecht' : null,
    location?.accessibilityNote ?? null,
    meeting.accessibilityNote,
  ].filter(Boolean);
  return parts.length ? parts.join('; ') : null;
}

export const meetingMailSelect = {
  id: true,
  title: true,
  kind: true,
  description: true,
  startsAt: true,
  endsAt: true,
  status: true,
  sequence: true,
  agendaDeadline: true,
  updatedAt: true,
  ...meetingPlaceSelect,
} as const;

export type MeetingMailRow = Prisma.MeetingGetPayload<{ select: typeof meetingMailSelect }>;

export function toIcsMeeting(meeting: MeetingMailRow): IcsMeeting {
  return {
    id: meeting.id,
    title: meeting.title,
    description: meeting.description,
    startsAt: meeting.startsAt,
    endsAt: meeting.endsAt,
    place: placeLine(meeting),
    onlineUrl: meeting.onlineUrl,
    status: meeting.status,
    sequence: meeting.sequence,
    updatedAt: meeting.updatedAt,
  };
}

export function icsOptions(): IcsOptions {
  const from = getEnv().SMTP_FROM;
  const match = /^\s*(.*?)\s*<([^>]+)>\s*$/.exec(from);
  const organizer = match ? { name: match[1]!.replace(/^"|"$/g, '') || 'Netzwerk Integration Stendal', email: match[2]! } : { name: 'Netzwerk Integration Stendal', email: from.trim() };
  return { organizer, uidDomain: new URL(appUrl('/')).hostname };
}

// The answer page's address for a fresh token.
function answerUrl(token: string): string {
  return appUrl(`/de/treffen/antwort/${token}`);
}

export interface MailingResult {
  sent: number;
  failed: number;
}

// Mails the meeting as it stands to the given invitees. Every mail carries a fresh answer token
// (only its hash is stored; the link of an older mail stops working) and the calendar file with
// the meeting's current SEQUENCE. Runs after the change committed: a slow mail server never holds
// a transaction open, and a failed mail is recorded in the outbox.
export async function mailInvitees({ meetingId, inviteeIds, kind, senderName }: { meetingId: string; inviteeIds: string[]; kind: MeetingMailKind; senderName: string }): Promise<MailingResult> {
  const meeting = await db.meeting.findUnique({ where: { id: meetingId }, select: meetingMailSelect });
  if (!meeting || !inviteeIds.length) return { sent: 0, failed: 0 };
  const invitees = await db.meetingInvitee.findMany({ where: { meetingId, id: { in: inviteeIds } }, orderBy: { email: 'asc' }, select: { id: true, email: true, name: true } });
  const ics = toIcsMeeting(meeting);
  const options = icsOptions();
  const result: MailingResult = { sent: 0, failed: 0 };
  for (const invitee of invitees) {
    const isCancelled = meeting.status === 'CANCELLED';
    let link: string | null = null;
    if (!isCancelled) {
      const { token, tokenHash } = createToken();
      await db.meetingInvitee.update({ where: { id: invitee.id }, data: { tokenHash } });
      link = answerUrl(token);
    }
    const mail = meetingMail({
      kind,
      name: invitee.name,
      title: meeting.title,
      kindLabel: MEETING_KIND_LABELS[meeting.kind],
      when: formatMeetingTime(meeting.startsAt, meeting.endsAt),
      place: placeLine(meeting),
      accessibilityNote: accessibilityLine(meeting),
      onlineUrl: meeting.onlineUrl,
      agendaDeadline: meeting.agendaDeadline ? `${utcToBerlinLocal(meeting.agendaDeadline).slice(0, 10).split('-').reverse().join('.')}, ${utcToBerlinLocal(meeting.agendaDeadline).slice(11)} Uhr` : null,
      answerUrl: link,
      senderName,
    });
    const method = icsMethod(meeting);
    const calendar = buildInvitationIcs(ics, { ...options, attendee: { email: invitee.email, name: invitee.name }, answerUrl: null });
    const { isSent } = await sendMail({
      to: invitee.email,
      ...mail,
      kind: `meeting-${kind.toLowerCase()}`,
      refId: meetingId,
      attachments: [{ filename: method === 'CANCEL' ? 'absage.ics' : 'einladung.ics', content: calendar, contentType: `text/calendar; charset=utf-8; method=${method}` }],
    });
    await db.meetingInvitee.update({ where: { id: invitee.id }, data: { sentSequence: meeting.sequence } });
    if (isSent) result.sent += 1;
    else result.failed += 1;
  }
  return result;
}

type Tx = Prisma.TransactionClient;

// A meeting's place from the directory must be a public location (published, not deleted entry).
export async function checkMeetingLocation(tx: Tx, locationId: string | null): Promise<void> {
  if (!locationId) return;
  const found = await tx.location.count({ where: { id: locationId, deletedAt: null, organization: { is: { deletedAt: null, status: 'PUBLISHED' } } } });
  if (!found) throw validationError({ locationId: ['Bitte wählen Sie einen Standort aus der Liste.'] });
}
