// Writing the audit log: one row per change, written in the same transaction as the change, with
// field-level before/after (event kinds and payloads: lib/audit/events.ts). writeAudit is the only
// writer. Rows are never updated (a database trigger refuses it). Reading: lib/data/audit-log.ts.
import 'server-only';
import type { AuditActor, AuditEvent, FieldChanges } from '@/lib/audit/events';
import type { Prisma } from '@/lib/generated/prisma/client';
import type { db } from '@/lib/db';
import { currentReview } from './review-context';

export type { FieldChanges };

function normalize(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return [...value].map(normalize).sort();
  return value === undefined ? null : value;
}

// Only fields present in `after` are compared (partial updates).
export function diffChanges(before: Record<string, unknown>, after: Record<string, unknown>): FieldChanges {
  const changes: FieldChanges = {};
  for (const [field, value] of Object.entries(after)) {
    if (value === undefined) continue;
    const from = normalize(before[field]);
    const to = normalize(value);
    if (JSON.stringify(from) !== JSON.stringify(to)) changes[field] = { before: from, after: to };
  }
  return changes;
}

// A new record: every filled field, from nothing.
export function snapshot(record: Record<string, unknown>, omit: string[] = []): FieldChanges {
  const changes: FieldChanges = {};
  for (const [field, value] of Object.entries(record)) {
    if (omit.includes(field) || value === null || value === undefined || value === '') continue;
    changes[field] = { before: null, after: normalize(value) };
  }
  return changes;
}

// A removed record: every filled field, to nothing.
export function removal(record: Record<string, unknown>, omit: string[] = []): FieldChanges {
  return Object.fromEntries(Object.entries(snapshot(record, omit)).map(([field, change]) => [field, { before: change.after, after: null }]));
}

// One audit row from an event (writeAudit and writeAuditMany write exactly these).
function auditRow(actor: AuditActor, { changes = {}, ...event }: AuditEvent) {
  return {
    actorId: actor.id,
    actorName: actor.name,
    action: event.action,
    entityType: event.entityType,
    entityId: event.entityId,
    organizationId: event.organizationId ?? null,
    changes: changes as unknown as Prisma.InputJsonValue,
    // Set while an approved change request is applied (see review-context.ts).
    changeRequestId: event.changeRequestId ?? currentReview()?.changeRequestId ?? null,
  };
}

// The one way to write the audit log. Returns the query without awaiting it, so that it also joins a
// batch transaction (`db.$transaction([update, writeAudit(db, ...)])`).
export function writeAudit(client: Prisma.TransactionClient | typeof db, { actor, ...event }: AuditEvent & { actor: AuditActor }) {
  return client.auditLog.create({ data: auditRow(actor, event as AuditEvent), select: { id: true } });
}

// Many rows at once (an import of hundreds of records): the same rows as writeAudit, one insert.
export function writeAuditMany(client: Prisma.TransactionClient, actor: AuditActor, events: AuditEvent[]) {
  return client.auditLog.createMany({ data: events.map((event) => auditRow(actor, event)) });
}

// An event about an organization itself (not a record below it).
export function writeOrganizationAudit(
  tx: Prisma.TransactionClient,
  actor: AuditActor,
  id: string,
  action: Extract<AuditEvent, { entityType: 'Organization' }>['action'],
  changes: FieldChanges,
) {
  return writeAudit(tx, { actor, action, entityType: 'Organization', entityId: id, organizationId: id, changes });
}
