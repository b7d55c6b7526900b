// Coordinators create, edit and delete public events directly ('event.edit'); an approved partner
// proposal runs the same functions inside the approval's transaction (change-requests/apply.ts).
// Audited under the organizer; the caller expires recordTags('event', organizationIds) afterwards.
import 'server-only';
import type { Prisma } from '@/lib/generated/prisma/client';
import { AppError } from '@/lib/errors';
import type { Actor } from '@/lib/permissions';
import { eventInputSchema, eventPartialSchema, type EventInput } from '@/lib/schemas/event';
import { requireScopeAll } from '../access';
import { diffChanges, removal, snapshot, writeAudit } from '../audit';
import { withLabels } from '../audit-labels';
import { uniqueRecordSlug } from '../projects/references';
import { assertUuid, inTransaction, parseInput, VersionConflict } from '../versioning';
import { checkEventReferences } from './references';

type Tx = Prisma.TransactionClient;

const eventSelect = {
  id: true, slug: true, title: true, description: true, startsAt: true, endsAt: true, organizerId: true, locationId: true,
  placeName: true, placeAddress: true, town: true, onlineUrl: true, languageCodes: true, isFree: true, cost: true,
  registrationRequired: true, registrationInfo: true, registrationUrl: true, registrationUntil: true, isCancelled: true,
  isPublished: true, version: true, terms: { select: { termId: true } },
} as const;

type EventRow = Prisma.EventGetPayload<{ select: typeof eventSelect }>;

function flatten(row: EventRow) {
  const { terms, ...rest } = row;
  return { ...rest, languageCodes: [...rest.languageCodes].sort(), termIds: terms.map((t) => t.termId).sort() };
}

function scalars(data: Partial<EventInput>) {
  const { termIds: _terms, ...rest } = data;
  void _terms;
  const values: Record<string, unknown> = { ...rest };
  if (rest.description === null) values.description = '';
  if (rest.languageCodes) values.languageCodes = [...new Set(rest.languageCodes)].sort();
  return values;
}

async function writeTerms(tx: Tx, eventId: string, termIds: string[] | undefined): Promise<void> {
  if (!termIds) return;
  await tx.eventTerm.deleteMany({ where: { eventId } });
  const ids = [...new Set(termIds)];
  if (ids.length) await tx.eventTerm.createMany({ data: ids.map((termId) => ({ eventId, termId })) });
}

export interface SavedEvent {
  id: string;
  version: number;
  organizationIds: string[];
}

export async function createEvent({ actor, input, publish }: { actor: Actor | null; input: unknown; publish?: boolean }): Promise<SavedEvent> {
  requireScopeAll(actor, 'event.edit');
  const data = parseInput(eventInputSchema, input);
  return inTransaction(async (tx) => {
    await checkEventReferences(tx, data);
    const slug = await uniqueRecordSlug(tx, 'event', data.title);
    const values = { ...scalars(data), ...(publish ? { isPublished: true } : {}) };
    const created = await tx.event.create({ data: { ...values, slug } as Prisma.EventUncheckedCreateInput, select: { id: true, version: true } });
    await writeTerms(tx, created.id, data.termIds);
    await writeAudit(tx, {
      actor: actor!,
      action: 'CREATE',
      entityType: 'Event',
      entityId: created.id,
      organizationId: data.organizerId,
      changes: await withLabels(tx, { ...snapshot({ ...values, slug, termIds: data.termIds?.length ? data.termIds : null }), version: { before: null, after: 1 } }),
    });
    return { ...created, organizationIds: [data.organizerId] };
  });
}

export async function updateEvent({ actor, id, version, input }: { actor: Actor | null; id: string; version: number; input: unknown }): Promise<SavedEvent & { changed: boolean }> {
  requireScopeAll(actor, 'event.edit');
  assertUuid(id);
  const data = parseInput(eventPartialSchema, input);
  return inTransaction(
    async (tx) => {
      const row = await tx.event.findFirst({ where: { id, deletedAt: null }, select: eventSelect });
      if (!row) throw new AppError('NOT_FOUND');
      const before = flatten(row);
      if (before.version !== version) throw new VersionConflict();
      // Changing the organizer drops a location of the old organizer unless a new one is chosen.
      if (data.organizerId && data.organizerId !== before.organizerId && data.locationId === undefined) data.locationId = null;
      await checkEventReferences(tx, data, before);
      const values = scalars(data);
      const next: Record<string, unknown> = { ...values };
      if (data.termIds) next.termIds = [...new Set(data.termIds)].sort();
      const changes = diffChanges(before, next);
      const organizationIds = [before.organizerId, data.organizerId].filter((v): v is string => !!v);
      if (Object.keys(changes).length === 0) return { id, version, changed: false, organizationIds };
      if (data.title !== undefined && data.title !== before.title && !before.isPublished) values.slug = await uniqueRecordSlug(tx, 'event', data.title, id);
      const updated = await tx.event.updateMany({ where: { id, version, deletedAt: null }, data: { ...values, version: { increment: 1 } } as Prisma.EventUncheckedUpdateManyInput });
      if (updated.count !== 1) throw new VersionConflict();
      await writeTerms(tx, id, data.termIds);
      await writeAudit(tx, {
        actor: actor!,
        action: 'UPDATE',
        entityType: 'Event',
        entityId: id,
        organizationId: data.organizerId ?? before.organizerId,
        changes: await withLabels(tx, { ...changes, version: { before: version, after: version + 1 } }),
      });
      return { id, version: version + 1, changed: true, organizationIds };
    },
    { entityType: 'Event', entityId: id, version },
  );
}

export async function deleteEvent({ actor, id }: { actor: Actor | null; id: string }): Promise<SavedEvent> {
  requireScopeAll(actor, 'event.edit');
  assertUuid(id);
  return inTransaction(async (tx) => {
    const row = await tx.event.findFirst({ where: { id, deletedAt: null }, select: { id: true, title: true, organizerId: true, version: true } });
    if (!row) throw new AppError('NOT_FOUND');
    await tx.event.update({ where: { id }, data: { deletedAt: new Date(), version: { increment: 1 } } });
    await writeAudit(tx, { actor: actor!, action: 'DELETE', entityType: 'Event', entityId: id, organizationId: row.organizerId, changes: removal({ title: row.title }) });
    return { id, version: row.version + 1, organizationIds: [row.organizerId] };
  });
}
