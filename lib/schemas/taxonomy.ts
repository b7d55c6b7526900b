// Categories (Bereiche), topics (Themen) and target groups (Zielgruppen): German label plus
// translated labels per UI language.
import { z } from 'zod';
import { msg, optionalId, optionalInt, optionalText, requiredText } from './common';

export const TAXONOMY_KINDS = ['CATEGORY', 'TOPIC', 'TARGET_GROUP'] as const;
export type TaxonomyKindValue = (typeof TAXONOMY_KINDS)[number];

export const TAXONOMY_KIND_LABELS: Record<TaxonomyKindValue, string> = {
  CATEGORY: 'Bereich',
  TOPIC: 'Thema',
  TARGET_GROUP: 'Zielgruppe',
};

// The UI languages besides German, in the order of the form.
export const TRANSLATED_LOCALES = ['en', 'ar', 'uk', 'ru'] as const;

export const termInputSchema = z.object({
  kind: z.enum(TAXONOMY_KINDS, { error: msg.choice }),
  label: requiredText(120),
  label_en: optionalText(120),
  label_ar: optionalText(120),
  label_uk: optionalText(120),
  label_ru: optionalText(120),
  sortOrder: optionalInt(0, 9999),
  parentId: optionalId(),
});

export type TermInput = z.infer<typeof termInputSchema>;

export const TERM_FIELD_LABELS: Record<string, string> = {
  kind: 'Art',
  label: 'Bezeichnung (Deutsch)',
  label_en: 'Englisch',
  label_ar: 'Arabisch',
  label_uk: 'Ukrainisch',
  label_ru: 'Russisch',
  labels: 'Übersetzungen',
  sortOrder: 'Reihenfolge',
  parentId: 'Übergeordneter Begriff',
};
