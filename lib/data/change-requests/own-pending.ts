// The caller's own pending proposal for one record (the partner's "waiting for review" view): its
// values, to prefill the form so that saving again amends it (propose.ts merges into it), and each
// proposed field with the value that is public now, in the reader's admin language.
import 'server-only';
import { db } from '@/lib/db';
import type { AdminLocale } from '@/lib/i18n/admin-locales';
import type { Actor } from '@/lib/permissions';
import { toFormValues, type FormValues } from '@/lib/schemas/common';
import type { ChangeEntityType } from '@/lib/schemas/change-request';
import { assertUuid } from '../versioning';
import { loadCurrent } from './current';
import { loadLookups } from './lookups';
import type { ChangePayload } from './payload';
import { buildDiff, type DiffRow } from './present';
import { requestScope } from './scope';

export interface OwnPendingProposal {
  id: string;
  createdAt: Date;
  // The proposal's values as form values.
  values: FormValues;
  // The fields it changes: label, value public now (before) and proposed value (after).
  fields: DiffRow[];
}

export async function getOwnPendingProposal({
  actor,
  locale,
  entityType,
  entityId,
}: {
  actor: Actor | null;
  locale: AdminLocale;
  entityType: ChangeEntityType;
  entityId: string;
}): Promise<OwnPendingProposal | null> {
  // Coordinators and partners of trusted entries save directly: they have no proposals to amend.
  if (!actor) return null;
  assertUuid(entityId);
  const request = await db.changeRequest.findFirst({
    where: { entityType, entityId, action: 'UPDATE', status: 'PENDING', createdById: actor.id, ...requestScope(actor) },
    orderBy: { createdAt: 'desc' },
    select: { id: true, createdAt: true, organizationId: true, payload: true },
  });
  if (!request) return null;
  const payload = (request.payload ?? {}) as ChangePayload;
  const [current, lookups] = await Promise.all([loadCurrent(db, entityType, entityId, request.organizationId), loadLookups(request.organizationId)]);
  return {
    id: request.id,
    createdAt: request.createdAt,
    values: toFormValues(payload),
    fields: buildDiff(locale, entityType, 'UPDATE', payload, current, lookups),
  };
}

// The records of one organization for which the caller has a pending proposal (changes or
// deletion): the organization page marks them in its lists.
export async function listOwnPendingEntityIds({ actor, organizationId }: { actor: Actor | null; organizationId: string }): Promise<Set<string>> {
  if (!actor) return new Set();
  assertUuid(organizationId);
  const rows = await db.changeRequest.findMany({
    where: { organizationId, status: 'PENDING', createdById: actor.id, entityId: { not: null }, ...requestScope(actor) },
    select: { entityId: true },
  });
  return new Set(rows.map((row) => row.entityId).filter((id): id is string => id !== null));
}
