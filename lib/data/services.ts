// Services (Angebote) of an organization, with topics/target groups, places and languages.
import 'server-only';
import type { Prisma } from '@/lib/generated/prisma/client';
import { db } from '@/lib/db';
import { AppError, validationError } from '@/lib/errors';
import type { Actor } from '@/lib/permissions';
import { serviceInputSchema, servicePartialSchema, type ServiceInput } from '@/lib/schemas/organization';
import { childScope, organizationScope } from './access';
import { diffChanges, snapshot, writeAudit } from './audit';
import { withLabels } from './audit-labels';
import { setChildDeleted } from './soft-delete';
import { assertUuid, inTransaction, parseInput, VersionConflict, withoutUndefined } from './versioning';
import { serviceFieldsSelect } from './field-selects';

type Tx = Prisma.TransactionClient;

function toData(input: Partial<ServiceInput>) {
  const { termIds: _t, locationIds: _l, languageCodes: _c, ...scalars } = input;
  return withoutUndefined({
    ...scalars,
    description: scalars.description === null ? '' : scalars.description,
    sortOrder: scalars.sortOrder === null ? 0 : scalars.sortOrder,
  });
}

export async function checkServiceReferences(tx: Tx, organizationId: string, input: Partial<ServiceInput>): Promise<void> {
  const errors: Record<string, string[]> = {};
  if (input.termIds?.length) {
    const found = await tx.taxonomyTerm.count({ where: { id: { in: input.termIds } } });
    if (found !== new Set(input.termIds).size) errors.termIds = ['Bitte wählen Sie Einträge aus der Liste.'];
  }
  if (input.locationIds?.length) {
    const found = await tx.location.count({ where: { id: { in: input.locationIds }, organizationId, deletedAt: null } });
    if (found !== new Set(input.locationIds).size) errors.locationIds = ['Bitte wählen Sie Standorte dieser Organisation.'];
  }
  if (input.languageCodes?.length) {
    const found = await tx.language.count({ where: { code: { in: input.languageCodes } } });
    if (found !== new Set(input.languageCodes).size) errors.languageCodes = ['Bitte wählen Sie Sprachen aus der Liste.'];
  }
  if (Object.keys(errors).length) throw validationError(errors);
}

async function writeRelations(tx: Tx, organizationId: string, serviceId: string, input: Partial<ServiceInput>): Promise<void> {
  if (input.termIds) {
    await tx.serviceTerm.deleteMany({ where: { serviceId, termId: { notIn: input.termIds } } });
    await tx.serviceTerm.createMany({ data: input.termIds.map((termId) => ({ serviceId, termId })), skipDuplicates: true });
  }
  if (input.locationIds) {
    // Existing links are kept (they may carry contacts and hours); only removed ones go.
    await tx.serviceAtLocation.deleteMany({ where: { serviceId, locationId: { notIn: input.locationIds } } });
    await tx.serviceAtLocation.createMany({
      data: input.locationIds.map((locationId) => ({ organizationId, serviceId, locationId })),
      skipDuplicates: true,
    });
  }
  if (input.languageCodes) {
    await tx.languageOffer.deleteMany({ where: { serviceId, contactPersonId: null, languageCode: { notIn: input.languageCodes } } });
    const existing = await tx.languageOffer.findMany({ where: { serviceId, contactPersonId: null }, select: { languageCode: true } });
    const have = new Set(existing.map((offer) => offer.languageCode));
    const missing = input.languageCodes.filter((code) => !have.has(code));
    if (missing.length) {
      await tx.languageOffer.createMany({ data: missing.map((languageCode) => ({ organizationId, serviceId, languageCode })) });
    }
  }
}

const serviceSelect = {
  ...serviceFieldsSelect,
  organizationId: true,
  sortOrder: true,
  version: true,
  deletedAt: true,
  terms: { select: { termId: true } },
  locations: { select: { locationId: true } },
  languageOffers: { where: { contactPersonId: null }, select: { languageCode: true } },
} as const;

