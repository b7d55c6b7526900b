'use server';
// Server actions for organizations and everything under them. Each is thin: parse the form with
// zod (field errors and the entered values on failure), call the data function (which checks
// permission), expire the public cache, redirect outside the try.
// Saves route by permission: coordinators and partners of trusted organizations save directly;
// partners of other organizations propose the same values as a change request for review.
import { redirect } from 'next/navigation';
import type { FormState } from '@/components/forms/form-state';
import { entryTags, expireCache } from '@/lib/cache';
import { createOrganization, updateOrganization } from '@/lib/data/admin-organizations';
import { deleteOrganization, restoreOrganization, setOrganizationStatus, setOrganizationTrusted, undoOrganizationArchive } from '@/lib/data/organization-state';
import { getEditMode, getEditTarget } from '@/lib/data/change-requests/edit-mode';
import { proposeChange } from '@/lib/data/change-requests/propose';
import { createInvitation } from '@/lib/data/invitations';
import { invitationAction } from '../benutzer/actions';
import { createContact, deleteContact, restoreContact, updateContact } from '@/lib/data/contacts';
import { restoreFieldFromHistory } from '@/lib/data/history';
import { createLocation, deleteLocation, restoreLocation, updateLocation } from '@/lib/data/locations';
import { createSchedule, createScheduleException, deleteSchedule, deleteScheduleException } from '@/lib/data/schedules';
import { createService, deleteService, restoreService, updateService } from '@/lib/data/services';
import { AppError } from '@/lib/errors';
import { formDataToObject } from '@/lib/schemas/common';
import { readForm } from '@/lib/schemas/form-contract';
import { entityFields } from '@/components/admin/field-specs';
import { can } from '@/lib/permissions';
import { invitationInputSchema } from '@/lib/schemas/auth';
import { CHANGE_ENTITIES, type ChangeActionName, type ChangeEntityType } from '@/lib/schemas/change-request';
import type { Actor } from '@/lib/permissions';
import { errorState, formVersion, getCurrentUser, invalidState } from '../action-utils';

const BASE = '/de/admin/organisationen';

type Schema = { safeParse(input: unknown): { success: boolean; error?: import('zod').ZodError } };

function invalid(schema: Schema, values: Record<string, unknown>): FormState | null {
  const parsed = schema.safeParse(values);
  if (parsed.success) return null;
  return invalidState(parsed.error!, values);
}

// A form without a valid version is outdated: version 0 matches no record.
const version = (values: Record<string, unknown>) => formVersion(values) ?? 0;

// Query parameter after a save: published at once, or submitted for review.
// `amend`: the partner's pending proposal for the record took the new values (no second one).
const OUTCOME = { direct: 'gespeichert=1', propose: 'eingereicht=1', amend: 'ergaenzt=1' } as const;

// The direct data function when the caller may publish, otherwise the same values as a proposal.
async function saveOrPropose(
  organizationId: string,
  proposal: { entityType: ChangeEntityType; action: ChangeActionName; entityId?: string | null; baseVersion?: number; input?: unknown },
  direct: (actor: Actor | null) => Promise<unknown>,
): Promise<keyof typeof OUTCOME> {
  const actor = await getCurrentUser();
  const mode = await getEditMode({ actor, organizationId });
  if (mode === 'direct') {
    await direct(actor);
    return mode;
  }
  const { amended } = await proposeChange({ actor, organizationId, ...proposal });
  return amended ? 'amend' : mode;
}

// Each form's fields as the server reads them: the very definitions the pages render (options do
// not matter here, only names and kinds), so an unchecked box of the form is saved as false.
const FORM_FIELDS = {
  organization: (isCoordinator: boolean) => entityFields('Organization', { isCoordinator }),
  service: () => entityFields('Service'),
  location: () => entityFields('Location'),
  contact: () => entityFields('ContactPerson'),
  schedule: () => entityFields('Schedule'),
  exception: () => entityFields('ScheduleException'),
};
const HIDDEN = ['version'];

export async function createOrganizationAction(_state: FormState, formData: FormData): Promise<FormState> {
  const values = readForm(formData, FORM_FIELDS.organization(true), HIDDEN);
  const failed = invalid(CHANGE_ENTITIES.Organization.schema, values);
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
  // Partners' form leaves out the coordinator-only fields (the page asks the same permission).
  const values = readForm(formData, FORM_FIELDS.organization(can(await getCurrentUser(), 'organization.setCoordinatorFields')), HIDDEN);
  const failed = invalid(CHANGE_ENTITIES.Organization.schema, values);
  if (failed) return failed;
  let outcome: keyof typeof OUTCOME;
  try {
    outcome = await saveOrPropose(id, { entityType: 'Organization', action: 'UPDATE', entityId: id, baseVersion: version(values), input: values }, (actor) =>
      updateOrganization({ actor, id, version: version(values), input: values }),
    );
  } catch (error) {
    return errorState(error, values);
  }
  await expireCache(entryTags(id));
  redirect(`${BASE}/${id}?${OUTCOME[outcome]}`);
}

