// The members' area's list of network members with their network-internal contacts. Members are
// the published entries with at least one active partner account (the rule distribution lists use
// for "members only") and the coordination office. Contacts: public and network-internal ones,
// not deleted, consent not withdrawn; signed-in callers only, never public.
import 'server-only';
import { db } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { scopeOf, type Actor } from '@/lib/permissions';
import { assertActor } from '../access';
import { publicOrganizationWhere } from '../visibility';

export async function listNetworkMembers({ actor }: { actor: Actor | null }) {
  assertActor(actor);
  if (scopeOf(actor, 'network.readMembers') === 'none') throw new AppError('FORBIDDEN');
  return db.organization.findMany({
    where: { ...publicOrganizationWhere, OR: [{ isCoordinationOffice: true }, { memberships: { some: { user: { is: { isActive: true, role: 'PARTNER' } } } } }] },
    orderBy: { name: 'asc' },
    select: {
      id: true,
      slug: true,
      name: true,
      email: true,
      phone: true,
      contacts: {
        where: { deletedAt: null, consentWithdrawnAt: null, visibility: { in: ['PUBLIC', 'NETWORK_INTERNAL'] } },
        orderBy: [{ sortOrder: 'asc' }, { role: 'asc' }],
        select: { id: true, role: true, name: true, email: true, phone: true, mobile: true, visibility: true },
      },
    },
  });
}
