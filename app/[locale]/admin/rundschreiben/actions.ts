'use server';
// Server actions for circular drafts and sending. Attachments are uploaded through the route
// handler /api/admin/circulars/[id]/attachments (files up to 10 MB exceed the server action limit).
import { redirect } from 'next/navigation';
import type { FormState } from '@/components/forms/form-state';
import { removeCircularAttachment } from '@/lib/data/circulars/circular-attachments';
import { deleteCircular } from '@/lib/data/circulars/delete-circular';
import { kickCircularQueue } from '@/lib/data/circulars/kick-circular-queue';
import { queueCircular } from '@/lib/data/circulars/queue-circular';
import { updateCircular } from '@/lib/data/circulars/update-circular';
import { formDataToObject } from '@/lib/schemas/common';
import { circularInputSchema } from '@/lib/schemas/distribution-list';
import { errorState, formVersion, getCurrentUser, invalidState } from '../action-utils';

const BASE = '/de/admin/rundschreiben';

export async function updateCircularAction(id: string, _state: FormState, formData: FormData): Promise<FormState> {
  const values = formDataToObject(formData);
  const parsed = circularInputSchema.safeParse(values);
  if (!parsed.success) return invalidState(parsed.error, values);
  try {
    await updateCircular({ actor: await getCurrentUser(), id, version: formVersion(values) ?? 0, input: values });
  } catch (error) {
    return errorState(error, values);
  }
  redirect(`${BASE}/${id}?gespeichert=1`);
}

export async function queueCircularAction(id: string, version: number, _state: FormState): Promise<FormState> {
  try {
    await queueCircular({ actor: await getCurrentUser(), id, version });
  } catch (error) {
    return errorState(error);
  }
  // Sending runs after this response, in the background of the server.
  kickCircularQueue();
  redirect(`${BASE}/${id}?versand=1`);
}

export async function deleteCircularAction(id: string, _state: FormState): Promise<FormState> {
  let listId: string | null;
  try {
    ({ listId } = await deleteCircular({ actor: await getCurrentUser(), id }));
  } catch (error) {
    return errorState(error);
  }
  redirect(listId ? `/de/admin/verteiler/${listId}?entwurfGeloescht=1` : BASE);
}

export async function removeAttachmentAction(id: string, attachmentId: string, _state: FormState): Promise<FormState> {
  try {
    await removeCircularAttachment({ actor: await getCurrentUser(), id, attachmentId });
  } catch (error) {
    return errorState(error);
  }
  redirect(`${BASE}/${id}?anhangEntfernt=1`);
}
