// Form fields of a taxonomy term. Labels and hints come from messages/admin/<locale>.json
// (Admin.Terms); pages pass the translator of the admin's language, German when they pass none.
import { createTranslator } from 'next-intl';
import type { FieldSpec } from '@/components/forms/form-state';
import { TAXONOMY_KINDS, TRANSLATED_LOCALES } from '@/lib/schemas/taxonomy';
import de from '@/messages/admin/de.json';

const GERMAN = createTranslator({ locale: 'de', messages: de.Admin, namespace: 'Terms' });
export type TermsT = typeof GERMAN;

export function termFields({ parents, withKind }: { parents: { value: string; label: string }[]; withKind: boolean }, t: TermsT = GERMAN): FieldSpec[] {
  return [
    ...(withKind
      ? [{ name: 'kind', label: t('fields.kind'), type: 'select' as const, isRequired: true, options: TAXONOMY_KINDS.map((kind) => ({ value: kind, label: t(`kind.${kind}`) })) }]
      : []),
    { name: 'label', label: t('fields.label'), isRequired: true },
    ...TRANSLATED_LOCALES.map((locale) => ({ name: `label_${locale}`, label: t(`fields.label_${locale}`), hint: t('fields.translationHint') })),
    { name: 'sortOrder', label: t('fields.sortOrder'), type: 'number' as const, hint: t('fields.sortOrderHint') },
    {
      name: 'parentId',
      label: t('fields.parentId'),
      type: 'select' as const,
      hint: t('fields.parentHint'),
      options: [{ value: '', label: t('fields.noParent') }, ...parents],
    },
  ];
}

export function termFormValues(term: { label: string; labels: Record<string, string>; sortOrder: number; parentId: string | null }) {
  const values: Record<string, string> = { label: term.label, sortOrder: String(term.sortOrder), parentId: term.parentId ?? '' };
  for (const locale of TRANSLATED_LOCALES) values[`label_${locale}`] = term.labels[locale] ?? '';
  return values;
}
