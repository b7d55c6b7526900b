// Pieces of the public event pages: the time in Berlin in the visitor's language, the place, and
// one event in a list. Server components.
import { getFormatter, getTranslations } from 'next-intl/server';
import { langProps } from '@/components/directory/localized';
import type { PublicEvent } from '@/lib/data/events/public';
import { utcToBerlinLocal } from '@/lib/format/berlin-time';
import { Link } from '@/lib/i18n/navigation';

export async function eventTime(event: Pick<PublicEvent, 'startsAt' | 'endsAt'>): Promise<string> {
  const [t, format] = await Promise.all([getTranslations('Events'), getFormatter()]);
  const start = new Date(event.startsAt);
  const full = (d: Date) => format.dateTime(d, { dateStyle: 'full', timeStyle: 'short', timeZone: 'Europe/Berlin' });
  if (!event.endsAt) return full(start);
  const end = new Date(event.endsAt);
  const sameDay = utcToBerlinLocal(start).slice(0, 10) === utcToBerlinLocal(end).slice(0, 10);
  return t('timeRange', { start: full(start), end: sameDay ? format.dateTime(end, { timeStyle: 'short', timeZone: 'Europe/Berlin' }) : full(end) });
}

export function placeText(event: Pick<PublicEvent, 'place' | 'town'>): string | null {
  if (!event.place) return null;
  const { name, street, postalCode, city } = event.place;
  return [name, street, [postalCode, city].filter(Boolean).join(' ')].filter(Boolean).join(', ') || event.town;
}

export async function EventItem({ event, locale, headingLevel = 3 }: { event: PublicEvent; locale: string; headingLevel?: 2 | 3 }) {
  const t = await getTranslations('Events');
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  const place = placeText(event);
  return (
    <article className="space-y-1 rounded border border-slate-300 p-4" data-event={event.slug}>
      <Heading className="text-xl font-semibold text-brand-900" {...langProps(event.title, locale)}>
        <Link href={`/veranstaltungen/${event.slug}`} className="text-brand-800 underline">
          {event.title.value}
        </Link>
      </Heading>
      {event.isCancelled ? <p className="font-semibold text-red-800">{t('cancelled')}</p> : null}
      <p>
        <time dateTime={event.startsAt}>{await eventTime(event)}</time>
      </p>
      {place || event.onlineUrl ? (
        <p className="text-slate-700">
          {place ? <span lang="de">{place}</span> : null}
          {place && event.onlineUrl ? ' · ' : null}
          {event.onlineUrl ? t('online') : null}
        </p>
      ) : null}
      <p className="text-sm text-slate-700">
        {t('organizer')}: <span lang="de">{event.organizer.name}</span>
        {event.isFree ? ` · ${t('free')}` : null}
      </p>
    </article>
  );
}
