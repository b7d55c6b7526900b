// GDPR for contact persons: withdrawing consent hides a person from every public view at once
// (lib/data/visibility.ts requires consent not withdrawn); coordinators can export everything
// stored about a person and erase it. The audit log keeps that an erasure happened, not the data.
import 'server-only';
import { db } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { can, type Actor } from '@/lib/permissions';
import { requireScopeAll } from './access';
import { writeAudit } from './audit';
import { contactFieldsSelect } from './field-selects';

async function findContact(id: string) {
  const contact = await db.contactPerson.findUnique({
    where: { id },
    select: { id: true, organizationId: true, organization: { select: { id: true, isTrusted: true } } },
  });
  if (!contact) throw new AppError('NOT_FOUND');
  return contact;
}

export async function exportContactPersonData({ actor, contactId }: { actor: Actor | null; contactId: string }) {
  requireScopeAll(actor, 'contact.exportPersonalData');
  const contact = await db.contactPerson.findUnique({
    where: { id: contactId },
    select: {
      ...contactFieldsSelect,
      visibility: true,
      consentGivenAt: true,
      consentScope: true,
      consentWithdrawnAt: true,
      consentRecordedBy: { select: { name: true } },
      createdAt: true,
      updatedAt: true,
      deletedAt: true,
      organization: { select: { name: true } },
      service: { select: { name: true } },
      languageOffers: { select: { languageCode: true, note: true, schedule: true } },
    },
  });
  if (!contact) throw new AppError('NOT_FOUND');
  const [history, changeRequests] = await Promise.all([
    db.auditLog.findMany({
      where: { entityType: 'ContactPerson', entityId: contactId },
      orderBy: { createdAt: 'asc' },
      select: { action: true, actorName: true, changes: true, createdAt: true },
    }),
    db.changeRequest.findMany({
      where: { entityType: 'ContactPerson', entityId: contactId },
      select: { action: true, status: true, payload: true, createdAt: true },
    }),
  ]);
  // Accountability (GDPR Art. 5(2)): who exported a person's data, and when.
  await writeAudit(db, {
    actor: actor!,
    action: 'UPDATE',
    entityType: 'ContactPerson',
    entityId: contactId,
    changes: { personalDataExport: { before: null, after: new Date().toISOString() } },
  });
  return {
    exportedAt: new Date().toISOString(),
    exportedBy: actor!.name,
    contactPerson: contact,
    history,
    changeRequests,
  };
}

export async function withdrawConsent({ actor, contactId, now = new Date() }: { actor: Actor | null; contactId: string; now?: Date }) {
  const contact = await findContact(contactId);
  // A partner may withdraw consent for a person of their own organization directly, without review:
  // withdrawal must take effect at once.
  if (!can(actor, 'organization.propose', contact.organization)) throw new AppError(actor ? 'FORBIDDEN' : 'UNAUTHENTICATED');
  await db.$transaction(async (tx) => {
    const before = await tx.contactPerson.findUniqueOrThrow({ where: { id: contactId }, select: { consentWithdrawnAt: true } });
    if (before.consentWithdrawnAt) return;
    await tx.contactPerson.update({ where: { id: contactId }, data: { consentWithdrawnAt: now, version: { increment: 1 } } });
    await writeAudit(tx, {
      actor: actor!,
      action: 'UPDATE',
      entityType: 'ContactPerson',
      entityId: contactId,
      organizationId: contact.organizationId,
      changes: { consentWithdrawnAt: { before: null, after: now.toISOString() } },
    });
  });
}

export async function eraseContactPerson({ actor, contactId }: { actor: Actor | null; contactId: string }) {
  requireScopeAll(actor, 'contact.exportPersonalData');
  const contact = await findContact(contactId);
  await db.$transaction(async (tx) => {
    // Only inside this transaction may the append-only audit log be redacted (see the migration).
    await tx.$executeRaw`SELECT set_config('app.audit_redaction', 'on', true)`;
    await tx.$executeRaw`
      UPDATE "AuditLog" SET "changes" = '{"redacted": true}'::jsonb
       WHERE "entityType" = 'ContactPerson' AND "entityId" = ${contactId}`;
    await tx.changeRequest.updateMany({
      where: { entityType: 'ContactPerson', entityId: contactId },
      data: { payload: { redacted: true } },
    });
    await tx.contactPerson.delete({ where: { id: contactId } });
    await writeAudit(tx, { actor: actor!, action: 'ERASE', entityType: 'ContactPerson', entityId: contactId, organizationId: contact.organizationId });
  });
}
