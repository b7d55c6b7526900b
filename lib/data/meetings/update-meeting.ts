import 'server-only';
import { AppError } from '@/lib/errors';
import type { Actor } from '@/lib/permissions';
import { meetingInputSchema } from '@/lib/schemas/meeting';
import { requireScopeAll } from '../access';
import { diffChanges, writeAudit } from '../audit';
import { assertUuid, inTransaction, parseInput, VersionConflict } from '../versioning';
import { checkMeetingLocation, mailInvitees, MEETING_ENTITY, type MailingResult } from './shared';

// Changes invitees must hear about: their calendar entry changes (SEQUENCE raised, update mailed).
const SIGNIFICANT = ['title', 'startsAt', 'endsAt', 'locationId', 'placeText', 'onlineUrl'] as const;

export async function updateMeeting({ actor, id, version, input }: { actor: Actor | null; id: string; version: number; input: unknown }): Promise<{ mailing: MailingResult; isSignificant: boolean }> {
  const coordinator = requireScopeAll(actor, 'meeting.manage');
  assertUuid(id);
  const data = parseInput(meetingInputSchema, input);
  const outcome = await inTransaction(
    async (tx) => {
      const before = await tx.meeting.findUnique({ where: { id } });
      if (!before) throw new AppError('NOT_FOUND');
      if (before.status === 'CANCELLED') throw new AppError('CONFLICT', 'Ein abgesagtes Treffen kann nicht mehr geändert werden.');
      await checkMeetingLocation(tx, data.locationId ?? null);
      const values = { ...data, locationId: data.locationId ?? null, placeText: data.placeText ?? null, accessibilityNote: data.accessibilityNote ?? null, onlineUrl: data.onlineUrl ?? null, agendaDeadline: data.agendaDeadline ?? null };
      const changes = diffChanges(before, values);
      const isSignificant = SIGNIFICANT.some((field) => field in changes) && before.status === 'PLANNED';
      const updated = await tx.meeting.updateMany({
        where: { id, version },
        data: { ...values, version: { increment: 1 }, ...(isSignificant ? { sequence: { increment: 1 } } : {}) },
      });
      if (updated.count !== 1) throw new VersionConflict();
      if (Object.keys(changes).length) {
        await writeAudit(tx, {
          actor: coordinator,
          action: 'UPDATE',
          entityType: MEETING_ENTITY,
          entityId: id,
          changes: { ...changes, version: { before: version, after: version + 1 }, ...(isSignificant ? { sequence: { before: before.sequence, after: before.sequence + 1 } } : {}) },
        });
      }
      const inviteeIds = isSignificant ? (await tx.meetingInvitee.findMany({ where: { meetingId: id }, select: { id: true } })).map((row) => row.id) : [];
      return { isSignificant, inviteeIds };
    },
    { entityType: MEETING_ENTITY, entityId: id, version },
  );
  const mailing = outcome.isSignificant ? await mailInvitees({ meetingId: id, inviteeIds: outcome.inviteeIds, kind: 'UPDATE', senderName: coordinator.name }) : { sent: 0, failed: 0 };
  return { mailing, isSignificant: outcome.isSignificant };
}
