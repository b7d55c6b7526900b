// Translations of content fields (Translation table): which fields of which entity are translated,
// into which languages, and the form schema. Maximum lengths are those of the German fields
// (lib/schemas/organization.ts, project.ts, event.ts). An empty value removes the translation (German is the fallback).
import { z } from 'zod';
import { msg } from './common';

export const TRANSLATION_LOCALES = ['en', 'ar', 'uk', 'ru'] as const;
export type TranslationLocale = (typeof TRANSLATION_LOCALES)[number];

export const TRANSLATION_LOCALE_LABELS: Record<TranslationLocale, string> = {
  en: 'Englisch',
  ar: 'Arabisch',
  uk: 'Ukrainisch',
  ru: 'Russisch',
};

// Projects the organization leads and events it organizes are translated on its page too.
const TRANSLATABLE_ENTITIES = ['ORGANIZATION', 'SERVICE', 'LOCATION', 'CONTACT_PERSON', 'SCHEDULE', 'PROJECT', 'EVENT'] as const;
export type TranslatableEntityType = (typeof TRANSLATABLE_ENTITIES)[number];

export interface TranslatableFieldSpec {
  name: string;
  label: string;
  maxLength: number;
  // Long texts get a textarea.
  isLong: boolean;
}

// The fields the public pages translate (lib/data/organizations.ts, lib/data/projects/public.ts,
// lib/data/events/public.ts), per entity.
export const TRANSLATABLE_FIELDS: Record<TranslatableEntityType, readonly TranslatableFieldSpec[]> = {
  ORGANIZATION: [
    { name: 'name', label: 'Name', maxLength: 200, isLong: false },
    { name: 'description', label: 'Beschreibung', maxLength: 5000, isLong: true },
  ],
  SERVICE: [
    { name: 'name', label: 'Name des Angebots', maxLength: 200, isLong: false },
    { name: 'description', label: 'Beschreibung', maxLength: 5000, isLong: true },
    { name: 'eligibility', label: 'Voraussetzungen', maxLength: 1000, isLong: true },
    { name: 'cost', label: 'Kosten', maxLength: 500, isLong: false },
    { name: 'howToApply', label: 'Zugang / Anmeldung', maxLength: 1000, isLong: true },
    { name: 'alertText', label: 'Öffentlicher Hinweis', maxLength: 500, isLong: false },
  ],
  LOCATION: [
    { name: 'accessibilityNote', label: 'Hinweise zur Barrierefreiheit', maxLength: 500, isLong: true },
    { name: 'transportNote', label: 'Anfahrt mit Bus und Bahn', maxLength: 500, isLong: true },
  ],
  CONTACT_PERSON: [{ name: 'role', label: 'Funktion / Zuständigkeit', maxLength: 200, isLong: false }],
  SCHEDULE: [{ name: 'note', label: 'Hinweis', maxLength: 300, isLong: false }],
  PROJECT: [
    { name: 'title', label: 'Titel', maxLength: 200, isLong: false },
    { name: 'summary', label: 'Kurzbeschreibung', maxLength: 4000, isLong: true },
    { name: 'funding', label: 'Förderung', maxLength: 1000, isLong: true },
    { name: 'results', label: 'Ergebnisse', maxLength: 4000, isLong: true },
  ],
  EVENT: [
    { name: 'title', label: 'Titel', maxLength: 200, isLong: false },
    { name: 'description', label: 'Beschreibung', maxLength: 6000, isLong: true },
    { name: 'cost', label: 'Kosten', maxLength: 300, isLong: false },
    { name: 'registrationInfo', label: 'So melden Sie sich an', maxLength: 1000, isLong: true },
  ],
};

export const translationLocaleSchema = z.enum(TRANSLATION_LOCALES, { error: 'Bitte wählen Sie eine Sprache.' });
export const translatableEntitySchema = z.enum(TRANSLATABLE_ENTITIES, { error: 'Unbekannter Bereich.' });

const translationText = (max: number) =>
  z.preprocess((value) => (typeof value === 'string' ? value.trim() : value), z.string({ error: msg.tooLong(max) }).max(max, msg.tooLong(max))).optional();

// The form values of one entity in one language: only its translatable fields, each optional
// (a missing field stays as it is, an empty one removes the translation).
export function translationInputSchema(entityType: TranslatableEntityType) {
  return z.object(Object.fromEntries(TRANSLATABLE_FIELDS[entityType].map((field) => [field.name, translationText(field.maxLength)])));
}
