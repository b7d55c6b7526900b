// Approving a pending request: applies the proposal (or the coordinator's edited version of it,
// `input` with `version` = the record's version the coordinator saw) atomically, or not at all.
import 'server-only';
import { db } from '@/lib/db';
import { AppError, isAppError } from '@/lib/errors';
import type { Actor } from '@/lib/permissions';
import { approveChangeRequestSchema } from '@/lib/schemas/change-request';
import { TRANSACTION_OPTIONS } from '../access';
import { runInReview } from '../review-context';
import { parseInput } from '../versioning';
import { applyChange } from './apply';
import { notifyProposer } from './notify';
import { toPayload, type ChangePayload } from './payload';
import { ALREADY_REVIEWED, loadPending } from './pending';
import { writeRequestAudit } from './scope';

export interface ApproveChangeRequestInput {
  actor: Actor | null;
  id: string;
  // The coordinator's edited version of the proposal (form values), if any.
  input?: unknown;
  version?: number;
  comment?: unknown;
}

export async function approveChangeRequest({ actor, id, input, version, comment }: ApproveChangeRequestInput): Promise<{ organizationId: string; entityId: string | null; tags: string[] }> {
  const request = await loadPending(actor, id);
  const reviewer = actor!;
  const { comment: note } = parseInput(approveChangeRequestSchema, { comment });
  const isEdited = input !== undefined;
  const payload = isEdited ? toPayload(request.entityType, input) : (request.payload as ChangePayload);
  const baseVersion = version ?? request.baseVersion;
  // The audit names both: who approved and whose proposal it was.
  const onBehalf: Actor = { ...reviewer, name: `${reviewer.name} (Vorschlag von ${request.createdBy?.name ?? 'unbekannt'})` };
  const reviewComment = note ?? (isEdited ? 'Mit Anpassungen durch die Koordinierungsstelle übernommen.' : null);
  let applied: { entityId: string | null; tags?: string[] };
  try {
    applied = await db.$transaction(async (tx) => {
      const claimed = await tx.changeRequest.updateMany({
        where: { id, status: 'PENDING' },
        data: { status: 'APPROVED', reviewedById: reviewer.id, reviewedAt: new Date(), reviewComment },
      });
      if (claimed.count !== 1) throw new AppError('CONFLICT', ALREADY_REVIEWED);
      const result = await runInReview({ tx, changeRequestId: id }, () => applyChange(tx, request, onBehalf, payload, baseVersion));
      if (request.action === 'CREATE' && result.entityId) await tx.changeRequest.update({ where: { id }, data: { entityId: result.entityId } });
      await writeRequestAudit(tx, reviewer, request, 'APPROVE', {
        status: { before: 'PENDING', after: 'APPROVED' },
        ...(isEdited ? { isEdited: { before: false, after: true } } : {}),
        ...(reviewComment ? { reviewComment: { before: null, after: reviewComment } } : {}),
      });
      return result;
    }, TRANSACTION_OPTIONS);
  } catch (error) {
    if (isAppError(error) && error.code === 'CONFLICT' && error.message !== ALREADY_REVIEWED) {
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
  // Projects and events name further organizations: their cache tags besides the entry's own.
  return { organizationId: request.organizationId, entityId: applied.entityId, tags: applied.tags ?? [] };
}
