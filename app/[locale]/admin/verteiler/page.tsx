import type { Metadata } from 'next';
import Link from 'next/link';
import { requirePageUser } from '@/lib/auth/session';
import { listDistributionLists } from '@/lib/data/distribution-lists/list-distribution-lists';
import { adminFormats, adminTranslator, getAdminLocale, getAdminT } from '@/lib/i18n/admin';
import { orNotFound } from '../page-utils';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getAdminT('DistributionLists'))('title') };
}

export default async function DistributionListsPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const actor = await requirePageUser('/de/admin/verteiler');
  const lists = await orNotFound(listDistributionLists({ actor }));
  const search = await searchParams;
  const locale = await getAdminLocale();
  const t = adminTranslator(locale, 'DistributionLists');
  const { date } = adminFormats(locale);
  return (
    <div>
      <div className="flex flex-wrap items-center justify-between gap-4">
        <h1 className="admin-h1">{t('title')}</h1>
        <div className="flex flex-wrap gap-2">
          <Link href="/de/admin/rundschreiben" className="btn-secondary">
            {t('allCirculars')}
          </Link>
          <Link href="/de/admin/verteiler/neu" className="btn-primary">
            {t('new')}
          </Link>
        </div>
      </div>
      <div role="status">{search.geloescht ? <p className="alert-success mb-4">{t('deleted')}</p> : null}</div>
      <p className="mb-4 max-w-3xl">{t('intro')}</p>
      {lists.length === 0 ? (
        <p>{t('none')}</p>
      ) : (
        <div className="overflow-x-auto">
          <table className="admin-table">
            <caption className="sr-only">{t('title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('columnName')}</th>
                <th scope="col">{t('columnAddresses')}</th>
                <th scope="col">{t('columnLastCircular')}</th>
                <th scope="col">{t('columnUpdated')}</th>
              </tr>
            </thead>
            <tbody>
              {lists.map((list) => (
                <tr key={list.id}>
                  <td>
                    <Link href={`/de/admin/verteiler/${list.id}`} className="admin-link">
                      {list.name}
                    </Link>
                    {list.description ? <p className="text-sm text-slate-700">{list.description}</p> : null}
                  </td>
                  <td>{t(`mode${list.addressMode}`)}</td>
                  <td>{list.lastCircularAt ? date.format(list.lastCircularAt) : t('never')}</td>
                  <td>{date.format(list.updatedAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
