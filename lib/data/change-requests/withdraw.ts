// The proposer takes back a pending proposal.
import 'server-only';
import { db } from '@/lib/db';
import { AppError } from '@/lib/errors';
import type { Actor } from '@/lib/permissions';
import { organizationScope, TRANSACTION_OPTIONS } from '../access';
import { assertUuid } from '../versioning';
import { writeRequestAudit } from './scope';

export async function withdrawChangeRequest({ actor, id }: { actor: Actor | null; id: string }): Promise<{ organizationId: string }> {
  const scope = organizationScope(actor, 'organization.propose');
  assertUuid(id);
  const proposer = actor!;
  return db.$transaction(async (tx) => {
    const request = await tx.changeRequest.findFirst({
      where: { id, status: 'PENDING', createdById: proposer.id, ...(Object.keys(scope).length ? { organization: { is: scope } } : {}) },
      select: { id: true, organizationId: true },
    });
    if (!request) throw new AppError('NOT_FOUND');
    const updated = await tx.changeRequest.updateMany({ where: { id, status: 'PENDING' }, data: { status: 'WITHDRAWN', reviewedAt: new Date() } });
    if (updated.count !== 1) throw new AppError('CONFLICT', 'Dieser Vorschlag wurde inzwischen bearbeitet.');
    await writeRequestAudit(tx, proposer, request, 'UPDATE', { status: { before: 'PENDING', after: 'WITHDRAWN' } });
    return { organizationId: request.organizationId };
  }, TRANSACTION_OPTIONS);
}
