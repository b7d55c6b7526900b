// Change requests in the admin area: the "your edits are reviewed" notice, a status badge, and a
// list of requests (partners: their organizations' requests with status and the reviewer's comment).
import Link from 'next/link';
import type { ChangeRequestListItem } from '@/lib/data/change-requests';
import { CHANGE_STATUS_LABELS } from '@/lib/schemas/change-request';

const dateTime = new Intl.DateTimeFormat('de-DE', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Europe/Berlin' });

// Status colours with at least 4.5:1 contrast on white; the text carries the meaning.
const STATUS_CLASSES: Record<string, string> = {
  PENDING: 'text-amber-900',
  APPROVED: 'text-green-800',
  REJECTED: 'text-red-800',
  WITHDRAWN: 'text-slate-700',
};

export function ChangeStatusBadge({ status }: { status: string }) {
  return (
    <span className={`badge ${STATUS_CLASSES[status] ?? ''}`} data-change-status={status}>
      {CHANGE_STATUS_LABELS[status] ?? status}
    </span>
  );
}

export function ReviewNotice() {
  return (
    <p className="alert-success mb-4" data-review-notice>
      Ihre Änderungen werden von der Koordinierungsstelle geprüft, bevor sie im Wegweiser erscheinen. Den Stand sehen Sie unter{' '}
      <Link href="/de/admin/aenderungen" className="admin-link">
        Änderungen
      </Link>
      .
    </p>
  );
}

export function SubmittedNotice() {
  return <p className="alert-success mb-4">Ihre Änderung wurde zur Prüfung eingereicht. Sie erscheint im Wegweiser, sobald die Koordinierungsstelle sie angenommen hat.</p>;
}

export function ChangeRequestList({ items, showOrganization = true, emptyText = 'Keine.' }: { items: ChangeRequestListItem[]; showOrganization?: boolean; emptyText?: string }) {
  if (items.length === 0) return <p>{emptyText}</p>;
  return (
    <ul className="space-y-3">
      {items.map((item) => (
        <li key={item.id} className="rounded border border-slate-300 p-3" data-change-request={item.id}>
          <p className="flex flex-wrap items-center gap-2">
            <Link href={`/de/admin/aenderungen/${item.id}`} className="admin-link font-semibold">
              {showOrganization ? `${item.organizationName}: ` : ''}
              {item.subject}
            </Link>
            <ChangeStatusBadge status={item.status} />
          </p>
          <p className="text-sm text-slate-700">
            Eingereicht {dateTime.format(item.createdAt)} von {item.createdByName ?? 'unbekannt'}
            {item.reviewedAt && item.status !== 'PENDING' ? ` · bearbeitet ${dateTime.format(item.reviewedAt)}${item.reviewedByName ? ` von ${item.reviewedByName}` : ''}` : ''}
          </p>
          {item.reviewComment ? <p className="mt-1">Kommentar: {item.reviewComment}</p> : null}
        </li>
      ))}
    </ul>
  );
}
