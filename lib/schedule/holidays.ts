// Public holidays of Sachsen-Anhalt, the county's state: on these days regular weekly hours do not
// apply anywhere (lib/schedule/open-status.ts, rulesOn), unless an entry gives an exception for
// the date. The dates come from feiertagejs (maintained, computes Easter-based dates per state);
// names are shown from the message catalogue (Holidays.<id>), in the reader's language.
import { getHolidays } from 'feiertagejs';

const STATE = 'ST';

// The library's holiday id ("REFORMATIONSTAG"), also the key of its name in the catalogue.
export type PublicHoliday = ReturnType<typeof getHolidays>[number]['name'];

// Per year: YYYY-MM-DD -> holiday id. A year's list is computed once per process.
const byYear = new Map<number, Map<string, PublicHoliday>>();

function holidaysOf(year: number): Map<string, PublicHoliday> {
  let days = byYear.get(year);
  if (!days) {
    days = new Map(getHolidays(year, STATE).map((holiday) => [holiday.dateString, holiday.name]));
    byYear.set(year, days);
  }
  return days;
}

// The public holiday on a calendar date (YYYY-MM-DD, local to Berlin), or null.
export function publicHolidayOn(date: string): PublicHoliday | null {
  return holidaysOf(Number(date.slice(0, 4))).get(date) ?? null;
}
