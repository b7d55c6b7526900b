import { describe, expect, it } from 'vitest';
import { formatMinutes, getOpenStatus, intervalsOn, toBerlinMoment, type WeeklySlot } from '@/lib/schedule/open-status';

const weekdays9to16: WeeklySlot[] = [1, 2, 3, 4, 5].map((weekday) => ({ weekday, opensAt: 540, closesAt: 960 }));

describe('toBerlinMoment', () => {
  it('uses CET in winter and CEST in summer', () => {
    expect(toBerlinMoment(new Date('2026-01-14T08:00:00Z'))).toEqual({ date: '2026-01-14', weekday: 3, minutes: 540 });
    expect(toBerlinMoment(new Date('2026-07-15T07:00:00Z'))).toEqual({ date: '2026-07-15', weekday: 3, minutes: 540 });
  });

  it('crosses midnight into the next Berlin day before UTC does', () => {
    expect(toBerlinMoment(new Date('2026-11-29T23:30:00Z'))).toEqual({ date: '2026-11-30', weekday: 1, minutes: 30 });
  });

  it('handles the spring-forward night (29 March 2026, 02:00 → 03:00)', () => {
    expect(toBerlinMoment(new Date('2026-03-29T00:59:00Z')).minutes).toBe(119);
    expect(toBerlinMoment(new Date('2026-03-29T01:00:00Z')).minutes).toBe(180);
  });

  it('handles the fall-back night (25 October 2026, 03:00 → 02:00)', () => {
    expect(toBerlinMoment(new Date('2026-10-25T00:30:00Z')).minutes).toBe(150);
    expect(toBerlinMoment(new Date('2026-10-25T01:30:00Z')).minutes).toBe(150);
  });
});

describe('getOpenStatus', () => {
  it('is open inside a slot and reports the closing time', () => {
    expect(getOpenStatus(weekdays9to16, [], new Date('2026-11-25T09:00:00Z'))).toEqual({
      kind: 'open',
      closesAt: 960,
      appointmentOnly: false,
    });
  });

  it('opens at the first minute and closes at the closing minute', () => {
    expect(getOpenStatus(weekdays9to16, [], new Date('2026-11-25T08:00:00Z')).kind).toBe('open');
    const atClose = getOpenStatus(weekdays9to16, [], new Date('2026-11-25T15:00:00Z'));
    expect(atClose).toMatchObject({ kind: 'closed', next: { date: '2026-11-26', opensAt: 540, daysAhead: 1 } });
  });

  it('finds the next opening after a weekend', () => {
    // Saturday 28 Nov 2026, noon.
    const status = getOpenStatus(weekdays9to16, [], new Date('2026-11-28T11:00:00Z'));
    expect(status).toMatchObject({ kind: 'closed', next: { date: '2026-11-30', weekday: 1, daysAhead: 2 } });
  });

  it('later the same day', () => {
    const status = getOpenStatus(weekdays9to16, [], new Date('2026-11-25T06:00:00Z'));
    expect(status).toMatchObject({ kind: 'closed', next: { date: '2026-11-25', opensAt: 540, daysAhead: 0 } });
  });

  it('uses local time on summer days (CEST)', () => {
    // 15:30 UTC is 17:30 in Berlin in July: closed; 13:30 UTC is 15:30: open.
    expect(getOpenStatus(weekdays9to16, [], new Date('2026-07-15T15:30:00Z')).kind).toBe('closed');
    expect(getOpenStatus(weekdays9to16, [], new Date('2026-07-15T13:30:00Z')).kind).toBe('open');
  });

  it('stays correct on the DST change days', () => {
    const sunday: WeeklySlot[] = [{ weekday: 7, opensAt: 180, closesAt: 240 }];
    // 29 March 2026 01:30 UTC = 03:30 CEST.
    expect(getOpenStatus(sunday, [], new Date('2026-03-29T01:30:00Z')).kind).toBe('open');
    // 25 October 2026 02:30 UTC = 03:30 CET.
    expect(getOpenStatus(sunday, [], new Date('2026-10-25T02:30:00Z')).kind).toBe('open');
    expect(getOpenStatus(sunday, [], new Date('2026-10-25T03:30:00Z')).kind).toBe('closed');
  });

  it('closures override weekly hours, for one location or all', () => {
    const slots: WeeklySlot[] = [
      { weekday: 3, opensAt: 540, closesAt: 960, locationId: 'a' },
      { weekday: 3, opensAt: 540, closesAt: 960, locationId: 'b' },
    ];
    const now = new Date('2026-11-25T10:00:00Z');
    const closedA = [{ locationId: 'a', startsOn: '2026-11-25', endsOn: '2026-11-25', isClosed: true }];
    expect(getOpenStatus(slots, closedA, now).kind).toBe('open');
    const closedAll = [{ locationId: null, startsOn: '2026-11-23', endsOn: '2026-11-27', isClosed: true }];
    const status = getOpenStatus(slots, closedAll, now);
    expect(status).toMatchObject({ kind: 'closed', next: { date: '2026-12-02' } });
  });

  it('special hours replace the weekly hours of that day', () => {
    const special = [{ startsOn: '2026-11-25', endsOn: '2026-11-25', isClosed: false, opensAt: 600, closesAt: 660 }];
    expect(intervalsOn('2026-11-25', weekdays9to16, special)).toEqual([{ opensAt: 600, closesAt: 660, appointmentOnly: false }]);
    expect(getOpenStatus(weekdays9to16, special, new Date('2026-11-25T08:30:00Z')).kind).toBe('closed');
    expect(getOpenStatus(weekdays9to16, special, new Date('2026-11-25T09:30:00Z')).kind).toBe('open');
  });

  it('respects validFrom / validTo', () => {
    const slots: WeeklySlot[] = [{ weekday: 3, opensAt: 540, closesAt: 960, validFrom: '2026-12-01' }];
    expect(getOpenStatus(slots, [], new Date('2026-11-25T10:00:00Z'))).toMatchObject({ kind: 'closed', next: { date: '2026-12-02' } });
  });

  it('merges back-to-back slots', () => {
    const slots: WeeklySlot[] = [
      { weekday: 3, opensAt: 540, closesAt: 720 },
      { weekday: 3, opensAt: 720, closesAt: 900 },
    ];
    expect(getOpenStatus(slots, [], new Date('2026-11-25T09:00:00Z'))).toMatchObject({ kind: 'open', closesAt: 900 });
  });

  it('reports none without any hours', () => {
    expect(getOpenStatus([], [], new Date())).toEqual({ kind: 'none' });
  });
});

describe('formatMinutes', () => {
  it('formats 24-hour times', () => {
    expect(formatMinutes(540)).toBe('09:00');
    expect(formatMinutes(1005)).toBe('16:45');
    expect(formatMinutes(1440)).toBe('24:00');
  });
});
