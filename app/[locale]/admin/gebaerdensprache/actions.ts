'use server';
// Transcript edits and removal of the sign language video (small bodies: server actions). The
// upload itself goes through the route handler app/api/admin/gebaerdensprache.
import { redirect } from 'next/navigation';
import type { FormState } from '@/components/forms/form-state';
import { expireCache, SIGN_LANGUAGE_TAG } from '@/lib/cache';
import { deleteSignLanguageVideo, updateSignLanguageTranscript } from '@/lib/data/sign-language';
import { formDataToObject } from '@/lib/schemas/common';
import { signVideoTranscriptSchema } from '@/lib/schemas/sign-language';
import { errorState, getCurrentUser, invalidState } from '../action-utils';

const BASE = '/de/admin/gebaerdensprache';

export async function updateTranscriptAction(_state: FormState, formData: FormData): Promise<FormState> {
  const values = formDataToObject(formData);
  const parsed = signVideoTranscriptSchema.safeParse(values);
  if (!parsed.success) return invalidState(parsed.error, values);
  try {
    await updateSignLanguageTranscript({ actor: await getCurrentUser(), input: parsed.data });
  } catch (error) {
    return errorState(error, values);
  }
  await expireCache([SIGN_LANGUAGE_TAG]);
  redirect(`${BASE}?abschrift=1`);
}

export async function deleteVideoAction(_state: FormState): Promise<FormState> {
  try {
    await deleteSignLanguageVideo({ actor: await getCurrentUser() });
  } catch (error) {
    return errorState(error);
  }
  await expireCache([SIGN_LANGUAGE_TAG]);
  redirect(`${BASE}?entfernt=1`);
}
