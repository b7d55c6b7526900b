// A concept of the search vocabulary as coordinators edit it: its German name, the taxonomy terms
// it means, and its words per language (one per line). Shared by the admin form and the server.
import { z } from 'zod';
import { idList, msg, requiredText } from './common';

export const VOCABULARY_LOCALES = ['de', 'en', 'ar', 'uk', 'ru', 'fa', 'tr'] as const;
export type VocabularyLocale = (typeof VOCABULARY_LOCALES)[number];

const MAX_WORDS = 100; // also in the message below

// One word or phrase per line (or, parsed once already, a list); empty lines and repeats dropped.
const wordLines = z.preprocess(
  (value) => {
    const lines = typeof value === 'string' ? value.split(/\r?\n/) : Array.isArray(value) ? value.map(String) : [];
    return [...new Set(lines.map((line) => line.trim().replace(/\s+/g, ' ')).filter(Boolean))];
  },
  z.array(z.string().max(80, 'Ein Suchwort darf höchstens 80 Zeichen lang sein.')).max(MAX_WORDS, 'Höchstens 100 Suchwörter je Sprache.'),
);

export const conceptInputSchema = z.object({
  label: requiredText(120),
  terms: idList(),
  ...(Object.fromEntries(VOCABULARY_LOCALES.map((locale) => [`words_${locale}`, wordLines])) as Record<
    `words_${VocabularyLocale}`,
    typeof wordLines
  >),
});

export type ConceptInput = z.infer<typeof conceptInputSchema>;

// "Add this search as a word of concept X" from the report of searches without result.
export const addSearchWordSchema = z.object({
  conceptId: z.uuid({ error: msg.choice }),
  query: requiredText(80),
  locale: z.enum(VOCABULARY_LOCALES, { error: msg.choice }),
});

export const CONCEPT_FIELD_LABELS: Record<string, string> = {
  label: 'Name des Begriffs',
  terms: 'Bedeutet (Themen, Arten, Zielgruppen)',
  words_de: 'Suchwörter Deutsch',
  words_en: 'Suchwörter Englisch',
  words_ar: 'Suchwörter Arabisch',
  words_uk: 'Suchwörter Ukrainisch',
  words_ru: 'Suchwörter Russisch',
  words_fa: 'Suchwörter Persisch (Farsi/Dari)',
  words_tr: 'Suchwörter Türkisch',
  conceptId: 'Begriff',
  query: 'Suchanfrage',
  locale: 'Sprache',
};
