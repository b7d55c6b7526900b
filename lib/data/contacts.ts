// Contact persons with visibility, consent (GDPR) and spoken languages.
import 'server-only';
import type { Prisma } from '@/lib/generated/prisma/client';
import { db } from '@/lib/db';
import { AppError, validationError } from '@/lib/errors';
import type { Actor } from '@/lib/permissions';
import { consentState, contactInputSchema, contactPartialSchema, type ContactInput } from '@/lib/schemas/organization';
import { childScope, organizationScope } from './access';
import { diffChanges, snapshot, writeAudit } from './audit';
import { withLabels } from './audit-labels';
import { contactFieldsSelect } from './field-selects';
import { setChildDeleted } from './soft-delete';
import { assertUuid, inTransaction, parseInput, VersionConflict, withoutUndefined } from './versioning';

type Tx = Prisma.TransactionClient;

const contactSelect = {
  ...contactFieldsSelect,
  organizationId: true,
  serviceId: true,
  visibility: true,
  consentGivenAt: true,
  consentScope: true,
  consentWithdrawnAt: true,
  sortOrder: true,
  version: true,
  deletedAt: true,
  languageOffers: { select: { languageCode: true } },
} as const;

type ContactRow = Prisma.ContactPersonGetPayload<{ select: typeof contactSelect }>;

function flatten({ languageOffers, ...row }: ContactRow) {
  return { ...row, consent: consentState(row), languageCodes: [...new Set(languageOffers.map((o) => o.languageCode))] };
}

// Consent as stored: the moments are kept when the state does not change.
function toData(input: Partial<ContactInput>, actor: Actor, before?: ReturnType<typeof flatten>) {
  const { consent, languageCodes: _l, ...scalars } = input;
  const data: Record<string, unknown> = withoutUndefined({ ...scalars, sortOrder: scalars.sortOrder === null ? 0 : scalars.sortOrder });
  if (consent !== undefined && consent !== before?.consent) {
    const now = new Date();
    if (consent === 'none') Object.assign(data, { consentGivenAt: null, consentWithdrawnAt: null, consentRecordedById: null });
    if (consent === 'given') Object.assign(data, { consentGivenAt: now, consentWithdrawnAt: null, consentRecordedById: actor.id });
    if (consent === 'withdrawn') Object.assign(data, { consentWithdrawnAt: now, consentGivenAt: before?.consentGivenAt ?? null });
  }
  return data;
}

export async function checkContactReferences(tx: Tx, organizationId: string, input: Partial<ContactInput>) {
  const errors: Record<string, string[]> = {};
  if (input.serviceId) {
    const found = await tx.service.count({ where: { id: input.serviceId, organizationId, deletedAt: null } });
    if (!found) errors.serviceId = ['Bitte wählen Sie ein Angebot dieser Organisation.'];
  }
  if (input.languageCodes?.length) {
    const found = await tx.language.count({ where: { code: { in: input.languageCodes } } });
    if (found !== new Set(input.languageCodes).size) errors.languageCodes = ['Bitte wählen Sie Sprachen aus der Liste.'];
  }
  if (Object.keys(errors).length) throw validationError(errors);
}

async function writeLanguages(tx: Tx, organizationId: string, contactPersonId: string, codes: string[] | undefined) {
  if (!codes) return;
  await tx.languageOffer.deleteMany({ where: { contactPersonId, languageCode: { notIn: codes } } });
  const existing = await tx.languageOffer.findMany({ where: { contactPersonId }, select: { languageCode: true } });
  const have = new Set(existing.map((offer) => offer.languageCode));
  const missing = codes.filter((code) => !have.has(code));
  if (missing.length) await tx.languageOffer.createMany({ data: missing.map((languageCode) => ({ organizationId, contactPersonId, languageCode })) });
}

function auditable(data: Record<string, unknown>) {
  const { consentRecordedById: _r, ...rest } = data;
  return rest;
}

export async function getAdminContact({ actor, id }: { actor: Actor | null; id: string }) {
  const scope = childScope(actor, 'organization.read');
  assertUuid(id);
  const row = await db.contactPerson.findFirst({ where: { id, ...scope }, select: contactSelect });
  if (!row) throw new AppError('NOT_FOUND');
  return flatten(row);
}

export async function createContact({ actor, organizationId, input }: { actor: Actor | null; organizationId: string; input: unknown }) {
  const scope = organizationScope(actor, 'organization.update');
  assertUuid(organizationId);
  const data = parseInput(contactInputSchema, input);
  return inTransaction(async (tx) => {
    const org = await tx.organization.findFirst({ where: { AND: [{ id: organizationId, deletedAt: null }, scope] }, select: { id: true } });
    if (!org) throw new AppError('NOT_FOUND');
    await checkContactReferences(tx, organizationId, data);
    const values = toData(data, actor!);
    const created = await tx.contactPerson.create({
      data: { ...(values as Prisma.ContactPersonUncheckedCreateInput), role: data.role, organizationId },
      select: { id: true, version: true },
    });
    await writeLanguages(tx, organizationId, created.id, data.languageCodes);
    await writeAudit(tx, {
      actor: actor!,
      action: 'CREATE',
      entityType: 'ContactPerson',
      entityId: created.id,
      organizationId,
      changes: await withLabels(tx, { ...snapshot({ ...auditable(values), languageCodes: data.languageCodes?.length ? data.languageCodes : null }), version: { before: null, after: 1 } }),
    });
    return created;
  });
}

export async function updateContact({ actor, id, version, input }: { actor: Actor | null; id: string; version: number; input: unknown }) {
  const scope = childScope(actor, 'organization.update');
  assertUuid(id);
  const data = parseInput(contactPartialSchema, input);
  return inTransaction(
    async (tx) => {
      const row = await tx.contactPerson.findFirst({ where: { id, deletedAt: null, ...scope }, select: contactSelect });
      if (!row) throw new AppError('NOT_FOUND');
      const before = flatten(row);
      if (before.version !== version) throw new VersionConflict();
      await checkContactReferences(tx, before.organizationId, data);
      const values = toData(data, actor!, before);
      const changes = diffChanges(before, { ...auditable(values), languageCodes: data.languageCodes });
      if (Object.keys(changes).length === 0) return { version, changed: false, organizationId: before.organizationId };
      const updated = await tx.contactPerson.updateMany({ where: { id, version, deletedAt: null }, data: { ...values, version: { increment: 1 } } });
      if (updated.count !== 1) throw new VersionConflict();
      await writeLanguages(tx, before.organizationId, id, data.languageCodes);
      await writeAudit(tx, {
        actor: actor!,
        action: 'UPDATE',
        entityType: 'ContactPerson',
        entityId: id,
        organizationId: before.organizationId,
        changes: await withLabels(tx, { ...changes, version: { before: version, after: version + 1 } }),
      });
      return { version: version + 1, changed: true, organizationId: before.organizationId };
    },
    { entityType: 'ContactPerson', entityId: id, version },
  );
}

export const deleteContact = ({ actor, id }: { actor: Actor | null; id: string }) => setChildDeleted({ actor, entity: 'ContactPerson', id, isDeleted: true });
export const restoreContact = ({ actor, id }: { actor: Actor | null; id: string }) => setChildDeleted({ actor, entity: 'ContactPerson', id, isDeleted: false });
