// Keywords of an entry ("Suchbegriffe"): words visitors search for that the entry's own text does
// not say, per UI language. Stored as Organization.keywords = { "<locale>": ["word", "two words"] };
// edited as one text field per language ("keywords_de", ...), words separated by commas (also the
// Arabic comma "،"), semicolons or line breaks. Shared by the admin form, the server, import and export.
import { z } from 'zod';

export const KEYWORD_LOCALES = ['de', 'en', 'ar', 'uk', 'ru'] as const;
export type KeywordLocale = (typeof KEYWORD_LOCALES)[number];
export type KeywordField = `keywords_${KeywordLocale}`;
export type Keywords = Partial<Record<KeywordLocale, string[]>>;

export const keywordField = (locale: KeywordLocale): KeywordField => `keywords_${locale}`;
export const KEYWORD_FIELDS = KEYWORD_LOCALES.map(keywordField);

export function isKeywordField(field: string): field is KeywordField {
  return (KEYWORD_FIELDS as string[]).includes(field);
}

// Also in the messages below and in messages/admin/*.json (Validation.keyword*).
const MAX_KEYWORD_LENGTH = 60;
const MAX_KEYWORDS = 30;

const SEPARATORS = /[,;،\r\n]+/;
// Control characters (C0, C1) and bidirectional overrides/isolates: invisible, they would make a
// word look like another one (tabs count as spaces and are folded before this check).
const FORBIDDEN = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

// Text (or a list parsed once already) -> the words: trimmed, inner spaces folded, Unicode NFC,
// empty ones dropped, repeats dropped case-insensitively (the first spelling stays).
function splitKeywords(value: unknown): string[] {
  const parts = typeof value === 'string' ? value.split(SEPARATORS) : Array.isArray(value) ? value.map(String) : [];
  const seen = new Set<string>();
  const words: string[] = [];
  for (const part of parts) {
    const word = part.normalize('NFC').replace(/[ \t\u00a0]+/g, ' ').trim();
    const key = word.toLocaleLowerCase();
    if (!word || seen.has(key)) continue;
    seen.add(key);
    words.push(word);
  }
  return words;
}

export const keywordList = () =>
  z
    .preprocess(
      (value) => (value === undefined || value === null ? value : splitKeywords(value)),
      z
        .array(
          z
            .string()
            .max(MAX_KEYWORD_LENGTH, `Ein Suchbegriff darf höchstens ${MAX_KEYWORD_LENGTH} Zeichen lang sein.`)
            .refine((word) => !FORBIDDEN.test(word), 'Suchbegriffe dürfen keine Steuerzeichen enthalten.'),
        )
        .max(MAX_KEYWORDS, `Höchstens ${MAX_KEYWORDS} Suchbegriffe je Sprache.`)
        .nullable(),
    )
    .optional();

// The stored JSON, read defensively: known locales only, lists of strings only.
export function readKeywords(stored: unknown): Keywords {
  const result: Keywords = {};
  if (!stored || typeof stored !== 'object' || Array.isArray(stored)) return result;
  for (const locale of KEYWORD_LOCALES) {
    const words = (stored as Record<string, unknown>)[locale];
    if (Array.isArray(words)) {
      const list = words.filter((word): word is string => typeof word === 'string' && word.trim() !== '');
      if (list.length) result[locale] = list;
    }
  }
  return result;
}

// The stored JSON as one list per field (what the history and the review diff compare).
export function keywordFieldValues(stored: unknown): Record<KeywordField, string[]> {
  const keywords = readKeywords(stored);
  return Object.fromEntries(KEYWORD_LOCALES.map((locale) => [keywordField(locale), keywords[locale] ?? []])) as Record<KeywordField, string[]>;
}

// Lists per field (keywordFieldValues) as the form shows them: one text per field, words separated by ", ".
export function keywordFieldTexts(lists: Record<string, unknown>): Record<KeywordField, string> {
  return Object.fromEntries(KEYWORD_FIELDS.map((field) => [field, splitKeywords(lists[field]).join(', ')])) as Record<KeywordField, string>;
}

// The stored JSON as the form shows it.
export function keywordFormValues(stored: unknown): Record<KeywordField, string> {
  return keywordFieldTexts(keywordFieldValues(stored));
}

// The stored JSON after an edit that gives some languages (a partial form or a restore changes
// only those); an empty list removes the language.
export function mergeKeywords(stored: unknown, input: Partial<Record<KeywordField, string[] | null | undefined>>): Keywords {
  const result = readKeywords(stored);
  for (const locale of KEYWORD_LOCALES) {
    const words = input[keywordField(locale)];
    if (words === undefined) continue;
    if (words === null || words.length === 0) delete result[locale];
    else result[locale] = words;
  }
  return result;
}

export function hasKeywordInput(input: Partial<Record<string, unknown>>): boolean {
  return KEYWORD_FIELDS.some((field) => input[field] !== undefined);
}
