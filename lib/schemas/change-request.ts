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

export const CHANGE_ENTITY_TYPES = ['Organization', 'Service', 'Location', 'ContactPerson', 'Schedule', 'ScheduleException'] as const;
export type ChangeEntityType = (typeof CHANGE_ENTITY_TYPES)[number];
export type ChangeActionName = 'CREATE' | 'UPDATE' | 'DELETE';

type ObjectSchema = { shape: Record<string, unknown>; safeParse: (input: unknown) => { success: boolean; data?: unknown; error?: z.ZodError } };

export const CHANGE_ENTITIES: Record<
  ChangeEntityType,
  { label: string; actions: readonly ChangeActionName[]; schema: ObjectSchema; arrays: readonly string[]; isVersioned: boolean }
> = {
  Organization: { label: 'Stammdaten', actions: ['UPDATE'], schema: organizationInputSchema, arrays: ORGANIZATION_ARRAY_FIELDS, isVersioned: true },
  Service: { label: 'Angebot', actions: ['CREATE', 'UPDATE', 'DELETE'], schema: serviceInputSchema, arrays: SERVICE_ARRAY_FIELDS, isVersioned: true },
  Location: { label: 'Standort', actions: ['CREATE', 'UPDATE', 'DELETE'], schema: locationInputSchema, arrays: [], isVersioned: true },
  ContactPerson: { label: 'Kontaktperson', actions: ['CREATE', 'UPDATE', 'DELETE'], schema: contactInputSchema, arrays: CONTACT_ARRAY_FIELDS, isVersioned: true },
  Schedule: { label: 'Sprechzeit', actions: ['CREATE', 'DELETE'], schema: scheduleInputSchema, arrays: [], isVersioned: false },
  ScheduleException: { label: 'Ausnahme', actions: ['CREATE', 'DELETE'], schema: scheduleExceptionInputSchema, arrays: [], isVersioned: false },
};

export function isChangeEntityType(value: unknown): value is ChangeEntityType {
  return typeof value === 'string' && (CHANGE_ENTITY_TYPES as readonly string[]).includes(value);
}

export const CHANGE_ACTION_LABELS: Record<ChangeActionName, string> = { CREATE: 'neu anlegen', UPDATE: 'ändern', DELETE: 'löschen' };
export const CHANGE_STATUS_LABELS: Record<string, string> = {
  PENDING: 'wird geprüft',
  APPROVED: 'angenommen',
  REJECTED: 'abgelehnt',
  WITHDRAWN: 'zurückgezogen',
};

export const rejectChangeRequestSchema = z.object({
  comment: requiredText(2000),
});

export const approveChangeRequestSchema = z.object({
  comment: optionalText(2000),
});

export const changeRequestListQuerySchema = z.object({
  status: z.enum(['PENDING', 'APPROVED', 'REJECTED', 'WITHDRAWN', 'ALL']).optional().catch(undefined),
});
