'use server';
// The search vocabulary: parse with the form's own fields, save (the data functions check the
// permission), redirect outside the try. The public search reads the vocabulary live.
import { redirect } from 'next/navigation';
import type { FormState } from '@/components/forms/form-state';
import { addSearchAsWord, createConcept, deleteConcept, updateConcept } from '@/lib/data/search-vocabulary';
import { addSearchWordSchema, conceptInputSchema } from '@/lib/schemas/search-vocabulary';
import { readForm } from '@/lib/schemas/form-contract';
import { conceptFields } from './concept-fields';
import { errorState, getCurrentUser, invalidState } from '../action-utils';

const BASE = '/de/admin/suchwortschatz';
// The values of the checkbox group are ids; the server checks them, the form's options do not matter here.
const FIELDS = conceptFields([]);

export async function createConceptAction(_state: FormState, formData: FormData): Promise<FormState> {
  const values = readForm(formData, FIELDS);
  const parsed = conceptInputSchema.safeParse(values);
  if (!parsed.success) return invalidState(parsed.error, values);
  let id: string;
  try {
    ({ id } = await createConcept({ actor: await getCurrentUser(), input: parsed.data }));
  } catch (error) {
    return errorState(error, values);
  }
  redirect(`${BASE}/${id}?gespeichert=1`);
}

export async function updateConceptAction(id: string, _state: FormState, formData: FormData): Promise<FormState> {
  const values = readForm(formData, FIELDS);
  const parsed = conceptInputSchema.safeParse(values);
  if (!parsed.success) return invalidState(parsed.error, values);
  try {
    await updateConcept({ actor: await getCurrentUser(), id, input: parsed.data });
  } catch (error) {
    return errorState(error, values);
  }
  redirect(`${BASE}/${id}?gespeichert=1`);
}

export async function deleteConceptAction(id: string, _state: FormState): Promise<FormState> {
  try {
    await deleteConcept({ actor: await getCurrentUser(), id });
  } catch (error) {
    return errorState(error);
  }
  redirect(`${BASE}?geloescht=1`);
}

const ADD_FIELDS = [{ name: 'conceptId' }, { name: 'query' }, { name: 'locale' }];

// From the report of searches without result (a plain form in each row, no client script): the
// search becomes a word of the chosen concept; the report then says how many of its searches
// find something now, or which row needs a concept chosen.
export async function addSearchWordAction(formData: FormData): Promise<void> {
  const values = readForm(formData, ADD_FIELDS, ['tage']);
  const days = [30, 90, 365].find((period) => String(period) === values.tage) ?? 90;
  const parsed = addSearchWordSchema.safeParse(values);
  const back = (params: Record<string, string>) => `/de/admin/suchanfragen?${new URLSearchParams({ tage: String(days), ...params })}`;
  if (!parsed.success) redirect(back({ fehler: String(values.query ?? '') }));
  let result: { before: number; after: number; total: number } | null = null;
  try {
    result = await addSearchAsWord({ actor: await getCurrentUser(), input: parsed.data, days });
  } catch (error) {
    const state = errorState(error, values);
    redirect(back({ fehler: String(values.query ?? ''), meldung: state.message ?? '' }));
  }
  redirect(back({ aufgenommen: parsed.data.query, vorher: String(result.before), nachher: String(result.after), von: String(result.total) }));
}
