'use server';
import { redirect } from 'next/navigation';
import type { FormState } from '@/components/forms/form-state';
import { answerInvitation } from '@/lib/data/meetings/answer-invitation';
import { isAppError } from '@/lib/errors';
import { formDataToObject, safeValues } from '@/lib/schemas/common';

// The answer without an account: the token from the link is the key; a later answer overwrites.
export async function answerMeetingAction(token: string, _state: FormState, formData: FormData): Promise<FormState> {
  const values = formDataToObject(formData);
  try {
    await answerInvitation({ token, input: values });
  } catch (error) {
    if (isAppError(error)) return { status: 'error', message: error.message, fieldErrors: error.details.fieldErrors, values: safeValues(values) };
    console.error(error);
    return { status: 'error', message: 'Das hat leider nicht geklappt. Bitte versuchen Sie es erneut.', values: safeValues(values) };
  }
  redirect(`/de/treffen/antwort/${token}?gespeichert=1`);
}
