// Content pages (Page): one row per slug and locale, the text in Markdown.
import { z } from 'zod';
import { locales } from '@/lib/i18n/routing';
import { msg, requiredText } from './common';

const PAGE_BODY_MAX = 50_000;

export const pageSlugSchema = z.preprocess(
  (value) => (typeof value === 'string' ? value.trim().toLowerCase() : value),
  z
    .string({ error: msg.required })
    .min(1, msg.required)
    .max(60, msg.tooLong(60))
    .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'Nur Kleinbuchstaben, Ziffern und Bindestriche (z. B. „ueber-uns“).'),
);

export const pageLocaleSchema = z.enum(locales, { error: msg.choice });

export const pageInputSchema = z.object({
  title: requiredText(200),
  body: requiredText(PAGE_BODY_MAX),
});

// A new page (or a new language version of a page): slug and locale chosen in the form.
export const newPageInputSchema = pageInputSchema.extend({
  slug: pageSlugSchema,
  locale: pageLocaleSchema,
});

export const PAGE_FIELD_LABELS: Record<string, string> = {
  slug: 'Kennung',
  locale: 'Sprache',
  title: 'Titel',
  body: 'Text (Markdown)',
};
