// ISO weekday (1 = Monday) to a Date that falls on it, for Intl weekday names. 23 November 2026
// is a Monday; UTC noon avoids any time-zone shift.
export function weekdayDate(weekday: number): Date {
  return new Date(Date.UTC(2026, 10, 22 + weekday, 12));
}

export function dateFromIso(date: string): Date {
  return new Date(`${date.slice(0, 10)}T12:00:00Z`);
}
