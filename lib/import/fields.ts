// What an import file can fill: one row describes an organization and, optionally, one service,
// one location and one contact of it. Rows with the same external id, slug or (without both) the
// same name belong to the same organization, so a list with one row per contact works as well as
// one with one row per organization. Pure data and functions (no database).
import { createHash } from 'node:crypto';

type ImportGroup = 'organization' | 'service' | 'location' | 'contact';

export interface ImportField {
  key: string;
  group: ImportGroup;
  // German column title in the template; also recognised when mapping.
  label: string;
  aliases?: string[];
  isRequired?: boolean;
}

export const IMPORT_FIELDS = [
  { key: 'externalId', group: 'organization', label: 'Externe ID', aliases: ['id', 'nr', 'nummer', 'kennung', 'external id'] },
  // The entry's id in this app (the export's "Organisations-ID"): updates exactly that entry.
  { key: 'organizationId', group: 'organization', label: 'Organisations-ID', aliases: ['organisation id', 'organization id'] },
  { key: 'slug', group: 'organization', label: 'Adresse (Slug)', aliases: ['slug', 'adresse slug', 'kurzadresse'] },
  { key: 'name', group: 'organization', label: 'Name', isRequired: true, aliases: ['organisation', 'organization', 'einrichtung', 'traeger', 'name der organisation', 'akteur'] },
  { key: 'shortName', group: 'organization', label: 'Kurzname', aliases: ['abkuerzung', 'short name'] },
  { key: 'category', group: 'organization', label: 'Bereich', aliases: ['kategorie', 'category', 'art der einrichtung'] },
  { key: 'topics', group: 'organization', label: 'Themen', aliases: ['thema', 'topics', 'schwerpunkte'] },
  { key: 'description', group: 'organization', label: 'Beschreibung', aliases: ['description', 'kurzbeschreibung'] },
  { key: 'website', group: 'organization', label: 'Website', aliases: ['webseite', 'homepage', 'internet', 'url'] },
  { key: 'email', group: 'organization', label: 'E-Mail', aliases: ['email', 'mail', 'e mail', 'e-mail der organisation', 'funktionspostfach'] },
  { key: 'phone', group: 'organization', label: 'Telefon', aliases: ['tel', 'telefonnummer', 'phone'] },
  // Suchbegriffe (lib/schemas/keywords.ts): German, and one column per further UI language.
  { key: 'keywords', group: 'organization', label: 'Suchbegriffe', aliases: ['suchbegriffe deutsch', 'schlagwoerter', 'stichwoerter', 'keywords'] },
  { key: 'keywordsEn', group: 'organization', label: 'Suchbegriffe Englisch', aliases: ['keywords english', 'suchbegriffe englisch'] },
  { key: 'keywordsAr', group: 'organization', label: 'Suchbegriffe Arabisch', aliases: ['keywords arabic'] },
  { key: 'keywordsUk', group: 'organization', label: 'Suchbegriffe Ukrainisch', aliases: ['keywords ukrainian'] },
  { key: 'keywordsRu', group: 'organization', label: 'Suchbegriffe Russisch', aliases: ['keywords russian'] },
  { key: 'serviceName', group: 'service', label: 'Angebot', aliases: ['angebot name', 'dienst', 'service'] },
  { key: 'serviceDescription', group: 'service', label: 'Beschreibung des Angebots', aliases: ['angebotsbeschreibung'] },
  { key: 'serviceTerms', group: 'service', label: 'Themen und Zielgruppen des Angebots', aliases: ['zielgruppen', 'zielgruppe'] },
  { key: 'serviceLanguages', group: 'service', label: 'Sprachen des Angebots', aliases: ['sprachen', 'languages'] },
  { key: 'minAge', group: 'service', label: 'Mindestalter', aliases: ['alter von'] },
  { key: 'maxAge', group: 'service', label: 'Höchstalter', aliases: ['alter bis'] },
  { key: 'cost', group: 'service', label: 'Kosten', aliases: ['gebuehren'] },
  { key: 'howToApply', group: 'service', label: 'Zugang / Anmeldung', aliases: ['anmeldung', 'zugang'] },
  { key: 'appointmentRequired', group: 'service', label: 'Termin nötig', aliases: ['termin noetig', 'nur mit termin'] },
  { key: 'interpretationOffered', group: 'service', label: 'Sprachmittlung', aliases: ['dolmetschen', 'dolmetscher'] },
  { key: 'locationName', group: 'location', label: 'Standort', aliases: ['standortname', 'haus'] },
  { key: 'street', group: 'location', label: 'Straße und Hausnummer', aliases: ['strasse', 'str', 'anschrift', 'adresse'] },
  { key: 'postalCode', group: 'location', label: 'Postleitzahl', aliases: ['plz'] },
  { key: 'city', group: 'location', label: 'Ort', aliases: ['stadt', 'city'] },
  { key: 'municipality', group: 'location', label: 'Gemeinde', aliases: ['einheitsgemeinde', 'verbandsgemeinde'] },
  { key: 'wheelchairAccessible', group: 'location', label: 'Rollstuhlgerecht', aliases: ['barrierefrei'] },
  { key: 'contactRole', group: 'contact', label: 'Funktion des Kontakts', aliases: ['funktion', 'zustaendigkeit', 'rolle'] },
  { key: 'contactName', group: 'contact', label: 'Name des Kontakts', aliases: ['ansprechpartner', 'ansprechperson', 'kontaktperson', 'ansprechpartnerin'] },
  { key: 'contactEmail', group: 'contact', label: 'E-Mail des Kontakts', aliases: ['e-mail ansprechpartner', 'kontakt e-mail'] },
  { key: 'contactPhone', group: 'contact', label: 'Telefon des Kontakts', aliases: ['telefon ansprechpartner'] },
  { key: 'contactMobile', group: 'contact', label: 'Mobil des Kontakts', aliases: ['mobil', 'handy'] },
  { key: 'contactVisibility', group: 'contact', label: 'Sichtbarkeit des Kontakts', aliases: ['sichtbarkeit'] },
  { key: 'contactLanguages', group: 'contact', label: 'Sprachen des Kontakts', aliases: ['spricht'] },
  { key: 'contactConsent', group: 'contact', label: 'Einwilligung liegt vor', aliases: ['einwilligung'] },
  { key: 'contactConsentScope', group: 'contact', label: 'Umfang der Einwilligung', aliases: ['einwilligung umfang'] },
] as const satisfies readonly ImportField[];

