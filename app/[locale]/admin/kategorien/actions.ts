'use server';
// Categories, topics and target groups: parse, save (the data function checks permission and
// refuses deleting a term in use), expire the public directory (filters and entries show labels),
// redirect outside the try.
import { redirect } from 'next/navigation';
import type { FormState } from '@/components/forms/form-state';
import { entryTags, expireCache } from '@/lib/cache';
import { createTaxonomyTerm, deleteTaxonomyTerm, updateTaxonomyTerm } from '@/lib/data/taxonomy';
import { termInputSchema } from '@/lib/schemas/taxonomy';
import { readForm } from '@/lib/schemas/form-contract';
import { termFields } from './term-fields';
import { errorState, getCurrentUser, invalidState } from '../action-utils';

const BASE = '/de/admin/kategorien';

export async function createTermAction(_state: FormState, formData: FormData): Promise<FormState> {
  const values = readForm(formData, termFields({ parents: [], withKind: true }));
  const parsed = termInputSchema.safeParse(values);
  if (!parsed.success) {
    return invalidState(parsed.error!, values);
  }
  try {
    await createTaxonomyTerm({ actor: await getCurrentUser(), input: parsed.data });
  } catch (error) {
    return errorState(error, values);
  }
  // Term labels show on every entry and in every list.
  await expireCache(entryTags(null));
  redirect(`${BASE}?gespeichert=1#${parsed.data.kind}`);
}

export async function updateTermAction(id: string, _state: FormState, formData: FormData): Promise<FormState> {
  const values = readForm(formData, termFields({ parents: [], withKind: false }));
  // The kind cannot change; the data function takes it from the stored term.
  const parsed = termInputSchema.omit({ kind: true }).safeParse(values);
  if (!parsed.success) {
    return invalidState(parsed.error!, values);
  }
  try {
    await updateTaxonomyTerm({ actor: await getCurrentUser(), id, input: parsed.data });
  } catch (error) {
    return errorState(error, values);
  }
  // Term labels show on every entry and in every list.
  await expireCache(entryTags(null));
  redirect(`${BASE}/${id}?gespeichert=1`);
}

export async function deleteTermAction(id: string, _state: FormState): Promise<FormState> {
  try {
    await deleteTaxonomyTerm({ actor: await getCurrentUser(), id });
  } catch (error) {
    return errorState(error);
  }
  // Term labels show on every entry and in every list.
  await expireCache(entryTags(null));
  redirect(`${BASE}?geloescht=1`);
}
