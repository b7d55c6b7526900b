'use server';
// Server actions for distribution lists: parse with zod (field errors and the entered values on
// failure), call the data function (which checks that the caller is a coordinator), redirect.
import { redirect } from 'next/navigation';
import type { ZodError } from 'zod';
import type { FormState } from '@/components/forms/form-state';
import { createCircular } from '@/lib/data/circulars/create-circular';
import { createDistributionList } from '@/lib/data/distribution-lists/create-distribution-list';
import { deleteDistributionList } from '@/lib/data/distribution-lists/delete-distribution-list';
import { updateDistributionList } from '@/lib/data/distribution-lists/update-distribution-list';
import { circularInputSchema, distributionListInputSchema } from '@/lib/schemas/distribution-list';
import { readForm } from '@/lib/schemas/form-contract';
import { circularFields, distributionListFields } from '@/components/admin/distribution-list-fields';
import { adminTranslator } from '@/lib/i18n/admin';
import { errorState, formVersion, getCurrentUser, invalidState } from '../action-utils';

const BASE = '/de/admin/verteiler';

function invalid(schema: { safeParse(input: unknown): { success: true } | { success: false; error: ZodError } }, values: Record<string, unknown>): FormState | null {
  const parsed = schema.safeParse(values);
  return parsed.success ? null : invalidState(parsed.error, values);
}

// The forms' fields as the server reads them (the definitions the pages render; options do not matter).
const NONE: { value: string; label: string }[] = [];
const listFields = () =>
  distributionListFields({ categories: NONE, topics: NONE, municipalities: NONE, languages: NONE, organizations: NONE, contacts: NONE }, adminTranslator('de', 'DistributionLists'));

export async function createDistributionListAction(_state: FormState, formData: FormData): Promise<FormState> {
  const values = readForm(formData, listFields());
  const failed = invalid(distributionListInputSchema, values);
  if (failed) return failed;
  let id: string;
  try {
    ({ id } = await createDistributionList({ actor: await getCurrentUser(), input: values }));
  } catch (error) {
    return errorState(error, values);
  }
  redirect(`${BASE}/${id}?gespeichert=1`);
}

export async function updateDistributionListAction(id: string, _state: FormState, formData: FormData): Promise<FormState> {
  const values = readForm(formData, listFields(), ['version']);
  const failed = invalid(distributionListInputSchema, values);
  if (failed) return failed;
  try {
    await updateDistributionList({ actor: await getCurrentUser(), id, version: formVersion(values) ?? 0, input: values });
  } catch (error) {
    return errorState(error, values);
  }
  redirect(`${BASE}/${id}?gespeichert=1`);
}

export async function deleteDistributionListAction(id: string, _state: FormState): Promise<FormState> {
  try {
    await deleteDistributionList({ actor: await getCurrentUser(), id });
  } catch (error) {
    return errorState(error);
  }
  redirect(`${BASE}?geloescht=1`);
}

export async function createCircularAction(listId: string, _state: FormState, formData: FormData): Promise<FormState> {
  const values = readForm(formData, circularFields(adminTranslator('de', 'Circulars')));
  const failed = invalid(circularInputSchema, values);
  if (failed) return failed;
  let id: string;
  try {
    ({ id } = await createCircular({ actor: await getCurrentUser(), listId, input: values }));
  } catch (error) {
    return errorState(error, values);
  }
  redirect(`/de/admin/rundschreiben/${id}`);
}
