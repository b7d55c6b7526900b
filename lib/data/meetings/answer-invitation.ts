// The answer page without an account: the token from the mail is the only key. Only its SHA-256
// is stored; a malformed, unknown or replaced token and a meeting that is over or cancelled give a
// clear state for the page, never an error page.
import 'server-only';
import { db } from '@/lib/db';
import { hashToken, isWellFormedToken } from '@/lib/auth/tokens';
import { AppError } from '@/lib/errors';
import { formatMeetingTime } from '@/lib/meetings/berlin-time';
import { meetingAnswerSchema } from '@/lib/schemas/meeting';
import { writeAudit } from '../audit';
import { parseInput } from '../versioning';
import { accessibilityLine, MEETING_KIND_LABELS, meetingMailSelect, placeLine } from './shared';

export type InvitationView =
  | { state: 'invalid' }
  | {
      state: 'open' | 'expired' | 'cancelled';
      title: string;
      kindLabel: string;
      when: string;
      place: string | null;
      accessibilityNote: string | null;
      onlineUrl: string | null;
      name: string | null;
      organizationName: string | null;
      answer: 'YES' | 'NO' | 'MAYBE' | null;
      peopleCount: number | null;
      note: string | null;
    };

async function findByToken(token: string) {
  if (!isWellFormedToken(token)) return null;
  return db.meetingInvitee.findUnique({
    where: { tokenHash: hashToken(token) },
    select: { id: true, name: true, answer: true, peopleCount: true, note: true, organization: { select: { name: true } }, meeting: { select: meetingMailSelect } },
  });
}

export async function getInvitationByToken({ token }: { token: string }): Promise<InvitationView> {
  const invitee = await findByToken(token);
  if (!invitee) return { state: 'invalid' };
  const { meeting } = invitee;
  const state = meeting.status === 'CANCELLED' ? 'cancelled' : meeting.endsAt <= new Date() || meeting.status === 'HELD' ? 'expired' : 'open';
  return {
    state,
    title: meeting.title,
    kindLabel: MEETING_KIND_LABELS[meeting.kind],
    when: formatMeetingTime(meeting.startsAt, meeting.endsAt),
    place: placeLine(meeting),
    accessibilityNote: accessibilityLine(meeting),
    onlineUrl: meeting.onlineUrl,
    name: invitee.name,
    organizationName: invitee.organization?.name ?? null,
    answer: invitee.answer,
    peopleCount: invitee.peopleCount,
    note: invitee.note,
  };
}

// A later answer overwrites the earlier one. "No" needs no number of people.
export async function answerInvitation({ token, input }: { token: string; input: unknown }): Promise<void> {
  const data = parseInput(meetingAnswerSchema, input);
  const invitee = await findByToken(token);
  if (!invitee) throw new AppError('NOT_FOUND', 'Dieser Link ist nicht (mehr) gültig.');
  const { meeting } = invitee;
  if (meeting.status === 'CANCELLED') throw new AppError('CONFLICT', 'Das Treffen wurde abgesagt.');
  if (meeting.status === 'HELD' || meeting.endsAt <= new Date()) throw new AppError('CONFLICT', 'Das Treffen ist vorbei; eine Antwort ist nicht mehr möglich.');
  const peopleCount = data.answer === 'NO' ? null : (data.peopleCount ?? 1);
  await db.$transaction(async (tx) => {
    await tx.meetingInvitee.update({ where: { id: invitee.id }, data: { answer: data.answer, peopleCount, note: data.note ?? null, answeredAt: new Date() } });
    await writeAudit(tx, {
      actor: { id: null, name: invitee.name ?? 'Eingeladene Person (Antwort-Link)' },
      action: 'UPDATE',
      entityType: 'MeetingInvitee',
      entityId: invitee.id,
      changes: {
        answer: { before: invitee.answer, after: data.answer },
        peopleCount: { before: invitee.peopleCount, after: peopleCount },
      },
    });
  });
}
