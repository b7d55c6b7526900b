// The yearly report for the funder (issue 14 point 5): what the network did in one calendar year,
// counted in the database (a fixed number of aggregate queries, none per meeting or project).
// Coordinators only. Definitions, so that every figure can be checked by hand:
// - The year is the calendar year in Europe/Berlin: [1 Jan 00:00, 1 Jan of the next year 00:00)
//   Berlin time, as UTC instants (a meeting on 31 Dec at 23:30 Berlin belongs to that year).
// - A meeting was held when its status is HELD, or it is still PLANNED and its start has passed
//   (not everybody sets "held" afterwards); cancelled meetings never count. Attendance is the
//   invitees marked present; an organization took part when at least one of its people was present.
// - Agenda topics: accepted agenda items of the meetings held in the year.
// - Tasks opened: created in the year; closed: marked done in the year (any meeting's tasks).
// - Projects: not deleted and running in the year: their period overlaps the year (no start date:
//   the day the project was recorded; no end date: open end). Status is the current status.
// - Public events: published, not deleted, not cancelled, organizer public, starting in the year.
//   Languages are the event's languages (one event counts for each of them); town is the event's
//   own town, else its directory location's town, else "online" when it has only a link.
// - Entries added: directory entries (organizations) created in the year. Updated: entries with at
//   least one recorded change (audit log) to the entry or anything under it in the year, other
//   than its creation. Verified: entries confirmed as current in the year.
// - Searches: visits logged in SearchLog in the year (the sum of "visits"); language is the site language of the search. Topic: the
//   topic filter when the visitor chose one; else the topics of the search vocabulary's concepts
//   whose words the query contains (lib/search/normalize.ts foldWord, as the search itself reads
//   them); else "without topic". A search that hits several topics counts for each of them, so the
//   topic rows can add up to more than the total.
import 'server-only';
import { db } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { berlinLocalToUtc } from '@/lib/format/berlin-time';
import type { Actor } from '@/lib/permissions';
import { reportYearSchema } from '@/lib/schemas/report';
import { foldWord } from '@/lib/search/normalize';
import { requireScopeAll } from '../access';

interface CountRow {
  // null: "without topic/category/language/town" (the page names it in the admin's language).
  key: string | null;
  label: string | null;
  count: number;
}

interface SearchRow {
  key: string | null;
  label: string | null;
  total: number;
  zeroResult: number;
}

export interface YearlyReport {
  year: number;
  range: { first: number; last: number };
  start: Date;
  end: Date;
  meetings: {
    held: number;
    cancelled: number;
    organizations: number;
    persons: number;
    byKind: { kind: string; meetings: number; participations: number; organizations: number; persons: number }[];
    byCategory: CountRow[];
    list: { id: string; startsAt: Date; title: string; kind: string; organizations: number; persons: number; agendaItems: number }[];
  };
  agenda: { title: string; meetingTitle: string; startsAt: Date; organization: string | null }[];
  tasks: { opened: number; closed: number };
  projects: { running: number; byStatus: CountRow[]; byTopic: CountRow[] };
  events: { total: number; cancelled: number; byTopic: CountRow[]; byLanguage: CountRow[]; byTown: CountRow[] };
  entries: { added: number; updated: number; verified: number; changes: number };
  searches: { total: number; zeroResult: number; byLanguage: SearchRow[]; byTopic: SearchRow[] };
}

const DIRECTORY_ENTITIES = ['Organization', 'Service', 'Location', 'ContactPerson', 'Schedule', 'ScheduleException'];
const CHANGE_ACTIONS = ['CREATE', 'UPDATE', 'DELETE', 'RESTORE', 'PUBLISH', 'UNPUBLISH', 'ARCHIVE', 'ERASE'];

function berlinYearStart(year: number): Date {
  return berlinLocalToUtc(`${String(year).padStart(4, '0')}-01-01T00:00`)!;
}

