import 'server-only';
import { AppError } from '@/lib/errors';
import type { Actor } from '@/lib/permissions';
import { agendaDecisionSchema } from '@/lib/schemas/meeting';
import { requireScopeAll } from '../access';
import { diffChanges, writeAudit } from '../audit';
import { assertUuid, inTransaction, parseInput } from '../versioning';

// Coordinators accept (and order) or reject a proposed item.
export async function decideAgendaItem({ actor, id, input }: { actor: Actor | null; id: string; input: unknown }): Promise<void> {
  const coordinator = requireScopeAll(actor, 'meeting.manage');
  assertUuid(id);
  const data = parseInput(agendaDecisionSchema, input);
  await inTransaction(async (tx) => {
    const before = await tx.meetingAgendaItem.findUnique({ where: { id }, select: { status: true, sortOrder: true, organizationId: true } });
    if (!before) throw new AppError('NOT_FOUND');
    await tx.meetingAgendaItem.update({ where: { id }, data });
    const changes = diffChanges(before, data);
    if (Object.keys(changes).length) await writeAudit(tx, { actor: coordinator, action: 'UPDATE', entityType: 'MeetingAgendaItem', entityId: id, organizationId: before.organizationId, changes });
  });
}
