'use server';
// Translations of one entity into one language: parse the form with zod (field errors and the
// entered values on failure), save (the data function checks permission), expire the public cache,
// redirect outside the try.
import { redirect } from 'next/navigation';
import type { FormState } from '@/components/forms/form-state';
import { entryTags, expireCache } from '@/lib/cache';
import { saveContentTranslations } from '@/lib/data/content-translations';
import { recordTags } from '@/lib/data/projects/tags';
import { AppError } from '@/lib/errors';
import { formDataToObject } from '@/lib/schemas/common';
import { translatableEntitySchema, translationInputSchema } from '@/lib/schemas/content-translation';
import { errorState, getCurrentUser, invalidState } from '../../../action-utils';

export async function saveTranslationsAction(
  organizationId: string,
  entityType: string,
  entityId: string,
  locale: string,
  _state: FormState,
  formData: FormData,
): Promise<FormState> {
  const values = formDataToObject(formData);
  const type = translatableEntitySchema.safeParse(entityType);
  if (!type.success) return errorState(new AppError('NOT_FOUND'), values);
  const parsed = translationInputSchema(type.data).safeParse(values);
  if (!parsed.success) {
    return invalidState(parsed.error!, values);
  }
  try {
    await saveContentTranslations({ actor: await getCurrentUser(), organizationId, entityType: type.data, entityId, locale, input: parsed.data });
  } catch (error) {
    return errorState(error, values);
  }
  // A project's or an event's translation also shows in the lists and pages of projects/events.
  const extra = type.data === 'PROJECT' ? recordTags('project', [organizationId]) : type.data === 'EVENT' ? recordTags('event', [organizationId]) : [];
  await expireCache([...new Set([...entryTags(organizationId), ...extra])]);
  redirect(`/de/admin/organisationen/${organizationId}/uebersetzungen?sprache=${encodeURIComponent(locale)}&gespeichert=1#eintrag-${entityId}`);
}
