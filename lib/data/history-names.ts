// Today's names of the records a history's rows refer to, in the reader's admin language where the
// record has one (taxonomy terms, languages): for rows stored without names and, in English, for
// vocabulary. Deleted records are absent; the presenter (lib/audit/present.ts) then shows the name
// stored with the row or "gelöscht". Callers have already checked that the reader may see the rows.
import 'server-only';
import { referencedIds, type ReferenceNames } from '@/lib/audit/present';
import type { FieldChanges } from '@/lib/audit/events';
import { db } from '@/lib/db';
import type { AdminLocale } from '@/lib/i18n/admin-locales';
import { referenceNames } from './audit-labels';

const translated = (names: unknown, locale: AdminLocale): string | undefined => {
  const value = names && typeof names === 'object' ? (names as Record<string, unknown>)[locale] : undefined;
  return typeof value === 'string' && value.trim() ? value : undefined;
};

export async function loadHistoryNames(locale: AdminLocale, rows: { changes: FieldChanges }[]): Promise<ReferenceNames> {
  const ids = referencedIds(rows.map((row) => row.changes));
  const names = await referenceNames(db, ids);
  if (locale === 'de') return names;
  const [terms, languages] = await Promise.all([
    ids.term.length ? db.taxonomyTerm.findMany({ where: { id: { in: [...names.keys()].filter((id) => ids.term.includes(id)) } }, select: { id: true, labels: true } }) : [],
    ids.language.length ? db.language.findMany({ where: { code: { in: ids.language } }, select: { code: true, names: true } }) : [],
  ]);
  for (const term of terms) {
    const name = translated(term.labels, locale);
    if (name) names.set(term.id, name);
  }
  for (const language of languages) {
    const name = translated(language.names, locale);
    if (name) names.set(language.code, name);
  }
  return names;
}
