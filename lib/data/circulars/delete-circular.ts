import 'server-only';
import type { Actor } from '@/lib/permissions';
import { requireScopeAll } from '../access';
import { writeAudit } from '../audit';
import { assertUuid, inTransaction } from '../versioning';
import { CIRCULAR_ENTITY, findDraft } from './shared';

// Only drafts: a sent circular stays as the record of the send.
export async function deleteCircular({ actor, id }: { actor: Actor | null; id: string }): Promise<{ listId: string | null }> {
  const coordinator = requireScopeAll(actor, 'circular.send');
  assertUuid(id);
  return inTransaction(async (tx) => {
    const draft = await findDraft(tx, id);
    await tx.circular.delete({ where: { id } });
    await writeAudit(tx, { actor: coordinator, action: 'DELETE', entityType: CIRCULAR_ENTITY, entityId: id, changes: { subject: { before: draft.subject, after: null } } });
    return { listId: draft.listId };
  });
}
