// Lists of change requests: coordinators see every request, partners those of their organizations.
import 'server-only';
import type { Prisma } from '@/lib/generated/prisma/client';
import type { ChangeRequestStatus } from '@/lib/generated/prisma/enums';
import { db } from '@/lib/db';
import { DEFAULT_ADMIN_LOCALE, type AdminLocale } from '@/lib/i18n/admin-locales';
import type { Actor } from '@/lib/permissions';
import type { ChangeActionName, ChangeEntityType } from '@/lib/schemas/change-request';
import { assertUuid } from '../versioning';
import { loadTitles } from './lookups';
import { subjectOf } from './present';
import { requestScope } from './scope';

export interface ChangeRequestListItem {
  id: string;
  organizationId: string;
  organizationName: string;
  entityType: ChangeEntityType;
  action: ChangeActionName;
  status: ChangeRequestStatus;
  // In the reader's admin language.
  subject: string;
  createdAt: Date;
  createdByName: string | null;
  isOwn: boolean;
  reviewedAt: Date | null;
  reviewedByName: string | null;
  reviewComment: string | null;
}

export const listSelect = {
  id: true,
  organizationId: true,
  entityType: true,
  entityId: true,
  action: true,
  status: true,
  payload: true,
  createdAt: true,
  createdById: true,
  reviewedAt: true,
  reviewComment: true,
  organization: { select: { name: true } },
  createdBy: { select: { name: true } },
  reviewedBy: { select: { name: true } },
} as const;

type ListRow = Prisma.ChangeRequestGetPayload<{ select: typeof listSelect }>;

export function toListItem(locale: AdminLocale, actor: Actor, row: ListRow, titles: Map<string, string>): ChangeRequestListItem {
  const entityType = row.entityType as ChangeEntityType;
  return {
    id: row.id,
    organizationId: row.organizationId,
    organizationName: row.organization.name,
    entityType,
    action: row.action,
    status: row.status,
    subject: subjectOf(locale, { ...row, entityType }, titles),
    createdAt: row.createdAt,
    createdByName: row.createdBy?.name ?? null,
    isOwn: row.createdById === actor.id,
    reviewedAt: row.reviewedAt,
    reviewedByName: row.reviewedBy?.name ?? null,
    reviewComment: row.reviewComment,
  };
}

export async function listChangeRequests({
  actor,
  status,
  organizationId,
  take = 100,
  locale = DEFAULT_ADMIN_LOCALE,
}: {
  actor: Actor | null;
  status?: ChangeRequestStatus;
  organizationId?: string;
  take?: number;
  locale?: AdminLocale;
}): Promise<ChangeRequestListItem[]> {
  const where: Prisma.ChangeRequestWhereInput = { ...requestScope(actor), ...(status ? { status } : {}) };
  if (organizationId !== undefined) {
    assertUuid(organizationId);
    where.organizationId = organizationId;
  }
  const rows = await db.changeRequest.findMany({
    where,
    orderBy: status === 'PENDING' ? { createdAt: 'asc' } : { createdAt: 'desc' },
    take: Math.min(Math.max(take, 1), 500),
    select: listSelect,
  });
  const titles = await loadTitles(locale, rows);
  return rows.map((row) => toListItem(locale, actor!, row, titles));
}

export async function countPendingChangeRequests({ actor }: { actor: Actor | null }): Promise<number> {
  return db.changeRequest.count({ where: { ...requestScope(actor), status: 'PENDING' } });
}
