'use server';
// The signed-in user's own account. After a save the page reloads, so the whole admin area
// switches to the chosen language at once.
import { revalidatePath } from 'next/cache';
import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import type { FormState } from '@/components/forms/form-state';
import { clientIp } from '@/lib/data/auth/credentials';
import { getCurrentSession, MFA_SETUP_PATH } from '@/lib/auth/session';
import { updateOwnAccount } from '@/lib/data/account';
import {
  changeOwnPassword,
  confirmSecondFactorSetup,
  disableSecondFactor,
  endOwnSessions,
  regenerateRecoveryCodes,
  startSecondFactorSetup,
} from '@/lib/data/account-security';
import { AppError } from '@/lib/errors';
import { accountInputSchema } from '@/lib/schemas/account';
import { changePasswordSchema } from '@/lib/schemas/auth';
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

// --- Sign-in security: password, signed-in browsers, second factor ----------------------------

async function requestIp(): Promise<string> {
  return clientIp(Object.fromEntries((await headers()).entries()));
}

export async function changePasswordAction(_state: FormState, formData: FormData): Promise<FormState> {
  const values = formDataToObject(formData);
  const parsed = changePasswordSchema.safeParse(values);
  if (!parsed.success) return { status: 'error', message: 'Bitte prüfen Sie die markierten Felder.', fieldErrors: toFieldErrors(parsed.error) };
  const session = await getCurrentSession();
  if (!session || session.mustSetUpSecondFactor) return errorState(new AppError('UNAUTHENTICATED'));
  try {
    await changeOwnPassword({ actor: session.actor, sessionId: session.sessionId, input: values, ip: await requestIp() });
  } catch (error) {
    return errorState(error);
  }
  return { status: 'success', message: 'Ihr Passwort ist geändert. Alle anderen Anmeldungen wurden beendet.' };
}

export async function endSessionAction(id: string | undefined, _state: FormState): Promise<FormState> {
  const session = await getCurrentSession();
  if (!session || session.mustSetUpSecondFactor) return errorState(new AppError('UNAUTHENTICATED'));
  try {
    await endOwnSessions({ actor: session.actor, currentSessionId: session.sessionId, id });
  } catch (error) {
    return errorState(error);
  }
  redirect('/de/admin/konto?abgemeldet=1#anmeldungen');
}

export async function startSecondFactorAction(_state: FormState): Promise<FormState> {
  // Also a session that must set up its second factor first: this is that set-up.
  const session = await getCurrentSession();
  if (!session) return errorState(new AppError('UNAUTHENTICATED'));
  try {
    await startSecondFactorSetup({ actor: session.actor });
  } catch (error) {
    return errorState(error);
  }
  // A new address (not only a #fragment), so that the page renders again with the QR code.
  redirect(`${MFA_SETUP_PATH}?${session.mustSetUpSecondFactor ? 'pflicht=1&' : ''}schritt=einrichten`);
}

export interface RecoveryCodesState extends FormState {
  recoveryCodes?: string[];
}

export async function confirmSecondFactorAction(_state: RecoveryCodesState, formData: FormData): Promise<RecoveryCodesState> {
  const values = formDataToObject(formData);
  // Also a session that must set up its second factor first: this is that set-up.
  const session = await getCurrentSession();
  if (!session) return errorState(new AppError('UNAUTHENTICATED'));
  try {
    const { recoveryCodes } = await confirmSecondFactorSetup({ actor: session.actor, sessionId: session.sessionId, input: values, ip: await requestIp() });
    return { status: 'success', recoveryCodes };
  } catch (error) {
    return errorState(error);
  }
}

export async function regenerateRecoveryCodesAction(_state: RecoveryCodesState, formData: FormData): Promise<RecoveryCodesState> {
  const values = formDataToObject(formData);
  const session = await getCurrentSession();
  if (!session || session.mustSetUpSecondFactor) return errorState(new AppError('UNAUTHENTICATED'));
  try {
    const { recoveryCodes } = await regenerateRecoveryCodes({ actor: session.actor, input: values, ip: await requestIp() });
    return { status: 'success', recoveryCodes };
  } catch (error) {
    return errorState(error);
  }
}

export async function disableSecondFactorAction(_state: FormState, formData: FormData): Promise<FormState> {
  const values = formDataToObject(formData);
  const session = await getCurrentSession();
  if (!session || session.mustSetUpSecondFactor) return errorState(new AppError('UNAUTHENTICATED'));
  try {
    await disableSecondFactor({ actor: session.actor, input: values, ip: await requestIp() });
  } catch (error) {
    return errorState(error);
  }
  redirect(`${MFA_SETUP_PATH}?ausgeschaltet=1`);
}
