import type { Metadata } from 'next';
import Link from 'next/link';
import { OrganizationFilterFields } from '@/components/admin/organization-filter-fields';
import { requirePageUser } from '@/lib/auth/session';
import { listAdminOrganizations } from '@/lib/data/admin-organizations';
import { listTermOptions } from '@/lib/data/taxonomy';
import { adminFormats, adminTranslator, getAdminLocale } from '@/lib/i18n/admin';
import { can } from '@/lib/permissions';
import { organizationListQuerySchema } from '@/lib/schemas/organization';

export async function generateMetadata(): Promise<Metadata> {
  return { title: adminTranslator(await getAdminLocale(), 'Organizations')('title') };
}

type Search = Record<string, string | string[] | undefined>;

function hrefWith(search: Search, changes: Record<string, string | undefined>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries({ ...search, ...changes })) {
    if (typeof value === 'string' && value !== '') params.set(key, value);
  }
  const query = params.toString();
  return `/de/admin/organisationen${query ? `?${query}` : ''}`;
}

export default async function OrganizationListPage({ searchParams }: { searchParams: Promise<Search> }) {
  const actor = await requirePageUser('/de/admin/organisationen');
  const search = await searchParams;
  const query = organizationListQuerySchema.parse(search);
  const [{ items, total, page, pageCount }, terms] = await Promise.all([listAdminOrganizations({ actor, query }), listTermOptions({ actor })]);
  const locale = await getAdminLocale();
  const t = adminTranslator(locale, 'Organizations');
  const statusLabel = adminTranslator(locale, 'Status');
  const { date: dateFormat } = adminFormats(locale);
  const sortLink = (field: 'name' | 'status' | 'updatedAt' | 'lastVerifiedAt', label: string) => {
    const isActive = (query.sort ?? 'name') === field;
    const nextDir = isActive && (query.dir ?? (field === 'updatedAt' ? 'desc' : 'asc')) === 'asc' ? 'desc' : 'asc';
    return (
      <Link href={hrefWith(search, { sort: field, dir: nextDir, page: undefined })} className="admin-link">
        {label}
        {isActive ? <span> ({(query.dir ?? 'asc') === 'asc' ? t('ascending') : t('descending')})</span> : null}
      </Link>
    );
  };
  const ariaSort = (field: string) => ((query.sort ?? 'name') === field ? ((query.dir ?? 'asc') === 'asc' ? 'ascending' : 'descending') : undefined);
  return (
    <div>
      {search.willkommen ? <p className="alert-success mb-4">{t('welcome')}</p> : search.eingeladen ? <p className="alert-success mb-4">{t('invitationAccepted')}</p> : null}
      <div className="flex flex-wrap items-center justify-between gap-4">
        <h1 className="admin-h1">{t('title')}</h1>
        <div className="flex flex-wrap gap-2">
          {can(actor, 'directory.export') ? (
            <Link href={hrefWith(search, { page: undefined, sort: undefined, dir: undefined }).replace('/de/admin/organisationen', '/de/admin/export')} className="btn-secondary">
              {adminTranslator(locale, 'Export')('title')}
            </Link>
          ) : null}
          {can(actor, 'organization.create') ? (
            <Link href="/de/admin/organisationen/neu" className="btn-primary">
              {t('new')}
            </Link>
          ) : null}
        </div>
      </div>
      <form method="get" action="/de/admin/organisationen" className="mb-6 grid gap-3 sm:grid-cols-4" role="search" aria-label={t('filterLabel')}>
        <OrganizationFilterFields
          idPrefix="filter"
          query={query}
          categories={terms.categories}
          texts={{ search: t('search'), status: t('status'), all: t('all'), category: t('category'), outdated: t('outdated'), pending: t('pending') }}
          statusLabel={(value) => statusLabel(value)}
          searchClassName="sm:col-span-2"
        />
        <input type="hidden" name="sort" value={query.sort ?? ''} />
        <div>
          <button type="submit" className="btn-secondary">
            {t('filter')}
          </button>
        </div>
      </form>
      <p aria-live="polite">{total === 1 ? t('countOne') : t('countMany', { count: total })}</p>
      <div className="overflow-x-auto">
        <table className="admin-table">
          <caption className="sr-only">{t('caption')}</caption>
          <thead>
            <tr>
              <th scope="col" aria-sort={ariaSort('name')}>
                {sortLink('name', t('name'))}
              </th>
              <th scope="col">{t('category')}</th>
              <th scope="col" aria-sort={ariaSort('status')}>
                {sortLink('status', t('status'))}
              </th>
              <th scope="col" aria-sort={ariaSort('lastVerifiedAt')}>
                {sortLink('lastVerifiedAt', t('lastVerified'))}
              </th>
              <th scope="col" aria-sort={ariaSort('updatedAt')}>
                {sortLink('updatedAt', t('updated'))}
              </th>
            </tr>
          </thead>
          <tbody>
            {items.map((org) => (
              <tr key={org.id}>
                <td>
                  <Link href={`/de/admin/organisationen/${org.id}`} className="admin-link">
                    {org.name}
                  </Link>
                  {org.pendingChanges ? <span className="badge ms-2">{t('proposals', { count: org.pendingChanges })}</span> : null}
                </td>
                <td>{org.categoryLabel ?? '–'}</td>
                <td>
                  <span className={`badge badge-${org.status}`}>{statusLabel(org.status as 'DRAFT')}</span>
                </td>
                <td>
                  {org.lastVerifiedAt ? dateFormat.format(org.lastVerifiedAt) : t('never')}
                  {org.isOutdated ? <span className="badge badge-ARCHIVED ms-2">{t('overdue')}</span> : null}
                </td>
                <td>{dateFormat.format(org.updatedAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {pageCount > 1 ? (
        <nav aria-label={t('pagination')} className="mt-4 flex items-center gap-4">
          {page > 1 ? (
            <Link href={hrefWith(search, { page: String(page - 1) })} className="admin-link">
              {t('previous')}
            </Link>
          ) : null}
          <span>
            {t('pageOf', { page, count: pageCount })}
          </span>
          {page < pageCount ? (
            <Link href={hrefWith(search, { page: String(page + 1) })} className="admin-link">
              {t('next')}
            </Link>
          ) : null}
        </nav>
      ) : null}
    </div>
  );
}
