import 'server-only';
import { AppError } from '@/lib/errors';
import type { Actor } from '@/lib/permissions';
import { requireScopeAll } from '../access';
import { writeAudit } from '../audit';
import { assertUuid, inTransaction, VersionConflict } from '../versioning';
import { mailInvitees, MEETING_ENTITY, type MailingResult } from './shared';

// Cancelling raises SEQUENCE and mails every invitee a METHOD:CANCEL; "held" only records that the
// meeting took place (attendance and minutes follow). A cancelled meeting stays cancelled.
export async function setMeetingStatus({ actor, id, version, status }: { actor: Actor | null; id: string; version: number; status: 'CANCELLED' | 'HELD' | 'PLANNED' }): Promise<{ mailing: MailingResult }> {
  const coordinator = requireScopeAll(actor, 'meeting.manage');
  assertUuid(id);
  if (!['CANCELLED', 'HELD', 'PLANNED'].includes(status)) throw new AppError('NOT_FOUND');
  const inviteeIds = await inTransaction(
    async (tx) => {
      const before = await tx.meeting.findUnique({ where: { id }, select: { status: true, sequence: true } });
      if (!before) throw new AppError('NOT_FOUND');
      if (before.status === 'CANCELLED') throw new AppError('CONFLICT', 'Das Treffen ist bereits abgesagt.');
      if (before.status === status) return [];
      const isCancel = status === 'CANCELLED';
      const updated = await tx.meeting.updateMany({ where: { id, version }, data: { status, version: { increment: 1 }, ...(isCancel ? { sequence: { increment: 1 } } : {}) } });
      if (updated.count !== 1) throw new VersionConflict();
      await writeAudit(tx, {
        actor: coordinator,
        action: 'UPDATE',
        entityType: MEETING_ENTITY,
        entityId: id,
        changes: { status: { before: before.status, after: status }, version: { before: version, after: version + 1 }, ...(isCancel ? { sequence: { before: before.sequence, after: before.sequence + 1 } } : {}) },
      });
      // Only those who received the invitation need its cancellation.
      return isCancel ? (await tx.meetingInvitee.findMany({ where: { meetingId: id, sentSequence: { not: null } }, select: { id: true } })).map((row) => row.id) : [];
    },
    { entityType: MEETING_ENTITY, entityId: id, version },
  );
  const mailing = await mailInvitees({ meetingId: id, inviteeIds, kind: 'CANCELLATION', senderName: coordinator.name });
  return { mailing };
}
