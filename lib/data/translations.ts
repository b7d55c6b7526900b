// Content translations (Translation table): the visitor's language when there is a translation,
// else German, and the caller learns which one it got (to set lang="de" and say so).
import 'server-only';
import { db } from '@/lib/db';
import type { TranslatableEntity } from '@/lib/generated/prisma/client';

export interface LocalizedText {
  value: string;
  // The language of `value`: the requested locale or "de".
  lang: string;
}

export type TranslationLookup = (entityId: string, field: string, german: string) => LocalizedText;

export async function loadTranslations({
  locale,
  entities,
}: {
  locale: string;
  entities: { type: TranslatableEntity; ids: string[] }[];
}): Promise<TranslationLookup> {
  const map = new Map<string, string>();
  const wanted = entities.filter((entity) => entity.ids.length > 0);
  if (locale !== 'de' && wanted.length > 0) {
    const rows = await db.translation.findMany({
      where: {
        locale,
        OR: wanted.map((entity) => ({ entityType: entity.type, entityId: { in: entity.ids } })),
      },
      select: { entityId: true, field: true, value: true },
    });
    for (const row of rows) if (row.value.trim()) map.set(`${row.entityId}:${row.field}`, row.value);
  }
  return (entityId, field, german) => {
    const translated = map.get(`${entityId}:${field}`);
    return translated ? { value: translated, lang: locale } : { value: german, lang: 'de' };
  };
}

// Taxonomy labels and language names are JSON maps per locale, German in its own column.
export function labelFor(german: string, labels: unknown, locale: string): string {
  if (locale !== 'de' && labels && typeof labels === 'object') {
    const value = (labels as Record<string, unknown>)[locale];
    if (typeof value === 'string' && value.trim()) return value;
  }
  return german;
}

// A taxonomy term as public reads select it, and as they hand it out (label in the visitor's language).
export const termSelect = { id: true, slug: true, kind: true, label: true, labels: true } as const;

export interface TermDto {
  slug: string;
  label: string;
}

export function toTerm(term: { slug: string; label: string; labels: unknown }, locale: string): TermDto {
  return { slug: term.slug, label: labelFor(term.label, term.labels, locale) };
}
