// "Open now / opens at" for weekly consultation hours in Europe/Berlin: the one implementation,
// used by the actor page and the directory cards (getOpenStatus) and the exports (which list the same
// public slots). The directory's "open now" filter applies the same rule in SQL
// (open_organization_ids(), lib/data/opening-hours.ts) with the Berlin date and minute and the
// holiday flag computed here; tests/integration/opening-hours.test.ts holds both to the same cases.
// Pure: the caller passes the current instant, so the logic is testable across daylight-saving
// changes.
//
// Which slots and exceptions count is decided by the data layer (openingScheduleWhere and
// publicScheduleExceptionWhere in lib/data/visibility.ts); what a calendar day looks like is
// decided in one place, rulesOn() below: exceptions, and the public holidays of Sachsen-Anhalt
// (lib/schedule/holidays.ts), which close every regular slot. Slots of other owners (a contact
// person's own hours) are more WeeklySlots with their own locationId.

import { publicHolidayOn, type PublicHoliday } from './holidays';

const TIME_ZONE = 'Europe/Berlin';

// A public weekly slot as the data layer hands it out (JSON: dates as YYYY-MM-DD strings).
export interface ScheduleDto {
  serviceId: string | null;
  locationId: string | null;
  weekday: number;
  opensAt: number;
  closesAt: number;
  appointmentOnly: boolean;
  validFrom: string | null;
  validTo: string | null;
  // A contact person's own hours (null: the organization's), the languages offered in the slot
  // and, for appointment-only slots, where to book.
  contactPersonId: string | null;
  languageCodes: string[];
  bookingUrl: string | null;
}

// A closure or a day with special hours, as the data layer hands it out.
export interface ExceptionDto {
  locationId: string | null;
  startsOn: string;
  endsOn: string;
  isClosed: boolean;
  opensAt: number | null;
  closesAt: number | null;
  note: string | null;
}

export interface WeeklySlot {
  weekday: number; // ISO: 1 = Monday ... 7 = Sunday
  opensAt: number; // minutes after local midnight
  closesAt: number;
  locationId?: string | null;
  appointmentOnly?: boolean;
  validFrom?: string | Date | null; // a calendar date (YYYY-MM-DD)
  validTo?: string | Date | null;
}

export interface ScheduleExceptionRule {
  locationId?: string | null;
  startsOn: string | Date; // calendar dates, inclusive
  endsOn: string | Date;
  isClosed: boolean;
  opensAt?: number | null;
  closesAt?: number | null;
}

export interface LocalMoment {
  date: string; // YYYY-MM-DD in Berlin
  weekday: number; // 1..7
  minutes: number; // minutes after local midnight
}

const formatter = new Intl.DateTimeFormat('en-GB', {
  timeZone: TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  weekday: 'short',
  hourCycle: 'h23',
});

const WEEKDAYS: Record<string, number> = { Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6, Sun: 7 };

// The wall-clock date, weekday and minute in Berlin at the given instant.
export function toBerlinMoment(instant: Date): LocalMoment {
  const parts = Object.fromEntries(formatter.formatToParts(instant).map((part) => [part.type, part.value]));
  return {
    date: `${parts.year}-${parts.month}-${parts.day}`,
    weekday: WEEKDAYS[parts.weekday as string],
    minutes: Number(parts.hour) * 60 + Number(parts.minute),
  };
}

// Calendar date arithmetic on YYYY-MM-DD strings (UTC based, so no DST involved).
function addDays(date: string, days: number): string {
  const value = new Date(`${date}T00:00:00Z`);
  value.setUTCDate(value.getUTCDate() + days);
  return value.toISOString().slice(0, 10);
}

function weekdayOf(date: string): number {
  const day = new Date(`${date}T00:00:00Z`).getUTCDay();
  return day === 0 ? 7 : day;
}

function toDateString(value: string | Date): string {
  return typeof value === 'string' ? value.slice(0, 10) : value.toISOString().slice(0, 10);
}

interface Interval {
  opensAt: number;
  closesAt: number;
  appointmentOnly: boolean;
}

// The rules that change one calendar day: the exceptions covering it, and whether it is a public
// holiday of Sachsen-Anhalt. The one place where day rules join.
function rulesOn(date: string, exceptions: ScheduleExceptionRule[]): { covering: ScheduleExceptionRule[]; holiday: boolean } {
  return {
    covering: exceptions.filter((ex) => toDateString(ex.startsOn) <= date && date <= toDateString(ex.endsOn)),
    holiday: publicHolidayOn(date) !== null,
  };
}

