// GDPR for contact persons: withdrawing consent hides a person from every public view at once
// (lib/data/visibility.ts requires consent not withdrawn); coordinators can export everything
// stored about a person and erase it (lib/data/personal-traces.ts finds every trace). The audit
// log keeps that an erasure happened, not the data.
import 'server-only';
import { db } from '@/lib/db';
import { AppError } from '@/lib/errors';
import type { Prisma } from '@/lib/generated/prisma/client';
import { can, type Actor } from '@/lib/permissions';
import { requireScopeAll, TRANSACTION_OPTIONS } from './access';
import { writeAudit } from './audit';
import { contactFieldsSelect } from './field-selects';
import { buildMatcher, findMentions, isReportedOnly, redactMentions, type PersonIdentifiers } from './personal-traces';

type Tx = Prisma.TransactionClient;

async function findContact(id: string) {
  const contact = await db.contactPerson.findUnique({
    where: { id },
    select: { id: true, organizationId: true, organization: { select: { id: true, isTrusted: true } } },
  });
  if (!contact) throw new AppError('NOT_FOUND');
  return contact;
}

// The person's identifiers: current name, e-mail and numbers, and earlier ones from the history of
// the record and from proposals about it (an old address is personal data too).
async function identifiersOf(tx: Tx, contactId: string): Promise<PersonIdentifiers> {
  const contact = await tx.contactPerson.findUnique({ where: { id: contactId }, select: { name: true, email: true, phone: true, mobile: true } });
  const [history, proposals] = await Promise.all([
    tx.auditLog.findMany({ where: { entityType: 'ContactPerson', entityId: contactId }, select: { changes: true } }),
    tx.changeRequest.findMany({ where: { entityType: 'ContactPerson', entityId: contactId }, select: { payload: true } }),
  ]);
  const ids: PersonIdentifiers = { names: [], emails: [], phones: [] };
  const add = (field: string, value: unknown) => {
    if (typeof value !== 'string' || !value.trim()) return;
    if (field === 'name') ids.names.push(value);
    if (field === 'email') ids.emails.push(value);
    if (field === 'phone' || field === 'mobile') ids.phones.push(value);
  };
  for (const field of ['name', 'email', 'phone', 'mobile'] as const) add(field, contact?.[field]);
  for (const row of history) {
    for (const [field, change] of Object.entries((row.changes ?? {}) as Record<string, { before?: unknown; after?: unknown }>)) {
      add(field, change?.before);
      add(field, change?.after);
    }
  }
  for (const row of proposals) for (const [field, value] of Object.entries((row.payload ?? {}) as Record<string, unknown>)) add(field, value);
  return { names: [...new Set(ids.names)], emails: [...new Set(ids.emails.map((e) => e.toLowerCase()))], phones: [...new Set(ids.phones)] };
}

// Everything stored about the person (GDPR Art. 15): the record, its translations, its history
// and the proposals about it, and every other place that mentions the person (reports, searches,
// mails, review comments, notes ...), found the same way the erasure finds them.
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
      // The person's own consultation hours (erased with the person: the rows cascade).
      schedules: { select: { weekday: true, opensAt: true, closesAt: true, appointmentOnly: true, languageCodes: true, bookingUrl: true, note: true } },
    },
  });
  if (!contact) throw new AppError('NOT_FOUND');
  const traces = await db.$transaction(async (tx) => {
    const identifiers = await identifiersOf(tx, contactId);
    const matcher = buildMatcher(identifiers);
    const [translations, history, changeRequests, distributionLists, circularDeliveries, mentioned] = await Promise.all([
      tx.translation.findMany({
        where: { entityType: 'CONTACT_PERSON', entityId: contactId },
        orderBy: [{ field: 'asc' }, { locale: 'asc' }],
        select: { field: true, locale: true, value: true, status: true, updatedAt: true },
      }),
      tx.auditLog.findMany({
        where: { entityId: contactId },
        orderBy: { id: 'asc' },
        select: { action: true, entityType: true, actorName: true, changes: true, createdAt: true },
      }),
      tx.changeRequest.findMany({
        where: { entityType: 'ContactPerson', entityId: contactId },
        orderBy: { createdAt: 'asc' },
        select: { id: true, action: true, status: true, payload: true, reviewComment: true, createdAt: true, reviewedAt: true },
      }),
      // Lists hold their hand-picked contacts by id.
      tx.distributionList.findMany({ where: { contactIds: { has: contactId } }, orderBy: { name: 'asc' }, select: { id: true, name: true, createdAt: true } }),
      // Circulars sent to the person, by record or by one of the person's addresses.
      tx.circularDelivery.findMany({
        where: { OR: [{ contactPersonId: contactId }, ...(identifiers.emails.length ? [{ email: { in: identifiers.emails, mode: 'insensitive' as const } }] : [])] },
        orderBy: { sentAt: 'asc' },
        select: { email: true, name: true, status: true, sentAt: true, circular: { select: { subject: true, listName: true, createdAt: true } } },
      }),
      matcher ? findMentions(tx, matcher) : Promise.resolve([]),
    ]);
    return { identifiers, translations, history, changeRequests, distributionLists, circularDeliveries, mentioned };
  }, TRANSACTION_OPTIONS);
  // Accountability (GDPR Art. 5(2)): who exported a person's data, and when.
  await db.$transaction((tx) =>
    writeAudit(tx, {
      actor: actor!,
      action: 'UPDATE',
      entityType: 'ContactPerson',
      entityId: contactId,
      changes: { personalDataExport: { before: null, after: new Date().toISOString() } },
    }),
  );
  const byTable = (table: string) => traces.mentioned.filter((m) => m.table === table);
  return {
    exportedAt: new Date().toISOString(),
    exportedBy: actor!.name,
    contactPerson: contact,
    translations: traces.translations,
    history: traces.history,
    changeRequests: traces.changeRequests,
    distributionLists: traces.distributionLists,
    circularDeliveries: traces.circularDeliveries,
    // Places outside the record that name the person, grouped by kind of record.
    mentions: {
      proposals: byTable('ChangeRequest'),
      visitorReports: byTable('Feedback'),
      searches: byTable('SearchLog').map((m) => ({ ...m, key: { id: String(m.key.id) } })),
      mails: byTable('OutboxEmail'),
      auditEntries: byTable('AuditLog').map((m) => ({ ...m, key: { id: String(m.key.id) } })),
      other: traces.mentioned
        .filter((m) => !['ChangeRequest', 'Feedback', 'SearchLog', 'OutboxEmail', 'AuditLog'].includes(m.table))
        .map((m) => ({ ...m, key: Object.fromEntries(Object.entries(m.key).map(([k, v]) => [k, String(v)])) })),
    },
  };
}

