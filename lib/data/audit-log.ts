// Reading the audit log: what others changed since a version (conflicts), an organization's
// history, the newest entries, one entry (for restoring a field). Writing: lib/data/audit.ts.
import 'server-only';
import type { FieldChanges } from '@/lib/audit/events';
import type { Prisma } from '@/lib/generated/prisma/client';
import type { AuditAction } from '@/lib/generated/prisma/enums';
import { db } from '@/lib/db';
import { AppError, type ConflictChange } from '@/lib/errors';
import type { Actor } from '@/lib/permissions';
import { childScope, organizationScope } from './access';

// What others changed after `sinceVersion`: every audit row records `version` before/after.
export async function getConflictChanges({
  entityType,
  entityId,
  sinceVersion,
}: {
  entityType: string;
  entityId: string;
  sinceVersion: number;
}): Promise<ConflictChange[]> {
  const rows = await db.auditLog.findMany({
    where: { entityType, entityId, changes: { path: ['version', 'after'], gt: sinceVersion } },
    orderBy: { id: 'asc' },
    select: { actorName: true, createdAt: true, changes: true },
  });
  const merged = new Map<string, ConflictChange>();
  for (const row of rows) {
    for (const [field, change] of Object.entries(row.changes as unknown as FieldChanges)) {
      if (field === 'version') continue;
      const previous = merged.get(field);
      merged.set(field, {
        field,
        before: previous ? previous.before : change.before,
        after: change.after,
        by: row.actorName,
        at: row.createdAt.toISOString(),
      });
    }
  }
  return [...merged.values()];
}

const auditSelect = {
  id: true,
  actorName: true,
  action: true,
  entityType: true,
  entityId: true,
  organizationId: true,
  changes: true,
  createdAt: true,
} as const;

export interface AuditEntry {
  id: string;
  actorName: string;
  action: AuditAction;
  entityType: string;
  entityId: string;
  organizationId: string | null;
  changes: FieldChanges;
  createdAt: Date;
}

function toEntry(row: {
  id: bigint;
  actorName: string;
  action: AuditAction;
  entityType: string;
  entityId: string;
  organizationId: string | null;
  changes: unknown;
  createdAt: Date;
}): AuditEntry {
  return { ...row, id: row.id.toString(), changes: (row.changes ?? {}) as FieldChanges };
}

// History of one organization and everything under it.
export async function listOrganizationHistory({
  actor,
  organizationId,
  limit = 200,
}: {
  actor: Actor | null;
  organizationId: string;
  limit?: number;
}): Promise<AuditEntry[]> {
  const organization = await db.organization.findFirst({
    where: { AND: [{ id: organizationId }, organizationScope(actor, 'audit.read')] },
    select: { id: true },
  });
  if (!organization) throw new AppError('NOT_FOUND');
  const rows = await db.auditLog.findMany({
    where: { organizationId },
    orderBy: { id: 'desc' },
    take: Math.min(Math.max(limit, 1), 500),
    select: auditSelect,
  });
  return rows.map(toEntry);
}

export async function listRecentAuditEntries({ actor, limit = 20 }: { actor: Actor | null; limit?: number }): Promise<AuditEntry[]> {
  const scope = organizationScope(actor, 'audit.read');
  const where: Prisma.AuditLogWhereInput = Object.keys(scope).length
    ? { organizationId: { in: actor!.organizationIds } }
    : { action: { not: 'LOGIN' } };
  const rows = await db.auditLog.findMany({ where, orderBy: { id: 'desc' }, take: Math.min(limit, 100), select: auditSelect });
  return rows.map(toEntry);
}

export async function getAuditEntry({ actor, id }: { actor: Actor | null; id: string }): Promise<AuditEntry> {
  if (!/^\d{1,18}$/.test(id)) throw new AppError('NOT_FOUND');
  const scope = childScope(actor, 'audit.read');
  const row = await db.auditLog.findFirst({
    where: { id: BigInt(id), organizationId: { not: null } },
    select: auditSelect,
  });
  if (!row?.organizationId) throw new AppError('NOT_FOUND');
  if (scope.organization) {
    const visible = await db.organization.count({ where: { AND: [{ id: row.organizationId }, scope.organization.is] } });
    if (!visible) throw new AppError('NOT_FOUND');
  }
  return toEntry(row);
}
