// The directory's "open now" filter, evaluated in PostgreSQL: open_organization_ids() (migration
// 20261206100000_open_now_sql) applies the rule of lib/schedule/open-status.ts (the actor page's
// status line) to the public slots and exceptions. What it needs from outside SQL comes from
// lib/schedule, the one place for Berlin wall-clock time and the public holidays of Sachsen-Anhalt:
// the Berlin date and minute of the instant, and whether that date is a holiday. The search adds
// the condition to its own query (no list of ids travels between the app and the database);
// tests/integration/opening-hours.test.ts holds the SQL and the page to the same cases.
import 'server-only';
import { db } from '@/lib/db';
import { Prisma } from '@/lib/generated/prisma/client';
import { publicHolidayOn } from '@/lib/schedule/holidays';
import { toBerlinMoment } from '@/lib/schedule/open-status';

// What the SQL rule needs to know of `now`: the Berlin date and minute, and whether it is a holiday.
export function openMoment(now: Date): { day: string; minute: number; holiday: boolean } {
  const moment = toBerlinMoment(now);
  return { day: moment.date, minute: moment.minutes, holiday: publicHolidayOn(moment.date) !== null };
}

function openIdsSql(now: Date): Prisma.Sql {
  const { day, minute, holiday } = openMoment(now);
  return Prisma.sql`open_organization_ids(${day}::date, ${minute}::integer, ${holiday}::boolean)`;
}

// A condition on an organization id column: the organization is open at `now`.
export function openNowSql(column: Prisma.Sql, now: Date): Prisma.Sql {
  return Prisma.sql`${column} IN (SELECT open_id FROM ${openIdsSql(now)} open_id)`;
}

// Ids of the public organizations open at `now` (unordered): the filter's answer on its own, for the
// tests that hold it to the actor page.
/** @internal */
export async function listOpenOrganizationIds({ now = new Date() }: { now?: Date } = {}): Promise<string[]> {
  const rows = await db.$queryRaw<{ id: string }[]>`SELECT open_id::text AS id FROM ${openIdsSql(now)} open_id`;
  return rows.map((row) => row.id);
}
