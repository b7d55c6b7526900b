import { describe, expect, it } from 'vitest';
import { isOverdue, verificationDueAt } from '@/lib/freshness';

const created = new Date('2025-01-31T10:00:00Z');

describe('verificationDueAt', () => {
  it('counts the interval from the last verification', () => {
    const due = verificationDueAt({ lastVerifiedAt: new Date('2026-03-15T08:00:00Z'), createdAt: created, reviewIntervalMonths: 12 });
    expect(due.toISOString()).toBe('2027-03-15T08:00:00.000Z');
  });

  it('counts from creation when never verified', () => {
    expect(verificationDueAt({ lastVerifiedAt: null, createdAt: created, reviewIntervalMonths: 6 }).toISOString()).toBe(
      '2025-07-31T10:00:00.000Z',
    );
  });

  it('clamps to the end of a shorter month', () => {
    expect(verificationDueAt({ lastVerifiedAt: null, createdAt: created, reviewIntervalMonths: 1 }).toISOString()).toBe(
      '2025-02-28T10:00:00.000Z',
    );
  });
});

describe('isOverdue', () => {
  const entry = { lastVerifiedAt: new Date('2025-11-26T00:00:00Z'), createdAt: created, reviewIntervalMonths: 12 };

  it('is not overdue the day before', () => {
    expect(isOverdue(entry, new Date('2026-11-25T23:59:59Z'))).toBe(false);
  });

  it('is overdue from the due moment on', () => {
    expect(isOverdue(entry, new Date('2026-11-26T00:00:00Z'))).toBe(true);
  });
});
