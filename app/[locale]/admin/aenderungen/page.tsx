import type { Metadata } from 'next';
import Link from 'next/link';
import { ChangeRequestList } from '@/components/admin/change-requests';
import { requirePageUser } from '@/lib/auth/session';
import { listChangeRequests } from '@/lib/data/change-requests/list';
import { isUuid } from '@/lib/data/versioning';
import { scopeOf } from '@/lib/permissions';
import { getAdminLocale, getAdminT } from '@/lib/i18n/admin';
import { changeRequestListQuerySchema } from '@/lib/schemas/change-request';
import { orNotFound } from '../page-utils';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getAdminT('ChangeRequests'))('title') };
}

const FILTERS = ['PENDING', 'APPROVED', 'REJECTED', 'WITHDRAWN', 'ALL'] as const;

// Coordinators: the review queue. Partners: the state of their organizations' proposals.
export default async function ChangeRequestsPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const search = await searchParams;
  const actor = await requirePageUser('/de/admin/aenderungen');
  const isReviewer = scopeOf(actor, 'changeRequest.review') === 'all';
  const query = changeRequestListQuerySchema.parse(search);
  const status = query.status ?? (isReviewer ? 'PENDING' : 'ALL');
  const organizationId = isUuid(search.organisation) ? search.organisation : undefined;
  const items = await orNotFound(listChangeRequests({ actor, status: status === 'ALL' ? undefined : status, organizationId, take: 200, locale: await getAdminLocale() }));
  const t = await getAdminT('ChangeRequests');
  const href = (value: string) => `/de/admin/aenderungen?status=${value}${organizationId ? `&organisation=${organizationId}` : ''}`;
  return (
    <div>
      <h1 className="admin-h1">{t('title')}</h1>
      <p className="mb-4">{isReviewer ? t('introReviewer') : t('introPartner')}</p>
      <nav aria-label={t('filterLabel')} className="mb-4 flex flex-wrap gap-4">
        {FILTERS.map((value) => (
          <Link key={value} href={href(value)} className="admin-link" aria-current={value === status ? 'page' : undefined}>
            {value === status ? <strong>{t(`filter${value}`)}</strong> : t(`filter${value}`)}
          </Link>
        ))}
      </nav>
      <p aria-live="polite" className="mb-2">{items.length === 1 ? t('countOne') : t('countMany', { count: items.length })}</p>
      <ChangeRequestList items={items} emptyText={status === 'PENDING' ? t('noneOpen') : t('noneAtAll')} />
    </div>
  );
}