export type ImportFieldKey = (typeof IMPORT_FIELDS)[number]['key'];
export const IMPORT_FIELD_KEYS = IMPORT_FIELDS.map((field) => field.key) as ImportFieldKey[];

export function importField(key: string): ImportField | undefined {
  return IMPORT_FIELDS.find((field) => field.key === key);
}

// "E-Mail des Kontakts", "e_mail des kontakts " and "E-MAIL DES KONTAKTS" are the same column.
export function normalizeHeader(header: string): string {
  return header
    .toLocaleLowerCase('de')
    .replace(/ä/g, 'ae')
    .replace(/ö/g, 'oe')
    .replace(/ü/g, 'ue')
    .replace(/ß/g, 'ss')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

// The file layout: the header row, normalized. The mapping is remembered per layout.
export function layoutKeyOf(headers: string[]): string {
  return createHash('sha256').update(JSON.stringify(headers.map(normalizeHeader))).digest('hex');
}

// Column index -> field key (or nothing). A guess from the column titles.
export type ImportMapping = Record<string, ImportFieldKey>;

// The header rows of the directory export (lib/data/export/export-directory.ts), so that an
// exported table, edited in Excel, comes back field by field: there "ID" is the row's own id in
// this app (not an external id), and "Name", "E-Mail", "Beschreibung" mean the contact's or the
// service's. Columns the import cannot write (status, dates, ids of services) stay unmapped.
type ExportLayoutTable = 'organizations' | 'services' | 'locations' | 'contacts';

const EXPORT_LAYOUTS: Record<ExportLayoutTable, (ImportFieldKey | null)[]> = {
  organizations: ['organizationId', 'externalId', 'slug', 'name', 'shortName', 'category', 'topics', null, 'description', 'website', 'email', 'phone', null, null, 'keywords', 'keywordsEn', 'keywordsAr', 'keywordsUk', 'keywordsRu'],
  services: ['name', 'organizationId', null, 'serviceName', 'serviceDescription', 'serviceTerms', 'serviceLanguages', 'minAge', 'maxAge', 'cost', 'howToApply', 'appointmentRequired', 'interpretationOffered', null, null],
  locations: ['name', 'organizationId', null, 'locationName', 'street', 'postalCode', 'city', 'municipality', 'wheelchairAccessible', null, null],
  contacts: ['name', 'organizationId', null, 'contactRole', 'contactName', 'contactEmail', 'contactPhone', 'contactMobile', 'contactVisibility', 'contactLanguages', null, null],
};

export const EXPORT_HEADER_ROWS: Record<ExportLayoutTable, string[]> = {
  organizations: [
    'ID', 'Externe ID', 'Adresse (Slug)', 'Name', 'Kurzname', 'Bereich', 'Themen', 'Status', 'Beschreibung', 'Website', 'E-Mail', 'Telefon', 'Zuletzt geprüft', 'Geändert',
    'Suchbegriffe', 'Suchbegriffe Englisch', 'Suchbegriffe Arabisch', 'Suchbegriffe Ukrainisch', 'Suchbegriffe Russisch',
  ],
  services: ['Organisation', 'Organisations-ID', 'ID', 'Angebot', 'Beschreibung', 'Themen und Zielgruppen', 'Sprachen', 'Mindestalter', 'Höchstalter', 'Kosten', 'Zugang / Anmeldung', 'Termin nötig', 'Sprachmittlung', 'Status', 'Standorte'],
  locations: ['Organisation', 'Organisations-ID', 'ID', 'Standort', 'Straße und Hausnummer', 'Postleitzahl', 'Ort', 'Gemeinde', 'Rollstuhlgerecht', 'Hinweise zur Barrierefreiheit', 'Anfahrt'],
  contacts: ['Organisation', 'Organisations-ID', 'ID', 'Funktion', 'Name', 'E-Mail', 'Telefon', 'Mobil', 'Sichtbarkeit', 'Sprachen', 'Einwilligung erteilt am', 'Angebot'],
};

function exportLayoutMapping(headers: string[]): ImportMapping | undefined {
  const key = JSON.stringify(headers.map(normalizeHeader));
  const table = (Object.keys(EXPORT_HEADER_ROWS) as ExportLayoutTable[]).find((name) => JSON.stringify(EXPORT_HEADER_ROWS[name].map(normalizeHeader)) === key);
  if (!table) return undefined;
  const mapping: ImportMapping = {};
  EXPORT_LAYOUTS[table].forEach((field, index) => {
    if (field) mapping[String(index)] = field;
  });
  return mapping;
}

export function guessMapping(headers: string[]): ImportMapping {
  const exported = exportLayoutMapping(headers);
  if (exported) return exported;
  const mapping: ImportMapping = {};
  const taken = new Set<string>();
  const names = new Map<string, ImportFieldKey>();
  for (const field of IMPORT_FIELDS) {
    names.set(normalizeHeader(field.label), field.key);
    names.set(normalizeHeader(field.key), field.key);
    for (const alias of 'aliases' in field ? (field.aliases as readonly string[]) : []) if (!names.has(normalizeHeader(alias))) names.set(normalizeHeader(alias), field.key);
  }
  headers.forEach((header, index) => {
    const key = names.get(normalizeHeader(header));
    if (key && !taken.has(key)) {
      mapping[String(index)] = key;
      taken.add(key);
    }
  });
  return mapping;
}

// Yes/no cells as spreadsheets hold them.
const YES = new Set(['ja', 'j', 'x', 'yes', 'y', 'true', 'wahr', '1']);
const NO = new Set(['nein', 'n', 'no', 'false', 'falsch', '0', '-']);

export function parseYesNo(value: string): boolean | null | 'invalid' {
  const v = value.trim().toLocaleLowerCase('de');
  if (v === '') return null;
  if (YES.has(v)) return true;
  if (NO.has(v)) return false;
  return 'invalid';
}

// Lists inside one cell: "Arabisch, Farsi" or "Beratung; Jugend" or one per line.
export function splitList(value: string): string[] {
  return value
    .split(/[,;|\n]/)
    .map((part) => part.trim())
    .filter(Boolean);
}
