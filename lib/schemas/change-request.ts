// Change requests (partner proposals): which entity types and actions exist, the schema that
// validates each proposal (the very schema of the direct edit), and the reviewer's comment.
import { z } from 'zod';
import { optionalText, requiredText } from './common';
import {
  CONTACT_ARRAY_FIELDS,
  contactInputSchema,
  locationInputSchema,
  ORGANIZATION_ARRAY_FIELDS,
  organizationInputSchema,
  SERVICE_ARRAY_FIELDS,
  scheduleExceptionInputSchema,
  scheduleInputSchema,
  serviceInputSchema,
} from './organization';
import { EVENT_ARRAY_FIELDS, eventInputSchema } from './event';
import { PROJECT_ARRAY_FIELDS, projectInputSchema } from './project';

const CHANGE_ENTITY_TYPES = ['Organization', 'Service', 'Location', 'ContactPerson', 'Schedule', 'ScheduleException', 'Project', 'Event'] as const;
export type ChangeEntityType = (typeof CHANGE_ENTITY_TYPES)[number];
export type ChangeActionName = 'CREATE' | 'UPDATE' | 'DELETE';

type ObjectSchema = { shape: Record<string, unknown>; safeParse: (input: unknown) => { success: boolean; data?: unknown; error?: z.ZodError } };

export const CHANGE_ENTITIES: Record<
  ChangeEntityType,
  { actions: readonly ChangeActionName[]; schema: ObjectSchema; arrays: readonly string[]; isVersioned: boolean }
> = {
  Organization: { actions: ['UPDATE'], schema: organizationInputSchema, arrays: ORGANIZATION_ARRAY_FIELDS, isVersioned: true },
  Service: { actions: ['CREATE', 'UPDATE', 'DELETE'], schema: serviceInputSchema, arrays: SERVICE_ARRAY_FIELDS, isVersioned: true },
  Location: { actions: ['CREATE', 'UPDATE', 'DELETE'], schema: locationInputSchema, arrays: [], isVersioned: true },
  ContactPerson: { actions: ['CREATE', 'UPDATE', 'DELETE'], schema: contactInputSchema, arrays: CONTACT_ARRAY_FIELDS, isVersioned: true },
  Schedule: { actions: ['CREATE', 'DELETE'], schema: scheduleInputSchema, arrays: ['languageCodes'], isVersioned: false },
  ScheduleException: { actions: ['CREATE', 'DELETE'], schema: scheduleExceptionInputSchema, arrays: [], isVersioned: false },
  // Issue 14: a project of the partner's organization (lead or partner) and an event it organizes.
  Project: { actions: ['CREATE', 'UPDATE'], schema: projectInputSchema, arrays: PROJECT_ARRAY_FIELDS, isVersioned: true },
  Event: { actions: ['CREATE', 'UPDATE'], schema: eventInputSchema, arrays: EVENT_ARRAY_FIELDS, isVersioned: true },
};

/** Records that are not below one organization's entry (their own pages, not the entry's preview). */
export function isNetworkRecord(entityType: ChangeEntityType): entityType is 'Project' | 'Event' {
  return entityType === 'Project' || entityType === 'Event';
}

export function isChangeEntityType(value: unknown): value is ChangeEntityType {
  return typeof value === 'string' && (CHANGE_ENTITY_TYPES as readonly string[]).includes(value);
}


export const rejectChangeRequestSchema = z.object({
  comment: requiredText(2000),
});

export const approveChangeRequestSchema = z.object({
  comment: optionalText(2000),
});

export const changeRequestListQuerySchema = z.object({
  status: z.enum(['PENDING', 'APPROVED', 'REJECTED', 'WITHDRAWN', 'ALL']).optional().catch(undefined),
});
