// The public holidays of Sachsen-Anhalt that close regular hours (lib/schedule/holidays.ts).
import { describe, expect, it } from 'vitest';
import { publicHolidayOn } from '@/lib/schedule/holidays';
import { intervalsOn, publicHolidayAt } from '@/lib/schedule/open-status';

describe('public holidays of Sachsen-Anhalt', () => {
  it('knows the state’s fixed and Easter-based holidays', () => {
    expect(publicHolidayOn('2026-01-06')).toBe('HEILIGEDREIKOENIGE');
    expect(publicHolidayOn('2026-04-03')).toBe('KARFREITAG');
    expect(publicHolidayOn('2026-04-06')).toBe('OSTERMONTAG');
    expect(publicHolidayOn('2026-05-01')).toBe('TAG_DER_ARBEIT');
    expect(publicHolidayOn('2026-05-14')).toBe('CHRISTIHIMMELFAHRT');
    expect(publicHolidayOn('2026-05-25')).toBe('PFINGSTMONTAG');
    expect(publicHolidayOn('2026-10-03')).toBe('DEUTSCHEEINHEIT');
    expect(publicHolidayOn('2026-10-31')).toBe('REFORMATIONSTAG');
    expect(publicHolidayOn('2026-12-25')).toBe('ERSTERWEIHNACHTSFEIERTAG');
    expect(publicHolidayOn('2026-12-26')).toBe('ZWEITERWEIHNACHTSFEIERTAG');
    expect(publicHolidayOn('2027-03-26')).toBe('KARFREITAG');
  });

  it('leaves out other states’ holidays and ordinary days', () => {
    expect(publicHolidayOn('2026-06-04')).toBeNull(); // Fronleichnam (not in Sachsen-Anhalt)
    expect(publicHolidayOn('2026-11-18')).toBeNull(); // Buß- und Bettag (Sachsen only)
    expect(publicHolidayOn('2026-09-20')).toBeNull(); // Weltkindertag (Thüringen only)
    expect(publicHolidayOn('2026-10-30')).toBeNull();
  });

  it('takes the Berlin date of an instant', () => {
    // 30 October 23:30 UTC is already Reformationstag in Berlin.
    expect(publicHolidayAt(new Date('2028-10-30T23:30:00Z'))).toBe('REFORMATIONSTAG');
    expect(publicHolidayAt(new Date('2028-10-30T22:30:00Z'))).toBeNull();
  });

  it('a holiday keeps only the hours given as an exception for it', () => {
    const tuesday = [{ weekday: 2, opensAt: 540, closesAt: 960 }];
    expect(intervalsOn('2028-10-31', tuesday, [])).toEqual([]);
    const special = [{ startsOn: '2028-10-31', endsOn: '2028-10-31', isClosed: false, opensAt: 600, closesAt: 720 }];
    expect(intervalsOn('2028-10-31', tuesday, special)).toEqual([{ opensAt: 600, closesAt: 720, appointmentOnly: false }]);
    expect(intervalsOn('2028-11-07', tuesday, [])).toHaveLength(1);
  });
});
