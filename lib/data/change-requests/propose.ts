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
import { loadCurrent } from './current';
import { checkAction, checkReferences, toPayload } from './payload';
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

export async function proposeChange({ actor, organizationId, entityType, action, entityId = null, baseVersion, input = {} }: ProposeChangeInput): Promise<{ id: string }> {
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
      // A newer proposal for the same record replaces the proposer's older pending one.
      const superseded = entityId
        ? await tx.changeRequest.findMany({
            where: { organizationId, entityType, entityId, action, status: 'PENDING', createdById: proposer.id },
            select: { id: true },
          })
        : [];
      for (const old of superseded) {
        await tx.changeRequest.update({ where: { id: old.id }, data: { status: 'WITHDRAWN', reviewedAt: new Date(), reviewComment: 'Durch einen neueren Vorschlag ersetzt.' } });
        await writeRequestAudit(tx, proposer, { id: old.id, organizationId }, 'UPDATE', { status: { before: 'PENDING', after: 'WITHDRAWN' } });
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
