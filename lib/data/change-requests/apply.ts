// Applying an approved proposal re-runs the data function a coordinator's own save uses
// (updateService, createSchedule, ...) inside the approval's transaction (see review-context.ts):
// the same validation, the same version check against the proposal's base version, the same
// audit rows, here named "Coordinator (Vorschlag von Partner)" and carrying the request's id.
import 'server-only';
import type { Prisma } from '@/lib/generated/prisma/client';
import type { ChangeAction } from '@/lib/generated/prisma/enums';
import { AppError } from '@/lib/errors';
import type { Actor } from '@/lib/permissions';
import type { ChangeEntityType } from '@/lib/schemas/change-request';
import { updateOrganization } from '../admin-organizations';
import { createContact, deleteContact, updateContact } from '../contacts';
import { createLocation, deleteLocation, updateLocation } from '../locations';
import { createSchedule, createScheduleException, deleteSchedule, deleteScheduleException } from '../schedules';
import { createService, deleteService, updateService } from '../services';
import { createEvent, updateEvent } from '../events/save';
import { createProject, updateProject } from '../projects/save';
import { loadCurrent } from './current';
import type { ChangePayload } from './payload';

type WithoutOrganization = Exclude<ChangeEntityType, 'Organization' | 'Project' | 'Event'>;

const CREATE = { Service: createService, Location: createLocation, ContactPerson: createContact, Schedule: createSchedule, ScheduleException: createScheduleException };
const UPDATE = { Organization: updateOrganization, Service: updateService, Location: updateLocation, ContactPerson: updateContact };
const DELETE = { Service: deleteService, Location: deleteLocation, ContactPerson: deleteContact, Schedule: deleteSchedule, ScheduleException: deleteScheduleException };

export async function applyChange(
  tx: Prisma.TransactionClient,
  request: { organizationId: string; entityType: ChangeEntityType; entityId: string | null; action: ChangeAction },
  actor: Actor,
  input: ChangePayload,
  version: number | null,
): Promise<{ entityId: string | null }> {
  const { organizationId, entityType, entityId } = request;
  if (entityType === 'Project' || entityType === 'Event') {
    // Not below an entry: the approval of a new one publishes it (the proposal was its draft).
    if (request.action === 'CREATE') {
      const created = await (entityType === 'Project' ? createProject : createEvent)({ actor, input, publish: true });
      return { entityId: created.id };
    }
    if (!entityId || request.action !== 'UPDATE') throw new AppError('NOT_FOUND');
    await (entityType === 'Project' ? updateProject : updateEvent)({ actor, id: entityId, version: version ?? 0, input });
    return { entityId };
  }
  if (request.action === 'CREATE') {
    const created = await CREATE[entityType as WithoutOrganization]({ actor, organizationId, input });
    return { entityId: created.id };
  }
  if (!entityId) throw new AppError('NOT_FOUND');
  if (request.action === 'UPDATE') {
    await UPDATE[entityType as keyof typeof UPDATE]({ actor, id: entityId, version: version ?? 0, input });
    return { entityId };
  }
  // DELETE: the delete functions take no version, so the check against the base version is here.
  const current = await loadCurrent(tx, entityType, entityId, organizationId);
  if (!current) throw new AppError('NOT_FOUND');
  if (current.version !== null && current.version !== version) throw new AppError('CONFLICT', undefined, { currentVersion: current.version });
  await DELETE[entityType as WithoutOrganization]({ actor, id: entityId });
  return { entityId };
}
