// One meeting as the caller may see it. Coordinators get everything (the draft minutes too);
// members of an invited organization get the meeting, the accepted agenda and their own
// organization's proposals, the documents, the minutes once published and their organization's
// tasks. Everyone else gets NOT_FOUND, as if the meeting did not exist.
import 'server-only';
import { db } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { utcToBerlinLocal } from '@/lib/format/berlin-time';
import { scopeOf, type Actor } from '@/lib/permissions';
import { assertUuid } from '../versioning';
import { accessibilityLine, meetingPlaceSelect, meetingReadWhere, placeLine } from './shared';

export async function getMeeting({ actor, id }: { actor: Actor | null; id: string }) {
  const where = meetingReadWhere(actor);
  assertUuid(id);
  const isCoordinator = scopeOf(actor, 'meeting.manage') === 'all';
  const ownOrganizations = actor!.organizationIds;
  const row = await db.meeting.findFirst({
    where: { AND: [{ id }, where] },
    select: {
      id: true,
      title: true,
      kind: true,
      description: true,
      startsAt: true,
      endsAt: true,
      status: true,
      agendaDeadline: true,
      sequence: true,
      version: true,
      minutesReports: true,
      minutesProblems: true,
      minutesDecisions: true,
      minutesPublishedAt: true,
      ...meetingPlaceSelect,
      agendaItems: {
        where: isCoordinator ? {} : { OR: [{ status: 'ACCEPTED' }, { organizationId: { in: ownOrganizations } }] },
        orderBy: [{ status: 'asc' }, { sortOrder: 'asc' }, { createdAt: 'asc' }],
        select: { id: true, title: true, description: true, status: true, sortOrder: true, proposedByName: true, organization: { select: { id: true, name: true } } },
      },
      documents: { orderBy: { createdAt: 'asc' }, select: { id: true, title: true, url: true, filename: true, size: true } },
      tasks: {
        where: isCoordinator ? {} : { organizationId: { in: ownOrganizations } },
        orderBy: [{ dueDate: 'asc' }, { createdAt: 'asc' }],
        select: { id: true, title: true, dueDate: true, status: true, note: true, version: true, organization: { select: { id: true, name: true } } },
      },
    },
  });
  if (!row) throw new AppError('NOT_FOUND');
  const isPublished = Boolean(row.minutesPublishedAt);
  const showMinutes = isCoordinator || isPublished;
  return {
    id: row.id,
    title: row.title,
    kind: row.kind,
    description: row.description,
    startsAt: row.startsAt,
    endsAt: row.endsAt,
    status: row.status,
    sequence: row.sequence,
    version: row.version,
    agendaDeadline: row.agendaDeadline,
    isAgendaOpen: row.status === 'PLANNED' && (row.agendaDeadline ? row.agendaDeadline > new Date() : row.startsAt > new Date()),
    place: placeLine(row),
    accessibility: accessibilityLine(row),
    onlineUrl: row.onlineUrl,
    agendaItems: row.agendaItems,
    documents: row.documents,
    tasks: row.tasks,
    minutes: showMinutes ? { reports: row.minutesReports, problems: row.minutesProblems, decisions: row.minutesDecisions, publishedAt: row.minutesPublishedAt } : null,
    isCoordinator,
    // The form's values (Berlin wall times), for coordinators only.
    formValues: isCoordinator
      ? {
          title: row.title,
          kind: row.kind,
          description: row.description,
          startsAt: utcToBerlinLocal(row.startsAt),
          endsAt: utcToBerlinLocal(row.endsAt),
          locationId: row.locationId ?? '',
          placeText: row.placeText ?? '',
          accessibilityNote: row.accessibilityNote ?? '',
          onlineUrl: row.onlineUrl ?? '',
          agendaDeadline: row.agendaDeadline ? utcToBerlinLocal(row.agendaDeadline) : '',
        }
      : null,
  };
}
