// Shared by the import plan and the matching of its rows against existing records: messages in
// the coordinator's language (the import pages are German), zod field -> column keys, and the keys
// that tell two names or addresses apart.
import { normalizeHeader, type ImportFieldKey } from '@/lib/import/fields';

export const IMPORT_MESSAGES = {
  unknownCategory: 'Unbekannter Bereich „{value}“.',
  unknownTerm: 'Unbekanntes Thema oder unbekannte Zielgruppe „{value}“.',
  unknownLanguage: 'Unbekannte Sprache „{value}“.',
  yesNo: 'Bitte „ja“ oder „nein“ eingeben.',
  visibility: 'Bitte „öffentlich“ oder „intern“ eingeben.',
  conflict: 'Widerspricht Zeile {row} („{value}“).',
  idAndSlug: 'Externe ID und Adresse (Slug) gehören zu verschiedenen Einträgen.',
  unknownOrganizationId: 'Keinen Eintrag mit dieser Organisations-ID gefunden. Für neue Einträge bitte die Spalte leer lassen.',
  organizationIdConflict: 'Organisations-ID, externe ID und Adresse (Slug) gehören zu verschiedenen Einträgen.',
  inTrash: 'Dieser Eintrag liegt im Papierkorb. Bitte stellen Sie ihn zuerst wieder her.',
  slugFormat: 'Nur Kleinbuchstaben, Ziffern und Bindestriche (z. B. „ueber-uns“).',
  slugTaken: 'Diese Adresse gehört schon zu einem anderen Eintrag.',
  serviceName: 'Bitte geben Sie den Namen des Angebots an.',
  contactRole: 'Bitte geben Sie die Funktion des Kontakts an.',
} as const;

export const fill = (text: string, values: Record<string, string | number>) => text.replace(/\{(\w+)\}/g, (_, name: string) => String(values[name] ?? ''));

// zod field -> import column key, per part of the row.
export const ORG_FIELDS: Record<string, ImportFieldKey> = {
  categoryId: 'category',
  topicIds: 'topics',
  keywords_de: 'keywords',
  keywords_en: 'keywordsEn',
  keywords_ar: 'keywordsAr',
  keywords_uk: 'keywordsUk',
  keywords_ru: 'keywordsRu',
};
export const SERVICE_FIELDS: Record<string, ImportFieldKey> = { name: 'serviceName', description: 'serviceDescription', termIds: 'serviceTerms', languageCodes: 'serviceLanguages' };
export const LOCATION_FIELDS: Record<string, ImportFieldKey> = { name: 'locationName' };
export const CONTACT_FIELDS: Record<string, ImportFieldKey> = {
  role: 'contactRole',
  name: 'contactName',
  email: 'contactEmail',
  phone: 'contactPhone',
  mobile: 'contactMobile',
  visibility: 'contactVisibility',
  languageCodes: 'contactLanguages',
  consent: 'contactConsent',
  consentScope: 'contactConsentScope',
};

export function normalizeKey(text: string): string {
  return normalizeHeader(text).replace(/\s+/g, ' ');
}

export function addressKey(street: unknown, postalCode: unknown): string | null {
  if (typeof street !== 'string' || !street) return null;
  const s = normalizeHeader(street).replace(/strasse|str\b/g, 'str').replace(/[^a-z0-9]/g, '');
  return `${s}|${typeof postalCode === 'string' ? postalCode : ''}`;
}
