import type { Metadata } from 'next';
import Link from 'next/link';
import { requirePageUser } from '@/lib/auth/session';
import { listAdminEvents } from '@/lib/data/projects/admin';
import { adminFormats, adminTranslator, getAdminLocale, getAdminT } from '@/lib/i18n/admin';
import { orNotFound, type AdminPageProps } from '../page-utils';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getAdminT('ProjectsEvents'))('eventsTitle') };
}

// Coordinators: every event; partners: those their organizations organize.
export default async function AdminEventsPage({ searchParams }: AdminPageProps<Record<string, never>>) {
  const actor = await requirePageUser('/de/admin/veranstaltungen');
  const events = await orNotFound(listAdminEvents({ actor }));
  const search = await searchParams;
  const locale = await getAdminLocale();
  const t = adminTranslator(locale, 'ProjectsEvents');
  const { dateTime } = adminFormats(locale);
  const now = new Date();
  return (
    <div>
      <div className="flex flex-wrap items-center justify-between gap-4">
        <h1 className="admin-h1">{t('eventsTitle')}</h1>
        <Link href="/de/admin/veranstaltungen/neu" className="btn-primary">
          {actor.role === 'ADMIN' ? t('newEvent') : t('proposeEvent')}
        </Link>
      </div>
      <div role="status">
        {search.geloescht ? <p className="alert-success mb-4">{t('deleted')}</p> : null}
        {search.vorgeschlagen ? <p className="alert-success mb-4">{t('proposed')}</p> : null}
      </div>
      {events.length === 0 ? (
        <p>{t('none')}</p>
      ) : (
        <div className="overflow-x-auto">
          <table className="admin-table">
            <caption className="sr-only">{t('eventsTitle')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('colTitle')}</th>
                <th scope="col">{t('colDate')}</th>
                <th scope="col">{t('colOrganization')}</th>
                <th scope="col">{t('colPublic')}</th>
              </tr>
            </thead>
            <tbody>
              {events.map((event) => (
                <tr key={event.id}>
                  <td>
                    <Link href={`/de/admin/veranstaltungen/${event.id}`} className="admin-link">
                      {event.title}
                    </Link>
                    {event.isCancelled ? ` (${t('isCancelled')})` : null}
                  </td>
                  <td>
                    {dateTime.format(event.startsAt)}
                    {(event.endsAt ?? event.startsAt) < now ? ` (${t('pastEvent')})` : null}
                  </td>
                  <td>{event.organizer.name}</td>
                  <td>{event.isPublished ? t('published') : t('draft')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