function flatten(row: Prisma.ServiceGetPayload<{ select: typeof serviceSelect }>) {
  const { terms, locations, languageOffers, ...rest } = row;
  return {
    ...rest,
    termIds: terms.map((t) => t.termId),
    locationIds: locations.map((l) => l.locationId),
    languageCodes: [...new Set(languageOffers.map((o) => o.languageCode))],
  };
}

export async function getAdminService({ actor, id }: { actor: Actor | null; id: string }) {
  const scope = childScope(actor, 'organization.read');
  assertUuid(id);
  const row = await db.service.findFirst({ where: { id, ...scope }, select: serviceSelect });
  if (!row) throw new AppError('NOT_FOUND');
  return flatten(row);
}

export async function createService({ actor, organizationId, input }: { actor: Actor | null; organizationId: string; input: unknown }) {
  const scope = organizationScope(actor, 'organization.update');
  assertUuid(organizationId);
  const data = parseInput(serviceInputSchema, input);
  return inTransaction(async (tx) => {
    const org = await tx.organization.findFirst({ where: { AND: [{ id: organizationId, deletedAt: null }, scope] }, select: { id: true } });
    if (!org) throw new AppError('NOT_FOUND');
    await checkServiceReferences(tx, organizationId, data);
    const created = await tx.service.create({
      data: { ...(toData(data) as Prisma.ServiceUncheckedCreateInput), name: data.name, organizationId },
      select: { id: true, version: true },
    });
    await writeRelations(tx, organizationId, created.id, data);
    await writeAudit(tx, {
      actor: actor!,
      action: 'CREATE',
      entityType: 'Service',
      entityId: created.id,
      organizationId,
      changes: await withLabels(tx, { ...snapshot({ ...toData(data), termIds: data.termIds?.length ? data.termIds : null, locationIds: data.locationIds?.length ? data.locationIds : null, languageCodes: data.languageCodes?.length ? data.languageCodes : null }), version: { before: null, after: 1 } }),
    });
    return created;
  });
}

export async function updateService({ actor, id, version, input }: { actor: Actor | null; id: string; version: number; input: unknown }) {
  const scope = childScope(actor, 'organization.update');
  assertUuid(id);
  const data = parseInput(servicePartialSchema, input);
  return inTransaction(
    async (tx) => {
      const row = await tx.service.findFirst({ where: { id, deletedAt: null, ...scope }, select: serviceSelect });
      if (!row) throw new AppError('NOT_FOUND');
      const before = flatten(row);
      if (before.version !== version) throw new VersionConflict();
      await checkServiceReferences(tx, before.organizationId, data);
      const scalars = toData(data);
      const changes = diffChanges(before, { ...scalars, termIds: data.termIds, locationIds: data.locationIds, languageCodes: data.languageCodes });
      if (Object.keys(changes).length === 0) return { version, changed: false, organizationId: before.organizationId };
      const updated = await tx.service.updateMany({ where: { id, version, deletedAt: null }, data: { ...scalars, version: { increment: 1 } } });
      if (updated.count !== 1) throw new VersionConflict();
      await writeRelations(tx, before.organizationId, id, data);
      await writeAudit(tx, {
        actor: actor!,
        action: 'UPDATE',
        entityType: 'Service',
        entityId: id,
        organizationId: before.organizationId,
        changes: await withLabels(tx, { ...changes, version: { before: version, after: version + 1 } }),
      });
      return { version: version + 1, changed: true, organizationId: before.organizationId };
    },
    { entityType: 'Service', entityId: id, version },
  );
}

export const deleteService = ({ actor, id }: { actor: Actor | null; id: string }) => setChildDeleted({ actor, entity: 'Service', id, isDeleted: true });
export const restoreService = ({ actor, id }: { actor: Actor | null; id: string }) => setChildDeleted({ actor, entity: 'Service', id, isDeleted: false });
