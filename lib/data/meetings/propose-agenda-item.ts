import 'server-only';
import { AppError, validationError } from '@/lib/errors';
import { scopeOf, type Actor } from '@/lib/permissions';
import { agendaProposalSchema } from '@/lib/schemas/meeting';
import { assertActor } from '../access';
import { writeAudit } from '../audit';
import { assertUuid, inTransaction, parseInput } from '../versioning';
import { meetingReadWhere } from './shared';

// Members propose items for a meeting their organization is invited to, until the deadline (or
// the start); coordinators add items at any time, accepted at once.
export async function proposeAgendaItem({ actor, meetingId, input }: { actor: Actor | null; meetingId: string; input: unknown }): Promise<{ id: string }> {
  assertActor(actor);
  if (scopeOf(actor, 'meeting.proposeAgenda') === 'none') throw new AppError('FORBIDDEN');
  const where = meetingReadWhere(actor);
  assertUuid(meetingId);
  const data = parseInput(agendaProposalSchema, input);
  const isCoordinator = scopeOf(actor, 'meeting.manage') === 'all';
  return inTransaction(async (tx) => {
    const meeting = await tx.meeting.findFirst({ where: { AND: [{ id: meetingId }, where] }, select: { status: true, startsAt: true, agendaDeadline: true, invitees: { select: { organizationId: true } } } });
    if (!meeting) throw new AppError('NOT_FOUND');
    let organizationId: string | null = data.organizationId ?? null;
    if (!isCoordinator) {
      const deadline = meeting.agendaDeadline ?? meeting.startsAt;
      if (meeting.status !== 'PLANNED' || deadline <= new Date()) throw new AppError('CONFLICT', 'Die Frist für Vorschläge zur Tagesordnung ist abgelaufen.');
      const invited = new Set(meeting.invitees.map((i) => i.organizationId));
      const own = actor.organizationIds.filter((id) => invited.has(id));
      organizationId ??= own[0] ?? actor.organizationIds[0] ?? null;
      if (!organizationId || !actor.organizationIds.includes(organizationId)) throw validationError({ organizationId: ['Bitte wählen Sie Ihre Organisation.'] });
    }
    const count = await tx.meetingAgendaItem.count({ where: { meetingId } });
    const created = await tx.meetingAgendaItem.create({
      data: { meetingId, title: data.title, description: data.description, organizationId, proposedByName: actor.name, status: isCoordinator ? 'ACCEPTED' : 'PROPOSED', sortOrder: count },
      select: { id: true },
    });
    await writeAudit(tx, { actor, action: 'CREATE', entityType: 'MeetingAgendaItem', entityId: created.id, organizationId, changes: { title: { before: null, after: data.title }, meetingId: { before: null, after: meetingId } } });
    return created;
  });
}
