// Form fields of the content page editor (shared by the list's "new page" form and the editor).
import type { FieldSpec } from '@/components/forms/form-state';
import { locales } from '@/lib/i18n/routing';

export const LOCALE_LABELS: Record<string, string> = { de: 'Deutsch', en: 'Englisch', ar: 'Arabisch', uk: 'Ukrainisch', ru: 'Russisch' };

export const MARKDOWN_HINT =
  'Markdown: Leerzeile = neuer Absatz, **fett**, _kursiv_, „- “ am Zeilenanfang = Aufzählung, „## “ = Zwischenüberschrift, [Linktext](https://adresse.de). HTML wird nicht übernommen, Bilder werden nicht angezeigt.';

export const pageFields: FieldSpec[] = [
  { name: 'title', label: 'Titel', isRequired: true, isWide: true },
  { name: 'body', label: 'Text (Markdown)', type: 'textarea', isRequired: true, hint: MARKDOWN_HINT },
];

export const newPageFields: FieldSpec[] = [
  { name: 'slug', label: 'Kennung', isRequired: true, hint: 'Kleinbuchstaben, Ziffern und Bindestriche, z. B. „ueber-uns“. Sie bleibt fest.' },
  { name: 'locale', label: 'Sprache', type: 'select', isRequired: true, options: locales.map((code) => ({ value: code, label: `${LOCALE_LABELS[code]} (${code})` })) },
  ...pageFields,
];

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
