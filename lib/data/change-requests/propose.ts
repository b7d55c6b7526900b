// A partner's edit of an organization that is not trusted does not change the public entry: it is
// stored as a proposal (the form's values, validated by the same schema as a direct edit) for a
// coordinator to approve, edit and approve, or reject.
import 'server-only';
import type { Prisma } from '@/lib/generated/prisma/client';
import { db } from '@/lib/db';
import { AppError, isAppError } from '@/lib/errors';
import type { Actor } from '@/lib/permissions';
import { CHANGE_ENTITIES, type ChangeActionName, type ChangeEntityType } from '@/lib/schemas/change-request';
import { organizationScope, TRANSACTION_OPTIONS } from '../access';
import { getConflictChanges } from '../audit-log';
import { assertUuid, parseInput } from '../versioning';
import { diffChanges } from '../audit';
import { withLabels } from '../audit-labels';
import { loadCurrent } from './current';
import { checkAction, checkReferences, toPayload, type ChangePayload } from './payload';
import { writeRequestAudit } from './scope';

export interface ProposeChangeInput {
  actor: Actor | null;
  organizationId: string;
  entityType: ChangeEntityType;
  action: ChangeActionName;
  // The record changed or deleted (for the organization itself: its id, set here).
  entityId?: string | null;
  // The record's version the partner's form showed.
  baseVersion?: number;
  input?: unknown;
}

export async function proposeChange({ actor, organizationId, entityType, action, entityId = null, baseVersion, input = {} }: ProposeChangeInput): Promise<{ id: string; amended: boolean }> {
  const scope = organizationScope(actor, 'organization.propose');
  checkAction(entityType, action);
  assertUuid(organizationId);
  const config = CHANGE_ENTITIES[entityType];
  if (entityType === 'Organization') entityId = organizationId;
  if (action === 'CREATE') entityId = null;
  else assertUuid(entityId);
  const payload = action === 'DELETE' ? {} : toPayload(entityType, input);
  const data = action === 'DELETE' ? null : parseInput(config.schema as Parameters<typeof parseInput>[0], payload);
  const proposer = actor!;
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
      // One pending proposal per partner and record: a new save amends it (same request, new
      // values) instead of filing a second one. The lock serializes two saves of the same record.
      if (entityId) {
        await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`change-request:${proposer.id}:${entityId}:${action}`}))`;
        const pending = await tx.changeRequest.findFirst({
          where: { organizationId, entityType, entityId, action, status: 'PENDING', createdById: proposer.id },
          orderBy: { createdAt: 'desc' },
          select: { id: true, payload: true },
        });
        if (pending) {
          const before = (pending.payload ?? {}) as ChangePayload;
          const changes = Object.fromEntries(
            Object.entries(diffChanges(before, payload)).map(([field, change]) => [`${entityType}.${field}`, change]),
          );
          if (Object.keys(changes).length === 0) return { id: pending.id, amended: true };
          await tx.changeRequest.update({ where: { id: pending.id }, data: { payload: payload as Prisma.InputJsonValue, baseVersion: version } });
          await writeRequestAudit(tx, proposer, { id: pending.id, organizationId }, 'UPDATE', await withLabels(tx, changes));
          return { id: pending.id, amended: true };
        }
      }
      const created = await tx.changeRequest.create({
        data: { organizationId, entityType, entityId, action, payload: payload as Prisma.InputJsonValue, baseVersion: version, createdById: proposer.id },
        select: { id: true },
      });
      await writeRequestAudit(tx, proposer, { id: created.id, organizationId }, 'CREATE', {
        status: { before: null, after: 'PENDING' },
        entityType: { before: null, after: entityType },
        action: { before: null, after: action },
      });
      return { id: created.id, amended: false };
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
