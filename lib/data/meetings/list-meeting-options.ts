import 'server-only';
import { db } from '@/lib/db';
import type { Actor } from '@/lib/permissions';
import { requireScopeAll } from '../access';
import { listDistributionListOptions } from '../distribution-lists/list-distribution-list-options';
import { publicLocationWhere } from '../visibility';

// Choices for the coordinators' meeting forms: public locations of the directory, distribution
// lists, organizations and contacts (the same choices as a distribution list's).
export async function listMeetingOptions({ actor }: { actor: Actor | null }) {
  requireScopeAll(actor, 'meeting.manage');
  const [locations, lists, picks] = await Promise.all([
    db.location.findMany({
      where: publicLocationWhere,
      orderBy: [{ organization: { name: 'asc' } }, { sortOrder: 'asc' }],
      select: { id: true, name: true, street: true, city: true, organization: { select: { name: true } } },
    }),
    db.distributionList.findMany({ orderBy: { name: 'asc' }, select: { id: true, name: true } }),
    listDistributionListOptions({ actor }),
  ]);
  return {
    locations: locations.map((l) => ({ value: l.id, label: [l.organization.name, l.name, [l.street, l.city].filter(Boolean).join(', ')].filter(Boolean).join(' – ') })),
    lists: lists.map((l) => ({ value: l.id, label: l.name })),
    organizations: picks.organizations,
    contacts: picks.contacts,
  };
}
