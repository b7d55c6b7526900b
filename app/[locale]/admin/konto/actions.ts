'use server';
// The signed-in user's own account. After a save the page reloads, so the whole admin area
// switches to the chosen language at once.
import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import type { FormState } from '@/components/forms/form-state';
import { updateOwnAccount } from '@/lib/data/account';
import { accountInputSchema } from '@/lib/schemas/account';
import { formDataToObject, safeValues, toFieldErrors } from '@/lib/schemas/common';
import { errorState, getCurrentUser } from '../action-utils';

export async function updateAccountAction(_state: FormState, formData: FormData): Promise<FormState> {
  const values = formDataToObject(formData);
  const parsed = accountInputSchema.safeParse(values);
  if (!parsed.success) return { status: 'error', message: 'Bitte prüfen Sie die markierten Felder.', fieldErrors: toFieldErrors(parsed.error), values: safeValues(values) };
  try {
    await updateOwnAccount({ actor: await getCurrentUser(), input: values });
  } catch (error) {
    return errorState(error, values);
  }
  // The admin layout (navigation, lang) renders in the new language too, not only the page.
  try {
    revalidatePath('/[locale]/admin', 'layout');
  } catch {
    // Not inside a Next.js request (tests): there is no rendered layout to refresh.
  }
  redirect('/de/admin/konto?gespeichert=1');
}
