import 'server-only';
import type { Actor } from '@/lib/permissions';
import { meetingInputSchema } from '@/lib/schemas/meeting';
import { requireScopeAll } from '../access';
import { snapshot, writeAudit } from '../audit';
import { inTransaction, parseInput } from '../versioning';
import { checkMeetingLocation, MEETING_ENTITY } from './shared';

export async function createMeeting({ actor, input }: { actor: Actor | null; input: unknown }): Promise<{ id: string }> {
  const coordinator = requireScopeAll(actor, 'meeting.manage');
  const data = parseInput(meetingInputSchema, input);
  return inTransaction(async (tx) => {
    await checkMeetingLocation(tx, data.locationId ?? null);
    const values = { ...data, locationId: data.locationId ?? null, placeText: data.placeText ?? null, accessibilityNote: data.accessibilityNote ?? null, onlineUrl: data.onlineUrl ?? null, agendaDeadline: data.agendaDeadline ?? null };
    const created = await tx.meeting.create({ data: { ...values, createdById: coordinator.id }, select: { id: true } });
    await writeAudit(tx, { actor: coordinator, action: 'CREATE', entityType: MEETING_ENTITY, entityId: created.id, changes: { ...snapshot(values), version: { before: null, after: 1 } } });
    return created;
  });
}
