// Marking an entry as checked ("Angaben sind aktuell") from the admin area, without the e-mail
// link. Coordinators for every entry, partners for their own (permission 'organization.verify').
// Not a content change: the version stays, so nobody's open edit form conflicts with it.
import 'server-only';
import { db } from '@/lib/db';
import { AppError } from '@/lib/errors';
import type { Actor } from '@/lib/permissions';
import { organizationScope, TRANSACTION_OPTIONS } from './access';
import { writeOrganizationAudit } from './audit';
import { assertUuid } from './versioning';

// The one definition of "overdue": the review interval has passed since the last check (an entry
// never checked counts from its creation, so a new entry is not overdue at once). Deleted entries
// never are; reminders go only to published ones.
export async function findOverdueOrganizationIds({
  now = new Date(),
  isPublishedOnly,
}: {
  now?: Date;
  isPublishedOnly: boolean;
}): Promise<string[]> {
  const rows = await db.$queryRaw<{ id: string }[]>`
    SELECT o."id"::text AS id FROM "Organization" o
     WHERE o."deletedAt" IS NULL
       AND (${!isPublishedOnly} OR o."status" = 'PUBLISHED')
       AND coalesce(o."lastVerifiedAt", o."createdAt") + make_interval(months => o."reviewIntervalMonths") <= ${now}
     ORDER BY coalesce(o."lastVerifiedAt", o."createdAt")`;
  return rows.map((row) => row.id);
}

export async function markOrganizationVerified({
  actor,
  id,
  now = new Date(),
}: {
  actor: Actor | null;
  id: string;
  now?: Date;
}): Promise<{ id: string; lastVerifiedAt: Date }> {
  const scope = organizationScope(actor, 'organization.verify');
  assertUuid(id);
  return db.$transaction(async (tx) => {
    const before = await tx.organization.findFirst({
      where: { AND: [{ id, deletedAt: null }, scope] },
      select: { lastVerifiedAt: true },
    });
    if (!before) throw new AppError('NOT_FOUND');
    await tx.organization.update({ where: { id }, data: { lastVerifiedAt: now, verifiedById: actor!.id } });
    await writeOrganizationAudit(tx, actor!, id, 'VERIFY', { lastVerifiedAt: { before: before.lastVerifiedAt?.toISOString() ?? null, after: now.toISOString() } });
    return { id, lastVerifiedAt: now };
  }, TRANSACTION_OPTIONS);
}
