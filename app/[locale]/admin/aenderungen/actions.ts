'use server';
// Review of partners' change requests: approve (as proposed or edited), reject with a comment,
// withdraw (the proposer). Thin: parse, data function (checks permission), expire cache, redirect.
import { redirect } from 'next/navigation';
import type { FormState } from '@/components/forms/form-state';
import { entryTags, expireCache } from '@/lib/cache';
import { approveChangeRequest } from '@/lib/data/change-requests/approve';
import { getChangeRequest } from '@/lib/data/change-requests/get';
import { rejectChangeRequest } from '@/lib/data/change-requests/reject';
import { withdrawChangeRequest } from '@/lib/data/change-requests/withdraw';
import { isAppError } from '@/lib/errors';
import { approveChangeRequestSchema, CHANGE_ENTITIES, rejectChangeRequestSchema } from '@/lib/schemas/change-request';
import { formDataToObject, safeValues } from '@/lib/schemas/common';
import { readForm } from '@/lib/schemas/form-contract';
import { entityFields } from '@/components/admin/field-specs';
import { errorState, formVersion, getCurrentUser, invalidState } from '../action-utils';

const BASE = '/de/admin/aenderungen';

export async function approveChangeRequestAction(id: string, _state: FormState, formData: FormData): Promise<FormState> {
  const values = formDataToObject(formData);
  const parsed = approveChangeRequestSchema.safeParse(values);
  if (!parsed.success) return invalidState(parsed.error!, values);
  let organizationId: string;
  let tags: string[];
  try {
    ({ organizationId, tags } = await approveChangeRequest({ actor: await getCurrentUser(), id, comment: values.comment }));
  } catch (error) {
    // A stale proposal: the page explains it and offers "Bearbeiten und übernehmen".
    if (isAppError(error) && error.code === 'CONFLICT') return { status: 'error', message: error.message, values: safeValues(values) };
    return errorState(error, values);
  }
  await expireCache([...entryTags(organizationId), ...tags]);
  redirect(`${BASE}/${id}?angenommen=1`);
}

export async function approveEditedChangeRequestAction(id: string, _state: FormState, formData: FormData): Promise<FormState> {
  let entityType;
  try {
    ({ entityType } = await getChangeRequest({ actor: await getCurrentUser(), id }));
  } catch (error) {
    return errorState(error);
  }
  const config = CHANGE_ENTITIES[entityType];
  // The review form: the entity's proposal fields (never the coordinator-only ones) and a comment.
  const values = readForm(formData, entityFields(entityType, { isCoordinator: false }), ['version', 'reviewComment']);
  const parsed = config.schema.safeParse(values);
  if (!parsed.success) return invalidState(parsed.error!, values);
  let organizationId: string;
  let tags: string[];
  try {
    ({ organizationId, tags } = await approveChangeRequest({
      actor: await getCurrentUser(),
      id,
      input: values,
      version: formVersion(values),
      comment: values.reviewComment,
    }));
  } catch (error) {
    return errorState(error, values);
  }
  await expireCache([...entryTags(organizationId), ...tags]);
  redirect(`${BASE}/${id}?angenommen=1`);
}

export async function rejectChangeRequestAction(id: string, _state: FormState, formData: FormData): Promise<FormState> {
  const values = formDataToObject(formData);
  const parsed = rejectChangeRequestSchema.safeParse(values);
  if (!parsed.success) return invalidState(parsed.error, values, 'Bitte begründen Sie die Ablehnung.');
  try {
    await rejectChangeRequest({ actor: await getCurrentUser(), id, input: values });
  } catch (error) {
    return errorState(error, values);
  }
  redirect(`${BASE}/${id}?abgelehnt=1`);
}

export async function withdrawChangeRequestAction(id: string, _state: FormState): Promise<FormState> {
  try {
    await withdrawChangeRequest({ actor: await getCurrentUser(), id });
  } catch (error) {
    return errorState(error);
  }
  redirect(`${BASE}/${id}?zurueckgezogen=1`);
}
