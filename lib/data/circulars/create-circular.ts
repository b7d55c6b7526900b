import 'server-only';
import { AppError } from '@/lib/errors';
import type { Actor } from '@/lib/permissions';
import { circularInputSchema } from '@/lib/schemas/distribution-list';
import { requireScopeAll } from '../access';
import { snapshot, writeAudit } from '../audit';
import { assertUuid, inTransaction, parseInput } from '../versioning';
import { CIRCULAR_ENTITY } from './shared';

// A draft for a list: text and attachments can be changed and previewed until it is sent.
export async function createCircular({ actor, listId, input }: { actor: Actor | null; listId: string; input: unknown }): Promise<{ id: string }> {
  const coordinator = requireScopeAll(actor, 'circular.send');
  assertUuid(listId);
  const data = parseInput(circularInputSchema, input);
  return inTransaction(async (tx) => {
    const list = await tx.distributionList.findUnique({ where: { id: listId }, select: { id: true, name: true } });
    if (!list) throw new AppError('NOT_FOUND');
    const created = await tx.circular.create({
      data: { listId, listName: list.name, subject: data.subject, body: data.body, createdById: coordinator.id, createdByName: coordinator.name, replyTo: coordinator.email },
      select: { id: true },
    });
    await writeAudit(tx, { actor: coordinator, action: 'CREATE', entityType: CIRCULAR_ENTITY, entityId: created.id, changes: snapshot({ listName: list.name, subject: data.subject }) });
    return created;
  });
}
