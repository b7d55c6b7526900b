// The month view of /veranstaltungen: a real table (caption, weekday column headers, one row per
// week), so that screen readers announce day and weekday and the keyboard reaches every event
// link in reading order. Weeks start on Monday; days outside the month are empty cells.
import { getFormatter, getTranslations } from 'next-intl/server';
import type { PublicEvent } from '@/lib/data/events/public';
import { utcToBerlinLocal } from '@/lib/format/berlin-time';
import { Link } from '@/lib/i18n/navigation';

export async function MonthView({ month, events, locale }: { month: string; events: PublicEvent[]; locale: string }) {
  const [t, format] = await Promise.all([getTranslations('Events'), getFormatter()]);
  const [year, monthIndex] = month.split('-').map(Number);
  const first = new Date(Date.UTC(year, monthIndex - 1, 1, 12));
  const daysInMonth = new Date(Date.UTC(year, monthIndex, 0, 12)).getUTCDate();
  const lead = (first.getUTCDay() + 6) % 7;
  const byDay = new Map<number, PublicEvent[]>();
  for (const event of events) {
    const local = utcToBerlinLocal(new Date(event.startsAt));
    if (local.slice(0, 7) !== month) continue;
    const day = Number(local.slice(8, 10));
    byDay.set(day, [...(byDay.get(day) ?? []), event]);
  }
  const cells: (number | null)[] = [...Array(lead).fill(null), ...Array.from({ length: daysInMonth }, (_, i) => i + 1)];
  while (cells.length % 7) cells.push(null);
  const weeks = Array.from({ length: cells.length / 7 }, (_, i) => cells.slice(i * 7, i * 7 + 7));
  // 2024-01-01 was a Monday.
  const weekdays = Array.from({ length: 7 }, (_, i) => new Date(Date.UTC(2024, 0, 1 + i, 12)));
  const monthName = format.dateTime(first, { month: 'long', year: 'numeric', timeZone: 'UTC' });
  return (
    <div className="overflow-x-auto">
      <table className="w-full table-fixed border-collapse text-sm" data-month-view={month}>
        <caption className="mb-2 text-start text-xl font-semibold text-brand-900">{t('monthCaption', { month: monthName })}</caption>
        <thead>
          <tr>
            {weekdays.map((day) => (
              <th key={day.toISOString()} scope="col" className="border border-slate-300 p-1">
                <abbr title={format.dateTime(day, { weekday: 'long', timeZone: 'UTC' })} className="no-underline">
                  {format.dateTime(day, { weekday: 'short', timeZone: 'UTC' })}
                </abbr>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {weeks.map((week, index) => (
            <tr key={index}>
              {week.map((day, column) =>
                day === null ? (
                  <td key={column} className="border border-slate-300 bg-slate-50" />
                ) : (
                  <td key={column} className="h-20 border border-slate-300 p-1 align-top">
                    <span className="font-semibold">
                      <span aria-hidden="true">{day}</span>
                      <span className="sr-only">{format.dateTime(new Date(Date.UTC(year, monthIndex - 1, day, 12)), { dateStyle: 'full', timeZone: 'UTC' })}</span>
                    </span>
                    {byDay.get(day)?.length ? (
                      <ul className="mt-1 space-y-1">
                        {byDay.get(day)!.map((event) => (
                          <li key={event.id}>
                            <Link href={`/veranstaltungen/${event.slug}`} className="break-words text-brand-800 underline" lang={event.title.lang !== locale ? event.title.lang : undefined}>
                              {format.dateTime(new Date(event.startsAt), { timeStyle: 'short', timeZone: 'Europe/Berlin' })} {event.title.value}
                            </Link>
                          </li>
                        ))}
                      </ul>
                    ) : (
                      <span className="sr-only">, {t('noEventsDay')}</span>
                    )}
                  </td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
