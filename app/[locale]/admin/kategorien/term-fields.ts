import type { FieldSpec } from '@/components/forms/form-state';
import { LOCALE_LABELS, TAXONOMY_KINDS, TAXONOMY_KIND_LABELS, TRANSLATED_LOCALES } from '@/lib/schemas/taxonomy';

export function termFields({ parents, withKind }: { parents: { value: string; label: string }[]; withKind: boolean }): FieldSpec[] {
  return [
    ...(withKind
      ? [{ name: 'kind', label: 'Art', type: 'select' as const, isRequired: true, options: TAXONOMY_KINDS.map((kind) => ({ value: kind, label: TAXONOMY_KIND_LABELS[kind] })) }]
      : []),
    { name: 'label', label: 'Bezeichnung (Deutsch)', isRequired: true },
    ...TRANSLATED_LOCALES.map((locale) => ({ name: `label_${locale}`, label: `Bezeichnung auf ${LOCALE_LABELS[locale]}`, hint: 'Leer: Besucher*innen sehen die deutsche Bezeichnung.' })),
    { name: 'sortOrder', label: 'Reihenfolge', type: 'number' as const, hint: 'Kleinere Zahlen stehen weiter oben.' },
    {
      name: 'parentId',
      label: 'Übergeordneter Begriff',
      type: 'select' as const,
      hint: 'Nur Begriffe derselben Art.',
      options: [{ value: '', label: '– keiner –' }, ...parents],
    },
  ];
}

export function termFormValues(term: { label: string; labels: Record<string, string>; sortOrder: number; parentId: string | null }) {
  const values: Record<string, string> = { label: term.label, sortOrder: String(term.sortOrder), parentId: term.parentId ?? '' };
  for (const locale of TRANSLATED_LOCALES) values[`label_${locale}`] = term.labels[locale] ?? '';
  return values;
}
