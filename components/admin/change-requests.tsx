// Change requests in the admin area: the "your edits are reviewed" notice, a status badge, and a
// list of requests (partners: their organizations' requests with status and the reviewer's comment).
// Server components in the admin's language (Admin.ChangeRequests).
import Link from 'next/link';
import type { ChangeRequestListItem } from '@/lib/data/change-requests/list';
import { adminFormats, adminTranslator, getAdminLocale } from '@/lib/i18n/admin';

// Status colours with at least 4.5:1 contrast on white; the text carries the meaning.
const STATUS_CLASSES: Record<string, string> = {
  PENDING: 'text-amber-900',
  APPROVED: 'text-green-800',
  REJECTED: 'text-red-800',
  WITHDRAWN: 'text-slate-700',
};
const STATUSES = ['PENDING', 'APPROVED', 'REJECTED', 'WITHDRAWN'] as const;

export async function ChangeStatusBadge({ status }: { status: string }) {
  const t = adminTranslator(await getAdminLocale(), 'ChangeRequests');
  const known = (STATUSES as readonly string[]).includes(status);
  return (
    <span className={`badge ${STATUS_CLASSES[status] ?? ''}`} data-change-status={status}>
      {known ? t(`status.${status as (typeof STATUSES)[number]}`) : status}
    </span>
  );
}

export async function ReviewNotice() {
  const t = adminTranslator(await getAdminLocale(), 'ChangeRequests');
  return (
    <p className="alert-success mb-4" data-review-notice>
      {t('reviewNotice')}{' '}
      <Link href="/de/admin/aenderungen" className="admin-link">
        {t('reviewNoticeLink')}
      </Link>
      .
    </p>
  );
}

export async function SubmittedNotice() {
  const t = adminTranslator(await getAdminLocale(), 'ChangeRequests');
  return <p className="alert-success mb-4">{t('submitted')}</p>;
}

export async function ChangeRequestList({ items, showOrganization = true, emptyText }: { items: ChangeRequestListItem[]; showOrganization?: boolean; emptyText?: string }) {
  const locale = await getAdminLocale();
  const t = adminTranslator(locale, 'ChangeRequests');
  const { dateTime } = adminFormats(locale);
  if (items.length === 0) return <p>{emptyText ?? t('none')}</p>;
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
            {t('submittedBy', { date: dateTime.format(item.createdAt), name: item.createdByName ?? t('unknown') })}
            {item.reviewedAt && item.status !== 'PENDING'
              ? item.reviewedByName
                ? t('reviewedBy', { date: dateTime.format(item.reviewedAt), name: item.reviewedByName })
                : t('reviewed', { date: dateTime.format(item.reviewedAt) })
              : ''}
          </p>
          {item.reviewComment ? <p className="mt-1">{t('comment', { comment: item.reviewComment })}</p> : null}
        </li>
      ))}
    </ul>
  );
}
