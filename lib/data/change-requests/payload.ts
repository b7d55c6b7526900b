// What a proposal stores: the form's own values restricted to the entity's fields (what a
// coordinator's edit form is prefilled with, and what the data function validates again on
// approval), and the checks every proposal and approval runs.
import 'server-only';
import type { Prisma } from '@/lib/generated/prisma/client';
import { AppError, validationError } from '@/lib/errors';
import { CHANGE_ENTITIES, isChangeEntityType, type ChangeActionName, type ChangeEntityType } from '@/lib/schemas/change-request';
import { withoutCoordinatorOnlyFields } from '@/lib/schemas/organization';
import { checkOrganizationReferences } from '../admin-organizations';
import { checkEventReferences } from '../events/references';
import { checkProjectReferences } from '../projects/references';
import { checkContactReferences } from '../contacts';
import { checkScheduleReferences } from '../schedules';
import { checkServiceReferences } from '../services';

type PayloadValue = string | number | boolean | null | string[];
export type ChangePayload = Record<string, PayloadValue>;

export function toPayload(entityType: ChangeEntityType, input: unknown): ChangePayload {
  const source = input && typeof input === 'object' ? (input as Record<string, unknown>) : {};
  const payload: ChangePayload = {};
  for (const key of Object.keys(CHANGE_ENTITIES[entityType].schema.shape)) {
    const value = source[key];
    if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' || value === null) payload[key] = value;
    else if (Array.isArray(value) && value.every((v) => typeof v === 'string')) payload[key] = value as string[];
  }
  if (entityType === 'Project' || entityType === 'Event') {
    // Publishing is the approval itself: a proposal never carries it.
    delete payload.isPublished;
  }
  return entityType === 'Organization' ? withoutCoordinatorOnlyFields(payload) : payload;
}

export function checkAction(entityType: unknown, action: unknown): asserts entityType is ChangeEntityType {
  if (!isChangeEntityType(entityType) || !CHANGE_ENTITIES[entityType].actions.includes(action as ChangeActionName)) {
    throw new AppError('VALIDATION', 'Diese Änderung kann nicht vorgeschlagen werden.');
  }
}

// The records a proposal refers to (category, service, location, ...) must exist under the same organization.
export async function checkReferences(tx: Prisma.TransactionClient, entityType: ChangeEntityType, organizationId: string, data: unknown): Promise<void> {
  if (entityType === 'Organization') await checkOrganizationReferences(tx, data as Parameters<typeof checkOrganizationReferences>[1], organizationId);
  if (entityType === 'Service') await checkServiceReferences(tx, organizationId, data as Parameters<typeof checkServiceReferences>[2]);
  if (entityType === 'ContactPerson') await checkContactReferences(tx, organizationId, data as Parameters<typeof checkContactReferences>[2]);
  if (entityType === 'Schedule' || entityType === 'ScheduleException') await checkScheduleReferences(tx, organizationId, data as Parameters<typeof checkScheduleReferences>[2]);
  if (entityType === 'Project') {
    const project = data as Parameters<typeof checkProjectReferences>[1];
    await checkProjectReferences(tx, project);
    // A partner proposes projects its organization leads or joins.
    if (project.leadOrganizationId !== organizationId && !project.partnerOrganizationIds?.includes(organizationId)) {
      throw validationError({ leadOrganizationId: ['Ihre Organisation muss das Projekt leiten oder daran beteiligt sein.'] });
    }
  }
  if (entityType === 'Event') {
    const event = data as Parameters<typeof checkEventReferences>[1];
    await checkEventReferences(tx, event);
    if (event.organizerId !== organizationId) {
      throw validationError({ organizerId: ['Sie können nur Veranstaltungen Ihrer Organisation vorschlagen.'] });
    }
  }
}
