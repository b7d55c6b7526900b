// Form fields of the content page editor (shared by the list's "new page" form and the editor).
// Labels and hints come from messages/admin/<locale>.json (Admin.Pages); pages pass the translator
// of the admin's language, German when they pass none.
import { createTranslator } from 'next-intl';
import type { FieldSpec } from '@/components/forms/form-state';
import { locales } from '@/lib/i18n/routing';
import de from '@/messages/admin/de.json';

const GERMAN = createTranslator({ locale: 'de', messages: de.Admin, namespace: 'Pages' });
export type PagesT = typeof GERMAN;

type PageLocale = keyof (typeof de)['Admin']['Pages']['locales'];

// The name of a website language in the admin's language ("Englisch", "English").
export function localeLabel(locale: string, t: PagesT = GERMAN): string {
  return locale in de.Admin.Pages.locales ? t(`locales.${locale as PageLocale}`) : locale;
}

export function pageFields(t: PagesT = GERMAN): FieldSpec[] {
  return [
    { name: 'title', label: t('fields.title'), isRequired: true, isWide: true },
    { name: 'body', label: t('fields.body'), type: 'textarea', isRequired: true, hint: t('fields.markdownHint') },
  ];
}

export function newPageFields(t: PagesT = GERMAN): FieldSpec[] {
  return [
    { name: 'slug', label: t('fields.slug'), isRequired: true, hint: t('fields.slugHint') },
    { name: 'locale', label: t('fields.locale'), type: 'select', isRequired: true, options: locales.map((code) => ({ value: code, label: `${localeLabel(code, t)} (${code})` })) },
    ...pageFields(t),
  ];
}

// Where each known page appears on the public site.
export function publicPathOf(slug: string, locale: string): string | null {
  switch (slug) {
    case 'ziel':
      return `/${locale}`;
    case 'entstehung':
    case 'arbeitsweise':
      return `/${locale}/netzwerk`;
    case 'koordinierungsstelle':
    case 'impressum':
    case 'datenschutz':
    case 'barrierefreiheit':
      return `/${locale}/${slug}`;
    default:
      return null;
  }
}
