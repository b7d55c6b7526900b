'use server';
// Server actions for organizations and everything under them. Each is thin: parse the form with
// zod (field errors and the entered values on failure), call the data function (which checks
// permission), expire the public cache, redirect outside the try.
import { redirect } from 'next/navigation';
import type { FormState } from '@/components/forms/form-state';
import { expireCache } from '@/lib/cache';
import {
  createOrganization,
  deleteOrganization,
  restoreOrganization,
  setOrganizationStatus,
  updateOrganization,
} from '@/lib/data/admin-organizations';
import { createContact, deleteContact, restoreContact, updateContact } from '@/lib/data/contacts';
import { restoreFieldFromHistory } from '@/lib/data/history';
import { createLocation, deleteLocation, restoreLocation, updateLocation } from '@/lib/data/locations';
import { createSchedule, createScheduleException, deleteSchedule, deleteScheduleException } from '@/lib/data/schedules';
import { createService, deleteService, restoreService, updateService } from '@/lib/data/services';
import { formDataToObject, toFieldErrors } from '@/lib/schemas/common';
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
} from '@/lib/schemas/organization';
import { safeValues } from '@/lib/schemas/common';
import { errorState, getCurrentUser } from '../action-utils';

const BASE = '/de/admin/organisationen';

type Schema = { safeParse(input: unknown): { success: true } | { success: false; error: import('zod').ZodError } };

function invalid(schema: Schema, values: Record<string, unknown>): FormState | null {
  const parsed = schema.safeParse(values);
  if (parsed.success) return null;
  return { status: 'error', message: 'Bitte prüfen Sie die markierten Felder.', fieldErrors: toFieldErrors(parsed.error), values: safeValues(values) };
}

function version(values: Record<string, unknown>): number {
  const parsed = Number(values.version);
  return Number.isInteger(parsed) && parsed > 0 ? parsed : 0;
}

export async function createOrganizationAction(_state: FormState, formData: FormData): Promise<FormState> {
  const values = formDataToObject(formData, ORGANIZATION_ARRAY_FIELDS);
  const failed = invalid(organizationInputSchema, values);
  if (failed) return failed;
  let id: string;
  try {
    ({ id } = await createOrganization({ actor: await getCurrentUser(), input: values }));
  } catch (error) {
    return errorState(error, values);
  }
  redirect(`${BASE}/${id}?gespeichert=1`);
}

export async function updateOrganizationAction(id: string, _state: FormState, formData: FormData): Promise<FormState> {
  const values = formDataToObject(formData, ORGANIZATION_ARRAY_FIELDS);
  const failed = invalid(organizationInputSchema, values);
  if (failed) return failed;
  try {
    await updateOrganization({ actor: await getCurrentUser(), id, version: version(values), input: values });
  } catch (error) {
    return errorState(error, values);
  }
  expireCache();
  redirect(`${BASE}/${id}?gespeichert=1`);
}

const STATUS_BY_ACTION = { publish: 'PUBLISHED', unpublish: 'DRAFT', archive: 'ARCHIVED' } as const;

export async function setOrganizationStatusAction(id: string, change: keyof typeof STATUS_BY_ACTION, _state: FormState): Promise<FormState> {
  try {
    await setOrganizationStatus({ actor: await getCurrentUser(), id, status: STATUS_BY_ACTION[change] });
  } catch (error) {
    return errorState(error);
  }
  expireCache();
  redirect(`${BASE}/${id}?status=${change}`);
}

export async function deleteOrganizationAction(id: string, _state: FormState): Promise<FormState> {
  try {
    await deleteOrganization({ actor: await getCurrentUser(), id });
  } catch (error) {
    return errorState(error);
  }
  expireCache();
  redirect('/de/admin/papierkorb');
}

export async function restoreOrganizationAction(id: string, _state: FormState): Promise<FormState> {
  try {
    await restoreOrganization({ actor: await getCurrentUser(), id });
  } catch (error) {
    return errorState(error);
  }
  expireCache();
  redirect(`${BASE}/${id}`);
}

