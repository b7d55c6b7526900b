import 'server-only';
import { AppError, validationError } from '@/lib/errors';
import { isCircularSendingConfigured } from '@/lib/mail/circular';
import type { Actor } from '@/lib/permissions';
import { requireScopeAll } from '../access';
import { writeAudit } from '../audit';
import { resolveRecipients } from '../distribution-lists/resolve-recipients';
import { distributionListSelect, toDefinition } from '../distribution-lists/shared';
import { assertUuid, inTransaction, VersionConflict } from '../versioning';
import { CIRCULAR_ENTITY, findDraft } from './shared';

// "Send": the recipients are fixed now (one row per address), the circular is queued and the
// background sender (process-circular-queue.ts) delivers it. The request returns at once.
export async function queueCircular({ actor, id, version }: { actor: Actor | null; id: string; version: number }): Promise<{ recipientCount: number }> {
  const coordinator = requireScopeAll(actor, 'circular.send');
  assertUuid(id);
  if (!isCircularSendingConfigured()) throw new AppError('CONFLICT', 'Für den Versand ist kein Mailserver eingerichtet (SMTP_HOST). Bitte wenden Sie sich an die Technik.');
  return inTransaction(
    async (tx) => {
      const draft = await findDraft(tx, id);
      if (draft.version !== version) throw new VersionConflict();
      // Claim the draft first: a second click or a second tab finds it queued and stops here.
      const claimed = await tx.circular.updateMany({ where: { id, version, status: 'DRAFT' }, data: { status: 'QUEUED', version: { increment: 1 } } });
      if (claimed.count !== 1) throw new VersionConflict();
      const list = draft.listId ? await tx.distributionList.findUnique({ where: { id: draft.listId }, select: distributionListSelect }) : null;
      if (!list) throw new AppError('CONFLICT', 'Der Verteiler dieses Rundschreibens wurde gelöscht.');
      const { recipients } = await resolveRecipients(toDefinition(list), tx);
      if (!recipients.length) throw validationError({ _form: ['Der Verteiler erreicht im Moment niemanden.'] }, 'Der Verteiler erreicht im Moment niemanden.');
      await tx.circularDelivery.createMany({
        data: recipients.map((r) => ({
          circularId: id,
          email: r.email,
          name: r.name,
          organizationName: r.organizationName,
          contactPersonId: r.contactPersonId,
          organizationId: r.organizationId,
        })),
      });
      const attachments = await tx.circularAttachment.count({ where: { circularId: id } });
      await tx.circular.update({
        where: { id },
        data: { listName: list.name, recipientCount: recipients.length, queuedAt: new Date(), queuedByName: coordinator.name },
      });
      await writeAudit(tx, {
        actor: coordinator,
        action: 'SEND',
        entityType: CIRCULAR_ENTITY,
        entityId: id,
        changes: {
          listName: { before: null, after: list.name },
          subject: { before: null, after: draft.subject },
          recipients: { before: null, after: recipients.length },
          attachments: { before: null, after: attachments },
          status: { before: 'DRAFT', after: 'QUEUED' },
        },
      });
      return { recipientCount: recipients.length };
    },
    { entityType: CIRCULAR_ENTITY, entityId: id, version },
  );
}
