import 'server-only';
import { createToken } from '@/lib/auth/tokens';
import { AppError, validationError } from '@/lib/errors';
import type { Actor } from '@/lib/permissions';
import { meetingInviteSchema } from '@/lib/schemas/meeting';
import { requireScopeAll } from '../access';
import { writeAudit } from '../audit';
import { resolveRecipients, type Recipient, type RecipientDefinition } from '../distribution-lists/resolve-recipients';
import { distributionListSelect, toDefinition } from '../distribution-lists/shared';
import { assertUuid, inTransaction, parseInput } from '../versioning';
import { mailInvitees, MEETING_ENTITY, type MailingResult } from './shared';

const PICKED: Omit<RecipientDefinition, 'organizationIds' | 'contactIds' | 'addressMode'> = {
  useFilter: false,
  categoryIds: [],
  topicIds: [],
  municipalities: [],
  languageCodes: [],
  isMembersOnly: false,
  role: null,
  includeInternal: true,
};

export interface InviteResult {
  added: number;
  alreadyInvited: number;
  withoutAddress: { id: string; name: string }[];
  mailing: MailingResult;
}

// Invites a distribution list (who it reaches: resolve-recipients.ts), chosen organizations (their
// functional mailbox, or their contacts when they have none) and chosen contacts. One invitee per
// address: somebody reached twice, or invited before, is not added (nor mailed) again.
export async function inviteToMeeting({ actor, id, input }: { actor: Actor | null; id: string; input: unknown }): Promise<InviteResult> {
  const coordinator = requireScopeAll(actor, 'meeting.manage');
  assertUuid(id);
  const data = parseInput(meetingInviteSchema, input);
  const outcome = await inTransaction(async (tx) => {
    const meeting = await tx.meeting.findUnique({ where: { id }, select: { status: true } });
    if (!meeting) throw new AppError('NOT_FOUND');
    if (meeting.status !== 'PLANNED') throw new AppError('CONFLICT', 'Zu einem abgesagten oder vergangenen Treffen kann nicht mehr eingeladen werden.');
    const recipients: Recipient[] = [];
    const withoutAddress: { id: string; name: string }[] = [];
    if (data.listId) {
      const list = await tx.distributionList.findUnique({ where: { id: data.listId }, select: distributionListSelect });
      if (!list) throw validationError({ listId: ['Bitte wählen Sie einen Verteiler aus der Liste.'] });
      const resolved = await resolveRecipients(toDefinition(list), tx);
      recipients.push(...resolved.recipients);
      withoutAddress.push(...resolved.withoutAddress);
    }
    if (data.organizationIds.length) {
      const mailboxes = await resolveRecipients({ ...PICKED, organizationIds: data.organizationIds, contactIds: [], addressMode: 'FUNCTIONAL_MAILBOX' }, tx);
      recipients.push(...mailboxes.recipients);
      if (mailboxes.withoutAddress.length) {
        const contacts = await resolveRecipients({ ...PICKED, organizationIds: mailboxes.withoutAddress.map((o) => o.id), contactIds: [], addressMode: 'ALL_CONTACTS' }, tx);
        recipients.push(...contacts.recipients);
        withoutAddress.push(...contacts.withoutAddress);
      }
    }
    if (data.contactIds.length) {
      const contacts = await resolveRecipients({ ...PICKED, organizationIds: [], contactIds: data.contactIds, addressMode: 'ALL_CONTACTS' }, tx);
      recipients.push(...contacts.recipients);
    }
    const unique = new Map<string, Recipient>();
    for (const recipient of recipients) if (!unique.has(recipient.email)) unique.set(recipient.email, recipient);
    if (!unique.size) throw validationError({ listId: ['Die Auswahl erreicht niemanden mit E-Mail-Adresse.'] });
    const existing = new Set((await tx.meetingInvitee.findMany({ where: { meetingId: id }, select: { email: true } })).map((row) => row.email.toLowerCase()));
    const fresh = [...unique.values()].filter((r) => !existing.has(r.email));
    if (fresh.length) {
      await tx.meetingInvitee.createMany({
        data: fresh.map((r) => ({
          meetingId: id,
          email: r.email,
          name: r.name,
          organizationId: r.organizationId,
          contactPersonId: r.contactPersonId,
          // Replaced by the first mail's token; a random placeholder keeps the column unique.
          tokenHash: createToken().tokenHash,
        })),
        skipDuplicates: true,
      });
      await writeAudit(tx, { actor: coordinator, action: 'SEND', entityType: MEETING_ENTITY, entityId: id, changes: { invited: { before: null, after: fresh.length } } });
    }
    const ids = (await tx.meetingInvitee.findMany({ where: { meetingId: id, email: { in: fresh.map((r) => r.email) } }, select: { id: true } })).map((row) => row.id);
    const seen = new Set<string>();
    return { ids, added: fresh.length, alreadyInvited: unique.size - fresh.length, withoutAddress: withoutAddress.filter((o) => !seen.has(o.id) && seen.add(o.id)) };
  });
  const mailing = await mailInvitees({ meetingId: id, inviteeIds: outcome.ids, kind: 'INVITATION', senderName: coordinator.name });
  return { added: outcome.added, alreadyInvited: outcome.alreadyInvited, withoutAddress: outcome.withoutAddress, mailing };
}