export async function setOrganizationTrustedAction(id: string, isTrusted: boolean, _state: FormState): Promise<FormState> {
  try {
    await setOrganizationTrusted({ actor: await getCurrentUser(), id, isTrusted });
  } catch (error) {
    return errorState(error);
  }
  redirect(`${BASE}/${id}?vertrauen=${isTrusted ? 'an' : 'aus'}`);
}

const STATUS_BY_ACTION = { publish: 'PUBLISHED', unpublish: 'DRAFT', archive: 'ARCHIVED' } as const;

export async function setOrganizationStatusAction(id: string, change: keyof typeof STATUS_BY_ACTION, _state: FormState): Promise<FormState> {
  try {
    await setOrganizationStatus({ actor: await getCurrentUser(), id, status: STATUS_BY_ACTION[change] });
  } catch (error) {
    return errorState(error);
  }
  await expireCache(entryTags(id));
  redirect(`${BASE}/${id}?status=${change}`);
}

// "Rückgängig machen" after archiving: the data layer finds the status before the archive itself.
export async function undoArchiveAction(id: string, _state: FormState): Promise<FormState> {
  let status: string;
  try {
    ({ status } = await undoOrganizationArchive({ actor: await getCurrentUser(), id }));
  } catch (error) {
    return errorState(error);
  }
  await expireCache(entryTags(id));
  redirect(`${BASE}/${id}?rueckgaengig=${status}`);
}

export async function deleteOrganizationAction(id: string, _state: FormState): Promise<FormState> {
  try {
    await deleteOrganization({ actor: await getCurrentUser(), id });
  } catch (error) {
    return errorState(error);
  }
  await expireCache(entryTags(id));
  redirect('/de/admin/papierkorb');
}

export async function restoreOrganizationAction(id: string, _state: FormState): Promise<FormState> {
  try {
    await restoreOrganization({ actor: await getCurrentUser(), id });
  } catch (error) {
    return errorState(error);
  }
  await expireCache(entryTags(id));
  redirect(`${BASE}/${id}`);
}

// Services, locations and contacts share one shape: create under an organization or update by id;
// the form's schema and list fields are those a proposal of the same record uses (CHANGE_ENTITIES).
const CHILDREN = {
  service: { entityType: 'Service', create: createService, update: updateService, remove: deleteService, restore: restoreService },
  location: { entityType: 'Location', create: createLocation, update: updateLocation, remove: deleteLocation, restore: restoreLocation },
  contact: { entityType: 'ContactPerson', create: createContact, update: updateContact, remove: deleteContact, restore: restoreContact },
} as const;

function childActions(kind: keyof typeof CHILDREN) {
  const config = CHILDREN[kind] as {
    entityType: ChangeEntityType;
    create: typeof createService;
    update: typeof updateService;
    remove: typeof deleteService;
    restore: typeof restoreService;
  };
  return { ...config, schema: CHANGE_ENTITIES[config.entityType].schema };
}

