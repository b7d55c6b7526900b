// Form fields of a search-vocabulary concept. Labels come from messages/admin/<locale>.json
// (Admin.Vocabulary.fields); pages pass the translator of the admin's language, German when none.
import { createTranslator } from 'next-intl';
import type { FieldSpec } from '@/components/forms/form-state';
import { VOCABULARY_LOCALES } from '@/lib/schemas/search-vocabulary';
import de from '@/messages/admin/de.json';

const GERMAN = createTranslator({ locale: 'de', messages: de.Admin, namespace: 'Vocabulary' });
export type VocabularyT = typeof GERMAN;

export interface TermOption {
  id: string;
  kind: 'TOPIC' | 'CATEGORY' | 'TARGET_GROUP';
  label: string;
}

export function conceptFields(terms: TermOption[], t: VocabularyT = GERMAN): FieldSpec[] {
  return [
    { name: 'label', label: t('fields.label'), isRequired: true },
    {
      name: 'terms',
      label: t('fields.terms'),
      type: 'checkboxes',
      hint: t('fields.termsHint'),
      options: terms.map((term) => ({ value: term.id, label: `${t(`kind${term.kind}`)}: ${term.label}` })),
    },
    ...VOCABULARY_LOCALES.map((locale) => ({
      name: `words_${locale}`,
      label: t(`fields.words_${locale}`),
      type: 'textarea' as const,
      hint: t('fields.wordsHint'),
    })),
  ];
}
