import type { Metadata } from 'next';
import Link from 'next/link';
import { ChangeRequestList } from '@/components/admin/change-requests';
import { requirePageUser } from '@/lib/auth/session';
import { listChangeRequests } from '@/lib/data/change-requests';
import { isUuid } from '@/lib/data/versioning';
import { scopeOf } from '@/lib/permissions';
import { changeRequestListQuerySchema } from '@/lib/schemas/change-request';
import { orNotFound } from '../page-utils';

export const metadata: Metadata = { title: 'Änderungen' };

const FILTERS = [
  { value: 'PENDING', label: 'Offen' },
  { value: 'APPROVED', label: 'Angenommen' },
  { value: 'REJECTED', label: 'Abgelehnt' },
  { value: 'WITHDRAWN', label: 'Zurückgezogen' },
  { value: 'ALL', label: 'Alle' },
] as const;

// Coordinators: the review queue. Partners: the state of their organizations' proposals.
export default async function ChangeRequestsPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const search = await searchParams;
  const actor = await requirePageUser('/de/admin/aenderungen');
  const isReviewer = scopeOf(actor, 'changeRequest.review') === 'all';
  const query = changeRequestListQuerySchema.parse(search);
  const status = query.status ?? (isReviewer ? 'PENDING' : 'ALL');
  const organizationId = isUuid(search.organisation) ? search.organisation : undefined;
  const items = await orNotFound(listChangeRequests({ actor, status: status === 'ALL' ? undefined : status, organizationId, take: 200 }));
  const href = (value: string) => `/de/admin/aenderungen?status=${value}${organizationId ? `&organisation=${organizationId}` : ''}`;
  return (
    <div>
      <h1 className="admin-h1">Änderungen</h1>
      <p className="mb-4">
        {isReviewer
          ? 'Änderungsvorschläge der Partner. Prüfen Sie die Unterschiede und übernehmen oder lehnen Sie sie ab; die einreichende Person wird per E-Mail benachrichtigt.'
          : 'Ihre eingereichten Änderungen und ihr Stand. Angenommene Änderungen sind im Wegweiser sichtbar.'}
      </p>
      <nav aria-label="Nach Stand filtern" className="mb-4 flex flex-wrap gap-4">
        {FILTERS.map((filter) => (
          <Link key={filter.value} href={href(filter.value)} className="admin-link" aria-current={filter.value === status ? 'page' : undefined}>
            {filter.value === status ? <strong>{filter.label}</strong> : filter.label}
          </Link>
        ))}
      </nav>
      <p aria-live="polite" className="mb-2">{items.length === 1 ? '1 Vorschlag' : `${items.length} Vorschläge`}</p>
      <ChangeRequestList items={items} emptyText={status === 'PENDING' ? 'Keine offenen Vorschläge.' : 'Keine Vorschläge.'} />
    </div>
  );
}
