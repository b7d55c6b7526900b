'use server';
// Visitor reports: coordinators mark them done (with a note) or open again. setFeedbackStatus
// checks the permission. Reports are never public, so no cache to expire.
import { redirect } from 'next/navigation';
import { z } from 'zod';
import type { FormState } from '@/components/forms/form-state';
import { setFeedbackStatus } from '@/lib/data/feedback';
import { formDataToObject, optionalText, safeValues } from '@/lib/schemas/common';
import { errorState, getCurrentUser, invalidState } from '../action-utils';

const idSchema = z.uuid();
const doneSchema = z.object({ note: optionalText(1000) });

export async function markFeedbackDoneAction(id: string, _state: FormState, formData: FormData): Promise<FormState> {
  const values = formDataToObject(formData);
  const parsed = doneSchema.safeParse(values);
  if (!parsed.success) {
    return invalidState(parsed.error!, values);
  }
  if (!idSchema.safeParse(id).success) return { status: 'error', message: 'Die Meldung wurde nicht gefunden.', values: safeValues(values) };
  try {
    await setFeedbackStatus({ actor: await getCurrentUser(), id, status: 'DONE', note: parsed.data.note ?? null });
  } catch (error) {
    return errorState(error, values);
  }
  redirect('/de/admin/meldungen?erledigt=1');
}

export async function reopenFeedbackAction(id: string, _state: FormState): Promise<FormState> {
  if (!idSchema.safeParse(id).success) return { status: 'error', message: 'Die Meldung wurde nicht gefunden.' };
  try {
    await setFeedbackStatus({ actor: await getCurrentUser(), id, status: 'OPEN' });
  } catch (error) {
    return errorState(error);
  }
  redirect('/de/admin/meldungen?status=offen&geoeffnet=1');
}
