import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getFormatter, getTranslations, setRequestLocale } from 'next-intl/server';
import { JsonLd } from '@/components/directory/json-ld';
import { LocalizedBlock, langProps } from '@/components/directory/localized';
import { eventTime, placeText } from '@/components/network/event-parts';
import { WebAddress } from '@/components/ui/contact-values';
import { Icon } from '@/components/ui/icons';
import { getPublicEvent, isOver } from '@/lib/data/events/public';
import { getLanguageNames } from '@/lib/data/taxonomy-public';
import { getEnv } from '@/lib/env';
import { eventJsonLd } from '@/lib/events/json-ld';
import { Link } from '@/lib/i18n/navigation';
import { localeAlternates } from '@/lib/i18n/routing';

type Params = Promise<{ locale: string; slug: string }>;

const linkClass = 'inline-flex min-h-11 max-w-full items-center text-brand-800 underline';

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { locale, slug } = await params;
  const { event } = await getPublicEvent({ slug, locale });
  if (!event) return {};
  return {
    title: event.title.value,
    description: event.description.value.slice(0, 160),
    alternates: localeAlternates(`/veranstaltungen/${event.slug}`, locale),
    robots: isOver(event) ? { index: false, follow: true } : undefined,
  };
}

// Rendered per request from the tagged data cache (lib/data/public-cache.ts): no database access
// at build time, and no full-page copies that could outlive a database restore.
export const dynamic = 'force-dynamic';

export default async function EventPage({ params }: { params: Params }) {
  const { locale, slug } = await params;
  setRequestLocale(locale);
  const { event } = await getPublicEvent({ slug, locale });
  if (!event) notFound();
  const [t, format, languageNames] = await Promise.all([getTranslations('Events'), getFormatter(), getLanguageNames({ locale })]);
  const base = getEnv().APP_URL.replace(/\/$/, '');
  const url = `${base}/${locale}/veranstaltungen/${event.slug}`;
  const place = placeText(event);
  const over = isOver(event);
  return (
    <article className="space-y-6">
      <JsonLd data={eventJsonLd(event, { url, organizerUrl: `${base}/${locale}/akteure/${event.organizer.slug}` })} />
      <p className="print:hidden">
        <Link href="/veranstaltungen" className={linkClass}>
          <Icon name="ArrowLeft" className="me-1 size-5 rtl:rotate-180" />
          {t('backToList')}
        </Link>
      </p>
      <header className="space-y-2">
        <h1 className="text-3xl font-bold text-brand-900" {...langProps(event.title, locale)}>
          {event.title.value}
        </h1>
        {event.isCancelled ? <p className="text-lg font-semibold text-red-800">{t('cancelled')}</p> : null}
        {over ? <p className="font-semibold">{t('past')}</p> : null}
      </header>
      <dl className="grid gap-x-4 gap-y-2 sm:grid-cols-[max-content_1fr]">
        <dt className="font-semibold">{t('when')}</dt>
        <dd>
          <time dateTime={event.startsAt}>{await eventTime(event)}</time>
        </dd>
        {place || event.onlineUrl ? (
          <>
            <dt className="font-semibold">{t('where')}</dt>
            <dd>
              {place ? <p lang="de">{place}</p> : null}
              {event.onlineUrl ? (
                <p>
                  {t('online')}:{' '}
                  <a href={event.onlineUrl} className={linkClass}>
                    <WebAddress url={event.onlineUrl} />
                  </a>
                </p>
              ) : null}
            </dd>
          </>
        ) : null}
        {event.languageCodes.length ? (
          <>
            <dt className="font-semibold">{t('languages')}</dt>
            <dd>{event.languageCodes.map((code) => languageNames[code]?.name ?? code).join(', ')}</dd>
          </>
        ) : null}
        {event.isFree || event.cost ? (
          <>
            <dt className="font-semibold">{t('cost')}</dt>
            <dd {...(event.isFree || !event.cost ? {} : langProps(event.cost, locale))}>{event.isFree ? t('free') : event.cost!.value}</dd>
          </>
        ) : null}
        <dt className="font-semibold">{t('registration')}</dt>
        <dd className="space-y-1">
          <p>{event.registration.required ? t('registrationRequired') : t('registrationNotRequired')}</p>
          {event.registration.until ? (
            <p>{t('registrationUntil', { date: format.dateTime(new Date(event.registration.until), { dateStyle: 'long', timeStyle: 'short', timeZone: 'Europe/Berlin' }) })}</p>
          ) : null}
          {event.registration.info ? <p {...langProps(event.registration.info, locale)}>{event.registration.info.value}</p> : null}
          {event.registration.url ? (
            <p>
              <a href={event.registration.url} className={linkClass}>
                {t('registrationLink')}
              </a>
            </p>
          ) : null}
        </dd>
        <dt className="font-semibold">{t('organizer')}</dt>
        <dd>
          <Link href={`/akteure/${event.organizer.slug}`} className={linkClass} lang="de">
            {event.organizer.name}
          </Link>
        </dd>
        {event.topics.length ? (
          <>
            <dt className="font-semibold">{t('topics')}</dt>
            <dd>
              {event.topics.map((topic, index) => (
                <span key={topic.slug}>
                  {index > 0 ? ', ' : null}
                  <Link href={`/veranstaltungen?thema=${topic.slug}`} className="text-brand-800 underline">
                    {topic.label}
                  </Link>
                </span>
              ))}
            </dd>
          </>
        ) : null}
      </dl>
      <LocalizedBlock text={event.description} />
      {over ? null : (
        <p className="print:hidden">
          <a href={`/veranstaltungen/${event.slug}.ics${locale === 'de' ? '' : `?lang=${locale}`}`} className={linkClass} type="text/calendar">
            {t('addToCalendar')}
          </a>
        </p>
      )}
    </article>
  );
}