function berlinYear(instant: Date): number {
  return Number(new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Berlin', year: 'numeric' }).format(instant));
}

// The years a report can be asked for: from the first recorded activity to next year.
export async function getReportYearRange({ actor, now = new Date() }: { actor: Actor | null; now?: Date }) {
  requireScopeAll(actor, 'report.read');
  const [row] = await db.$queryRaw<{ first: Date | null }[]>`
    SELECT LEAST(
      (SELECT min("createdAt") FROM "Organization"),
      (SELECT min("startsAt") FROM "Meeting"),
      (SELECT min("startsAt") FROM "Event"),
      (SELECT min("startsOn")::timestamp FROM "Project"),
      (SELECT min("createdAt") FROM "SearchLog"),
      (SELECT min("createdAt") FROM "AuditLog")
    ) AS "first"`;
  const current = berlinYear(now);
  const first = row?.first ? Math.min(berlinYear(row.first), current) : current;
  return { first, last: current + 1 };
}

// Sorted by count, then label; the "without ..." row last.
function sortRows<T extends { key: string | null; label: string | null }>(rows: T[], value: (row: T) => number): T[] {
  return [...rows].sort((a, b) => {
    if ((a.key === null) !== (b.key === null)) return a.key === null ? 1 : -1;
    return value(b) - value(a) || (a.label ?? '').localeCompare(b.label ?? '', 'de');
  });
}

// Runs of one to three folded words: the candidates for (multi-word) vocabulary words.
function wordRuns(query: string): string[] {
  const words = foldWord(query).split(' ').filter(Boolean);
  const runs: string[] = [];
  for (let length = 1; length <= 3; length++) {
    for (let i = 0; i + length <= words.length; i++) runs.push(words.slice(i, i + length).join(' '));
  }
  return runs;
}

async function searchesByTopic(start: Date, end: Date): Promise<SearchRow[]> {
  const [queries, vocabulary, topics] = await Promise.all([
    db.$queryRaw<{ query: string; topic: string | null; total: number; zeroResult: number }[]>`
      SELECT "query", NULLIF("filters"->>'topic', '') AS "topic", sum("visits")::int AS "total",
             coalesce(sum("visits") FILTER (WHERE "resultCount" = 0), 0)::int AS "zeroResult"
        FROM "SearchLog"
       WHERE "createdAt" >= ${start} AND "createdAt" < ${end}
       GROUP BY 1, 2`,
    db.$queryRaw<{ normalized: string; slug: string }[]>`
      SELECT DISTINCT w."normalized", t."slug"
        FROM "SearchConceptWord" w
        JOIN "SearchConceptTerm" ct ON ct."conceptId" = w."conceptId"
        JOIN "TaxonomyTerm" t ON t."id" = ct."termId" AND t."kind" = 'TOPIC'`,
    db.taxonomyTerm.findMany({ where: { kind: 'TOPIC' }, select: { slug: true, label: true } }),
  ]);
  const labels = new Map(topics.map((topic) => [topic.slug, topic.label]));
  const topicsOfWord = new Map<string, Set<string>>();
  for (const { normalized, slug } of vocabulary) {
    const set = topicsOfWord.get(normalized) ?? new Set<string>();
    set.add(slug);
    topicsOfWord.set(normalized, set);
  }
  const rows = new Map<string | null, SearchRow>();
  for (const row of queries) {
    const hit = new Set<string>();
    if (row.topic && labels.has(row.topic)) hit.add(row.topic);
    else for (const run of wordRuns(row.query)) for (const slug of topicsOfWord.get(run) ?? []) hit.add(slug);
    for (const key of hit.size ? [...hit] : [null]) {
      const entry = rows.get(key) ?? { key, label: key ? (labels.get(key) ?? key) : null, total: 0, zeroResult: 0 };
      entry.total += row.total;
      entry.zeroResult += row.zeroResult;
      rows.set(key, entry);
    }
  }
  return sortRows([...rows.values()], (row) => row.total);
}

export async function getYearlyReport({
  actor,
  year: input,
  now = new Date(),
}: {
  actor: Actor | null;
  year: unknown;
  now?: Date;
}): Promise<YearlyReport> {
  requireScopeAll(actor, 'report.read');
  const range = await getReportYearRange({ actor, now });
  const parsed = reportYearSchema(range).safeParse(input);
  if (!parsed.success) {
    const message = parsed.error.issues[0]?.message ?? 'Ungültiges Jahr.';
    throw new AppError('VALIDATION', message, { fieldErrors: { jahr: [message] } });
  }
  const year = parsed.data;
  const start = berlinYearStart(year);
  const end = berlinYearStart(year + 1);
  const firstDay = `${year}-01-01`;
  const lastDay = `${year}-12-31`;

  // The meetings held in the year, as a common table expression of each meeting query.
  const [meetingTotals, byKind, byCategory, meetingList, agenda, tasks, projectStatus, projectTopics, eventTotals, eventTopics, eventLanguages, eventTowns, entries, searchTotals, searchLanguages, searchTopics] =
    await Promise.all([
      db.$queryRaw<{ held: number; cancelled: number; organizations: number; persons: number }[]>`
        SELECT count(DISTINCT m."id") FILTER (WHERE m."status" = 'HELD' OR (m."status" = 'PLANNED' AND m."startsAt" < ${now}))::int AS "held",
               count(DISTINCT m."id") FILTER (WHERE m."status" = 'CANCELLED')::int AS "cancelled",
               count(DISTINCT i."organizationId") FILTER (WHERE i."isPresent" AND (m."status" = 'HELD' OR (m."status" = 'PLANNED' AND m."startsAt" < ${now})))::int AS "organizations",
               count(i."id") FILTER (WHERE i."isPresent" AND (m."status" = 'HELD' OR (m."status" = 'PLANNED' AND m."startsAt" < ${now})))::int AS "persons"
          FROM "Meeting" m
          LEFT JOIN "MeetingInvitee" i ON i."meetingId" = m."id"
         WHERE m."startsAt" >= ${start} AND m."startsAt" < ${end}`,
      db.$queryRaw<{ kind: string; meetings: number; participations: number; organizations: number; persons: number }[]>`
        WITH held AS (
          SELECT "id", "kind" FROM "Meeting"
           WHERE "startsAt" >= ${start} AND "startsAt" < ${end}
             AND ("status" = 'HELD' OR ("status" = 'PLANNED' AND "startsAt" < ${now})))
        SELECT h."kind"::text AS "kind", count(DISTINCT h."id")::int AS "meetings",
               count(DISTINCT (h."id"::text || i."organizationId"::text)) FILTER (WHERE i."isPresent")::int AS "participations",
               count(DISTINCT i."organizationId") FILTER (WHERE i."isPresent")::int AS "organizations",
               count(i."id") FILTER (WHERE i."isPresent")::int AS "persons"
          FROM held h
          LEFT JOIN "MeetingInvitee" i ON i."meetingId" = h."id"
         GROUP BY h."kind"
         ORDER BY h."kind"`,
      db.$queryRaw<CountRow[]>`
        SELECT t."slug" AS "key", t."label" AS "label", count(DISTINCT o."id")::int AS "count"
          FROM "Meeting" m
          JOIN "MeetingInvitee" i ON i."meetingId" = m."id" AND i."isPresent"
          JOIN "Organization" o ON o."id" = i."organizationId"
          LEFT JOIN "TaxonomyTerm" t ON t."id" = o."categoryId"
         WHERE m."startsAt" >= ${start} AND m."startsAt" < ${end}
           AND (m."status" = 'HELD' OR (m."status" = 'PLANNED' AND m."startsAt" < ${now}))
         GROUP BY t."slug", t."label"`,
      db.$queryRaw<YearlyReport['meetings']['list']>`
        SELECT m."id", m."startsAt", m."title", m."kind"::text AS "kind",
               (SELECT count(DISTINCT i."organizationId") FROM "MeetingInvitee" i WHERE i."meetingId" = m."id" AND i."isPresent")::int AS "organizations",
               (SELECT count(*) FROM "MeetingInvitee" i WHERE i."meetingId" = m."id" AND i."isPresent")::int AS "persons",
               (SELECT count(*) FROM "MeetingAgendaItem" a WHERE a."meetingId" = m."id" AND a."status" = 'ACCEPTED')::int AS "agendaItems"
          FROM "Meeting" m
         WHERE m."startsAt" >= ${start} AND m."startsAt" < ${end}
           AND (m."status" = 'HELD' OR (m."status" = 'PLANNED' AND m."startsAt" < ${now}))
         ORDER BY m."startsAt", m."title"`,
      db.$queryRaw<YearlyReport['agenda']>`
        SELECT a."title", m."title" AS "meetingTitle", m."startsAt", o."name" AS "organization"
          FROM "MeetingAgendaItem" a
          JOIN "Meeting" m ON m."id" = a."meetingId"
          LEFT JOIN "Organization" o ON o."id" = a."organizationId"
         WHERE a."status" = 'ACCEPTED' AND m."startsAt" >= ${start} AND m."startsAt" < ${end}
           AND (m."status" = 'HELD' OR (m."status" = 'PLANNED' AND m."startsAt" < ${now}))
         ORDER BY m."startsAt", a."sortOrder", a."createdAt"`,
      db.$queryRaw<{ opened: number; closed: number }[]>`
        SELECT count(*) FILTER (WHERE "createdAt" >= ${start} AND "createdAt" < ${end})::int AS "opened",
               count(*) FILTER (WHERE "status" = 'DONE' AND "doneAt" >= ${start} AND "doneAt" < ${end})::int AS "closed"
          FROM "MeetingTask"`,
      db.$queryRaw<CountRow[]>`
        SELECT p."status"::text AS "key", p."status"::text AS "label", count(*)::int AS "count"
          FROM "Project" p
         WHERE p."deletedAt" IS NULL
           AND COALESCE(p."startsOn", (p."createdAt" AT TIME ZONE 'UTC' AT TIME ZONE 'Europe/Berlin')::date) <= ${lastDay}::date
           AND (p."endsOn" IS NULL OR p."endsOn" >= ${firstDay}::date)
         GROUP BY p."status"`,
      db.$queryRaw<CountRow[]>`
        SELECT t."slug" AS "key", t."label" AS "label", count(DISTINCT p."id")::int AS "count"
          FROM "Project" p
          LEFT JOIN ("ProjectTerm" pt JOIN "TaxonomyTerm" t ON t."id" = pt."termId" AND t."kind" = 'TOPIC') ON pt."projectId" = p."id"
         WHERE p."deletedAt" IS NULL
           AND COALESCE(p."startsOn", (p."createdAt" AT TIME ZONE 'UTC' AT TIME ZONE 'Europe/Berlin')::date) <= ${lastDay}::date
           AND (p."endsOn" IS NULL OR p."endsOn" >= ${firstDay}::date)
         GROUP BY t."slug", t."label"`,
      db.$queryRaw<{ total: number; cancelled: number }[]>`
        SELECT count(*) FILTER (WHERE NOT e."isCancelled")::int AS "total", count(*) FILTER (WHERE e."isCancelled")::int AS "cancelled"
          FROM "Event" e JOIN "Organization" o ON o."id" = e."organizerId"
         WHERE e."isPublished" AND e."deletedAt" IS NULL AND is_public_organization(o)
           AND e."startsAt" >= ${start} AND e."startsAt" < ${end}`,
      db.$queryRaw<CountRow[]>`
        SELECT t."slug" AS "key", t."label" AS "label", count(DISTINCT e."id")::int AS "count"
          FROM "Event" e JOIN "Organization" o ON o."id" = e."organizerId"
          LEFT JOIN ("EventTerm" et JOIN "TaxonomyTerm" t ON t."id" = et."termId" AND t."kind" = 'TOPIC') ON et."eventId" = e."id"
         WHERE e."isPublished" AND e."deletedAt" IS NULL AND NOT e."isCancelled" AND is_public_organization(o)
           AND e."startsAt" >= ${start} AND e."startsAt" < ${end}
         GROUP BY t."slug", t."label"`,
      db.$queryRaw<CountRow[]>`
        SELECT l."code" AS "key", l."code" AS "label", count(DISTINCT e."id")::int AS "count"
          FROM "Event" e JOIN "Organization" o ON o."id" = e."organizerId"
          LEFT JOIN LATERAL (SELECT DISTINCT lower(btrim(c)) AS "code" FROM unnest(e."languageCodes") AS c WHERE btrim(c) <> '') l ON true
         WHERE e."isPublished" AND e."deletedAt" IS NULL AND NOT e."isCancelled" AND is_public_organization(o)
           AND e."startsAt" >= ${start} AND e."startsAt" < ${end}
         GROUP BY l."code"`,
      db.$queryRaw<CountRow[]>`
        SELECT x."town" AS "key", x."town" AS "label", count(*)::int AS "count"
          FROM (
            SELECT COALESCE(NULLIF(btrim(e."town"), ''), NULLIF(btrim(loc."city"), ''),
                            CASE WHEN e."onlineUrl" IS NOT NULL AND e."onlineUrl" <> '' THEN 'online' END) AS "town"
              FROM "Event" e JOIN "Organization" o ON o."id" = e."organizerId"
              LEFT JOIN "Location" loc ON loc."id" = e."locationId"
             WHERE e."isPublished" AND e."deletedAt" IS NULL AND NOT e."isCancelled" AND is_public_organization(o)
               AND e."startsAt" >= ${start} AND e."startsAt" < ${end}) x
         GROUP BY x."town"`,
      db.$queryRaw<{ added: number; updated: number; verified: number; changes: number }[]>`
        SELECT (SELECT count(*) FROM "Organization" WHERE "createdAt" >= ${start} AND "createdAt" < ${end})::int AS "added",
               count(DISTINCT a."organizationId") FILTER (WHERE a."entityType" = ANY(${DIRECTORY_ENTITIES}) AND a."action"::text = ANY(${CHANGE_ACTIONS})
                 AND NOT (a."entityType" = 'Organization' AND a."action" = 'CREATE'))::int AS "updated",
               count(DISTINCT a."organizationId") FILTER (WHERE a."entityType" = 'Organization' AND a."action" = 'VERIFY')::int AS "verified",
               count(*) FILTER (WHERE a."entityType" = ANY(${DIRECTORY_ENTITIES}) AND a."action"::text = ANY(${CHANGE_ACTIONS})
                 AND NOT (a."entityType" = 'Organization' AND a."action" = 'CREATE'))::int AS "changes"
          FROM "AuditLog" a
         WHERE a."createdAt" >= ${start} AND a."createdAt" < ${end} AND a."organizationId" IS NOT NULL`,
      db.$queryRaw<{ total: number; zeroResult: number }[]>`
        SELECT coalesce(sum("visits"), 0)::int AS "total", coalesce(sum("visits") FILTER (WHERE "resultCount" = 0), 0)::int AS "zeroResult"
          FROM "SearchLog" WHERE "createdAt" >= ${start} AND "createdAt" < ${end}`,
      db.$queryRaw<SearchRow[]>`
        SELECT "locale" AS "key", "locale" AS "label", sum("visits")::int AS "total", coalesce(sum("visits") FILTER (WHERE "resultCount" = 0), 0)::int AS "zeroResult"
          FROM "SearchLog" WHERE "createdAt" >= ${start} AND "createdAt" < ${end}
         GROUP BY "locale"`,
      searchesByTopic(start, end),
    ]);

  const totals = meetingTotals[0];
  const heldOrder = ['NETWORK_MEETING', 'WORKING_GROUP', 'ROUND_TABLE', 'OTHER'];
  const statusOrder = ['PLANNED', 'RUNNING', 'COMPLETED'];
  return {
    year,
    range,
    start,
    end,
    meetings: {
      held: totals?.held ?? 0,
      cancelled: totals?.cancelled ?? 0,
      organizations: totals?.organizations ?? 0,
      persons: totals?.persons ?? 0,
      byKind: [...byKind].sort((a, b) => heldOrder.indexOf(a.kind) - heldOrder.indexOf(b.kind)),
      byCategory: sortRows(byCategory, (row) => row.count),
      list: meetingList,
    },
    agenda,
    tasks: tasks[0] ?? { opened: 0, closed: 0 },
    projects: {
      running: projectStatus.reduce((sum, row) => sum + row.count, 0),
      byStatus: [...projectStatus].sort((a, b) => statusOrder.indexOf(a.key ?? '') - statusOrder.indexOf(b.key ?? '')),
      byTopic: sortRows(projectTopics, (row) => row.count),
    },
    events: {
      total: eventTotals[0]?.total ?? 0,
      cancelled: eventTotals[0]?.cancelled ?? 0,
      byTopic: sortRows(eventTopics, (row) => row.count),
      byLanguage: sortRows(eventLanguages, (row) => row.count),
      byTown: sortRows(eventTowns, (row) => row.count),
    },
    entries: entries[0] ?? { added: 0, updated: 0, verified: 0, changes: 0 },
    searches: {
      total: searchTotals[0]?.total ?? 0,
      zeroResult: searchTotals[0]?.zeroResult ?? 0,
      byLanguage: sortRows(searchLanguages, (row) => row.total),
      byTopic: searchTopics,
    },
  };
}
