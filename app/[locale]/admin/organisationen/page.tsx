import type { Metadata } from 'next';
import Link from 'next/link';
import { requirePageUser } from '@/lib/auth/session';
import { listAdminOrganizations } from '@/lib/data/admin-organizations';
import { listTermOptions } from '@/lib/data/taxonomy';
import { can } from '@/lib/permissions';
import { organizationListQuerySchema } from '@/lib/schemas/organization';
import { dateFormat, STATUS_LABELS } from '../page-utils';

export const metadata: Metadata = { title: 'Einträge' };

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
  const sortLink = (field: 'name' | 'status' | 'updatedAt' | 'lastVerifiedAt', label: string) => {
    const isActive = (query.sort ?? 'name') === field;
    const nextDir = isActive && (query.dir ?? (field === 'updatedAt' ? 'desc' : 'asc')) === 'asc' ? 'desc' : 'asc';
    return (
      <Link href={hrefWith(search, { sort: field, dir: nextDir, page: undefined })} className="admin-link">
        {label}
        {isActive ? <span> ({(query.dir ?? 'asc') === 'asc' ? 'aufsteigend' : 'absteigend'})</span> : null}
      </Link>
    );
  };
  const ariaSort = (field: string) => ((query.sort ?? 'name') === field ? ((query.dir ?? 'asc') === 'asc' ? 'ascending' : 'descending') : undefined);
  return (
    <div>
      <div className="flex flex-wrap items-center justify-between gap-4">
        <h1 className="admin-h1">Einträge</h1>
        {can(actor, 'organization.create') ? (
          <Link href="/de/admin/organisationen/neu" className="btn-primary">
            Neuer Eintrag
          </Link>
        ) : null}
      </div>
      <form method="get" action="/de/admin/organisationen" className="mb-6 grid gap-3 sm:grid-cols-4" role="search" aria-label="Einträge filtern">
        <div className="field sm:col-span-2">
          <label htmlFor="filter-q" className="field-label">
            Suche
          </label>
          <input id="filter-q" name="q" defaultValue={query.q ?? ''} className="input" />
        </div>
        <div className="field">
          <label htmlFor="filter-status" className="field-label">
            Status
          </label>
          <select id="filter-status" name="status" defaultValue={query.status ?? ''} className="input">
            <option value="">Alle</option>
            {Object.entries(STATUS_LABELS).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="filter-category" className="field-label">
            Bereich
          </label>
          <select id="filter-category" name="categoryId" defaultValue={query.categoryId ?? ''} className="input">
            <option value="">Alle</option>
            {terms.categories.map((option) => (
              <option key={option.value} value={option.value}>
                {option.label}
              </option>
            ))}
          </select>
        </div>
        <div className="flex items-center gap-2">
          <input id="filter-outdated" type="checkbox" name="isOutdated" value="1" defaultChecked={query.isOutdated} className="size-5" />
          <label htmlFor="filter-outdated">Prüfung überfällig</label>
        </div>
        <div className="flex items-center gap-2">
          <input id="filter-pending" type="checkbox" name="hasPendingChanges" value="1" defaultChecked={query.hasPendingChanges} className="size-5" />
          <label htmlFor="filter-pending">Offene Änderungsvorschläge</label>
        </div>
        <input type="hidden" name="sort" value={query.sort ?? ''} />
        <div>
          <button type="submit" className="btn-secondary">
            Filtern
          </button>
        </div>
      </form>
      <p aria-live="polite">{total === 1 ? '1 Eintrag' : `${total} Einträge`}</p>
      <div className="overflow-x-auto">
        <table className="admin-table">
          <caption className="sr-only">Einträge, sortierbar</caption>
          <thead>
            <tr>
              <th scope="col" aria-sort={ariaSort('name')}>
                {sortLink('name', 'Name')}
              </th>
              <th scope="col">Bereich</th>
              <th scope="col" aria-sort={ariaSort('status')}>
                {sortLink('status', 'Status')}
              </th>
              <th scope="col" aria-sort={ariaSort('lastVerifiedAt')}>
                {sortLink('lastVerifiedAt', 'Zuletzt geprüft')}
              </th>
              <th scope="col" aria-sort={ariaSort('updatedAt')}>
                {sortLink('updatedAt', 'Geändert')}
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
                  {org.pendingChanges ? <span className="badge ms-2">{org.pendingChanges} Vorschläge</span> : null}
                </td>
                <td>{org.categoryLabel ?? '–'}</td>
                <td>
                  <span className={`badge badge-${org.status}`}>{STATUS_LABELS[org.status]}</span>
                </td>
                <td>
                  {org.lastVerifiedAt ? dateFormat.format(org.lastVerifiedAt) : 'nie'}
                  {org.isOutdated ? <span className="badge badge-ARCHIVED ms-2">überfällig</span> : null}
                </td>
                <td>{dateFormat.format(org.updatedAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {pageCount > 1 ? (
        <nav aria-label="Seiten" className="mt-4 flex items-center gap-4">
          {page > 1 ? (
            <Link href={hrefWith(search, { page: String(page - 1) })} className="admin-link">
              Vorherige Seite
            </Link>
          ) : null}
          <span>
            Seite {page} von {pageCount}
          </span>
          {page < pageCount ? (
            <Link href={hrefWith(search, { page: String(page + 1) })} className="admin-link">
              Nächste Seite
            </Link>
          ) : null}
        </nav>
      ) : null}
    </div>
  );
}
