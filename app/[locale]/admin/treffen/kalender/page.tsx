import type { Metadata } from 'next';
import Link from 'next/link';
import { CalendarFeedForm } from '@/components/admin/calendar-feed-form';
import { ActionButton } from '@/components/forms/action-button';
import { requirePageUser } from '@/lib/auth/session';
import { getCalendarFeedStatus } from '@/lib/data/meetings/calendar-feed';
import { adminTranslator, getAdminLocale, getAdminT } from '@/lib/i18n/admin';
import { formatBerlinDate } from '@/lib/meetings/berlin-time';
import { orNotFound, type AdminPageProps } from '../../page-utils';
import { createFeedAction, revokeFeedAction } from '../actions';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getAdminT('Meetings'))('Feed.title') };
}

export default async function CalendarFeedPage({ searchParams }: AdminPageProps<Record<string, never>>) {
  const actor = await requirePageUser('/de/admin/treffen/kalender');
  const search = await searchParams;
  const status = await orNotFound(getCalendarFeedStatus({ actor }));
  const t = adminTranslator(await getAdminLocale(), 'Meetings');
  return (
    <div className="max-w-3xl">
      <p>
        <Link href="/de/admin/treffen" className="admin-link">
          {t('backToList')}
        </Link>
      </p>
      <h1 className="admin-h1">{t('Feed.title')}</h1>
      <p className="mb-4">{t('Feed.intro')}</p>
      <div role="status">{search.abgeschaltet ? <p className="alert-success mb-4">{t('Feed.revoked')}</p> : null}</div>
      <p className="mb-4">{status.createdAt ? t('Feed.active', { date: formatBerlinDate(status.createdAt) }) : t('Feed.inactive')}</p>
      <CalendarFeedForm action={createFeedAction} label={status.createdAt ? t('Feed.renew') : t('Feed.create')} createdText={t('Feed.created')} urlLabel={t('Feed.urlLabel')} />
      {status.createdAt ? (
        <div className="mt-4">
          <ActionButton action={revokeFeedAction} label={t('Feed.revoke')} variant="danger" />
        </div>
      ) : null}
    </div>
  );
}
