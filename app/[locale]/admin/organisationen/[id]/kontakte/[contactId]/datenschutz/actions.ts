'use server';
// GDPR for one contact person: withdraw consent (partners of the organization and coordinators)
// and erase (coordinators, after an explicit confirmation). The data functions check permission.
// Both change what the public sees, so the directory cache is expired.
import { redirect } from 'next/navigation';
import { z } from 'zod';
import type { FormState } from '@/components/forms/form-state';
import { entryTags, expireCache } from '@/lib/cache';
import { eraseContactPerson, withdrawConsent } from '@/lib/data/personal-data';
import { formDataToObject } from '@/lib/schemas/common';
import { errorState, getCurrentUser, invalidState } from '../../../../../action-utils';

const idSchema = z.uuid();
const eraseSchema = z.object({
  confirm: z.literal('on', { error: 'Bitte bestätigen Sie, dass alle Daten dieser Person endgültig gelöscht werden sollen.' }),
});

function base(organizationId: string, contactId: string): string {
  return `/de/admin/organisationen/${organizationId}/kontakte/${contactId}/datenschutz`;
}

export async function withdrawConsentAction(organizationId: string, contactId: string, _state: FormState): Promise<FormState> {
  if (!idSchema.safeParse(contactId).success || !idSchema.safeParse(organizationId).success) return { status: 'error', message: 'Der Eintrag wurde nicht gefunden.' };
  let owner: string;
  try {
    ({ organizationId: owner } = await withdrawConsent({ actor: await getCurrentUser(), contactId }));
  } catch (error) {
    return errorState(error);
  }
  await expireCache(entryTags(owner));
  redirect(`${base(organizationId, contactId)}?widerrufen=1`);
}

export async function eraseContactAction(organizationId: string, contactId: string, _state: FormState, formData: FormData): Promise<FormState> {
  const values = formDataToObject(formData);
  const parsed = eraseSchema.safeParse(values);
  if (!parsed.success) {
    return invalidState(parsed.error!, values);
  }
  if (!idSchema.safeParse(contactId).success || !idSchema.safeParse(organizationId).success) return { status: 'error', message: 'Der Eintrag wurde nicht gefunden.' };
  let remaining: unknown[];
  try {
    ({ remaining } = await eraseContactPerson({ actor: await getCurrentUser(), contactId }));
  } catch (error) {
    return errorState(error);
  }
  // The person may be named anywhere (the coordination office, other entries' texts): expire all.
  await expireCache(entryTags(null));
  redirect(`${base(organizationId, contactId)}/geloescht${remaining.length ? '?hinweis=organisation' : ''}`);
}
