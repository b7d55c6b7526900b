import 'server-only';
import type { Actor } from '@/lib/permissions';
import { distributionListInputSchema } from '@/lib/schemas/distribution-list';
import { requireScopeAll } from '../access';
import { snapshot, writeAudit } from '../audit';
import { inTransaction, parseInput } from '../versioning';
import { checkListReferences, DISTRIBUTION_LIST_ENTITY, toData } from './shared';

export async function createDistributionList({ actor, input }: { actor: Actor | null; input: unknown }): Promise<{ id: string }> {
  const coordinator = requireScopeAll(actor, 'distributionList.manage');
  const data = parseInput(distributionListInputSchema, input);
  return inTransaction(async (tx) => {
    await checkListReferences(tx, data);
    const values = toData(data);
    const created = await tx.distributionList.create({ data: { ...values, createdById: coordinator.id }, select: { id: true } });
    await writeAudit(tx, {
      actor: coordinator,
      action: 'CREATE',
      entityType: DISTRIBUTION_LIST_ENTITY,
      entityId: created.id,
      changes: { ...snapshot(values), version: { before: null, after: 1 } },
    });
    return created;
  });
}
