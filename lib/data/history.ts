// Restoring one field of an entity to the value it had before an audited change. Goes through the
// entity's normal update (validation, optimistic locking, audit), so a restore is itself audited.
import 'server-only';
import { AppError } from '@/lib/errors';
import type { Actor } from '@/lib/permissions';
import { contactInputSchema, locationInputSchema, organizationInputSchema, serviceInputSchema } from '@/lib/schemas/organization';
import { organizationScope } from './access';
import { updateOrganization } from './admin-organizations';
import { getAuditEntry } from './audit-log';
import { updateContact } from './contacts';
import { updateLocation } from './locations';
import { updateService } from './services';

// Fields a form edits can be restored; the version, the address, states and consent moments not.
const NOT_RESTORABLE = new Set(['version', 'slug', 'status', 'deletedAt', 'consentGivenAt', 'consentWithdrawnAt']);

const RESTORERS = {
  Organization: { fields: Object.keys(organizationInputSchema.shape), update: updateOrganization },
  Service: { fields: Object.keys(serviceInputSchema.shape), update: updateService },
  Location: { fields: Object.keys(locationInputSchema.shape), update: updateLocation },
  ContactPerson: { fields: Object.keys(contactInputSchema.shape), update: updateContact },
} as const;

export function isRestorableField(entityType: string, field: string): boolean {
  const restorer = RESTORERS[entityType as keyof typeof RESTORERS];
  return Boolean(restorer && restorer.fields.includes(field) && !NOT_RESTORABLE.has(field));
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
