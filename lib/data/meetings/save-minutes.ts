import 'server-only';
import { AppError } from '@/lib/errors';
import type { Actor } from '@/lib/permissions';
import { minutesSchema } from '@/lib/schemas/meeting';
import { requireScopeAll } from '../access';
import { diffChanges, writeAudit } from '../audit';
import { assertUuid, inTransaction, parseInput, VersionConflict } from '../versioning';
import { MEETING_ENTITY } from './shared';

// The minutes stay a draft (coordinators only) until published; publishing also marks the meeting
// as held. Published minutes can still be corrected.
export async function saveMinutes({ actor, id, version, input }: { actor: Actor | null; id: string; version: number; input: unknown }): Promise<void> {
  const coordinator = requireScopeAll(actor, 'meeting.manage');
  assertUuid(id);
  const { publish, ...texts } = parseInput(minutesSchema, input);
  await inTransaction(
    async (tx) => {
      const before = await tx.meeting.findUnique({ where: { id }, select: { status: true, minutesReports: true, minutesProblems: true, minutesDecisions: true, minutesPublishedAt: true } });
      if (!before) throw new AppError('NOT_FOUND');
      if (before.status === 'CANCELLED') throw new AppError('CONFLICT', 'Ein abgesagtes Treffen hat kein Protokoll.');
      const isPublishing = Boolean(publish) && !before.minutesPublishedAt;
      const updated = await tx.meeting.updateMany({
        where: { id, version },
        data: { ...texts, version: { increment: 1 }, ...(isPublishing ? { minutesPublishedAt: new Date(), status: 'HELD' } : {}) },
      });
      if (updated.count !== 1) throw new VersionConflict();
      const changes = diffChanges(before, texts);
      if (Object.keys(changes).length) await writeAudit(tx, { actor: coordinator, action: 'UPDATE', entityType: MEETING_ENTITY, entityId: id, changes: { ...changes, version: { before: version, after: version + 1 } } });
      if (isPublishing) await writeAudit(tx, { actor: coordinator, action: 'PUBLISH', entityType: MEETING_ENTITY, entityId: id, changes: { minutesPublishedAt: { before: null, after: new Date().toISOString() } } });
    },
    { entityType: MEETING_ENTITY, entityId: id, version },
  );
}