async function saveChild(kind: 'service' | 'location' | 'contact', organizationId: string, id: string | null, formData: FormData): Promise<FormState> {
  const config = childActions(kind);
  const values = readForm(formData, FORM_FIELDS[kind](), HIDDEN);
  const failed = invalid(config.schema, values);
  if (failed) return failed;
  let outcome: keyof typeof OUTCOME;
  try {
    if (id) {
      // The record must belong to the organization in the URL (the page and the redirect use it).
      const target = await getEditTarget({ actor: await getCurrentUser(), entityType: config.entityType, id });
      if (target.organizationId !== organizationId) return errorState(new AppError('NOT_FOUND'), values);
      outcome = await saveOrPropose(organizationId, { entityType: config.entityType, action: 'UPDATE', entityId: id, baseVersion: version(values), input: values }, (actor) =>
        config.update({ actor, id, version: version(values), input: values }),
      );
    } else {
      outcome = await saveOrPropose(organizationId, { entityType: config.entityType, action: 'CREATE', input: values }, (actor) =>
        config.create({ actor, organizationId, input: values }),
      );
    }
  } catch (error) {
    return errorState(error, values);
  }
  await expireCache(entryTags(organizationId));
  redirect(`${BASE}/${organizationId}?${OUTCOME[outcome]}`);
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
  let mode: keyof typeof OUTCOME;
  try {
    const actor = await getCurrentUser();
    ({ organizationId, mode } = await getEditTarget({ actor, entityType: config.entityType, id }));
    if (mode === 'direct') await (isDeleted ? config.remove({ actor, id }) : config.restore({ actor, id }));
    // Restoring is a coordinator's task; deleting is proposed like any other change.
    else if (isDeleted) await proposeChange({ actor, organizationId, entityType: config.entityType, action: 'DELETE', entityId: id });
    else throw new AppError('FORBIDDEN', 'Wiederherstellen kann nur die Koordinierungsstelle. Bitte wenden Sie sich an sie.');
  } catch (error) {
    return errorState(error);
  }
  await expireCache(entryTags(organizationId));
  redirect(mode === 'propose' ? `${BASE}/${organizationId}?eingereicht=1` : isDeleted ? `${BASE}/${organizationId}?geloescht=1` : `${BASE}/${organizationId}`);
}

export async function createScheduleAction(organizationId: string, _state: FormState, formData: FormData): Promise<FormState> {
  const values = readForm(formData, FORM_FIELDS.schedule());
  const failed = invalid(CHANGE_ENTITIES.Schedule.schema, values);
  if (failed) return failed;
  let outcome: keyof typeof OUTCOME;
  try {
    outcome = await saveOrPropose(organizationId, { entityType: 'Schedule', action: 'CREATE', input: values }, (actor) =>
      createSchedule({ actor, organizationId, input: values }),
    );
  } catch (error) {
    return errorState(error, values);
  }
  await expireCache(entryTags(organizationId));
  redirect(`${BASE}/${organizationId}/sprechzeiten?${OUTCOME[outcome]}`);
}

export async function createScheduleExceptionAction(organizationId: string, _state: FormState, formData: FormData): Promise<FormState> {
  const values = readForm(formData, FORM_FIELDS.exception());
  const failed = invalid(CHANGE_ENTITIES.ScheduleException.schema, values);
  if (failed) return failed;
  let outcome: keyof typeof OUTCOME;
  try {
    outcome = await saveOrPropose(organizationId, { entityType: 'ScheduleException', action: 'CREATE', input: values }, (actor) =>
      createScheduleException({ actor, organizationId, input: values }),
    );
  } catch (error) {
    return errorState(error, values);
  }
  await expireCache(entryTags(organizationId));
  redirect(`${BASE}/${organizationId}/sprechzeiten?${OUTCOME[outcome]}`);
}

export async function deleteScheduleAction(kind: 'schedule' | 'exception', id: string, _state: FormState): Promise<FormState> {
  const entityType = kind === 'schedule' ? 'Schedule' : 'ScheduleException';
  let organizationId: string;
  let mode: keyof typeof OUTCOME;
  try {
    const actor = await getCurrentUser();
    ({ organizationId, mode } = await getEditTarget({ actor, entityType, id }));
    if (mode === 'propose') await proposeChange({ actor, organizationId, entityType, action: 'DELETE', entityId: id });
    else if (kind === 'schedule') await deleteSchedule({ actor, id });
    else await deleteScheduleException({ actor, id });
  } catch (error) {
    return errorState(error);
  }
  await expireCache(entryTags(organizationId));
  redirect(`${BASE}/${organizationId}/sprechzeiten${mode === 'propose' ? '?eingereicht=1' : ''}`);
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
  await expireCache(entryTags(organizationId));
  redirect(`${BASE}/${organizationId}/verlauf?wiederhergestellt=1`);
}

// Team page: partners invite colleagues for the same organization; coordinators may too.
export async function inviteColleagueAction(organizationId: string, _state: FormState, formData: FormData): Promise<FormState> {
  const values = { ...formDataToObject(formData), role: 'PARTNER', organizationIds: [organizationId] };
  const failed = invalid(invitationInputSchema, values);
  if (failed) return failed;
  try {
    await createInvitation({ actor: await getCurrentUser(), input: values });
  } catch (error) {
    return errorState(error, values);
  }
  redirect(`${BASE}/${organizationId}/team?eingeladen=1`);
}

// Team page: the users page's action, returning to the organization's team page.
export async function teamInvitationAction(organizationId: string, kind: 'resend' | 'revoke', id: string, state: FormState): Promise<FormState> {
  return invitationAction(organizationId, kind, id, state);
}