export async function withdrawConsent({ actor, contactId, now = new Date() }: { actor: Actor | null; contactId: string; now?: Date }): Promise<{ organizationId: string }> {
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
  return { organizationId: contact.organizationId };
}

// Erasure (GDPR Art. 17): the record and its translations go, its history and the proposals about
// it keep only that they existed, and every mention elsewhere is replaced by "[gelöscht]" (mails
// and searches that mention the person are deleted). One transaction; the audit log notes the
// erasure without any of the data. Returns where the person's details remain as an
// organization's own contact details (not changed; the coordinator decides).
export async function eraseContactPerson({ actor, contactId }: { actor: Actor | null; contactId: string }) {
  requireScopeAll(actor, 'contact.erasePersonalData');
  const contact = await findContact(contactId);
  return db.$transaction(async (tx) => {
    const identifiers = await identifiersOf(tx, contactId);
    const matcher = buildMatcher(identifiers);
    // Only inside this transaction may the append-only audit log be redacted (see the migration).
    await tx.$executeRaw`SELECT set_config('app.audit_redaction', 'on', true)`;
    // The record's own history (the contact, its translations) keeps only that it happened.
    // So does the history of the person's own consultation hours (the rows cascade below).
    const ownHours = (await tx.schedule.findMany({ where: { contactPersonId: contactId }, select: { id: true } })).map((row) => row.id);
    await tx.$executeRaw`UPDATE "AuditLog" SET "changes" = '{"redacted": true}'::jsonb WHERE "entityId" = ${contactId} OR "entityId" = ANY(${ownHours}::text[])`;
    const proposals = await tx.changeRequest.findMany({ where: { entityType: 'ContactPerson', entityId: contactId }, select: { id: true } });
    await tx.changeRequest.updateMany({ where: { id: { in: proposals.map((p) => p.id) } }, data: { payload: { redacted: true } } });
    await tx.translation.deleteMany({ where: { entityType: 'CONTACT_PERSON', entityId: contactId } });
    // Hand-picked list memberships go with the person (their own circular deliveries and
    // consultation hours cascade with the record).
    await tx.$executeRaw`UPDATE "DistributionList" SET "contactIds" = array_remove("contactIds", ${contactId}::uuid), "version" = "version" + 1 WHERE ${contactId}::uuid = ANY("contactIds")`;
    await tx.contactPerson.delete({ where: { id: contactId } });
    let remaining: { table: string; column: string }[] = [];
    if (matcher) {
      const found = await findMentions(tx, matcher);
      // Proposals for a new contact person that name this person are about the person as a whole.
      const personProposals = found.filter((m) => m.table === 'ChangeRequest' && m.column === 'payload');
      if (personProposals.length) {
        await tx.changeRequest.updateMany({
          where: { id: { in: personProposals.map((m) => String(m.key.id)) }, entityType: 'ContactPerson' },
          data: { payload: { redacted: true } },
        });
      }
      // A sent mail, a search, a delivery of a circular to the person's address and a search word
      // are nothing but their text: they go as a whole.
      const idsIn = (table: string) => [...new Set(found.filter((m) => m.table === table).map((m) => String(m.key.id)))];
      await tx.outboxEmail.deleteMany({ where: { id: { in: idsIn('OutboxEmail') } } });
      await tx.searchLog.deleteMany({ where: { id: { in: idsIn('SearchLog').map(BigInt) } } });
      await tx.circularDelivery.deleteMany({ where: { id: { in: idsIn('CircularDelivery') } } });
      await tx.searchConceptWord.deleteMany({ where: { id: { in: idsIn('SearchConceptWord') } } });
      await tx.loginAttempt.deleteMany({ where: { email: { in: identifiers.emails } } });
      // Everything else: the mention is replaced, the record stays.
      const rest = await findMentions(tx, matcher);
      await redactMentions(tx, matcher, rest);
      remaining = rest.filter(isReportedOnly).map(({ table, column }) => ({ table, column }));
    }
    await writeAudit(tx, { actor: actor!, action: 'ERASE', entityType: 'ContactPerson', entityId: contactId, organizationId: contact.organizationId });
    return { remaining };
  }, TRANSACTION_OPTIONS);
}
