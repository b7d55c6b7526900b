'use server';
import { redirect } from 'next/navigation';
import type { FormState } from '@/components/forms/form-state';
import { resetSecondFactorOf } from '@/lib/data/account-security';
import { createInvitation, resendInvitation, revokeInvitation } from '@/lib/data/invitations';
import { updateUser } from '@/lib/data/users';
import { isUuid } from '@/lib/data/versioning';
import { invitationInputSchema, userUpdateSchema } from '@/lib/schemas/auth';
import { readForm } from '@/lib/schemas/form-contract';
import { invitationFields, userFields } from './user-fields';
import { errorState, getCurrentUser, invalidState } from '../action-utils';

export async function inviteAction(_state: FormState, formData: FormData): Promise<FormState> {
  const values = readForm(formData, invitationFields({ organizations: [] }));
  const parsed = invitationInputSchema.safeParse(values);
  if (!parsed.success) return invalidState(parsed.error!, values);
  try {
    await createInvitation({ actor: await getCurrentUser(), input: values });
  } catch (error) {
    return errorState(error, values);
  }
  redirect('/de/admin/benutzer?eingeladen=1');
}

export async function updateUserAction(id: string, _state: FormState, formData: FormData): Promise<FormState> {
  const values = readForm(formData, userFields({ organizations: [] }));
  const parsed = userUpdateSchema.safeParse(values);
  if (!parsed.success) return invalidState(parsed.error!, values);
  try {
    await updateUser({ actor: await getCurrentUser(), id, input: values });
  } catch (error) {
    return errorState(error, values);
  }
  redirect('/de/admin/benutzer?gespeichert=1');
}

// Resend or revoke an open invitation, from the users page (organizationId null) or from an
// organization's team page, which the browser returns to.
export async function invitationAction(organizationId: string | null, kind: 'resend' | 'revoke', id: string, _state: FormState): Promise<FormState> {
  try {
    const actor = await getCurrentUser();
    if (kind === 'resend') await resendInvitation({ actor, id });
    else await revokeInvitation({ actor, id });
  } catch (error) {
    return errorState(error);
  }
  const page = organizationId && isUuid(organizationId) ? `/de/admin/organisationen/${organizationId}/team` : '/de/admin/benutzer';
  redirect(`${page}?${kind === 'resend' ? 'erneut' : 'widerrufen'}=1`);
}

// Lost phone and recovery codes: the person sets the second factor up again at the next sign-in.
export async function resetSecondFactorAction(userId: string, _state: FormState): Promise<FormState> {
  try {
    await resetSecondFactorOf({ actor: await getCurrentUser(), userId });
  } catch (error) {
    return errorState(error);
  }
  redirect(`/de/admin/benutzer/${userId}?zurueckgesetzt=1`);
}
