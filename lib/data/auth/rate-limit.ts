// Failed sign-ins are counted in PostgreSQL (LoginAttempt), so the limit holds across app
// instances: after MAX_FAILURES failures within WINDOW_MS for one account or one IP address, further
// attempts are refused, even with the right password, until the oldest counted failure leaves the
// window. Refused attempts are not counted, so the time we announce is the time it works again.
import 'server-only';
import { db } from '@/lib/db';

/** @internal Exported for its unit test. */
export const MAX_FAILURES = 10;
/** @internal Exported for its unit test. */
export const WINDOW_MS = 15 * 60 * 1000;
// Wrong second-factor codes per account within WINDOW_MS (they also count towards MAX_FAILURES):
// with one time step either side, three of a million codes are valid at any moment.
/** @internal Exported for its tests. */
export const MAX_CODE_FAILURES = 5;

export type AttemptFactor = 'password' | 'code';

const timeFormat = new Intl.DateTimeFormat('de-DE', { hour: '2-digit', minute: '2-digit', timeZone: 'Europe/Berlin' });

function formatRetryTime(retryAt: Date): string {
  // Rounded up: at the announced minute the attempt must work.
  return timeFormat.format(new Date(Math.ceil(retryAt.getTime() / 60_000) * 60_000));
}

export function rateLimitMessage(retryAt: Date): string {
  return `Zu viele Versuche. Bitte versuchen Sie es um ${formatRetryTime(retryAt)} Uhr erneut.`;
}

async function nthRecentFailure(
  where: { email: string } | { ip: string } | { email: string; factor: AttemptFactor },
  since: Date,
  limit = MAX_FAILURES,
): Promise<Date | null> {
  const row = await db.loginAttempt.findFirst({
    where: { ...where, succeeded: false, createdAt: { gt: since } },
    orderBy: { createdAt: 'desc' },
    skip: limit - 1,
    select: { createdAt: true },
  });
  return row?.createdAt ?? null;
}

// Null when an attempt is allowed, otherwise the moment from which it is allowed again.
export async function getSignInRetryAt({ email, ip, now = new Date() }: { email: string; ip: string; now?: Date }): Promise<Date | null> {
  const since = new Date(now.getTime() - WINDOW_MS);
  const [byEmail, byIp] = await Promise.all([nthRecentFailure({ email }, since), nthRecentFailure({ ip }, since)]);
  const latest = [byEmail, byIp].filter((date): date is Date => date !== null).sort((a, b) => b.getTime() - a.getTime())[0];
  return latest ? new Date(latest.getTime() + WINDOW_MS) : null;
}

// Null when another second-factor code may be tried for this account, otherwise from when.
export async function getCodeRetryAt({ email, now = new Date() }: { email: string; now?: Date }): Promise<Date | null> {
  const nth = await nthRecentFailure({ email, factor: 'code' }, new Date(now.getTime() - WINDOW_MS), MAX_CODE_FAILURES);
  return nth ? new Date(nth.getTime() + WINDOW_MS) : null;
}

export async function recordSignInAttempt({
  email,
  ip,
  succeeded,
  factor = 'password',
}: {
  email: string;
  ip: string;
  succeeded: boolean;
  factor?: AttemptFactor;
}): Promise<void> {
  await db.loginAttempt.create({ data: { email, ip, succeeded, factor } });
}