// The opening intervals of one calendar day, after applying closures and special hours.
// An exception without locationId applies to every location. A public holiday closes every
// regular slot; only hours given as an exception for the date open anything (an entry that is
// open on Reformationstag says so with special hours for that day).
/** @internal Exported for its unit test. */
export function intervalsOn(date: string, slots: WeeklySlot[], exceptions: ScheduleExceptionRule[]): Interval[] {
  const { covering, holiday } = rulesOn(date, exceptions);
  const weekday = weekdayOf(date);
  const intervals: Interval[] = [];
  for (const slot of slots) {
    if (holiday || slot.weekday !== weekday) continue;
    if (slot.validFrom && toDateString(slot.validFrom) > date) continue;
    if (slot.validTo && toDateString(slot.validTo) < date) continue;
    const applies = covering.filter((ex) => !ex.locationId || !slot.locationId || ex.locationId === slot.locationId);
    if (applies.length > 0) continue;
    intervals.push({ opensAt: slot.opensAt, closesAt: slot.closesAt, appointmentOnly: Boolean(slot.appointmentOnly) });
  }
  for (const ex of covering) {
    if (!ex.isClosed && ex.opensAt != null && ex.closesAt != null) {
      intervals.push({ opensAt: ex.opensAt, closesAt: ex.closesAt, appointmentOnly: false });
    }
  }
  return intervals.sort((a, b) => a.opensAt - b.opensAt);
}

export type OpenStatus =
  | { kind: 'open'; closesAt: number; appointmentOnly: boolean }
  | { kind: 'closed'; next: { date: string; weekday: number; opensAt: number; daysAhead: number } | null }
  | { kind: 'none' };

// The interval of the day that contains the moment, if any: "open".
function openInterval(day: Interval[], moment: LocalMoment): Interval | undefined {
  return day.find((interval) => interval.opensAt <= moment.minutes && moment.minutes < interval.closesAt);
}

// `none`: there are no consultation hours at all. Looks ahead two weeks for the next opening.
export function getOpenStatus(
  slots: WeeklySlot[],
  exceptions: ScheduleExceptionRule[],
  instant: Date,
): OpenStatus {
  if (slots.length === 0 && !exceptions.some((ex) => !ex.isClosed && ex.opensAt != null)) return { kind: 'none' };
  const now = toBerlinMoment(instant);
  const today = intervalsOn(now.date, slots, exceptions);
  const current = openInterval(today, now);
  if (current) {
    // Back-to-back slots count as one opening.
    let closesAt = current.closesAt;
    for (const interval of today) {
      if (interval.opensAt <= closesAt && interval.closesAt > closesAt) closesAt = interval.closesAt;
    }
    return { kind: 'open', closesAt, appointmentOnly: current.appointmentOnly };
  }
  for (let daysAhead = 0; daysAhead <= 14; daysAhead++) {
    const date = addDays(now.date, daysAhead);
    const candidate = intervalsOn(date, slots, exceptions).find(
      (interval) => daysAhead > 0 || interval.opensAt > now.minutes,
    );
    if (candidate) return { kind: 'closed', next: { date, weekday: weekdayOf(date), opensAt: candidate.opensAt, daysAhead } };
  }
  return { kind: 'closed', next: null };
}

// The same answer as the page's status line, without looking ahead: the statement of the rule that
// the shared cases (tests/fixtures/opening-hours-cases.ts) check and the SQL filter follows.
/** @internal Exported for its unit test. */
export function isOpenAt(slots: WeeklySlot[], exceptions: ScheduleExceptionRule[], at: Date | LocalMoment): boolean {
  const moment = at instanceof Date ? toBerlinMoment(at) : at;
  return openInterval(intervalsOn(moment.date, slots, exceptions), moment) !== undefined;
}

// "09:00" from minutes after midnight; 24:00 stays 24:00.
export function formatMinutes(minutes: number): string {
  const hours = Math.floor(minutes / 60);
  return `${String(hours).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

// The public holiday in Berlin on the day of the instant, for the page's "heute Feiertag".
export function publicHolidayAt(instant: Date): PublicHoliday | null {
  return publicHolidayOn(toBerlinMoment(instant).date);
}
