'use server';
// Languages: parse, save (the data function checks permission and refuses deleting a language
// still offered), expire the public directory (language filter and names), redirect outside the try.
import { redirect } from 'next/navigation';
import type { FormState } from '@/components/forms/form-state';
import { entryTags, expireCache } from '@/lib/cache';
import { createLanguage, deleteLanguage, updateLanguage } from '@/lib/data/languages';
import { languageInputSchema, newLanguageInputSchema } from '@/lib/schemas/language';
import { readForm } from '@/lib/schemas/form-contract';
import { languageFields } from './language-fields';
import { errorState, getCurrentUser, invalidState } from '../action-utils';

const BASE = '/de/admin/sprachen';

export async function createLanguageAction(_state: FormState, formData: FormData): Promise<FormState> {
  const values = readForm(formData, languageFields({ withCode: true }));
  const parsed = newLanguageInputSchema.safeParse(values);
  if (!parsed.success) {
    return invalidState(parsed.error!, values);
  }
  try {
    await createLanguage({ actor: await getCurrentUser(), input: parsed.data });
  } catch (error) {
    return errorState(error, values);
  }
  // Language names show on every entry and in every list.
  await expireCache(entryTags(null));
  redirect(`${BASE}?gespeichert=1`);
}

export async function updateLanguageAction(code: string, _state: FormState, formData: FormData): Promise<FormState> {
  const values = readForm(formData, languageFields({ withCode: false }));
  const parsed = languageInputSchema.safeParse(values);
  if (!parsed.success) {
    return invalidState(parsed.error!, values);
  }
  try {
    await updateLanguage({ actor: await getCurrentUser(), code, input: parsed.data });
  } catch (error) {
    return errorState(error, values);
  }
  // Language names show on every entry and in every list.
  await expireCache(entryTags(null));
  redirect(`${BASE}/${code}?gespeichert=1`);
}

export async function deleteLanguageAction(code: string, _state: FormState): Promise<FormState> {
  try {
    await deleteLanguage({ actor: await getCurrentUser(), code });
  } catch (error) {
    return errorState(error);
  }
  // Language names show on every entry and in every list.
  await expireCache(entryTags(null));
  redirect(`${BASE}?geloescht=1`);
}
