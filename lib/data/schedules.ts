// Consultation hours (weekly slots) and exceptions (holidays, closures) of an organization.
import 'server-only';
import type { Prisma } from '@/lib/generated/prisma/client';
import { AppError, validationError } from '@/lib/errors';
import { formatMinutes } from '@/lib/schedule/open-status';
import type { Actor } from '@/lib/permissions';
import { scheduleExceptionInputSchema, scheduleInputSchema, type ScheduleExceptionInput, type ScheduleInput } from '@/lib/schemas/organization';
import { childScope, organizationScope } from './access';
import { removal, snapshot, writeAudit } from './audit';
import { assertUuid, inTransaction, parseInput } from './versioning';

// Audited with the day as its number (1 = Monday) and times as "HH:MM": the history words them.
const readable = <T extends { weekday: number; opensAt: number; closesAt: number }>(slot: T) => ({
  ...slot,
  opensAt: formatMinutes(slot.opensAt),
  closesAt: formatMinutes(slot.closesAt),
});

type Tx = Prisma.TransactionClient;

// The service and location of a slot or an exception must belong to the same organization.
export async function checkScheduleReferences(
  tx: Tx,
  organizationId: string,
  data: Pick<Partial<ScheduleInput>, 'serviceId' | 'locationId' | 'contactPersonId' | 'languageCodes'> | Pick<Partial<ScheduleExceptionInput>, 'locationId'>,
): Promise<void> {
  const errors: Record<string, string[]> = {};
  if ('contactPersonId' in data && data.contactPersonId && !(await tx.contactPerson.count({ where: { id: data.contactPersonId, organizationId, deletedAt: null } }))) {
    errors.contactPersonId = ['Bitte wählen Sie eine Kontaktperson dieser Organisation.'];
  }
  if ('languageCodes' in data && data.languageCodes?.length) {
    const known = await tx.language.count({ where: { code: { in: data.languageCodes } } });
    if (known !== new Set(data.languageCodes).size) errors.languageCodes = ['Bitte wählen Sie Sprachen aus der Liste.'];
  }
  if ('serviceId' in data && data.serviceId && !(await tx.service.count({ where: { id: data.serviceId, organizationId, deletedAt: null } }))) {
    errors.serviceId = ['Bitte wählen Sie ein Angebot dieser Organisation.'];
  }
  if (data.locationId && !(await tx.location.count({ where: { id: data.locationId, organizationId, deletedAt: null } }))) {
    errors.locationId = ['Bitte wählen Sie einen Standort dieser Organisation.'];
  }
  if (Object.keys(errors).length) throw validationError(errors);
}

export async function createSchedule({ actor, organizationId, input }: { actor: Actor | null; organizationId: string; input: unknown }) {
  const scope = organizationScope(actor, 'organization.update');
  assertUuid(organizationId);
  const data = parseInput(scheduleInputSchema, input);
  return inTransaction(async (tx) => {
    const org = await tx.organization.findFirst({ where: { AND: [{ id: organizationId, deletedAt: null }, scope] }, select: { id: true } });
    if (!org) throw new AppError('NOT_FOUND');
    await checkScheduleReferences(tx, organizationId, data);
    const { languageCodes = [], ...rest } = data;
    const created = await tx.schedule.create({ data: { ...rest, languageCodes: [...new Set(languageCodes)], organizationId }, select: { id: true } });
    await writeAudit(tx, {
      actor: actor!,
      action: 'CREATE',
      entityType: 'Schedule',
      entityId: created.id,
      organizationId,
      changes: snapshot(readable(data)),
    });
    return created;
  });
}

export async function deleteSchedule({ actor, id }: { actor: Actor | null; id: string }) {
  const scope = childScope(actor, 'organization.update');
  assertUuid(id);
  return inTransaction(async (tx) => {
    const before = await tx.schedule.findFirst({ where: { id, ...scope } });
    if (!before) throw new AppError('NOT_FOUND');
    await tx.schedule.delete({ where: { id } });
    const { id: _id, organizationId, createdAt: _c, updatedAt: _u, ...rest } = before;
    const changes = removal(readable(rest));
    await writeAudit(tx, { actor: actor!, action: 'DELETE', entityType: 'Schedule', entityId: id, organizationId, changes });
    return { organizationId };
  });
}

export async function createScheduleException({ actor, organizationId, input }: { actor: Actor | null; organizationId: string; input: unknown }) {
  const scope = organizationScope(actor, 'organization.update');
  assertUuid(organizationId);
  const data = parseInput(scheduleExceptionInputSchema, input);
  return inTransaction(async (tx) => {
    const org = await tx.organization.findFirst({ where: { AND: [{ id: organizationId, deletedAt: null }, scope] }, select: { id: true } });
    if (!org) throw new AppError('NOT_FOUND');
    await checkScheduleReferences(tx, organizationId, data);
    const values = {
      locationId: data.locationId ?? null,
      startsOn: data.startsOn,
      endsOn: data.endsOn ?? data.startsOn,
      isClosed: data.isClosed ?? false,
      opensAt: data.isClosed ? null : (data.opensAt ?? null),
      closesAt: data.isClosed ? null : (data.closesAt ?? null),
      note: data.note ?? null,
    };
    const created = await tx.scheduleException.create({ data: { ...values, organizationId }, select: { id: true } });
    await writeAudit(tx, { actor: actor!, action: 'CREATE', entityType: 'ScheduleException', entityId: created.id, organizationId, changes: snapshot(values) });
    return created;
  });
}

export async function deleteScheduleException({ actor, id }: { actor: Actor | null; id: string }) {
  const scope = childScope(actor, 'organization.update');
  assertUuid(id);
  return inTransaction(async (tx) => {
    const before = await tx.scheduleException.findFirst({ where: { id, ...scope } });
    if (!before) throw new AppError('NOT_FOUND');
    await tx.scheduleException.delete({ where: { id } });
    const { id: _id, organizationId, createdAt: _c, ...rest } = before;
    const changes = removal(rest);
    await writeAudit(tx, { actor: actor!, action: 'DELETE', entityType: 'ScheduleException', entityId: id, organizationId, changes });
    return { organizationId };
  });
}
