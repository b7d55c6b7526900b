import 'server-only';
import type { Actor } from '@/lib/permissions';
import { circularInputSchema } from '@/lib/schemas/distribution-list';
import { requireScopeAll } from '../access';
import { diffChanges, writeAudit } from '../audit';
import { assertUuid, inTransaction, parseInput, VersionConflict } from '../versioning';
import { CIRCULAR_ENTITY, findDraft } from './shared';

export async function updateCircular({ actor, id, version, input }: { actor: Actor | null; id: string; version: number; input: unknown }) {
  const coordinator = requireScopeAll(actor, 'circular.send');
  assertUuid(id);
  const data = parseInput(circularInputSchema, input);
  return inTransaction(
    async (tx) => {
      const before = await findDraft(tx, id);
      if (before.version !== version) throw new VersionConflict();
      const changes = diffChanges(before, data);
      if (!Object.keys(changes).length) return { version, changed: false };
      const updated = await tx.circular.updateMany({ where: { id, version, status: 'DRAFT' }, data: { ...data, version: { increment: 1 } } });
      if (updated.count !== 1) throw new VersionConflict();
      await writeAudit(tx, { actor: coordinator, action: 'UPDATE', entityType: CIRCULAR_ENTITY, entityId: id, changes: { ...changes, version: { before: version, after: version + 1 } } });
      return { version: version + 1, changed: true };
    },
    { entityType: CIRCULAR_ENTITY, entityId: id, version },
  );
}
