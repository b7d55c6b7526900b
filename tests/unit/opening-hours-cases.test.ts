// The shared "open now" cases (tests/fixtures/opening-hours-cases.ts) against the one
// implementation; tests/integration/opening-hours.test.ts runs the same cases through the database.
import { describe, expect, it } from 'vitest';
import { getOpenStatus, isOpenAt, type ScheduleExceptionRule, type WeeklySlot } from '@/lib/schedule/open-status';
import { berlinInstant, OPENING_CASES, toMinutes } from '../fixtures/opening-hours-cases.ts';

describe('open now', () => {
  it.each(OPENING_CASES)('$name', ({ slots, exceptions = [], date, time, isOpen }) => {
    const weekly: WeeklySlot[] = slots.map((slot) => ({ ...slot, locationId: slot.location ?? null, opensAt: toMinutes(slot.opensAt), closesAt: toMinutes(slot.closesAt) }));
    const rules: ScheduleExceptionRule[] = exceptions.map((ex) => ({
      ...ex,
      locationId: ex.location ?? null,
      opensAt: ex.opensAt ? toMinutes(ex.opensAt) : null,
      closesAt: ex.closesAt ? toMinutes(ex.closesAt) : null,
    }));
    const instant = berlinInstant(date, time);
    expect(isOpenAt(weekly, rules, instant)).toBe(isOpen);
    expect(getOpenStatus(weekly, rules, instant).kind === 'open').toBe(isOpen);
  });
});
