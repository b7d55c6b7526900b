// A pending request as a reviewer acts on it (approve, reject).
import 'server-only';
import { db } from '@/lib/db';
import { AppError } from '@/lib/errors';
import type { Actor } from '@/lib/permissions';
import { isChangeEntityType } from '@/lib/schemas/change-request';
import { organizationScope } from '../access';
import { assertUuid } from '../versioning';

export const ALREADY_REVIEWED = 'Dieser Vorschlag wurde schon bearbeitet.';

export async function loadPending(actor: Actor | null, id: string) {
  const scope = organizationScope(actor, 'changeRequest.review');
  assertUuid(id);
  const request = await db.changeRequest.findFirst({
    where: { id, ...(Object.keys(scope).length ? { organization: { is: scope } } : {}) },
    select: {
      id: true,
      organizationId: true,
      entityType: true,
      entityId: true,
      action: true,
      payload: true,
      baseVersion: true,
      status: true,
      organization: { select: { name: true } },
      createdBy: { select: { name: true, email: true, isActive: true, locale: true } },
    },
  });
  if (!request) throw new AppError('NOT_FOUND');
  if (request.status !== 'PENDING') throw new AppError('CONFLICT', ALREADY_REVIEWED);
  if (!isChangeEntityType(request.entityType)) throw new AppError('NOT_FOUND');
  return { ...request, entityType: request.entityType };
}

export type PendingRequest = Awaited<ReturnType<typeof loadPending>>;
