// Change requests: a partner's edit of an organization that is not trusted does not change the
// public entry; it is stored as a proposal (the form's values, validated by the same schema as a
// direct edit) and a coordinator approves, edits and approves, or rejects it.
//
// Approval re-runs the data function a coordinator's own save uses (updateService, createSchedule,
// ...) inside one transaction together with the request's new status (see review-context.ts): the
// same validation, the same version check against the proposal's base version, the same audit rows,
// here named "Coordinator (Vorschlag von Partner)" and carrying the request's id.
import 'server-only';
import type { Prisma } from '@/lib/generated/prisma/client';
import type { ChangeAction, ChangeRequestStatus } from '@/lib/generated/prisma/enums';
import { db } from '@/lib/db';
import { AppError, isAppError } from '@/lib/errors';
import { appUrl, sendMail } from '@/lib/mail/send';
import { can, scopeOf, type Actor } from '@/lib/permissions';
import {
  approveChangeRequestSchema,
  CHANGE_ACTION_LABELS,
  CHANGE_ENTITIES,
  isChangeEntityType,
  rejectChangeRequestSchema,
  type ChangeActionName,
  type ChangeEntityType,
} from '@/lib/schemas/change-request';
import { withoutCoordinatorOnlyFields } from '@/lib/schemas/organization';
import type { FormValues } from '@/components/forms/form-state';
import { organizationScope, TRANSACTION_OPTIONS } from './access';
import { getConflictChanges } from './audit';
import { checkOrganizationReferences, ORGANIZATION_FIELD_LABELS, updateOrganization } from './admin-organizations';
import { checkContactReferences, CONTACT_FIELD_LABELS, createContact, deleteContact, updateContact } from './contacts';
import { createLocation, deleteLocation, LOCATION_FIELD_LABELS, updateLocation } from './locations';
import { runInReview } from './review-context';
import {
  checkScheduleReferences,
  createSchedule,
  createScheduleException,
  deleteSchedule,
  deleteScheduleException,
  formatMinutes,
  SCHEDULE_EXCEPTION_FIELD_LABELS,
  SCHEDULE_FIELD_LABELS,
  WEEKDAYS,
} from './schedules';
import { checkServiceReferences, createService, deleteService, SERVICE_FIELD_LABELS, updateService } from './services';
import { assertUuid, parseInput } from './versioning';

type Tx = Prisma.TransactionClient;
type Client = Tx | typeof db;
type PayloadValue = string | number | boolean | null | string[];
export type ChangePayload = Record<string, PayloadValue>;

export const CHANGE_FIELD_LABELS: Record<ChangeEntityType, Record<string, string>> = {
  Organization: ORGANIZATION_FIELD_LABELS,
  Service: SERVICE_FIELD_LABELS,
  Location: LOCATION_FIELD_LABELS,
  ContactPerson: { ...CONTACT_FIELD_LABELS, consent: 'Einwilligung zur Veröffentlichung' },
  Schedule: SCHEDULE_FIELD_LABELS,
  ScheduleException: SCHEDULE_EXCEPTION_FIELD_LABELS,
};

// ---------------------------------------------------------------------------------------------
// Direct save or proposal

export type EditMode = 'direct' | 'propose';

// How the caller's save of this organization takes effect: published directly (coordinators,
// partners of trusted organizations) or as a proposal for review (partners of other organizations).
export async function getEditMode({ actor, organizationId }: { actor: Actor | null; organizationId: string }): Promise<EditMode> {
  const scope = organizationScope(actor, 'organization.read');
  assertUuid(organizationId);
  const org = await db.organization.findFirst({ where: { AND: [{ id: organizationId, deletedAt: null }, scope] }, select: { id: true, isTrusted: true } });
  if (!org) throw new AppError('NOT_FOUND');
  if (can(actor, 'organization.update', org)) return 'direct';
  if (can(actor, 'organization.propose', org)) return 'propose';
  throw new AppError('FORBIDDEN');
}

// The organization a record below an organization belongs to, within the caller's read scope.
export async function getEditTarget({ actor, entityType, id }: { actor: Actor | null; entityType: ChangeEntityType; id: string }) {
  const scope = organizationScope(actor, 'organization.read');
  assertUuid(id);
  const where = { id, ...(Object.keys(scope).length ? { organization: { is: scope } } : {}) };
  const select = { organizationId: true } as const;
  const row =
    entityType === 'Organization'
      ? await db.organization.findFirst({ where: { AND: [{ id }, scope] }, select: { id: true } }).then((o) => (o ? { organizationId: o.id } : null))
      : entityType === 'Service'
        ? await db.service.findFirst({ where, select })
        : entityType === 'Location'
          ? await db.location.findFirst({ where, select })
          : entityType === 'ContactPerson'
            ? await db.contactPerson.findFirst({ where, select })
            : entityType === 'Schedule'
              ? await db.schedule.findFirst({ where, select })
              : await db.scheduleException.findFirst({ where, select });
  if (!row) throw new AppError('NOT_FOUND');
  return { organizationId: row.organizationId, mode: await getEditMode({ actor, organizationId: row.organizationId }) };
}

