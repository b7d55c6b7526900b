import 'server-only';
import { db } from '@/lib/db';
import type { Actor } from '@/lib/permissions';
import { requireScopeAll } from '../access';

export async function listDistributionLists({ actor }: { actor: Actor | null }) {
  requireScopeAll(actor, 'distributionList.manage');
  const rows = await db.distributionList.findMany({
    orderBy: { name: 'asc' },
    select: {
      id: true,
      name: true,
      description: true,
      addressMode: true,
      updatedAt: true,
      circulars: { where: { status: { not: 'DRAFT' } }, orderBy: { queuedAt: 'desc' }, take: 1, select: { queuedAt: true } },
    },
  });
  return rows.map(({ circulars, ...row }) => ({ ...row, lastCircularAt: circulars[0]?.queuedAt ?? null }));
}
