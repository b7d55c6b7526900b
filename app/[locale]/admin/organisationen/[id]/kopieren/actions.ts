'use server';
import { redirect } from 'next/navigation';
import type { FormState } from '@/components/forms/form-state';
import { copyOrganization } from '@/lib/data/organization-copy/copy-organization';
import { errorState, getCurrentUser } from '../../../action-utils';

export async function copyOrganizationAction(id: string, _state: FormState): Promise<FormState> {
  let copy: { id: string };
  try {
    copy = await copyOrganization({ actor: await getCurrentUser(), id });
  } catch (error) {
    return errorState(error);
  }
  redirect(`/de/admin/organisationen/${copy.id}?gespeichert=1`);
}