// ---------------------------------------------------------------------------------------------
// Current values of the record a request is about (for the version check and the diff)

interface CurrentRecord {
  version: number | null;
  values: Record<string, unknown>;
}

async function loadCurrent(client: Client, entityType: ChangeEntityType, id: string, organizationId: string): Promise<CurrentRecord | null> {
  const where = { id, organizationId };
  switch (entityType) {
    case 'Organization': {
      const row = await client.organization.findFirst({
        where: { id: organizationId, deletedAt: null },
        select: {
          name: true, shortName: true, description: true, categoryId: true, parentId: true, website: true, email: true, phone: true,
          isCoordinationOffice: true, reviewIntervalMonths: true, sortOrder: true, version: true, topics: { select: { termId: true } },
        },
      });
      if (!row || id !== organizationId) return null;
      const { topics, version, ...values } = row;
      return { version, values: { ...values, topicIds: topics.map((t) => t.termId) } };
    }
    case 'Service': {
      const row = await client.service.findFirst({
        where: { ...where, deletedAt: null },
        select: {
          name: true, description: true, minAge: true, maxAge: true, eligibility: true, cost: true, howToApply: true,
          appointmentRequired: true, interpretationOffered: true, status: true, alertText: true, sortOrder: true, version: true,
          terms: { select: { termId: true } },
          locations: { select: { locationId: true } },
          languageOffers: { where: { contactPersonId: null }, select: { languageCode: true } },
        },
      });
      if (!row) return null;
      const { terms, locations, languageOffers, version, ...values } = row;
      return {
        version,
        values: { ...values, termIds: terms.map((t) => t.termId), locationIds: locations.map((l) => l.locationId), languageCodes: [...new Set(languageOffers.map((o) => o.languageCode))] },
      };
    }
    case 'Location': {
      const row = await client.location.findFirst({
        where: { ...where, deletedAt: null },
        select: {
          name: true, street: true, postalCode: true, city: true, municipality: true, latitude: true, longitude: true,
          wheelchairAccessible: true, accessibilityNote: true, transportNote: true, sortOrder: true, version: true,
        },
      });
      if (!row) return null;
      const { version, ...values } = row;
      return { version, values };
    }
    case 'ContactPerson': {
      const row = await client.contactPerson.findFirst({
        where: { ...where, deletedAt: null },
        select: {
          serviceId: true, role: true, name: true, email: true, phone: true, mobile: true, visibility: true, consentGivenAt: true,
          consentScope: true, consentWithdrawnAt: true, sortOrder: true, version: true, languageOffers: { select: { languageCode: true } },
        },
      });
      if (!row) return null;
      const { languageOffers, version, consentGivenAt, consentWithdrawnAt, ...values } = row;
      const consent = consentWithdrawnAt ? 'withdrawn' : consentGivenAt ? 'given' : 'none';
      return { version, values: { ...values, consent, languageCodes: [...new Set(languageOffers.map((o) => o.languageCode))] } };
    }
    case 'Schedule': {
      const row = await client.schedule.findFirst({
        where,
        select: { serviceId: true, locationId: true, weekday: true, opensAt: true, closesAt: true, appointmentOnly: true, validFrom: true, validTo: true, note: true },
      });
      return row ? { version: null, values: row } : null;
    }
    case 'ScheduleException': {
      const row = await client.scheduleException.findFirst({
        where,
        select: { locationId: true, startsOn: true, endsOn: true, isClosed: true, opensAt: true, closesAt: true, note: true },
      });
      return row ? { version: null, values: row } : null;
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Proposals

// The form's own values restricted to the entity's fields: what a coordinator's edit form is
// prefilled with, and what the data function validates again on approval.
function toPayload(entityType: ChangeEntityType, input: unknown): ChangePayload {
  const source = input && typeof input === 'object' ? (input as Record<string, unknown>) : {};
  const payload: ChangePayload = {};
  for (const key of Object.keys(CHANGE_ENTITIES[entityType].schema.shape)) {
    const value = source[key];
    if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' || value === null) payload[key] = value;
    else if (Array.isArray(value) && value.every((v) => typeof v === 'string')) payload[key] = value as string[];
  }
  return entityType === 'Organization' ? withoutCoordinatorOnlyFields(payload) : payload;
}

function checkAction(entityType: unknown, action: unknown): asserts entityType is ChangeEntityType {
  if (!isChangeEntityType(entityType) || !CHANGE_ENTITIES[entityType].actions.includes(action as ChangeActionName)) {
    throw new AppError('VALIDATION', 'Diese Änderung kann nicht vorgeschlagen werden.');
  }
}

async function checkReferences(tx: Tx, entityType: ChangeEntityType, organizationId: string, data: unknown): Promise<void> {
  if (entityType === 'Organization') await checkOrganizationReferences(tx, data as Parameters<typeof checkOrganizationReferences>[1], organizationId);
  if (entityType === 'Service') await checkServiceReferences(tx, organizationId, data as Parameters<typeof checkServiceReferences>[2]);
  if (entityType === 'ContactPerson') await checkContactReferences(tx, organizationId, data as Parameters<typeof checkContactReferences>[2]);
  if (entityType === 'Schedule' || entityType === 'ScheduleException') await checkScheduleReferences(tx, organizationId, data as Parameters<typeof checkScheduleReferences>[2]);
}

function auditRow(
  actor: Actor,
  request: { id: string; organizationId: string },
  action: 'CREATE' | 'UPDATE' | 'APPROVE' | 'REJECT',
  changes: Record<string, { before: unknown; after: unknown }>,
): Prisma.AuditLogUncheckedCreateInput {
  return {
    actorId: actor.id,
    actorName: actor.name,
    action,
    entityType: 'ChangeRequest',
    entityId: request.id,
    organizationId: request.organizationId,
    changeRequestId: request.id,
    changes: changes as Prisma.InputJsonValue,
  };
}

export async function proposeChange({
  actor,
  organizationId,
  entityType,
  action,
  entityId = null,
  baseVersion,
  input = {},
}: {
  actor: Actor | null;
  organizationId: string;
  entityType: ChangeEntityType;
  action: ChangeActionName;
  entityId?: string | null;
  baseVersion?: number;
  input?: unknown;
}): Promise<{ id: string }> {
  const scope = organizationScope(actor, 'organization.propose');
  checkAction(entityType, action);
  assertUuid(organizationId);
  const config = CHANGE_ENTITIES[entityType];
  if (entityType === 'Organization') entityId = organizationId;
  if (action === 'CREATE') entityId = null;
  else assertUuid(entityId);
  const payload = action === 'DELETE' ? {} : toPayload(entityType, input);
  const data = action === 'DELETE' ? null : parseInput(config.schema as Parameters<typeof parseInput>[0], payload);
  try {
    return await db.$transaction(async (tx) => {
      const org = await tx.organization.findFirst({ where: { AND: [{ id: organizationId, deletedAt: null }, scope] }, select: { id: true } });
      if (!org) throw new AppError('NOT_FOUND');
      let version: number | null = null;
      if (entityId) {
        const current = await loadCurrent(tx, entityType, entityId, organizationId);
        if (!current) throw new AppError('NOT_FOUND');
        version = current.version;
        // A proposal based on an outdated form would silently undo someone else's change.
        if (action === 'UPDATE' && config.isVersioned && baseVersion !== current.version) {
          throw new AppError('CONFLICT', undefined, { currentVersion: current.version ?? undefined });
        }
      }
      if (data) await checkReferences(tx, entityType, organizationId, data);
      // A newer proposal for the same record replaces the proposer's older pending one.
      const superseded = entityId
        ? await tx.changeRequest.findMany({
            where: { organizationId, entityType, entityId, action, status: 'PENDING', createdById: actor!.id },
            select: { id: true },
          })
        : [];
      for (const old of superseded) {
        await tx.changeRequest.update({ where: { id: old.id }, data: { status: 'WITHDRAWN', reviewedAt: new Date(), reviewComment: 'Durch einen neueren Vorschlag ersetzt.' } });
        await tx.auditLog.create({ data: auditRow(actor!, { id: old.id, organizationId }, 'UPDATE', { status: { before: 'PENDING', after: 'WITHDRAWN' } }) });
      }
      const created = await tx.changeRequest.create({
        data: {
          organizationId,
          entityType,
          entityId,
          action,
          payload: payload as Prisma.InputJsonValue,
          baseVersion: version,
          createdById: actor!.id,
        },
        select: { id: true },
      });
      await tx.auditLog.create({
        data: auditRow(actor!, { id: created.id, organizationId }, 'CREATE', {
          status: { before: null, after: 'PENDING' },
          entityType: { before: null, after: entityType },
          action: { before: null, after: action },
        }),
      });
      return created;
    }, TRANSACTION_OPTIONS);
  } catch (error) {
    if (isAppError(error) && error.code === 'CONFLICT' && entityId && baseVersion !== undefined) {
      // As with a direct save: say what the others changed; the form keeps the partner's input.
      const changes = await getConflictChanges({ entityType, entityId, sinceVersion: baseVersion });
      throw new AppError('CONFLICT', undefined, { ...error.details, changes });
    }
    throw error;
  }
}

export async function withdrawChangeRequest({ actor, id }: { actor: Actor | null; id: string }) {
  const scope = organizationScope(actor, 'organization.propose');
  assertUuid(id);
  return db.$transaction(async (tx) => {
    const request = await tx.changeRequest.findFirst({
      where: { id, status: 'PENDING', createdById: actor!.id, ...(Object.keys(scope).length ? { organization: { is: scope } } : {}) },
      select: { id: true, organizationId: true },
    });
    if (!request) throw new AppError('NOT_FOUND');
    const updated = await tx.changeRequest.updateMany({ where: { id, status: 'PENDING' }, data: { status: 'WITHDRAWN', reviewedAt: new Date() } });
    if (updated.count !== 1) throw new AppError('CONFLICT', 'Dieser Vorschlag wurde inzwischen bearbeitet.');
    await tx.auditLog.create({ data: auditRow(actor!, request, 'UPDATE', { status: { before: 'PENDING', after: 'WITHDRAWN' } }) });
    return { organizationId: request.organizationId };
  }, TRANSACTION_OPTIONS);
}

// ---------------------------------------------------------------------------------------------
// Review

type Applied = { entityId: string | null };

async function applyChange(
  tx: Tx,
  request: { organizationId: string; entityType: ChangeEntityType; entityId: string | null; action: ChangeAction },
  actor: Actor,
  payload: ChangePayload,
  version: number | null,
): Promise<Applied> {
  const { organizationId, entityType, entityId } = request;
  const input = payload;
  if (request.action === 'CREATE') {
    const create = {
      Service: createService,
      Location: createLocation,
      ContactPerson: createContact,
      Schedule: createSchedule,
      ScheduleException: createScheduleException,
    }[entityType as Exclude<ChangeEntityType, 'Organization'>];
    const created = await create({ actor, organizationId, input });
    return { entityId: created.id };
  }
  if (!entityId) throw new AppError('NOT_FOUND');
  if (request.action === 'UPDATE') {
    const update = { Organization: updateOrganization, Service: updateService, Location: updateLocation, ContactPerson: updateContact }[
      entityType as 'Organization' | 'Service' | 'Location' | 'ContactPerson'
    ];
    await update({ actor, id: entityId, version: version ?? 0, input });
    return { entityId };
  }
  // DELETE: the delete functions take no version, so the check against the base version is here.
  const current = await loadCurrent(tx, entityType, entityId, organizationId);
  if (!current) throw new AppError('NOT_FOUND');
  if (current.version !== null && current.version !== version) throw new AppError('CONFLICT', undefined, { currentVersion: current.version });
  const remove = {
    Service: deleteService,
    Location: deleteLocation,
    ContactPerson: deleteContact,
    Schedule: deleteSchedule,
    ScheduleException: deleteScheduleException,
  }[entityType as Exclude<ChangeEntityType, 'Organization'>];
  await remove({ actor, id: entityId });
  return { entityId };
}

const reviewSelect = {
  id: true,
  organizationId: true,
  entityType: true,
  entityId: true,
  action: true,
  payload: true,
  baseVersion: true,
  organization: { select: { name: true } },
  createdBy: { select: { name: true, email: true, isActive: true } },
} as const;

async function loadPending(actor: Actor | null, id: string) {
  const scope = organizationScope(actor, 'changeRequest.review');
  assertUuid(id);
  const request = await db.changeRequest.findFirst({
    where: { id, ...(Object.keys(scope).length ? { organization: { is: scope } } : {}) },
    select: { ...reviewSelect, status: true },
  });
  if (!request) throw new AppError('NOT_FOUND');
  if (request.status !== 'PENDING') throw new AppError('CONFLICT', 'Dieser Vorschlag wurde schon bearbeitet.');
  if (!isChangeEntityType(request.entityType)) throw new AppError('NOT_FOUND');
  return { ...request, entityType: request.entityType };
}

// Approves a pending request: applies the proposal (or the coordinator's edited version of it,
// `input` with `version` = the record's version the coordinator saw) atomically, or not at all.
export async function approveChangeRequest({
  actor,
  id,
  input,
  version,
  comment,
}: {
  actor: Actor | null;
  id: string;
  input?: unknown;
  version?: number;
  comment?: unknown;
}): Promise<{ organizationId: string; entityId: string | null }> {
  const request = await loadPending(actor, id);
  const reviewer = actor!;
  const { comment: note } = parseInput(approveChangeRequestSchema, { comment });
  const isEdited = input !== undefined;
  const payload = isEdited ? toPayload(request.entityType, input) : (request.payload as ChangePayload);
  const baseVersion = version ?? request.baseVersion;
  // The audit names both: who approved and whose proposal it was.
  const onBehalf: Actor = { ...reviewer, name: `${reviewer.name} (Vorschlag von ${request.createdBy?.name ?? 'unbekannt'})` };
  const reviewComment = note ?? (isEdited ? 'Mit Anpassungen durch die Koordinierungsstelle übernommen.' : null);
  let applied: Applied;
  try {
    applied = await db.$transaction(async (tx) => {
      const claimed = await tx.changeRequest.updateMany({
        where: { id, status: 'PENDING' },
        data: { status: 'APPROVED', reviewedById: reviewer.id, reviewedAt: new Date(), reviewComment },
      });
      if (claimed.count !== 1) throw new AppError('CONFLICT', 'Dieser Vorschlag wurde schon bearbeitet.');
      const result = await runInReview({ tx, changeRequestId: id }, () => applyChange(tx, request, onBehalf, payload, baseVersion));
      if (request.action === 'CREATE' && result.entityId) await tx.changeRequest.update({ where: { id }, data: { entityId: result.entityId } });
      await tx.auditLog.create({
        data: auditRow(reviewer, request, 'APPROVE', {
          status: { before: 'PENDING', after: 'APPROVED' },
          ...(isEdited ? { isEdited: { before: false, after: true } } : {}),
          ...(reviewComment ? { reviewComment: { before: null, after: reviewComment } } : {}),
        }),
      });
      return result;
    }, TRANSACTION_OPTIONS);
  } catch (error) {
    if (isAppError(error) && error.code === 'CONFLICT' && error.message !== 'Dieser Vorschlag wurde schon bearbeitet.') {
      throw new AppError(
        'CONFLICT',
        'Der Eintrag wurde geändert, seit der Vorschlag eingereicht wurde. Es wurde nichts übernommen. Bitte prüfen Sie den Vorschlag unter „Bearbeiten und übernehmen“.',
        error.details,
      );
    }
    if (isAppError(error) && error.code === 'NOT_FOUND') {
      throw new AppError('NOT_FOUND', 'Der betroffene Eintrag existiert nicht mehr. Bitte lehnen Sie den Vorschlag ab.');
    }
    if (isAppError(error) && error.code === 'VALIDATION' && !isEdited) {
      throw new AppError('VALIDATION', 'Der Vorschlag ist so nicht mehr gültig (zum Beispiel, weil ein gewählter Standort gelöscht wurde). Bitte bearbeiten Sie ihn vor dem Übernehmen.', error.details);
    }
    throw error;
  }
  await notifyProposer(request, 'APPROVED', reviewer, reviewComment);
  return { organizationId: request.organizationId, entityId: applied.entityId };
}

export async function rejectChangeRequest({ actor, id, input }: { actor: Actor | null; id: string; input: unknown }): Promise<{ organizationId: string }> {
  const request = await loadPending(actor, id);
  const reviewer = actor!;
  const { comment } = parseInput(rejectChangeRequestSchema, input);
  await db.$transaction(async (tx) => {
    const claimed = await tx.changeRequest.updateMany({
      where: { id, status: 'PENDING' },
      data: { status: 'REJECTED', reviewedById: reviewer.id, reviewedAt: new Date(), reviewComment: comment },
    });
    if (claimed.count !== 1) throw new AppError('CONFLICT', 'Dieser Vorschlag wurde schon bearbeitet.');
    await tx.auditLog.create({
      data: auditRow(reviewer, request, 'REJECT', { status: { before: 'PENDING', after: 'REJECTED' }, reviewComment: { before: null, after: comment } }),
    });
  }, TRANSACTION_OPTIONS);
  await notifyProposer(request, 'REJECTED', reviewer, comment);
  return { organizationId: request.organizationId };
}

async function notifyProposer(
  request: { id: string; entityType: ChangeEntityType; action: ChangeAction; organization: { name: string }; createdBy: { name: string; email: string; isActive: boolean } | null },
  status: 'APPROVED' | 'REJECTED',
  reviewer: Actor,
  comment: string | null,
): Promise<void> {
  const recipient = request.createdBy;
  if (!recipient?.isActive) return;
  const what = `${CHANGE_ENTITIES[request.entityType].label} ${CHANGE_ACTION_LABELS[request.action]}`;
  const isApproved = status === 'APPROVED';
  const text = [
    `Guten Tag ${recipient.name},`,
    '',
    isApproved
      ? `Ihre Änderung an „${request.organization.name}“ (${what}) wurde von ${reviewer.name} geprüft und übernommen. Sie ist jetzt im Wegweiser sichtbar.`
      : `Ihre Änderung an „${request.organization.name}“ (${what}) wurde von ${reviewer.name} geprüft und nicht übernommen.`,
    ...(comment ? ['', `${isApproved ? 'Hinweis' : 'Begründung'}: ${comment}`] : []),
    '',
    isApproved ? 'Details:' : 'Sie können die Angaben anpassen und erneut einreichen. Details:',
    appUrl(`/de/admin/aenderungen/${request.id}`),
  ].join('\n');
  await sendMail({
    to: recipient.email,
    subject: isApproved ? 'Ihre Änderung wurde übernommen – Netzwerk Integration Stendal' : 'Ihre Änderung wurde nicht übernommen – Netzwerk Integration Stendal',
    text,
    kind: 'change-request',
    refId: request.id,
  });
}

// ---------------------------------------------------------------------------------------------
// Reading: lists, one request with its field-level diff

function requestScope(actor: Actor | null): Prisma.ChangeRequestWhereInput {
  const scope = organizationScope(actor, 'organization.propose');
  return Object.keys(scope).length ? { organization: { is: scope } } : {};
}

function payloadTitle(entityType: ChangeEntityType, payload: ChangePayload): string | null {
  const text = (key: string) => (typeof payload[key] === 'string' && payload[key] ? (payload[key] as string) : null);
  if (entityType === 'Service' || entityType === 'Organization') return text('name');
  if (entityType === 'ContactPerson') return text('role');
  if (entityType === 'Location') return text('name') ?? ([text('street'), text('city')].filter(Boolean).join(', ') || null);
  if (entityType === 'Schedule') {
    const weekday = WEEKDAYS[Number(payload.weekday)] ?? '';
    return `${weekday} ${text('opensAt') ?? ''}–${text('closesAt') ?? ''} Uhr`.trim();
  }
  if (entityType === 'ScheduleException') return [text('startsOn'), text('endsOn')].filter(Boolean).join(' bis ') || null;
  return null;
}

function currentTitle(entityType: ChangeEntityType, values: Record<string, unknown>): string | null {
  if (entityType === 'Schedule') return `${WEEKDAYS[values.weekday as number]} ${formatMinutes(values.opensAt as number)}–${formatMinutes(values.closesAt as number)} Uhr`;
  if (entityType === 'ScheduleException') {
    const day = (d: unknown) => (d instanceof Date ? d.toISOString().slice(0, 10) : '');
    return day(values.startsOn) === day(values.endsOn) ? day(values.startsOn) : `${day(values.startsOn)} bis ${day(values.endsOn)}`;
  }
  if (entityType === 'ContactPerson') return (values.role as string) ?? null;
  if (entityType === 'Location') return (values.name as string) || [values.street, values.city].filter(Boolean).join(', ') || null;
  return (values.name as string) ?? null;
}

// Names of the records requests are about, to say "Angebot „Migrationsberatung“ ändern".
async function entityTitles(requests: { entityType: string; entityId: string | null }[]): Promise<Map<string, string>> {
  const ids = (type: string) => requests.filter((r) => r.entityType === type && r.entityId).map((r) => r.entityId!);
  const [orgs, services, locations, contacts, schedules, exceptions] = await Promise.all([
    db.organization.findMany({ where: { id: { in: ids('Organization') } }, select: { id: true, name: true } }),
    db.service.findMany({ where: { id: { in: ids('Service') } }, select: { id: true, name: true } }),
    db.location.findMany({ where: { id: { in: ids('Location') } }, select: { id: true, name: true, street: true, city: true } }),
    db.contactPerson.findMany({ where: { id: { in: ids('ContactPerson') } }, select: { id: true, role: true } }),
    db.schedule.findMany({ where: { id: { in: ids('Schedule') } }, select: { id: true, weekday: true, opensAt: true, closesAt: true } }),
    db.scheduleException.findMany({ where: { id: { in: ids('ScheduleException') } }, select: { id: true, startsOn: true, endsOn: true } }),
  ]);
  const titles = new Map<string, string>();
  for (const o of orgs) titles.set(o.id, o.name);
  for (const s of services) titles.set(s.id, s.name);
  for (const l of locations) titles.set(l.id, currentTitle('Location', l) ?? 'Standort');
  for (const c of contacts) titles.set(c.id, c.role);
  for (const s of schedules) titles.set(s.id, currentTitle('Schedule', s)!);
  for (const e of exceptions) titles.set(e.id, currentTitle('ScheduleException', e)!);
  return titles;
}

export interface ChangeRequestListItem {
  id: string;
  organizationId: string;
  organizationName: string;
  entityType: ChangeEntityType;
  action: ChangeActionName;
  status: ChangeRequestStatus;
  subject: string;
  createdAt: Date;
  createdByName: string | null;
  isOwn: boolean;
  reviewedAt: Date | null;
  reviewedByName: string | null;
  reviewComment: string | null;
}

const listSelect = {
  id: true,
  organizationId: true,
  entityType: true,
  entityId: true,
  action: true,
  status: true,
  payload: true,
  createdAt: true,
  createdById: true,
  reviewedAt: true,
  reviewComment: true,
  organization: { select: { name: true } },
  createdBy: { select: { name: true } },
  reviewedBy: { select: { name: true } },
} as const;

type ListRow = Prisma.ChangeRequestGetPayload<{ select: typeof listSelect }>;

function subjectOf(row: ListRow, titles: Map<string, string>): string {
  const type = row.entityType as ChangeEntityType;
  const config = CHANGE_ENTITIES[type];
  const title = (row.entityId && titles.get(row.entityId)) || payloadTitle(type, row.payload as ChangePayload);
  const label = config?.label ?? row.entityType;
  if (type === 'Organization') return `${label} ${CHANGE_ACTION_LABELS[row.action]}`;
  return `${label}${title ? ` „${title}“` : ''} ${CHANGE_ACTION_LABELS[row.action]}`;
}

function toListItem(actor: Actor, row: ListRow, titles: Map<string, string>): ChangeRequestListItem {
  return {
    id: row.id,
    organizationId: row.organizationId,
    organizationName: row.organization.name,
    entityType: row.entityType as ChangeEntityType,
    action: row.action,
    status: row.status,
    subject: subjectOf(row, titles),
    createdAt: row.createdAt,
    createdByName: row.createdBy?.name ?? null,
    isOwn: row.createdById === actor.id,
    reviewedAt: row.reviewedAt,
    reviewedByName: row.reviewedBy?.name ?? null,
    reviewComment: row.reviewComment,
  };
}

// Coordinators: every request; partners: the requests for their own organizations.
export async function listChangeRequests({
  actor,
  status,
  organizationId,
  take = 100,
}: {
  actor: Actor | null;
  status?: ChangeRequestStatus;
  organizationId?: string;
  take?: number;
}): Promise<ChangeRequestListItem[]> {
  const where: Prisma.ChangeRequestWhereInput = { ...requestScope(actor), ...(status ? { status } : {}) };
  if (organizationId !== undefined) {
    assertUuid(organizationId);
    where.organizationId = organizationId;
  }
  const rows = await db.changeRequest.findMany({
    where,
    orderBy: status === 'PENDING' ? { createdAt: 'asc' } : { createdAt: 'desc' },
    take: Math.min(Math.max(take, 1), 500),
    select: listSelect,
  });
  const titles = await entityTitles(rows);
  return rows.map((row) => toListItem(actor!, row, titles));
}

export async function countPendingChangeRequests({ actor }: { actor: Actor | null }): Promise<number> {
  return db.changeRequest.count({ where: { ...requestScope(actor), status: 'PENDING' } });
}

export interface DiffRow {
  field: string;
  label: string;
  before: string | null;
  after: string | null;
}

interface Lookups {
  terms: Map<string, string>;
  organizations: Map<string, string>;
  services: Map<string, string>;
  locations: Map<string, string>;
  languages: Map<string, string>;
}

async function loadLookups(organizationId: string): Promise<Lookups> {
  const [terms, organizations, services, locations, languages] = await Promise.all([
    db.taxonomyTerm.findMany({ select: { id: true, label: true } }),
    db.organization.findMany({ where: { deletedAt: null }, select: { id: true, name: true } }),
    db.service.findMany({ where: { organizationId }, select: { id: true, name: true } }),
    db.location.findMany({ where: { organizationId }, select: { id: true, name: true, street: true, city: true } }),
    db.language.findMany({ select: { code: true, nameDe: true } }),
  ]);
  return {
    terms: new Map(terms.map((t) => [t.id, t.label])),
    organizations: new Map(organizations.map((o) => [o.id, o.name])),
    services: new Map(services.map((s) => [s.id, s.name])),
    locations: new Map(locations.map((l) => [l.id, currentTitle('Location', l) ?? 'Standort'])),
    languages: new Map(languages.map((l) => [l.code, l.nameDe])),
  };
}

const ENUM_LABELS: Record<string, Record<string, string>> = {
  status: { ACTIVE: 'Aktiv', TEMPORARILY_CLOSED: 'Vorübergehend geschlossen' },
  visibility: { PUBLIC: 'Öffentlich', NETWORK_INTERNAL: 'Nur im Netzwerk' },
  consent: { none: 'Keine Einwilligung', given: 'Einwilligung liegt vor', withdrawn: 'Einwilligung widerrufen' },
};

function display(entityType: ChangeEntityType, field: string, value: unknown, lookups: Lookups): string | null {
  if (value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0)) {
    return field === 'wheelchairAccessible' ? 'unbekannt' : null;
  }
  const name = (map: Map<string, string>, id: string) => map.get(id) ?? 'unbekannter Eintrag';
  if (Array.isArray(value)) {
    const map = field === 'locationIds' ? lookups.locations : field === 'languageCodes' ? lookups.languages : lookups.terms;
    return value.map((v) => name(map, String(v))).sort((a, b) => a.localeCompare(b, 'de')).join(', ');
  }
  if (field === 'categoryId') return name(lookups.terms, String(value));
  if (field === 'parentId') return name(lookups.organizations, String(value));
  if (field === 'serviceId') return name(lookups.services, String(value));
  if (field === 'locationId') return name(lookups.locations, String(value));
  if (field === 'weekday') return WEEKDAYS[Number(value)] ?? String(value);
  if ((entityType === 'Schedule' || entityType === 'ScheduleException') && (field === 'opensAt' || field === 'closesAt') && typeof value === 'number') {
    return `${formatMinutes(value)} Uhr`;
  }
  if (value instanceof Date) return new Intl.DateTimeFormat('de-DE', { dateStyle: 'medium', timeZone: 'UTC' }).format(value);
  if (typeof value === 'boolean') return value ? 'ja' : 'nein';
  if (ENUM_LABELS[field]?.[String(value)]) return ENUM_LABELS[field][String(value)];
  return String(value);
}

// Old and new value of every field the proposal changes (for a new record: every filled field;
// for a deletion: every field of the record that goes), with readable labels and values.
function buildDiff(
  entityType: ChangeEntityType,
  action: ChangeAction,
  payload: ChangePayload,
  current: CurrentRecord | null,
  lookups: Lookups,
): DiffRow[] {
  const labels = CHANGE_FIELD_LABELS[entityType];
  const fields = Object.keys(CHANGE_ENTITIES[entityType].schema.shape);
  const parsed = CHANGE_ENTITIES[entityType].schema.safeParse(payload);
  const proposed = (parsed.success ? parsed.data : payload) as Record<string, unknown>;
  const rows: DiffRow[] = [];
  for (const field of fields) {
    const before = action === 'CREATE' || !current ? null : display(entityType, field, current.values[field], lookups);
    const after = action === 'DELETE' ? null : field in proposed ? display(entityType, field, proposed[field], lookups) : before;
    if (action === 'UPDATE' && before === after) continue;
    if (action !== 'UPDATE' && before === null && after === null) continue;
    rows.push({ field, label: labels[field] ?? field, before, after });
  }
  return rows;
}

function toFormValues(payload: ChangePayload): FormValues {
  const values: FormValues = {};
  for (const [key, value] of Object.entries(payload)) {
    if (Array.isArray(value)) values[key] = value;
    else if (typeof value === 'boolean') values[key] = value ? 'on' : '';
    else values[key] = value === null ? '' : String(value);
  }
  return values;
}

export async function getChangeRequest({ actor, id }: { actor: Actor | null; id: string }) {
  const where = requestScope(actor);
  assertUuid(id);
  const row = await db.changeRequest.findFirst({ where: { id, ...where }, select: { ...listSelect, baseVersion: true } });
  if (!row || !isChangeEntityType(row.entityType)) throw new AppError('NOT_FOUND');
  const entityType = row.entityType;
  const payload = row.payload as ChangePayload;
  const [titles, lookups, current] = await Promise.all([
    entityTitles([row]),
    loadLookups(row.organizationId),
    row.entityId && row.action !== 'CREATE' ? loadCurrent(db, entityType, row.entityId, row.organizationId) : Promise.resolve(null),
  ]);
  const isPending = row.status === 'PENDING';
  const isStale = isPending && row.action !== 'CREATE' && (!current || (current.version !== null && current.version !== row.baseVersion));
  // What others changed since the proposal's base version (from the audit log), as for a direct save.
  const conflictChanges =
    isStale && current && row.entityId && row.baseVersion !== null
      ? (await getConflictChanges({ entityType, entityId: row.entityId, sinceVersion: row.baseVersion })).map((change) => ({
          ...change,
          label: CHANGE_FIELD_LABELS[entityType][change.field] ?? change.field,
          before: display(entityType, change.field, change.before, lookups),
          after: display(entityType, change.field, change.after, lookups),
        }))
      : [];
  return {
    ...toListItem(actor!, row, titles),
    entityId: row.entityId,
    baseVersion: row.baseVersion,
    currentVersion: current?.version ?? null,
    // The record was changed (or removed) since the proposal: approving as is would fail.
    isStale,
    conflictChanges,
    isMissing: isPending && row.action !== 'CREATE' && !current,
    // Pending: proposal against the current values. Approved: what was applied (from the audit
    // log). Rejected or withdrawn: the proposed values.
    diff: isPending
      ? buildDiff(entityType, row.action, payload, current, lookups)
      : row.status === 'APPROVED'
        ? await appliedDiff(row.id, entityType, lookups)
        : row.action === 'DELETE'
          ? []
          : buildDiff(entityType, 'CREATE', payload, null, lookups),
    formValues: toFormValues(payload),
    canReview: isPending && scopeOf(actor, 'changeRequest.review') === 'all',
    canWithdraw: isPending && row.createdById === actor!.id,
  };
}

async function appliedDiff(changeRequestId: string, entityType: ChangeEntityType, lookups: Lookups): Promise<DiffRow[]> {
  const rows = await db.auditLog.findMany({ where: { changeRequestId, entityType }, orderBy: { id: 'asc' }, select: { changes: true } });
  const labels = CHANGE_FIELD_LABELS[entityType];
  const result: DiffRow[] = [];
  for (const row of rows) {
    for (const [field, change] of Object.entries(row.changes as Record<string, { before: unknown; after: unknown }>)) {
      if (field === 'version') continue;
      const show = (value: unknown) =>
        display(entityType, field, typeof value === 'string' && /^\d{4}-\d{2}-\d{2}T00:00:00\.000Z$/.test(value) ? new Date(value) : value, lookups);
      result.push({ field, label: labels[field] ?? field, before: show(change.before), after: show(change.after) });
    }
  }
  return result;
}
export type ChangeRequestDetail = Awaited<ReturnType<typeof getChangeRequest>>;
