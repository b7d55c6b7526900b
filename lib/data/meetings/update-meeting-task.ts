import 'server-only';
import { db } from '@/lib/db';
import { AppError } from '@/lib/errors';
import type { Actor } from '@/lib/permissions';
import { meetingTaskProgressSchema } from '@/lib/schemas/meeting';
import { organizationScope } from '../access';
import { diffChanges, writeAudit } from '../audit';
import { assertUuid, inTransaction, parseInput, VersionConflict } from '../versioning';

// Done or open, and a note: members for their own organization's tasks, coordinators for all.
export async function updateMeetingTask({ actor, id, version, input }: { actor: Actor | null; id: string; version: number; input: unknown }): Promise<void> {
  const organizations = organizationScope(actor, 'meetingTask.update');
  assertUuid(id);
  const data = parseInput(meetingTaskProgressSchema, input);
  await inTransaction(
    async (tx) => {
      const before = await tx.meetingTask.findFirst({ where: { id, organization: { is: organizations } }, select: { status: true, note: true, organizationId: true } });
      if (!before) throw new AppError('NOT_FOUND');
      const after = { status: data.isDone ? ('DONE' as const) : ('OPEN' as const), note: data.note };
      const updated = await tx.meetingTask.updateMany({
        where: { id, version },
        data: { ...after, version: { increment: 1 }, doneAt: after.status === 'DONE' ? (before.status === 'DONE' ? undefined : new Date()) : null },
      });
      if (updated.count !== 1) throw new VersionConflict();
      const changes = diffChanges(before, after);
      if (Object.keys(changes).length) await writeAudit(tx, { actor: actor!, action: 'UPDATE', entityType: 'MeetingTask', entityId: id, organizationId: before.organizationId, changes: { ...changes, version: { before: version, after: version + 1 } } });
    },
    { entityType: 'MeetingTask', entityId: id, version },
  );
}

// The caller's organizations' tasks (open first, by due date); coordinators see every task.
export async function listMeetingTasks({ actor, isOpenOnly = false }: { actor: Actor | null; isOpenOnly?: boolean }) {
  const organizations = organizationScope(actor, 'meetingTask.update');
  return db.meetingTask.findMany({
    where: { organization: { is: organizations }, ...(isOpenOnly ? { status: 'OPEN' as const } : {}) },
    orderBy: [{ status: 'asc' }, { dueDate: 'asc' }, { createdAt: 'asc' }],
    select: { id: true, title: true, dueDate: true, status: true, note: true, version: true, organization: { select: { id: true, name: true } }, meeting: { select: { id: true, title: true, startsAt: true } } },
  });
}
