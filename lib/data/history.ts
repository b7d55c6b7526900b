// Restoring one field of an entity to the value it had before an audited change. Goes through the
// entity's normal update (validation, optimistic locking, audit), so a restore is itself audited.
import 'server-only';
import { AppError } from '@/lib/errors';
import type { Actor } from '@/lib/permissions';
import { organizationScope } from './access';
import { ORGANIZATION_FIELD_LABELS, updateOrganization } from './admin-organizations';
import { getAuditEntry } from './audit';
import { CONTACT_FIELD_LABELS, updateContact } from './contacts';
import { LOCATION_FIELD_LABELS, updateLocation } from './locations';
import { SERVICE_FIELD_LABELS, updateService } from './services';

const NOT_RESTORABLE = new Set(['version', 'slug', 'status', 'deletedAt', 'consentGivenAt', 'consentWithdrawnAt']);

const RESTORERS = {
  Organization: { labels: ORGANIZATION_FIELD_LABELS, update: updateOrganization },
  Service: { labels: SERVICE_FIELD_LABELS, update: updateService },
  Location: { labels: LOCATION_FIELD_LABELS, update: updateLocation },
  ContactPerson: { labels: CONTACT_FIELD_LABELS, update: updateContact },
} as const;

export const FIELD_LABELS: Record<string, Record<string, string>> = Object.fromEntries(
  Object.entries(RESTORERS).map(([type, restorer]) => [type, restorer.labels]),
);

export function isRestorableField(entityType: string, field: string): boolean {
  const restorer = RESTORERS[entityType as keyof typeof RESTORERS];
  return Boolean(restorer && field in restorer.labels && !NOT_RESTORABLE.has(field));
}

export async function restoreFieldFromHistory({
  actor,
  auditId,
  field,
  version,
}: {
  actor: Actor | null;
  auditId: string;
  field: string;
  version: number;
}): Promise<{ organizationId: string | null; entityType: string; entityId: string; version: number }> {
  organizationScope(actor, 'audit.restore');
  const entry = await getAuditEntry({ actor, id: auditId });
  const change = entry.changes[field];
  if (entry.action !== 'UPDATE' || !change || !isRestorableField(entry.entityType, field)) {
    throw new AppError('VALIDATION', 'Dieser Wert kann nicht wiederhergestellt werden.');
  }
  const restorer = RESTORERS[entry.entityType as keyof typeof RESTORERS];
  const result = await restorer.update({ actor, id: entry.entityId, version, input: { [field]: change.before } });
  return { organizationId: entry.organizationId, entityType: entry.entityType, entityId: entry.entityId, version: result.version };
}
