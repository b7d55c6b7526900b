import 'server-only';
import { AppError } from '@/lib/errors';
import type { Actor } from '@/lib/permissions';
import { attendanceSchema } from '@/lib/schemas/meeting';
import { requireScopeAll } from '../access';
import { writeAudit } from '../audit';
import { assertUuid, inTransaction, parseInput } from '../versioning';
import { MEETING_ENTITY } from './shared';

// Who was there: the invitees ticked present (each belongs to an organization), the rest absent.
export async function recordAttendance({ actor, id, input }: { actor: Actor | null; id: string; input: unknown }): Promise<{ present: number }> {
  const coordinator = requireScopeAll(actor, 'meeting.manage');
  assertUuid(id);
  const { presentIds } = parseInput(attendanceSchema, input);
  return inTransaction(async (tx) => {
    const meeting = await tx.meeting.findUnique({ where: { id }, select: { status: true, startsAt: true } });
    if (!meeting) throw new AppError('NOT_FOUND');
    if (meeting.status === 'CANCELLED') throw new AppError('CONFLICT', 'Für ein abgesagtes Treffen gibt es keine Anwesenheit.');
    const before = await tx.meetingInvitee.findMany({ where: { meetingId: id, isPresent: true }, select: { id: true } });
    await tx.meetingInvitee.updateMany({ where: { meetingId: id }, data: { isPresent: false } });
    const updated = await tx.meetingInvitee.updateMany({ where: { meetingId: id, id: { in: presentIds } }, data: { isPresent: true } });
    await writeAudit(tx, { actor: coordinator, action: 'UPDATE', entityType: MEETING_ENTITY, entityId: id, changes: { attendance: { before: before.length, after: updated.count } } });
    return { present: updated.count };
  });
}
