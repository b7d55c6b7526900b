// Form fields of a language. Labels and hints come from messages/admin/<locale>.json
// (Admin.Languages.fields); pages pass the translator of the admin's language, German when they pass none.
import { createTranslator } from 'next-intl';
import type { FieldSpec } from '@/components/forms/form-state';
import { TRANSLATED_LOCALES } from '@/lib/schemas/taxonomy';
import de from '@/messages/admin/de.json';

const GERMAN = createTranslator({ locale: 'de', messages: de.Admin, namespace: 'Languages' });
export type LanguagesT = typeof GERMAN;

export function languageFields({ withCode }: { withCode: boolean }, t: LanguagesT = GERMAN): FieldSpec[] {
  return [
    ...(withCode ? [{ name: 'code', label: t('fields.code'), isRequired: true, hint: t('fields.codeHint') }] : []),
    { name: 'nameDe', label: t('fields.nameDe'), isRequired: true },
    { name: 'nameNative', label: t('fields.nameNative'), isRequired: true, hint: t('fields.nameNativeHint') },
    ...TRANSLATED_LOCALES.map((locale) => ({ name: `name_${locale}`, label: t(`fields.name_${locale}`) })),
    { name: 'sortOrder', label: t('fields.sortOrder'), type: 'number' as const, hint: t('fields.sortOrderHint') },
    { name: 'isActive', label: t('fields.isActive'), type: 'checkbox' as const },
  ];
}

export function languageFormValues(language: { nameDe: string; nameNative: string; names: Record<string, string>; sortOrder: number; isActive: boolean }) {
  const values: Record<string, string> = {
    nameDe: language.nameDe,
    nameNative: language.nameNative,
    sortOrder: String(language.sortOrder),
    isActive: language.isActive ? 'on' : '',
  };
  for (const locale of TRANSLATED_LOCALES) values[`name_${locale}`] = language.names[locale] ?? '';
  return values;
}
