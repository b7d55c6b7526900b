// The invitees with their answers and attendance: coordinators only, read fresh on every call.
import 'server-only';
import { db } from '@/lib/db';
import { AppError } from '@/lib/errors';
import type { Actor } from '@/lib/permissions';
import { requireScopeAll } from '../access';
import { assertUuid } from '../versioning';

export async function listMeetingAnswers({ actor, id }: { actor: Actor | null; id: string }) {
  requireScopeAll(actor, 'meeting.manage');
  assertUuid(id);
  const meeting = await db.meeting.findUnique({ where: { id }, select: { id: true, sequence: true } });
  if (!meeting) throw new AppError('NOT_FOUND');
  const invitees = await db.meetingInvitee.findMany({
    where: { meetingId: id },
    orderBy: [{ organization: { name: 'asc' } }, { email: 'asc' }],
    select: { id: true, email: true, name: true, answer: true, peopleCount: true, note: true, answeredAt: true, sentSequence: true, isPresent: true, organization: { select: { id: true, name: true } } },
  });
  const counts = { invited: invitees.length, yes: 0, no: 0, maybe: 0, open: 0, people: 0, present: 0, presentOrganizations: 0 };
  const presentOrganizations = new Set<string>();
  for (const invitee of invitees) {
    if (invitee.answer === 'YES') counts.yes += 1;
    else if (invitee.answer === 'NO') counts.no += 1;
    else if (invitee.answer === 'MAYBE') counts.maybe += 1;
    else counts.open += 1;
    if (invitee.answer === 'YES') counts.people += invitee.peopleCount ?? 1;
    if (invitee.isPresent) {
      counts.present += 1;
      if (invitee.organization) presentOrganizations.add(invitee.organization.id);
    }
  }
  counts.presentOrganizations = presentOrganizations.size;
  return { invitees, counts, sequence: meeting.sequence };
}