// Services, locations and contacts share one shape: create under an organization or update by id.
function childActions<T extends 'service' | 'location' | 'contact'>(kind: T) {
  const config = {
    service: { schema: serviceInputSchema, arrays: SERVICE_ARRAY_FIELDS, create: createService, update: updateService, remove: deleteService, restore: restoreService },
    location: { schema: locationInputSchema, arrays: [] as readonly string[], create: createLocation, update: updateLocation, remove: deleteLocation, restore: restoreLocation },
    contact: { schema: contactInputSchema, arrays: CONTACT_ARRAY_FIELDS, create: createContact, update: updateContact, remove: deleteContact, restore: restoreContact },
  }[kind];
  return config;
}

async function saveChild(kind: 'service' | 'location' | 'contact', organizationId: string, id: string | null, formData: FormData): Promise<FormState> {
  const config = childActions(kind);
  const values = formDataToObject(formData, config.arrays);
  const failed = invalid(config.schema as Schema, values);
  if (failed) return failed;
  try {
    const actor = await getCurrentUser();
    if (id) await config.update({ actor, id, version: version(values), input: values });
    else await config.create({ actor, organizationId, input: values });
  } catch (error) {
    return errorState(error, values);
  }
  expireCache();
  redirect(`${BASE}/${organizationId}?gespeichert=1`);
}

export async function saveServiceAction(organizationId: string, id: string | null, _state: FormState, formData: FormData) {
  return saveChild('service', organizationId, id, formData);
}
export async function saveLocationAction(organizationId: string, id: string | null, _state: FormState, formData: FormData) {
  return saveChild('location', organizationId, id, formData);
}
export async function saveContactAction(organizationId: string, id: string | null, _state: FormState, formData: FormData) {
  return saveChild('contact', organizationId, id, formData);
}

export async function setChildDeletedAction(kind: 'service' | 'location' | 'contact', id: string, isDeleted: boolean, _state: FormState): Promise<FormState> {
  const config = childActions(kind);
  let organizationId: string;
  try {
    const actor = await getCurrentUser();
    ({ organizationId } = isDeleted ? await config.remove({ actor, id }) : await config.restore({ actor, id }));
  } catch (error) {
    return errorState(error);
  }
  expireCache();
  redirect(isDeleted ? `${BASE}/${organizationId}?geloescht=1` : `${BASE}/${organizationId}`);
}

export async function createScheduleAction(organizationId: string, _state: FormState, formData: FormData): Promise<FormState> {
  const values = formDataToObject(formData);
  const failed = invalid(scheduleInputSchema, values);
  if (failed) return failed;
  try {
    await createSchedule({ actor: await getCurrentUser(), organizationId, input: values });
  } catch (error) {
    return errorState(error, values);
  }
  expireCache();
  redirect(`${BASE}/${organizationId}/sprechzeiten?gespeichert=1`);
}

export async function createScheduleExceptionAction(organizationId: string, _state: FormState, formData: FormData): Promise<FormState> {
  const values = formDataToObject(formData);
  const failed = invalid(scheduleExceptionInputSchema, values);
  if (failed) return failed;
  try {
    await createScheduleException({ actor: await getCurrentUser(), organizationId, input: values });
  } catch (error) {
    return errorState(error, values);
  }
  expireCache();
  redirect(`${BASE}/${organizationId}/sprechzeiten?gespeichert=1`);
}

export async function deleteScheduleAction(kind: 'schedule' | 'exception', id: string, _state: FormState): Promise<FormState> {
  let organizationId: string;
  try {
    const actor = await getCurrentUser();
    ({ organizationId } = kind === 'schedule' ? await deleteSchedule({ actor, id }) : await deleteScheduleException({ actor, id }));
  } catch (error) {
    return errorState(error);
  }
  expireCache();
  redirect(`${BASE}/${organizationId}/sprechzeiten`);
}

export async function restoreFieldAction(_state: FormState, formData: FormData): Promise<FormState> {
  const values = formDataToObject(formData);
  let organizationId: string | null;
  try {
    ({ organizationId } = await restoreFieldFromHistory({
      actor: await getCurrentUser(),
      auditId: String(values.auditId ?? ''),
      field: String(values.field ?? ''),
      version: version(values),
    }));
  } catch (error) {
    return errorState(error);
  }
  expireCache();
  redirect(`${BASE}/${organizationId}/verlauf?wiederhergestellt=1`);
}
