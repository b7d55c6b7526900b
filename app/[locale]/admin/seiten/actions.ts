'use server';
// Content pages: parse, save (the data function checks permission and version), expire the cached
// public pages, redirect outside the try.
import { redirect } from 'next/navigation';
import type { FormState } from '@/components/forms/form-state';
import { expireCache, pageTag } from '@/lib/cache';
import { createPage, deletePageTranslation, updatePage } from '@/lib/data/admin-pages';
import { readForm } from '@/lib/schemas/form-contract';
import { newPageFields, pageFields } from './page-fields';
import { newPageInputSchema, pageInputSchema } from '@/lib/schemas/page';
import { errorState, formVersion, getCurrentUser, invalidState } from '../action-utils';

const BASE = '/de/admin/seiten';

export async function createPageAction(_state: FormState, formData: FormData): Promise<FormState> {
  const values = readForm(formData, newPageFields());
  const parsed = newPageInputSchema.safeParse(values);
  if (!parsed.success) {
    return invalidState(parsed.error!, values);
  }
  try {
    await createPage({ actor: await getCurrentUser(), input: parsed.data });
  } catch (error) {
    return errorState(error, values);
  }
  await expireCache([pageTag(parsed.data.slug)]);
  redirect(`${BASE}/${parsed.data.slug}/${parsed.data.locale}?gespeichert=1`);
}

export async function updatePageAction(slug: string, locale: string, _state: FormState, formData: FormData): Promise<FormState> {
  const values = readForm(formData, pageFields(), ['version']);
  const parsed = pageInputSchema.safeParse(values);
  if (!parsed.success) {
    return invalidState(parsed.error!, values);
  }
  try {
    await updatePage({ actor: await getCurrentUser(), slug, locale, version: formVersion(values) ?? 0, input: parsed.data });
  } catch (error) {
    return errorState(error, values);
  }
  await expireCache([pageTag(slug)]);
  redirect(`${BASE}/${slug}/${locale}?gespeichert=1`);
}

export async function deletePageTranslationAction(slug: string, locale: string, _state: FormState): Promise<FormState> {
  try {
    await deletePageTranslation({ actor: await getCurrentUser(), slug, locale });
  } catch (error) {
    return errorState(error);
  }
  await expireCache([pageTag(slug)]);
  redirect(`${BASE}?geloescht=${encodeURIComponent(`${slug}/${locale}`)}`);
}
