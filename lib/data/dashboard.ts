// Figures for the admin start page and the report of searches without results.
import 'server-only';
import { db } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { scopeOf, type Actor } from '@/lib/permissions';
import { organizationScope, requireScopeAll } from './access';
import { countPendingChangeRequests } from './change-requests/list';
import { listOverdueOrganizations } from './verification';

const DAY_MS = 24 * 60 * 60 * 1000;
export const SEARCH_REPORT_DAYS = 90;

export async function getDashboard({ actor, now = new Date() }: { actor: Actor | null; now?: Date }) {
  const scope = organizationScope(actor, 'dashboard.read');
  const isAll = Object.keys(scope).length === 0;
  const orgWhere = { AND: [{ deletedAt: null }, scope] };
  // Records below an organization, limited to the partner's own organizations.
  const child = isAll ? {} : { organizationId: { in: actor!.organizationIds } };
  const [byStatus, overdue, pendingChangesCount, pendingChanges, openFeedbackCount, feedback, zeroResultSearches] = await Promise.all([
    db.organization.groupBy({ by: ['status'], where: orgWhere, _count: { _all: true } }),
    // The same definition as the reminders (published entries past their review interval).
    listOverdueOrganizations({ actor, now }),
    countPendingChangeRequests({ actor }),
    db.changeRequest.findMany({
      where: { status: 'PENDING', ...child },
      orderBy: { createdAt: 'asc' },
      take: 10,
      select: { id: true, createdAt: true, entityType: true, organization: { select: { id: true, name: true } }, createdBy: { select: { name: true } } },
    }),
    db.feedback.count({ where: { status: 'OPEN', ...child } }),
    db.feedback.findMany({
      where: { status: 'OPEN', ...child },
      orderBy: { createdAt: 'desc' },
      take: 5,
      select: { id: true, message: true, createdAt: true, organization: { select: { id: true, name: true } } },
    }),
    scopeOf(actor, 'searchLog.read') === 'all' ? listZeroResultSearches({ actor, now, limit: 10 }) : Promise.resolve([]),
  ]);
  const counts = { DRAFT: 0, PUBLISHED: 0, ARCHIVED: 0 } as Record<string, number>;
  for (const row of byStatus) counts[row.status] = row._count._all;
  return {
    counts,
    overdueCount: overdue.length,
    overdue: overdue.slice(0, 10).map((org) => ({
      id: org.id,
      name: org.name,
      lastVerifiedAt: org.lastVerifiedAt,
      lastReminderAt: org.verificationRequests[0]?.createdAt ?? null,
    })),
    pendingChangesCount,
    pendingChanges,
    openFeedbackCount,
    feedback,
    zeroResultSearches,
  };
}

export interface ZeroResultSearch {
  // The most frequent spelling among the grouped queries.
  query: string;
  count: number;
  lastAt: Date;
  locales: string[];
}

// Searches that found nothing, grouped by the normalized words (case, accents, umlaut spellings and
// spaces do not matter: "Sprachkurs", "sprachkurs " and "SPRACHKURS" are one need). Coordinators only.
export async function listZeroResultSearches({
  actor,
  now = new Date(),
  days = SEARCH_REPORT_DAYS,
  limit = 200,
}: {
  actor: Actor | null;
  now?: Date;
  days?: number;
  limit?: number;
}): Promise<ZeroResultSearch[]> {
  requireScopeAll(actor, 'searchLog.read');
  if (!Number.isInteger(days) || days < 1 || days > 3650) throw new AppError('VALIDATION', 'Ungültiger Zeitraum.');
  const since = new Date(now.getTime() - days * DAY_MS);
  const take = Math.min(Math.max(limit, 1), 500);
  const rows = await db.$queryRaw<{ query: string; count: number; lastAt: Date; locales: string[] }[]>`
    SELECT mode() WITHIN GROUP (ORDER BY lower(btrim(regexp_replace("query", '[[:space:]]+', ' ', 'g')))) AS "query",
           sum("visits")::int AS "count",
           max("createdAt") AS "lastAt",
           array_agg(DISTINCT "locale" ORDER BY "locale") AS "locales"
      FROM "SearchLog"
     WHERE "resultCount" = 0 AND "createdAt" > ${since} AND "createdAt" <= ${now} AND btrim("query") <> ''
     GROUP BY search_normalize(btrim(regexp_replace("query", '[[:space:]]+', ' ', 'g')))
     ORDER BY sum("visits") DESC, max("createdAt") DESC
     LIMIT ${take}`;
  return rows;
}

export interface ZeroResultFilter {
  filters: Record<string, string | number | boolean>;
  count: number;
  lastAt: Date;
}

// Filter combinations without search words that found nothing ("Persisch in Havelberg").
export async function listZeroResultFilters({
  actor,
  now = new Date(),
  days = SEARCH_REPORT_DAYS,
  limit = 100,
}: {
  actor: Actor | null;
  now?: Date;
  days?: number;
  limit?: number;
}): Promise<ZeroResultFilter[]> {
  requireScopeAll(actor, 'searchLog.read');
  if (!Number.isInteger(days) || days < 1 || days > 3650) throw new AppError('VALIDATION', 'Ungültiger Zeitraum.');
  const since = new Date(now.getTime() - days * DAY_MS);
  const take = Math.min(Math.max(limit, 1), 500);
  return db.$queryRaw<ZeroResultFilter[]>`
    SELECT "filters", sum("visits")::int AS "count", max("createdAt") AS "lastAt"
      FROM "SearchLog"
     WHERE "resultCount" = 0 AND "createdAt" > ${since} AND "createdAt" <= ${now}
       AND btrim("query") = '' AND "filters" <> '{}'::jsonb
     GROUP BY "filters"
     ORDER BY sum("visits") DESC, max("createdAt") DESC
     LIMIT ${take}`;
}
