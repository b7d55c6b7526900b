// One request with its field-level diff in the reader's admin language: pending against the
// current values, approved as applied (from the audit log), rejected or withdrawn as proposed.
import 'server-only';
import { db } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { DEFAULT_ADMIN_LOCALE, type AdminLocale } from '@/lib/i18n/admin-locales';
import { fieldLabel } from '@/lib/i18n/field-labels';
import { scopeOf, type Actor } from '@/lib/permissions';
import { isChangeEntityType } from '@/lib/schemas/change-request';
import { toFormValues } from '@/lib/schemas/common';
import { keywordFieldTexts } from '@/lib/schemas/keywords';
import { getConflictChanges } from '../audit-log';
import { assertUuid } from '../versioning';
import { loadCurrent } from './current';
import { listSelect, toListItem } from './list';
import { loadLookups, loadTitles } from './lookups';
import type { ChangePayload } from './payload';
import { appliedDiff, buildDiff, displayValue } from './present';
import { requestScope } from './scope';

export async function getChangeRequest({ actor, id, locale = DEFAULT_ADMIN_LOCALE }: { actor: Actor | null; id: string; locale?: AdminLocale }) {
  const where = requestScope(actor);
  assertUuid(id);
  const row = await db.changeRequest.findFirst({ where: { id, ...where }, select: { ...listSelect, baseVersion: true } });
  if (!row || !isChangeEntityType(row.entityType)) throw new AppError('NOT_FOUND');
  const entityType = row.entityType;
  const payload = row.payload as ChangePayload;
  const [titles, lookups, current] = await Promise.all([
    loadTitles(locale, [row]),
    loadLookups(row.organizationId),
    row.entityId && row.action !== 'CREATE' ? loadCurrent(db, entityType, row.entityId, row.organizationId) : Promise.resolve(null),
  ]);
  const isPending = row.status === 'PENDING';
  const isStale = isPending && row.action !== 'CREATE' && (!current || (current.version !== null && current.version !== row.baseVersion));
  const show = (field: string, value: unknown) => displayValue(locale, entityType, field, value, lookups);
  // What others changed since the proposal's base version (from the audit log), as for a direct save.
  const conflictChanges =
    isStale && current && row.entityId && row.baseVersion !== null
      ? (await getConflictChanges({ entityType, entityId: row.entityId, sinceVersion: row.baseVersion })).map((change) => ({
          ...change,
          label: fieldLabel(locale, entityType, change.field),
          before: show(change.field, change.before),
          after: show(change.field, change.after),
        }))
      : [];
  const applied = async () => {
    const rows = await db.auditLog.findMany({ where: { changeRequestId: row.id, entityType }, orderBy: { id: 'asc' }, select: { changes: true } });
    return appliedDiff(locale, entityType, rows.map((audit) => audit.changes as Record<string, { before: unknown; after: unknown }>), lookups);
  };
  return {
    ...toListItem(locale, actor!, row, titles),
    entityId: row.entityId,
    baseVersion: row.baseVersion,
    currentVersion: current?.version ?? null,
    // The record was changed (or removed) since the proposal: approving as is would fail.
    isStale,
    conflictChanges,
    isMissing: isPending && row.action !== 'CREATE' && !current,
    diff: isPending
      ? buildDiff(locale, entityType, row.action, payload, current, lookups)
      : row.status === 'APPROVED'
        ? await applied()
        : row.action === 'DELETE'
          ? []
          : buildDiff(locale, entityType, 'CREATE', payload, null, lookups),
    // A proposal filed before the keyword fields existed lacks them: the form shows today's
    // keywords there, so that editing and approving it does not clear them.
    formValues: { ...(entityType === 'Organization' && current ? keywordFieldTexts(current.values) : {}), ...toFormValues(payload) },
    canReview: isPending && scopeOf(actor, 'changeRequest.review') === 'all',
    canWithdraw: isPending && row.createdById === actor!.id,
  };
}

export type ChangeRequestDetail = Awaited<ReturnType<typeof getChangeRequest>>;
