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
import { exceptionFieldsSelect, scheduleFieldsSelect, toExceptionDto, toScheduleDto } from './field-selects';
import { cachedPublicRead } from './public-cache';
import { openingScheduleWhere, publicScheduleExceptionWhere } from './visibility';

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
  hours: Map<string, OpeningHours>;
  open?: { minute: string; ids: string[] };
}

// A new value whenever the directory tag expires (outside Next.js, such as in tests and scripts,
// on every call: there is no cache there).
const hoursVersion = cachedPublicRead(async () => randomUUID(), ['opening-hours-version'], [DIRECTORY_TAG]);

let snapshot: Snapshot | undefined;

async function readOpeningHours(since: Date): Promise<Map<string, OpeningHours>> {
  const [slots, exceptions] = await Promise.all([
    db.schedule.findMany({ where: openingScheduleWhere, select: { organizationId: true, ...scheduleFieldsSelect } }),
    db.scheduleException.findMany({
      where: { AND: [publicScheduleExceptionWhere, { endsOn: { gte: since } }] },
      select: { organizationId: true, ...exceptionFieldsSelect },
    }),
  ]);
  const hours = new Map<string, OpeningHours>();
  const of = (organizationId: string) => {
    let entry = hours.get(organizationId);
    if (!entry) hours.set(organizationId, (entry = { slots: [], exceptions: [] }));
    return entry;
  };
  for (const { organizationId, ...slot } of slots) of(organizationId).slots.push(toScheduleDto(slot));
  for (const { organizationId, ...exception } of exceptions) of(organizationId).exceptions.push(toExceptionDto(exception));
  return hours;
}

// Ids of the public organizations open at `now` (unordered).
export async function listOpenOrganizationIds({ now = new Date() }: { now?: Date } = {}): Promise<string[]> {
  const version = await hoursVersion();
  if (!snapshot || snapshot.version !== version || now < snapshot.since) {
    const since = new Date(now.getTime() - PAST_EXCEPTION_DAYS * DAY_MS);
    snapshot = { version, since, hours: await readOpeningHours(since) };
  }
  const moment = toBerlinMoment(now);
  const minute = `${moment.date}T${moment.minutes}`;
  if (snapshot.open?.minute !== minute) {
    const ids = [...snapshot.hours].filter(([, hours]) => isOpenAt(hours.slots, hours.exceptions, now)).map(([id]) => id);
    snapshot.open = { minute, ids };
  }
  return snapshot.open.ids;
}
