// How the caller's save of an organization (or of a record below it) takes effect: published
// directly (coordinators, partners of trusted organizations) or as a proposal for review.
import 'server-only';
import { db } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { can, type Actor } from '@/lib/permissions';
import type { ChangeEntityType } from '@/lib/schemas/change-request';
import { organizationScope } from '../access';
import { assertUuid } from '../versioning';

type EditMode = 'direct' | 'propose';

export async function getEditMode({ actor, organizationId }: { actor: Actor | null; organizationId: string }): Promise<EditMode> {
  const scope = organizationScope(actor, 'organization.read');
  assertUuid(organizationId);
  const org = await db.organization.findFirst({ where: { AND: [{ id: organizationId, deletedAt: null }, scope] }, select: { id: true, isTrusted: true } });
  if (!org) throw new AppError('NOT_FOUND');
  if (can(actor, 'organization.update', org)) return 'direct';
  if (can(actor, 'organization.propose', org)) return 'propose';
  throw new AppError('FORBIDDEN');
}

// The organization a record belongs to, within the caller's read scope, and the edit mode there.
export async function getEditTarget({ actor, entityType, id }: { actor: Actor | null; entityType: ChangeEntityType; id: string }) {
  const scope = organizationScope(actor, 'organization.read');
  assertUuid(id);
  const where = { id, ...(Object.keys(scope).length ? { organization: { is: scope } } : {}) };
  const select = { organizationId: true } as const;
  const row =
    entityType === 'Organization'
      ? await db.organization.findFirst({ where: { AND: [{ id }, scope] }, select: { id: true } }).then((o) => (o ? { organizationId: o.id } : null))
      : entityType === 'Service'
        ? await db.service.findFirst({ where, select })
        : entityType === 'Location'
          ? await db.location.findFirst({ where, select })
          : entityType === 'ContactPerson'
            ? await db.contactPerson.findFirst({ where, select })
            : entityType === 'Schedule'
              ? await db.schedule.findFirst({ where, select })
              : await db.scheduleException.findFirst({ where, select });
  if (!row) throw new AppError('NOT_FOUND');
  return { organizationId: row.organizationId, mode: await getEditMode({ actor, organizationId: row.organizationId }) };
}
