'use server';
// Anonymous forms: forgot password, reset password, accept invitation.
import { redirect } from 'next/navigation';
import type { FormState } from '@/components/forms/form-state';
import { getCurrentUser } from '@/lib/auth/session';
import { startSession } from '@/lib/auth/start-session';
import { acceptInvitation, acceptInvitationForAccount } from '@/lib/data/invitations';
import { requestPasswordReset, resetPassword } from '@/lib/data/password-reset';
import { acceptInvitationSchema, forgotPasswordSchema, resetPasswordSchema } from '@/lib/schemas/auth';
import { formDataToObject, safeValues, toFieldErrors } from '@/lib/schemas/common';
import { isLocale, type Locale } from '@/lib/i18n/routing';
import { errorState } from '../admin/action-utils';

// The page's language (a hidden field) carries over to the sign-in page.
function pageLocale(formData: FormData): Locale {
  const lang = formData.get('lang');
  return typeof lang === 'string' && isLocale(lang) ? lang : 'de';
}

export async function forgotPasswordAction(_state: FormState, formData: FormData): Promise<FormState> {
  const values = formDataToObject(formData);
  const parsed = forgotPasswordSchema.safeParse(values);
  if (!parsed.success) return { status: 'error', fieldErrors: toFieldErrors(parsed.error), values: safeValues(values) };
  try {
    await requestPasswordReset({ input: values });
  } catch (error) {
    return errorState(error, values);
  }
  // The same answer whether or not the address has an account.
  return { status: 'success', message: 'Wenn es zu dieser Adresse ein Konto gibt, haben wir einen Link zum Zurücksetzen geschickt. Er gilt eine Stunde.', values: {} };
}

export async function resetPasswordAction(_state: FormState, formData: FormData): Promise<FormState> {
  const values = formDataToObject(formData);
  const parsed = resetPasswordSchema.safeParse(values);
  if (!parsed.success) return { status: 'error', message: 'Bitte prüfen Sie die markierten Felder.', fieldErrors: toFieldErrors(parsed.error) };
  try {
    await resetPassword({ input: values });
  } catch (error) {
    return errorState(error);
  }
  redirect(`/${pageLocale(formData)}/anmelden?passwort=1`);
}

export async function acceptInvitationAction(_state: FormState, formData: FormData): Promise<FormState> {
  const values = formDataToObject(formData);
  const parsed = acceptInvitationSchema.safeParse(values);
  if (!parsed.success) return { status: 'error', message: 'Bitte prüfen Sie die markierten Felder.', fieldErrors: toFieldErrors(parsed.error), values: safeValues(values) };
  let user: Awaited<ReturnType<typeof acceptInvitation>>;
  try {
    user = await acceptInvitation({ input: values });
  } catch (error) {
    return errorState(error, values);
  }
  // The link and the password just chosen prove who this is: no second sign-in.
  await startSession(user);
  redirect('/de/admin/organisationen?willkommen=1');
}

// An invitation for an existing account, accepted by that account while signed in.
export async function acceptInvitationForAccountAction(token: string, _state: FormState): Promise<FormState> {
  try {
    await acceptInvitationForAccount({ actor: await getCurrentUser(), token });
  } catch (error) {
    return errorState(error);
  }
  redirect('/de/admin/organisationen?eingeladen=1');
}
