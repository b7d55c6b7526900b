// The events list, shared by its two routes: veranstaltungen-liste/[[...filter]] (served from the
// full-route cache: proxy.ts rewrites /<locale>/veranstaltungen with or without filters there,
// lib/edge/cached-routes.ts) and ./page.tsx (what is not rewritten, per request).
import type { Metadata } from 'next';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { EventItem } from '@/components/network/event-parts';
import { FacetLinks, searchString } from '@/components/network/facet-links';
import { MonthView } from '@/components/network/month-view';
import { filterEvents, listUpcomingEvents, type EventFilters } from '@/lib/data/events/public';
import { getLanguageNames } from '@/lib/data/taxonomy-public';
import { berlinMonth } from '@/lib/format/berlin-time';
import { Link } from '@/lib/i18n/navigation';
import { localeAlternates } from '@/lib/i18n/routing';

export type RawSearch = Record<string, string | string[] | undefined>;

const ORDER = ['thema', 'sprache', 'ort', 'ansicht', 'monat'] as const;
const linkClass = 'inline-flex min-h-11 items-center text-brand-800 underline';

function parse(raw: Record<string, string | string[] | undefined>) {
  const one = (key: string, pattern = /^[\p{L}\p{N} .-]{1,120}$/u) => {
    const value = raw[key];
    const text = Array.isArray(value) ? value[0] : value;
    return text && pattern.test(text) ? text : undefined;
  };
  const filters: EventFilters = { thema: one('thema'), sprache: one('sprache', /^[a-z]{2,3}$/), ort: one('ort') };
  const isMonth = one('ansicht') === 'monat';
  const month = isMonth ? one('monat', /^\d{4}-(0[1-9]|1[0-2])$/) : undefined;
  return { filters, isMonth, month };
}

function shiftMonth(month: string, by: number): string {
  const [year, index] = month.split('-').map(Number);
  const date = new Date(Date.UTC(year, index - 1 + by, 1));
  return `${date.getUTCFullYear()}-${String(date.getUTCMonth() + 1).padStart(2, '0')}`;
}

export async function eventsMetadata(locale: string, raw: RawSearch): Promise<Metadata> {
  const { filters, isMonth } = parse(raw);
  const t = await getTranslations({ locale, namespace: 'Events' });
  const filtered = isMonth || Object.values(filters).some(Boolean);
  return {
    title: t('title'),
    description: t('intro'),
    alternates: {
      ...localeAlternates('/veranstaltungen', locale),
      types: { 'text/calendar': '/veranstaltungen.ics' },
    },
    robots: filtered ? { index: false, follow: true } : undefined,
  };
}

// Past events drop out on every render (listUpcomingEvents filters the cached day against the
// clock); the cached route renders again at least every minute.
export async function EventsView({ locale, raw }: { locale: string; raw: RawSearch }) {
  setRequestLocale(locale);
  const { filters, isMonth, month: askedMonth } = parse(raw);
  const [t, languageNames, upcoming] = await Promise.all([getTranslations('Events'), getLanguageNames({ locale }), listUpcomingEvents({ locale })]);
  const { events, facets } = filterEvents(upcoming, filters, (code) => languageNames[code]?.name ?? code);
  const thisMonth = berlinMonth(new Date());
  const month = askedMonth && askedMonth >= thisMonth ? askedMonth : thisMonth;
  const current = { ...filters, ansicht: isMonth ? 'monat' : undefined, monat: isMonth && month !== thisMonth ? month : undefined };
  const isFiltered = Object.values(filters).some(Boolean);
  const topic = filters.thema ? facets.thema.find((o) => o.value === filters.thema) : undefined;
  const feed = `/veranstaltungen.ics${searchString({ thema: topic ? filters.thema : undefined, lang: locale === 'de' ? undefined : locale }, ['thema', 'lang'])}`;
  return (
    <div className="space-y-6">
      <header className="space-y-2">
        <h1 className="text-3xl font-bold text-brand-900">{t('title')}</h1>
        <p>{t('intro')}</p>
        <p>
          <a href={feed} className={linkClass} type="text/calendar" data-feed-link>
            {topic ? t('subscribeTopic', { topic: topic.label }) : t('subscribe')}
          </a>
        </p>
      </header>
      {upcoming.length > 0 ? (
        <section aria-labelledby="filters-title" className="space-y-2">
          <h2 id="filters-title" className="text-2xl font-semibold text-brand-900">
            {t('filtersTitle')}
          </h2>
          <FacetLinks
            path="/veranstaltungen"
            current={{ ...current, monat: undefined }}
            order={ORDER}
            allLabel={t('allOptions')}
            facets={[
              { param: 'thema', label: t('filterTopic'), options: facets.thema },
              { param: 'sprache', label: t('filterLanguage'), options: facets.sprache },
              { param: 'ort', label: t('filterTown'), options: facets.ort },
            ]}
          />
          {isFiltered ? (
            <p>
              <Link href={`/veranstaltungen${searchString({ ansicht: current.ansicht }, ORDER)}`} className={linkClass}>
                {t('removeAllFilters')}
              </Link>
            </p>
          ) : null}
        </section>
      ) : null}
      <nav aria-label={t('viewLabel')} className="flex gap-4">
        <Link href={`/veranstaltungen${searchString({ ...current, ansicht: undefined, monat: undefined }, ORDER)}`} className={linkClass} aria-current={isMonth ? undefined : 'page'}>
          {isMonth ? t('viewList') : <strong>{t('viewList')}</strong>}
        </Link>
        <Link href={`/veranstaltungen${searchString({ ...current, ansicht: 'monat', monat: undefined }, ORDER)}`} className={linkClass} aria-current={isMonth ? 'page' : undefined}>
          {isMonth ? <strong>{t('viewMonth')}</strong> : t('viewMonth')}
        </Link>
      </nav>
      <section aria-labelledby="results-title" className="space-y-3">
        <h2 id="results-title" className="text-2xl font-semibold text-brand-900">
          {t('count', { count: events.length })}
        </h2>
        {events.length === 0 ? <p>{upcoming.length === 0 ? t('none') : t('empty')}</p> : null}
        {isMonth ? (
          <>
            <nav aria-label={t('viewMonth')} className="flex justify-between gap-4">
              {month > thisMonth ? (
                <Link href={`/veranstaltungen${searchString({ ...current, monat: shiftMonth(month, -1) === thisMonth ? undefined : shiftMonth(month, -1) }, ORDER)}`} className={linkClass}>
                  {t('previousMonth')}
                </Link>
              ) : (
                <span />
              )}
              <Link href={`/veranstaltungen${searchString({ ...current, monat: shiftMonth(month, 1) }, ORDER)}`} className={linkClass}>
                {t('nextMonth')}
              </Link>
            </nav>
            <MonthView month={month} events={events} locale={locale} />
          </>
        ) : (
          <ul className="space-y-3">
            {events.map((event) => (
              <li key={event.id}>
                <EventItem event={event} locale={locale} />
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
