import 'server-only';
import { AppError } from '@/lib/errors';
import type { Actor } from '@/lib/permissions';
import { requireScopeAll } from '../access';
import { snapshot, writeAudit } from '../audit';
import { assertUuid, inTransaction } from '../versioning';
import { DISTRIBUTION_LIST_ENTITY, distributionListSelect } from './shared';

// Sent circulars stay (they keep the list's name); unsent drafts of the list go with it.
export async function deleteDistributionList({ actor, id }: { actor: Actor | null; id: string }): Promise<void> {
  const coordinator = requireScopeAll(actor, 'distributionList.manage');
  assertUuid(id);
  await inTransaction(async (tx) => {
    const before = await tx.distributionList.findUnique({ where: { id }, select: distributionListSelect });
    if (!before) throw new AppError('NOT_FOUND');
    await tx.circular.deleteMany({ where: { listId: id, status: 'DRAFT' } });
    await tx.distributionList.delete({ where: { id } });
    const { id: _id, createdAt: _c, updatedAt: _u, ...rest } = before;
    const changes = Object.fromEntries(Object.entries(snapshot(rest)).map(([field, change]) => [field, { before: change.after, after: null }]));
    await writeAudit(tx, { actor: coordinator, action: 'DELETE', entityType: DISTRIBUTION_LIST_ENTITY, entityId: id, changes });
  });
}
