// When an entry is due for its "still correct?" check. Pure: unit-tested.

export interface FreshnessInput {
  lastVerifiedAt: Date | null;
  createdAt: Date;
  reviewIntervalMonths: number;
}

function addMonths(date: Date, months: number): Date {
  const result = new Date(date.getTime());
  const day = result.getUTCDate();
  result.setUTCDate(1);
  result.setUTCMonth(result.getUTCMonth() + months);
  // 31 January + 1 month is the last day of February, not 3 March.
  const lastDay = new Date(Date.UTC(result.getUTCFullYear(), result.getUTCMonth() + 1, 0)).getUTCDate();
  result.setUTCDate(Math.min(day, lastDay));
  return result;
}

// An entry never verified is due one interval after it was created.
export function verificationDueAt(entry: FreshnessInput): Date {
  return addMonths(entry.lastVerifiedAt ?? entry.createdAt, entry.reviewIntervalMonths);
}

export function isOverdue(entry: FreshnessInput, now: Date = new Date()): boolean {
  return verificationDueAt(entry).getTime() <= now.getTime();
}
