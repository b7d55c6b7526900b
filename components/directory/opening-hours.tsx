// Weekly consultation hours as a table, grouped by location, with closures and special days.
// The actor page shows them in full; the printed guide (Wegweiser) in the compact variant.
import { getFormatter, getTranslations } from 'next-intl/server';
import type { ExceptionDto, ScheduleDto } from '@/lib/schedule/open-status';
import type { LocalizedText } from '@/lib/data/translations';
import { dateFromIso, weekdayDate } from '@/lib/format/weekday';
import { formatMinutes } from '@/lib/schedule/open-status';
import { langProps } from './localized';

export interface HoursSource {
  schedules: (ScheduleDto & { note: LocalizedText | null })[];
  exceptions: ExceptionDto[];
  locations: { id: string; name: string | null; street: string | null; city: string | null }[];
}

export async function OpeningHours({
  organization,
  locale,
  variant = 'full',
  idPrefix = 'hours',
}: {
  organization: HoursSource;
  locale: string;
  variant?: 'full' | 'compact';
  // Several tables on one page (the guide) need distinct ids.
  idPrefix?: string;
}) {
  const t = await getTranslations('Hours');
  const tHoliday = await getTranslations('Holidays');
  const format = await getFormatter();
  const compact = variant === 'compact';
  const groups = new Map<string | null, HoursSource['schedules']>();
  // A contact person's own hours are shown with the person (ContactCard), not in these tables.
  const ownSchedules = organization.schedules.filter((schedule) => !schedule.contactPersonId);
  for (const schedule of ownSchedules) {
    const key = schedule.locationId;
    groups.set(key, [...(groups.get(key) ?? []), schedule]);
  }
  const locationName = (id: string | null) => {
    const location = organization.locations.find((l) => l.id === id);
    return location ? (location.name ?? [location.street, location.city].filter(Boolean).join(', ')) : null;
  };
  const dateText = (start: string, end: string) =>
    start === end
      ? format.dateTime(dateFromIso(start), { dateStyle: 'medium', timeZone: 'UTC' })
      : format.dateTimeRange(dateFromIso(start), dateFromIso(end), { dateStyle: 'medium', timeZone: 'UTC' });
  return (
    <div className={compact ? 'space-y-2' : 'space-y-4'}>
      {[...groups.entries()].map(([locationId, schedules], index) => {
        const name = locationName(locationId);
        const captionId = `${idPrefix}-${index}`;
        return (
          <table
            key={locationId ?? 'all'}
            className={`w-full border-collapse text-start ${compact ? 'text-sm' : 'max-w-md'}`}
            aria-labelledby={captionId}
          >
            {/* Without a location the section's own heading already says "Sprechzeiten": the caption
                stays for screen readers only, so the heading is not shown twice. */}
            <caption id={captionId} className={`text-start font-semibold ${!name ? 'sr-only' : ''}`}>
              {name ?? t('title')}
            </caption>
            <thead className="sr-only">
              <tr>
                <th scope="col">{t('weekday')}</th>
                <th scope="col">{t('time')}</th>
              </tr>
            </thead>
            <tbody>
              {schedules.map((schedule, row) => (
                <tr key={row} className="border-b border-slate-200">
                  <th scope="row" className={`${compact ? 'py-0.5' : 'py-2'} pe-4 text-start font-normal`}>
                    {format.dateTime(weekdayDate(schedule.weekday), { weekday: 'long', timeZone: 'UTC' })}
                  </th>
                  <td className={compact ? 'py-0.5' : 'py-2'}>
                    {/* No dir here: in Arabic the phrase around the times is right to left. */}
                    <span className="whitespace-nowrap">{t('range', { from: formatMinutes(schedule.opensAt), to: formatMinutes(schedule.closesAt) })}</span>
                    {schedule.appointmentOnly ? <span> ({t('appointmentOnly')})</span> : null}
                    {schedule.note ? (
                      <span className="block text-sm text-slate-700" {...langProps(schedule.note, locale)}>
                        {schedule.note.value}
                      </span>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        );
      })}
      {organization.exceptions.length > 0 ? (
        <div>
          {compact ? <h4 className="font-semibold">{t('exceptionsTitle')}</h4> : <h3 className="font-semibold">{t('exceptionsTitle')}</h3>}
          <ul className="list-disc ps-6">
            {organization.exceptions.map((ex, index) => (
              <li key={index}>
                {ex.isClosed || ex.opensAt == null || ex.closesAt == null
                  ? t('closedOn', { dates: dateText(ex.startsOn, ex.endsOn) })
                  : t('specialOn', { dates: dateText(ex.startsOn, ex.endsOn), from: formatMinutes(ex.opensAt), to: formatMinutes(ex.closesAt) })}
                {ex.note ? (
                  <span lang="de" className="text-slate-700">
                    {' '}
                    – {ex.note}
                  </span>
                ) : null}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {ownSchedules.length > 0 ? <p className="text-sm text-slate-700">{tHoliday('closedNote')}</p> : null}
      {compact ? null : <p className="text-sm text-slate-700">{t('timeZoneNote')}</p>}
    </div>
  );
}
