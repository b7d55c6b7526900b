// The directory's "open now" filter. Which organizations are open at an instant is decided by
// lib/schedule/open-status.ts, the same code that writes the actor page's status line, over a
// compact list of every public organization's opening slots and exceptions; the ranking SQL then
// gets their ids. The list is read once and kept in this process until a directory edit expires
// the cache tag (the same moment every other public read is renewed); the answer for one minute is
// kept too, so repeated searches cost a lookup.
import 'server-only';
import { randomUUID } from 'node:crypto';
import { DIRECTORY_TAG } from '@/lib/cache';
import { db } from '@/lib/db';
import { isOpenAt, toBerlinMoment, type ScheduleExceptionRule, type WeeklySlot } from '@/lib/schedule/open-status';
import { cachedPublicRead } from './public-cache';

// Exceptions that ended before this many days ago change no day the filter asks about.
const PAST_EXCEPTION_DAYS = 2;
const DAY_MS = 24 * 60 * 60 * 1000;

interface OpeningHours {
  slots: WeeklySlot[];
  exceptions: ScheduleExceptionRule[];
}

interface Snapshot {
  version: string;
  // Exceptions ending before this date were left out: instants before it need a new read.
  since: Date;
  // Shared by the requests that arrive while it is read.
  hours: Promise<Map<string, OpeningHours>>;
  open?: { minute: string; ids: string[] };
}

// A new value whenever the directory tag expires (outside Next.js, such as in tests and scripts,
// on every call: there is no cache there).
const hoursVersion = cachedPublicRead(async () => randomUUID(), ['opening-hours-version'], [DIRECTORY_TAG]);

let snapshot: Snapshot | undefined;

interface SlotRow extends WeeklySlot {
  organizationId: string;
}

interface ExceptionRow extends ScheduleExceptionRule {
  organizationId: string;
}

// Raw SQL over the rule's SQL functions (the same rows as openingScheduleWhere and
// publicScheduleExceptionWhere, proven by tests/integration/public-visibility.test.ts): tens of
// thousands of slots read without building Prisma objects.
async function readOpeningHours(since: Date): Promise<Map<string, OpeningHours>> {
  const [slots, exceptions] = await Promise.all([
    db.$queryRaw<SlotRow[]>`
      SELECT "organizationId"::text AS "organizationId", "locationId"::text AS "locationId", "weekday", "opensAt", "closesAt",
             "appointmentOnly", to_char("validFrom", 'YYYY-MM-DD') AS "validFrom", to_char("validTo", 'YYYY-MM-DD') AS "validTo"
        FROM public_opening_schedules()`,
    db.$queryRaw<ExceptionRow[]>`
      SELECT "organizationId"::text AS "organizationId", "locationId"::text AS "locationId",
             to_char("startsOn", 'YYYY-MM-DD') AS "startsOn", to_char("endsOn", 'YYYY-MM-DD') AS "endsOn", "isClosed", "opensAt", "closesAt"
        FROM public_schedule_exceptions() WHERE "endsOn" >= ${since}::date`,
  ]);
  const hours = new Map<string, OpeningHours>();
  const of = (organizationId: string) => {
    let entry = hours.get(organizationId);
    if (!entry) hours.set(organizationId, (entry = { slots: [], exceptions: [] }));
    return entry;
  };
  for (const { organizationId, ...slot } of slots) of(organizationId).slots.push(slot);
  for (const { organizationId, ...exception } of exceptions) of(organizationId).exceptions.push(exception);
  return hours;
}

// Ids of the public organizations open at `now` (unordered).
export async function listOpenOrganizationIds({ now = new Date() }: { now?: Date } = {}): Promise<string[]> {
  const version = await hoursVersion();
  if (!snapshot || snapshot.version !== version || now < snapshot.since) {
    const since = new Date(now.getTime() - PAST_EXCEPTION_DAYS * DAY_MS);
    const current: Snapshot = { version, since, hours: readOpeningHours(since) };
    snapshot = current;
    // A failed read is not kept: the next search reads again.
    current.hours.catch(() => {
      if (snapshot === current) snapshot = undefined;
    });
  }
  const current = snapshot;
  const hours = await current.hours;
  const moment = toBerlinMoment(now);
  const minute = `${moment.date}T${moment.minutes}`;
  if (current.open?.minute !== minute) {
    const ids = [...hours].filter(([, entry]) => isOpenAt(entry.slots, entry.exceptions, moment)).map(([id]) => id);
    current.open = { minute, ids };
  }
  return current.open.ids;
}
