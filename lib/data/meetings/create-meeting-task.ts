import 'server-only';
import { AppError, validationError } from '@/lib/errors';
import type { Actor } from '@/lib/permissions';
import { meetingTaskSchema } from '@/lib/schemas/meeting';
import { requireScopeAll } from '../access';
import { snapshot, writeAudit } from '../audit';
import { assertUuid, inTransaction, parseInput } from '../versioning';

// A task from the minutes: what, which organization, by when.
export async function createMeetingTask({ actor, meetingId, input }: { actor: Actor | null; meetingId: string; input: unknown }): Promise<{ id: string }> {
  const coordinator = requireScopeAll(actor, 'meeting.manage');
  assertUuid(meetingId);
  const data = parseInput(meetingTaskSchema, input);
  return inTransaction(async (tx) => {
    if (!(await tx.meeting.count({ where: { id: meetingId } }))) throw new AppError('NOT_FOUND');
    if (!(await tx.organization.count({ where: { id: data.organizationId, deletedAt: null } }))) throw validationError({ organizationId: ['Bitte wählen Sie eine Organisation aus der Liste.'] });
    const created = await tx.meetingTask.create({ data: { ...data, meetingId }, select: { id: true } });
    await writeAudit(tx, { actor: coordinator, action: 'CREATE', entityType: 'MeetingTask', entityId: created.id, organizationId: data.organizationId, changes: snapshot({ ...data, meetingId }) });
    return created;
  });
}
