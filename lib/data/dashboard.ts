// Figures for the admin start page.
import 'server-only';
import { db } from '@/lib/db';
import type { Actor } from '@/lib/permissions';
import { organizationScope } from './access';
import { listOutdatedOrganizationIds } from './admin-organizations';

export async function getDashboard({ actor }: { actor: Actor | null }) {
  const scope = organizationScope(actor, 'dashboard.read');
  const isCoordinator = Object.keys(scope).length === 0;
  const orgWhere = { AND: [{ deletedAt: null }, scope] };
  const child = isCoordinator ? {} : { organizationId: { in: actor!.organizationIds } };
  const outdatedIds = await listOutdatedOrganizationIds();
  const [byStatus, overdue, pendingChanges, feedback, zeroResultSearches] = await Promise.all([
    db.organization.groupBy({ by: ['status'], where: orgWhere, _count: { _all: true } }),
    db.organization.findMany({
      where: { AND: [orgWhere, { id: { in: outdatedIds } }, { status: 'PUBLISHED' }] },
      orderBy: [{ lastVerifiedAt: { sort: 'asc', nulls: 'first' } }],
      take: 10,
      select: { id: true, name: true, lastVerifiedAt: true },
    }),
    db.changeRequest.findMany({
      where: { status: 'PENDING', ...child },
      orderBy: { createdAt: 'asc' },
      take: 10,
      select: { id: true, createdAt: true, entityType: true, organization: { select: { id: true, name: true } }, createdBy: { select: { name: true } } },
    }),
    db.feedback.findMany({
      where: { status: 'OPEN', ...child },
      orderBy: { createdAt: 'desc' },
      take: 5,
      select: { id: true, message: true, createdAt: true, organization: { select: { id: true, name: true } } },
    }),
    isCoordinator
      ? db.searchLog.groupBy({
          by: ['query'],
          where: { resultCount: 0, createdAt: { gt: new Date(Date.now() - 90 * 24 * 3600 * 1000) } },
          _count: { _all: true },
          orderBy: { _count: { query: 'desc' } },
          take: 10,
        })
      : Promise.resolve([]),
  ]);
  const counts = { DRAFT: 0, PUBLISHED: 0, ARCHIVED: 0 } as Record<string, number>;
  for (const row of byStatus) counts[row.status] = row._count._all;
  return {
    counts,
    overdueCount: outdatedIds.length,
    overdue,
    pendingChanges,
    feedback,
    zeroResultSearches: zeroResultSearches.map((row) => ({ query: row.query, count: row._count._all })),
  };
}
