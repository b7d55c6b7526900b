// The state of an organization rather than its content: trusted or not, published, draft or
// archived, in the trash or not. Coordinators only (partners of trusted organizations edit content,
// not state). Audited in the same transaction.
import 'server-only';
import type { OrganizationStatus } from '@/lib/generated/prisma/enums';
import { db } from '@/lib/db';
import { AppError, validationError } from '@/lib/errors';
import type { Actor } from '@/lib/permissions';
import { organizationScope } from './access';
import { writeOrganizationAudit } from './audit';
import { assertUuid, inTransaction, VersionConflict } from './versioning';

// Trusted organizations: their partners' edits publish directly (still audited) instead of becoming
// change requests. Not content: the version stays, so pending proposals do not turn stale.
export async function setOrganizationTrusted({
  actor,
  id,
  isTrusted,
}: {
  actor: Actor | null;
  id: string;
  isTrusted: boolean;
}) {
  const scope = organizationScope(actor, 'organization.setTrusted');
  assertUuid(id);
  return inTransaction(async (tx) => {
    const before = await tx.organization.findFirst({
      where: { AND: [{ id, deletedAt: null }, scope] },
      select: { isTrusted: true },
    });
    if (!before) throw new AppError('NOT_FOUND');
    if (before.isTrusted === isTrusted) return { changed: false };
    await tx.organization.update({ where: { id }, data: { isTrusted } });
    await writeOrganizationAudit(tx, actor!, id, 'UPDATE', {
      isTrusted: { before: before.isTrusted, after: isTrusted },
    });
    return { changed: true };
  });
}

const STATUS_ACTIONS = { PUBLISHED: 'PUBLISH', DRAFT: 'UNPUBLISH', ARCHIVED: 'ARCHIVE' } as const;

export async function setOrganizationStatus({
  actor,
  id,
  status,
  version,
}: {
  actor: Actor | null;
  id: string;
  status: OrganizationStatus;
  version?: number;
}): Promise<{ version: number }> {
  const scope = organizationScope(actor, 'organization.publish');
  assertUuid(id);
  if (!(status in STATUS_ACTIONS)) throw validationError({ status: ['Unbekannter Status.'] });
  return inTransaction(
    async (tx) => {
      const before = await tx.organization.findFirst({
        where: { AND: [{ id, deletedAt: null }, scope] },
        select: { status: true, version: true },
      });
      if (!before) throw new AppError('NOT_FOUND');
      if (version !== undefined && before.version !== version) throw new VersionConflict();
      if (before.status === status) return { version: before.version };
      const updated = await tx.organization.updateMany({
        where: { id, version: before.version },
        data: { status, version: { increment: 1 } },
      });
      if (updated.count !== 1) throw new VersionConflict();
      await writeOrganizationAudit(tx, actor!, id, STATUS_ACTIONS[status], {
        status: { before: before.status, after: status },
        version: { before: before.version, after: before.version + 1 },
      });
      return { version: before.version + 1 };
    },
    { entityType: 'Organization', entityId: id, version: version ?? 0 },
  );
}

// Undo of an archive: the status before it comes from the server's own audit row of that archive
// (never from the client), and only a state an entry can be archived from is accepted. The change
// itself goes through setOrganizationStatus (same permission, version check and audit).
const UNDO_TARGETS: readonly OrganizationStatus[] = ['PUBLISHED', 'DRAFT'];

export async function undoOrganizationArchive({ actor, id }: { actor: Actor | null; id: string }): Promise<{ status: OrganizationStatus }> {
  const scope = organizationScope(actor, 'organization.publish');
  assertUuid(id);
  const current = await db.organization.findFirst({
    where: { AND: [{ id, deletedAt: null }, scope] },
    select: { status: true, version: true },
  });
  if (!current) throw new AppError('NOT_FOUND');
  if (current.status !== 'ARCHIVED') throw validationError({}, 'Der Eintrag ist nicht archiviert.');
  const archived = await db.auditLog.findFirst({
    where: { entityType: 'Organization', entityId: id, action: 'ARCHIVE' },
    orderBy: { id: 'desc' },
    select: { changes: true },
  });
  const change = (archived?.changes as { status?: { before?: unknown; after?: unknown } } | null)?.status;
  const previous = UNDO_TARGETS.find((status) => status === change?.before);
  if (!previous || change?.after !== 'ARCHIVED') throw validationError({}, 'Der frühere Status ist nicht bekannt. Bitte setzen Sie den Status von Hand.');
  // The version read above: if anything changed in between, this is a conflict, not a blind undo.
  await setOrganizationStatus({ actor, id, status: previous, version: current.version });
  return { status: previous };
}

async function setOrganizationDeleted({
  actor,
  id,
  isDeleted,
}: {
  actor: Actor | null;
  id: string;
  isDeleted: boolean;
}) {
  const scope = organizationScope(actor, 'organization.delete');
  assertUuid(id);
  return inTransaction(async (tx) => {
    const before = await tx.organization.findFirst({
      where: { AND: [{ id, deletedAt: isDeleted ? null : { not: null } }, scope] },
      select: { version: true, deletedAt: true },
    });
    if (!before) throw new AppError('NOT_FOUND');
    const deletedAt = isDeleted ? new Date() : null;
    await tx.organization.update({ where: { id }, data: { deletedAt, version: { increment: 1 } } });
    await writeOrganizationAudit(tx, actor!, id, isDeleted ? 'DELETE' : 'RESTORE', {
      deletedAt: { before: before.deletedAt?.toISOString() ?? null, after: deletedAt?.toISOString() ?? null },
      version: { before: before.version, after: before.version + 1 },
    });
    return { version: before.version + 1 };
  });
}

export function deleteOrganization({ actor, id }: { actor: Actor | null; id: string }) {
  return setOrganizationDeleted({ actor, id, isDeleted: true });
}

export function restoreOrganization({ actor, id }: { actor: Actor | null; id: string }) {
  return setOrganizationDeleted({ actor, id, isDeleted: false });
}
