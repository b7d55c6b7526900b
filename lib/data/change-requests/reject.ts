// Rejecting a pending request, with the reason the proposer reads in the notification.
import 'server-only';
import { db } from '@/lib/db';
import { AppError } from '@/lib/errors';
import type { Actor } from '@/lib/permissions';
import { rejectChangeRequestSchema } from '@/lib/schemas/change-request';
import { TRANSACTION_OPTIONS } from '../access';
import { parseInput } from '../versioning';
import { notifyProposer } from './notify';
import { ALREADY_REVIEWED, loadPending } from './pending';
import { writeRequestAudit } from './scope';

export async function rejectChangeRequest({ actor, id, input }: { actor: Actor | null; id: string; input: unknown }): Promise<{ organizationId: string }> {
  const request = await loadPending(actor, id);
  const reviewer = actor!;
  const { comment } = parseInput(rejectChangeRequestSchema, input);
  await db.$transaction(async (tx) => {
    const claimed = await tx.changeRequest.updateMany({
      where: { id, status: 'PENDING' },
      data: { status: 'REJECTED', reviewedById: reviewer.id, reviewedAt: new Date(), reviewComment: comment },
    });
    if (claimed.count !== 1) throw new AppError('CONFLICT', ALREADY_REVIEWED);
    await writeRequestAudit(tx, reviewer, request, 'REJECT', { status: { before: 'PENDING', after: 'REJECTED' }, reviewComment: { before: null, after: comment } });
  }, TRANSACTION_OPTIONS);
  await notifyProposer(request, 'REJECTED', reviewer, comment);
  return { organizationId: request.organizationId };
}
