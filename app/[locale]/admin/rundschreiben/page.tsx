import type { Metadata } from 'next';
import Link from 'next/link';
import { requirePageUser } from '@/lib/auth/session';
import { listCirculars } from '@/lib/data/circulars/get-circular';
import { adminFormats, adminTranslator, getAdminLocale, getAdminT } from '@/lib/i18n/admin';
import { orNotFound } from '../page-utils';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getAdminT('Circulars'))('title') };
}

export default async function CircularsPage() {
  const actor = await requirePageUser('/de/admin/rundschreiben');
  const circulars = await orNotFound(listCirculars({ actor }));
  const locale = await getAdminLocale();
  const t = adminTranslator(locale, 'Circulars');
  const { dateTime } = adminFormats(locale);
  return (
    <div>
      <p>
        <Link href="/de/admin/verteiler" className="admin-link">
          {t('backToLists')}
        </Link>
      </p>
      <h1 className="admin-h1">{t('title')}</h1>
      <p className="mb-4 max-w-3xl">{t('intro')}</p>
      {circulars.length === 0 ? (
        <p>{t('none')}</p>
      ) : (
        <div className="overflow-x-auto">
          <table className="admin-table">
            <caption className="sr-only">{t('title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('columnSubject')}</th>
                <th scope="col">{t('columnList')}</th>
                <th scope="col">{t('columnStatus')}</th>
                <th scope="col">{t('columnSent')}</th>
                <th scope="col">{t('columnResult')}</th>
              </tr>
            </thead>
            <tbody>
              {circulars.map((c) => (
                <tr key={c.id}>
                  <td>
                    <Link href={`/de/admin/rundschreiben/${c.id}`} className="admin-link">
                      {c.subject}
                    </Link>
                  </td>
                  <td>{c.listName}</td>
                  <td>{t(`status${c.status}`)}</td>
                  <td>{c.queuedAt ? `${dateTime.format(c.queuedAt)} (${c.queuedByName ?? c.createdByName})` : '–'}</td>
                  <td>{c.status === 'DRAFT' ? '–' : t('counts', { sent: c.sentCount, total: c.recipientCount, failed: c.failedCount })}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
