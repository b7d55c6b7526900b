// "Open now / opens at" line in Europe/Berlin time. Text plus a symbol, never colour alone.
import { getFormatter, getTranslations } from 'next-intl/server';
import { Icon } from '@/components/ui/icons';
import { weekdayDate } from '@/lib/format/weekday';
import { formatMinutes, getOpenStatus, publicHolidayAt, type ExceptionDto, type ScheduleDto } from '@/lib/schedule/open-status';

export async function OpenStatus({
  schedules,
  exceptions,
  now = new Date(),
  compact = false,
}: {
  schedules: ScheduleDto[];
  exceptions: ExceptionDto[];
  now?: Date;
  compact?: boolean;
}) {
  const status = getOpenStatus(schedules, exceptions, now);
  if (status.kind === 'none') return null;
  const t = await getTranslations('Hours');
  const tHoliday = await getTranslations('Holidays');
  const format = await getFormatter();
  // Public holidays close regular hours (lib/schedule/open-status.ts): say why.
  const holiday = publicHolidayAt(now);
  const holidayLine = holiday ? (
    <span className="block" data-public-holiday={holiday}>
      {tHoliday('today', { name: tHoliday(holiday) })}
    </span>
  ) : null;
  if (status.kind === 'open') {
    return (
      <p className="inline-flex flex-wrap items-center gap-2 font-semibold text-green-800" data-open-status="open">
        <Icon name="CircleCheck" className="size-5" />
        {t('openUntil', { time: formatMinutes(status.closesAt) })}
        {status.appointmentOnly ? <span className="font-normal">({t('appointmentOnly')})</span> : null}
        {holidayLine}
      </p>
    );
  }
  let next: string;
  if (!status.next) next = t('noNextOpening');
  else if (status.next.daysAhead === 0) next = t('opensToday', { time: formatMinutes(status.next.opensAt) });
  else if (status.next.daysAhead === 1) next = t('opensTomorrow', { time: formatMinutes(status.next.opensAt) });
  else
    next = t('opensOn', {
      weekday: format.dateTime(weekdayDate(status.next.weekday), { weekday: 'long', timeZone: 'UTC' }),
      time: formatMinutes(status.next.opensAt),
    });
  return (
    <p className="inline-flex flex-wrap items-center gap-x-2 text-slate-800" data-open-status="closed">
      <Icon name="Clock" className="size-5" />
      <span className="font-semibold">{t('closedNow')}</span>
      {compact ? null : <span>· {next}</span>}
      {compact && status.next ? <span>· {next}</span> : null}
      {holidayLine}
    </p>
  );
}
