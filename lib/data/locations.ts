// Locations (Standorte) of an organization.
import 'server-only';
import type { Prisma } from '@/lib/generated/prisma/client';
import { db } from '@/lib/db';
import { AppError } from '@/lib/errors';
import type { Actor } from '@/lib/permissions';
import { locationInputSchema, type LocationInput } from '@/lib/schemas/organization';
import { childScope, organizationScope } from './access';
import { diffChanges, snapshot, writeAudit } from './audit';
import { setChildDeleted } from './soft-delete';
import { assertUuid, inTransaction, parseInput, VersionConflict, withoutUndefined } from './versioning';
import { locationFieldsSelect } from './field-selects';

const locationSelect = {
  ...locationFieldsSelect,
  organizationId: true,
  sortOrder: true,
  version: true,
  deletedAt: true,
} as const;

const toData = (input: Partial<LocationInput>) => withoutUndefined({ ...input, sortOrder: input.sortOrder === null ? 0 : input.sortOrder });

export async function getAdminLocation({ actor, id }: { actor: Actor | null; id: string }) {
  const scope = childScope(actor, 'organization.read');
  assertUuid(id);
  const row = await db.location.findFirst({ where: { id, ...scope }, select: locationSelect });
  if (!row) throw new AppError('NOT_FOUND');
  return row;
}

export async function createLocation({ actor, organizationId, input }: { actor: Actor | null; organizationId: string; input: unknown }) {
  const scope = organizationScope(actor, 'organization.update');
  assertUuid(organizationId);
  const data = parseInput(locationInputSchema, input);
  return inTransaction(async (tx) => {
    const org = await tx.organization.findFirst({ where: { AND: [{ id: organizationId, deletedAt: null }, scope] }, select: { id: true } });
    if (!org) throw new AppError('NOT_FOUND');
    const created = await tx.location.create({
      data: { ...(toData(data) as Prisma.LocationUncheckedCreateInput), organizationId },
      select: { id: true, version: true },
    });
    await writeAudit(tx, {
      actor: actor!,
      action: 'CREATE',
      entityType: 'Location',
      entityId: created.id,
      organizationId,
      changes: { ...snapshot(toData(data)), version: { before: null, after: 1 } },
    });
    return created;
  });
}

export async function updateLocation({ actor, id, version, input }: { actor: Actor | null; id: string; version: number; input: unknown }) {
  const scope = childScope(actor, 'organization.update');
  assertUuid(id);
  const data = parseInput(locationInputSchema.partial(), input);
  return inTransaction(
    async (tx) => {
      const before = await tx.location.findFirst({ where: { id, deletedAt: null, ...scope }, select: locationSelect });
      if (!before) throw new AppError('NOT_FOUND');
      if (before.version !== version) throw new VersionConflict();
      const scalars = toData(data);
      const changes = diffChanges(before, scalars);
      if (Object.keys(changes).length === 0) return { version, changed: false, organizationId: before.organizationId };
      const updated = await tx.location.updateMany({ where: { id, version, deletedAt: null }, data: { ...scalars, version: { increment: 1 } } });
      if (updated.count !== 1) throw new VersionConflict();
      await writeAudit(tx, {
        actor: actor!,
        action: 'UPDATE',
        entityType: 'Location',
        entityId: id,
        organizationId: before.organizationId,
        changes: { ...changes, version: { before: version, after: version + 1 } },
      });
      return { version: version + 1, changed: true, organizationId: before.organizationId };
    },
    { entityType: 'Location', entityId: id, version },
  );
}

export const deleteLocation = ({ actor, id }: { actor: Actor | null; id: string }) => setChildDeleted({ actor, entity: 'Location', id, isDeleted: true });
export const restoreLocation = ({ actor, id }: { actor: Actor | null; id: string }) => setChildDeleted({ actor, entity: 'Location', id, isDeleted: false });
