import 'server-only';
import { AppError } from '@/lib/errors';
import type { Actor } from '@/lib/permissions';
import { distributionListInputSchema } from '@/lib/schemas/distribution-list';
import { requireScopeAll } from '../access';
import { diffChanges, writeAudit } from '../audit';
import { assertUuid, inTransaction, parseInput, VersionConflict } from '../versioning';
import { checkListReferences, DISTRIBUTION_LIST_ENTITY, distributionListSelect, toData } from './shared';

// Optimistic locking like every other edit: a save based on an older version is refused.
export async function updateDistributionList({ actor, id, version, input }: { actor: Actor | null; id: string; version: number; input: unknown }) {
  const coordinator = requireScopeAll(actor, 'distributionList.manage');
  assertUuid(id);
  const data = parseInput(distributionListInputSchema, input);
  return inTransaction(
    async (tx) => {
      const before = await tx.distributionList.findUnique({ where: { id }, select: distributionListSelect });
      if (!before) throw new AppError('NOT_FOUND');
      if (before.version !== version) throw new VersionConflict();
      await checkListReferences(tx, data);
      const values = toData(data);
      const changes = diffChanges(before, values);
      if (!Object.keys(changes).length) return { version, changed: false };
      const updated = await tx.distributionList.updateMany({ where: { id, version }, data: { ...values, version: { increment: 1 } } });
      if (updated.count !== 1) throw new VersionConflict();
      await writeAudit(tx, {
        actor: coordinator,
        action: 'UPDATE',
        entityType: DISTRIBUTION_LIST_ENTITY,
        entityId: id,
        changes: { ...changes, version: { before: version, after: version + 1 } },
      });
      return { version: version + 1, changed: true };
    },
    { entityType: DISTRIBUTION_LIST_ENTITY, entityId: id, version },
  );
}
