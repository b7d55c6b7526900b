import type { FieldSpec } from '@/components/forms/form-state';
import { LOCALE_LABELS, TRANSLATED_LOCALES } from '@/lib/schemas/taxonomy';

export function languageFields({ withCode }: { withCode: boolean }): FieldSpec[] {
  return [
    ...(withCode
      ? [{ name: 'code', label: 'Sprachcode', isRequired: true, hint: 'ISO 639-1, zwei Kleinbuchstaben, z. B. „ti“ für Tigrinya. Er bleibt fest.' }]
      : []),
    { name: 'nameDe', label: 'Name auf Deutsch', isRequired: true },
    { name: 'nameNative', label: 'Name in der Sprache selbst', isRequired: true, hint: 'So, wie Sprecher*innen ihn schreiben, z. B. „العربية“.' },
    ...TRANSLATED_LOCALES.map((locale) => ({ name: `name_${locale}`, label: `Name auf ${LOCALE_LABELS[locale]}` })),
    { name: 'sortOrder', label: 'Reihenfolge', type: 'number' as const, hint: 'Kleinere Zahlen stehen weiter oben.' },
    { name: 'isActive', label: 'Aktiv (in Formularen und Filtern wählbar)', type: 'checkbox' as const },
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
