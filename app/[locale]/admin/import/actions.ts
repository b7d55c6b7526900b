'use server';
// Server actions of the import: the column mapping, the confirmation (the import itself, one
// transaction) and dropping an unused upload. The file itself is uploaded through the route
// handler /api/admin/import/upload.
import { redirect } from 'next/navigation';
import type { FormState } from '@/components/forms/form-state';
import { entryTags, expireCache } from '@/lib/cache';
import { deleteImportSession, saveImportMapping } from '@/lib/data/import/import-sessions';
import { runImport } from '@/lib/data/import/run-import';
import { formDataToObject } from '@/lib/schemas/common';
import { importConfirmSchema } from '@/lib/schemas/import';
import { errorState, getCurrentUser } from '../action-utils';

export async function saveImportMappingAction(id: string, _state: FormState, formData: FormData): Promise<FormState> {
  const values = formDataToObject(formData);
  try {
    await saveImportMapping({ actor: await getCurrentUser(), id, input: values });
  } catch (error) {
    return errorState(error, values);
  }
  redirect(`/de/admin/import/${id}?zuordnung=1#vorschau`);
}

export async function runImportAction(id: string, _state: FormState, formData: FormData): Promise<FormState> {
  const values = formDataToObject(formData);
  const { publish } = importConfirmSchema.parse(values);
  try {
    await runImport({ actor: await getCurrentUser(), id, publish });
  } catch (error) {
    return errorState(error, values);
  }
  await expireCache(entryTags(null));
  redirect(`/de/admin/import/${id}?importiert=1`);
}

export async function deleteImportAction(id: string, _state: FormState): Promise<FormState> {
  try {
    await deleteImportSession({ actor: await getCurrentUser(), id });
  } catch (error) {
    return errorState(error);
  }
  redirect('/de/admin/import?verworfen=1');
}
