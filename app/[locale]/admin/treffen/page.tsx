import type { Metadata } from 'next';
import Link from 'next/link';
import { TaskProgressForm } from '@/components/admin/meeting-task-form';
import { requirePageUser } from '@/lib/auth/session';
import { listMeetings, type MeetingListItem } from '@/lib/data/meetings/list-meetings';
import { listMeetingTasks } from '@/lib/data/meetings/update-meeting-task';
import { adminTranslator, getAdminLocale, getAdminT } from '@/lib/i18n/admin';
import { formatBerlinDate, formatMeetingTime } from '@/lib/meetings/berlin-time';
import { scopeOf } from '@/lib/permissions';
import { orNotFound } from '../page-utils';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getAdminT('Meetings'))('title') };
}

function MeetingTable({ items, caption, t }: { items: MeetingListItem[]; caption: string; t: ReturnType<typeof adminTranslator<'Meetings'>> }) {
  if (!items.length) return <p>{t('none')}</p>;
  return (
    <div className="overflow-x-auto">
      <table className="admin-table">
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('columnTitle')}</th>
            <th scope="col">{t('columnWhen')}</th>
            <th scope="col">{t('columnPlace')}</th>
            <th scope="col">{t('columnStatus')}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((m) => (
            <tr key={m.id}>
              <td>
                <Link href={`/de/admin/treffen/${m.id}`} className="admin-link">
                  {m.title}
                </Link>{' '}
                ({t(`kind${m.kind}`)})
              </td>
              <td>{formatMeetingTime(m.startsAt, m.endsAt)}</td>
              <td>{m.place ?? '–'}</td>
              <td>{t(`status${m.status}`)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export default async function MeetingsPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const actor = await requirePageUser('/de/admin/treffen');
  const search = await searchParams;
  const { upcoming, past } = await orNotFound(listMeetings({ actor }));
  const isCoordinator = scopeOf(actor, 'meeting.manage') === 'all';
  const tasks = isCoordinator ? [] : await listMeetingTasks({ actor, isOpenOnly: true });
  const locale = await getAdminLocale();
  const t = adminTranslator(locale, 'Meetings');
  return (
    <div>
      <h1 className="admin-h1">{t('title')}</h1>
      <p className="mb-4 max-w-3xl">{isCoordinator ? t('intro') : t('introPartner')}</p>
      <div role="status">{search.aufgabeGespeichert ? <p className="alert-success mb-4">{t('taskSaved')}</p> : null}</div>
      <p className="mb-4 flex flex-wrap gap-4">
        {isCoordinator ? (
          <Link href="/de/admin/treffen/neu" className="btn-primary">
            {t('new')}
          </Link>
        ) : null}
        <Link href="/de/admin/treffen/kalender" className="admin-link">
          {t('feedLink')}
        </Link>
        <Link href="/de/admin/netzwerk" className="admin-link">
          {t('networkLink')}
        </Link>
      </p>
      {!isCoordinator ? (
        <section aria-labelledby="aufgaben">
          <h2 id="aufgaben" className="admin-h2">
            {t('myTasksHeading')}
          </h2>
          {tasks.length ? (
            <ul className="space-y-4">
              {tasks.map((task) => (
                <li key={task.id} className="rounded border border-slate-300 p-3">
                  <p className="font-semibold">{task.title}</p>
                  <p>
                    {task.organization.name} · {t('taskDue', { date: formatBerlinDate(task.dueDate) })} ·{' '}
                    <Link href={`/de/admin/treffen/${task.meeting.id}`} className="admin-link">
                      {t('fromMeeting', { title: task.meeting.title })}
                    </Link>
                  </p>
                  <TaskProgressForm task={task} back="/de/admin/treffen" t={t} />
                </li>
              ))}
            </ul>
          ) : (
            <p>{t('tasksEmpty')}</p>
          )}
        </section>
      ) : null}
      <section aria-labelledby="kommend">
        <h2 id="kommend" className="admin-h2">
          {t('upcoming')}
        </h2>
        <MeetingTable items={upcoming} caption={t('upcoming')} t={t} />
      </section>
      <section aria-labelledby="vergangen">
        <h2 id="vergangen" className="admin-h2">
          {t('past')}
        </h2>
        <MeetingTable items={past} caption={t('past')} t={t} />
      </section>
    </div>
  );
}
