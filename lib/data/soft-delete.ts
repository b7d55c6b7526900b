// Moving a record below an organization to the trash and back: one implementation for services,
// locations and contact persons (version raised, audited, permission in the where clause).
import 'server-only';
import type { Prisma } from '@/lib/generated/prisma/client';
import { AppError } from '@/lib/errors';
import type { Actor } from '@/lib/permissions';
import { childScope } from './access';
import { writeAudit } from './audit';
import { assertUuid, inTransaction } from './versioning';

export type SoftDeletableEntity = 'Service' | 'Location' | 'ContactPerson';

// The three Prisma delegates share these two calls; TypeScript cannot call a union of them.
interface SoftDeleteDelegate {
  findFirst(args: {
    where: Record<string, unknown>;
    select: { version: true; deletedAt: true; organizationId: true };
  }): Promise<{ version: number; deletedAt: Date | null; organizationId: string } | null>;
  update(args: { where: { id: string }; data: { deletedAt: Date | null; version: { increment: number } } }): Promise<unknown>;
}

function delegateFor(tx: Prisma.TransactionClient, entity: SoftDeletableEntity): SoftDeleteDelegate {
  const delegates = { Service: tx.service, Location: tx.location, ContactPerson: tx.contactPerson };
  return delegates[entity] as unknown as SoftDeleteDelegate;
}

export async function setChildDeleted({
  actor,
  entity,
  id,
  isDeleted,
}: {
  actor: Actor | null;
  entity: SoftDeletableEntity;
  id: string;
  isDeleted: boolean;
}): Promise<{ organizationId: string }> {
  const scope = childScope(actor, 'organization.update');
  assertUuid(id);
  return inTransaction(async (tx) => {
    const delegate = delegateFor(tx, entity);
    const before = await delegate.findFirst({
      where: { id, deletedAt: isDeleted ? null : { not: null }, ...scope },
      select: { version: true, deletedAt: true, organizationId: true },
    });
    if (!before) throw new AppError('NOT_FOUND');
    const deletedAt = isDeleted ? new Date() : null;
    await delegate.update({ where: { id }, data: { deletedAt, version: { increment: 1 } } });
    await writeAudit(tx, {
      actor: actor!,
      action: isDeleted ? 'DELETE' : 'RESTORE',
      entityType: entity,
      entityId: id,
      organizationId: before.organizationId,
      changes: {
        deletedAt: { before: before.deletedAt?.toISOString() ?? null, after: deletedAt?.toISOString() ?? null },
        version: { before: before.version, after: before.version + 1 },
      },
    });
    return { organizationId: before.organizationId };
  });
}
