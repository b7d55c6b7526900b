// Languages that entries can offer (ISO 639-1 code), with names in German, in the language
// itself and in the UI languages, so that the search finds "arabisch", "Arabic" and "العربية".
import { z } from 'zod';
import { checkbox, msg, optionalInt, optionalText, requiredText } from './common';

export const languageCodeSchema = z.preprocess(
  (value) => (typeof value === 'string' ? value.trim().toLowerCase() : value),
  z.string({ error: msg.required }).min(1, msg.required).regex(/^[a-z]{2,3}$/, 'Bitte den Sprachcode nach ISO 639 eingeben: zwei oder drei Kleinbuchstaben (z. B. „ar“).'),
);

export const languageInputSchema = z.object({
  nameDe: requiredText(100),
  nameNative: requiredText(100),
  name_en: optionalText(100),
  name_ar: optionalText(100),
  name_uk: optionalText(100),
  name_ru: optionalText(100),
  sortOrder: optionalInt(0, 9999),
  isActive: checkbox(),
});

export const newLanguageInputSchema = languageInputSchema.extend({ code: languageCodeSchema });

export type LanguageInput = z.infer<typeof languageInputSchema>;

export const LANGUAGE_FIELD_LABELS: Record<string, string> = {
  code: 'Sprachcode',
  nameDe: 'Name auf Deutsch',
  nameNative: 'Name in der Sprache selbst',
  name_en: 'Name auf Englisch',
  name_ar: 'Name auf Arabisch',
  name_uk: 'Name auf Ukrainisch',
  name_ru: 'Name auf Russisch',
  names: 'Namen in den Sprachen der Website',
  sortOrder: 'Reihenfolge',
  isActive: 'Aktiv (in Formularen und Filtern wählbar)',
};
