// Form field definitions for the admin entities (plain data, usable by server and client).
import type { FieldSpec, FormValues } from '@/components/forms/form-state';
import { COORDINATOR_ONLY_ORGANIZATION_FIELDS } from '@/lib/schemas/organization';

type Option = { value: string; label: string };

export function toFormValues(record: Record<string, unknown>): FormValues {
  const values: FormValues = {};
  for (const [key, value] of Object.entries(record)) {
    if (Array.isArray(value)) values[key] = value.map(String);
    else if (typeof value === 'boolean') values[key] = value ? 'on' : '';
    else if (value instanceof Date) values[key] = value.toISOString().slice(0, 10);
    else if (value === null || value === undefined) values[key] = '';
    else values[key] = String(value);
  }
  return values;
}

// `isCoordinator` false (partners, and coordinators editing a partner's proposal) leaves out the
// fields only coordinators set directly (COORDINATOR_ONLY_ORGANIZATION_FIELDS).
export function organizationFields({
  categories,
  topics,
  organizations,
  isCoordinator = true,
}: {
  categories: Option[];
  topics: Option[];
  organizations: Option[];
  isCoordinator?: boolean;
}): FieldSpec[] {
  const fields: FieldSpec[] = [
    { name: 'name', label: 'Name', isRequired: true, isWide: true },
    { name: 'shortName', label: 'Kurzname', hint: 'Zum Beispiel eine Abkürzung wie „MBE“.' },
    { name: 'categoryId', label: 'Bereich', type: 'select', options: [{ value: '', label: '– kein Bereich –' }, ...categories] },
    { name: 'description', label: 'Beschreibung', type: 'textarea' },
    { name: 'website', label: 'Website', type: 'url', hint: 'Mit https://', autoComplete: 'url' },
    { name: 'email', label: 'E-Mail (Funktionspostfach)', type: 'email' },
    { name: 'phone', label: 'Telefon', type: 'tel' },
    { name: 'parentId', label: 'Übergeordnete Organisation', type: 'select', options: [{ value: '', label: '– keine –' }, ...organizations] },
    { name: 'reviewIntervalMonths', label: 'Prüfintervall (Monate)', type: 'number', hint: 'Nach dieser Zeit gilt der Eintrag als zu prüfen.' },
    { name: 'sortOrder', label: 'Sortierung', type: 'number' },
    { name: 'isCoordinationOffice', label: 'Koordinierungsstelle', type: 'checkbox' },
    { name: 'topicIds', label: 'Themen', type: 'checkboxes', options: topics },
  ];
  const coordinatorOnly = new Set<string>(COORDINATOR_ONLY_ORGANIZATION_FIELDS);
  return isCoordinator ? fields : fields.filter((field) => !coordinatorOnly.has(field.name));
}

export function serviceFields({ terms, locations, languages }: { terms: Option[]; locations: Option[]; languages: Option[] }): FieldSpec[] {
  return [
    { name: 'name', label: 'Name des Angebots', isRequired: true, isWide: true },
    { name: 'description', label: 'Beschreibung', type: 'textarea' },
    { name: 'minAge', label: 'Mindestalter', type: 'number' },
    { name: 'maxAge', label: 'Höchstalter', type: 'number' },
    { name: 'eligibility', label: 'Voraussetzungen', isWide: true },
    { name: 'cost', label: 'Kosten' },
    { name: 'howToApply', label: 'Zugang / Anmeldung' },
    { name: 'appointmentRequired', label: 'Termin nötig', type: 'checkbox' },
    { name: 'interpretationOffered', label: 'Sprachmittlung möglich', type: 'checkbox' },
    {
      name: 'status',
      label: 'Status',
      type: 'select',
      options: [
        { value: 'ACTIVE', label: 'Aktiv' },
        { value: 'TEMPORARILY_CLOSED', label: 'Vorübergehend geschlossen' },
      ],
    },
    { name: 'alertText', label: 'Öffentlicher Hinweis', hint: 'Zum Beispiel „Bis 30. Juni geschlossen“.' },
    { name: 'sortOrder', label: 'Sortierung', type: 'number' },
    { name: 'termIds', label: 'Themen und Zielgruppen', type: 'checkboxes', options: terms },
    { name: 'locationIds', label: 'Angeboten an diesen Standorten', type: 'checkboxes', options: locations },
    { name: 'languageCodes', label: 'Sprachen des Angebots', type: 'checkboxes', options: languages },
  ];
}

export function locationFields(): FieldSpec[] {
  return [
    { name: 'name', label: 'Bezeichnung', hint: 'Zum Beispiel „Beratungsstelle Hauptbahnhof“.', isWide: true },
    { name: 'street', label: 'Straße und Hausnummer', autoComplete: 'street-address' },
    { name: 'postalCode', label: 'Postleitzahl', autoComplete: 'postal-code' },
    { name: 'city', label: 'Ort', autoComplete: 'address-level2' },
    { name: 'municipality', label: 'Gemeinde (Landkreis Stendal)' },
    { name: 'latitude', label: 'Breitengrad', hint: 'Zum Beispiel 52.6055' },
    { name: 'longitude', label: 'Längengrad', hint: 'Zum Beispiel 11.8594' },
    {
      name: 'wheelchairAccessible',
      label: 'Rollstuhlgerecht',
      type: 'select',
      options: [
        { value: 'unknown', label: 'Unbekannt' },
        { value: 'yes', label: 'Ja' },
        { value: 'no', label: 'Nein' },
      ],
    },
    { name: 'accessibilityNote', label: 'Hinweise zur Barrierefreiheit', type: 'textarea' },
    { name: 'transportNote', label: 'Anfahrt mit Bus und Bahn', type: 'textarea' },
    { name: 'sortOrder', label: 'Sortierung', type: 'number' },
  ];
}

export function contactFields({ services, languages }: { services: Option[]; languages: Option[] }): FieldSpec[] {
  return [
    { name: 'role', label: 'Funktion / Zuständigkeit', isRequired: true, isWide: true, hint: 'Zum Beispiel „Migrationsberatung für Erwachsene“.' },
    { name: 'name', label: 'Name', hint: 'Freiwillig: Funktionspostfächer sind vorzuziehen.', autoComplete: 'off' },
    { name: 'serviceId', label: 'Angebot', type: 'select', options: [{ value: '', label: '– ganze Organisation –' }, ...services] },
    { name: 'email', label: 'E-Mail', type: 'email', autoComplete: 'off' },
    { name: 'phone', label: 'Telefon', type: 'tel', autoComplete: 'off' },
    { name: 'mobile', label: 'Mobil', type: 'tel', autoComplete: 'off' },
    {
      name: 'visibility',
      label: 'Sichtbarkeit',
      type: 'select',
      options: [
        { value: 'NETWORK_INTERNAL', label: 'Nur im Netzwerk' },
        { value: 'PUBLIC', label: 'Öffentlich (nur mit Einwilligung)' },
      ],
    },
    {
      name: 'consent',
      label: 'Einwilligung zur Veröffentlichung',
      type: 'select',
      options: [
        { value: 'none', label: 'Keine Einwilligung' },
        { value: 'given', label: 'Einwilligung liegt vor' },
        { value: 'withdrawn', label: 'Einwilligung widerrufen' },
      ],
    },
    { name: 'consentScope', label: 'Umfang der Einwilligung', hint: 'Wozu hat die Person eingewilligt (z. B. Name, Telefon, E-Mail auf der Website)?', isWide: true },
    { name: 'sortOrder', label: 'Sortierung', type: 'number' },
    { name: 'languageCodes', label: 'Gesprochene Sprachen', type: 'checkboxes', options: languages },
  ];
}

export const WEEKDAY_OPTIONS: Option[] = ['Montag', 'Dienstag', 'Mittwoch', 'Donnerstag', 'Freitag', 'Samstag', 'Sonntag'].map((label, index) => ({
  value: String(index + 1),
  label,
}));

export function scheduleFields({ services, locations }: { services: Option[]; locations: Option[] }): FieldSpec[] {
  return [
    { name: 'weekday', label: 'Wochentag', type: 'select', options: WEEKDAY_OPTIONS, isRequired: true },
    { name: 'serviceId', label: 'Angebot', type: 'select', options: [{ value: '', label: '– alle –' }, ...services] },
    { name: 'opensAt', label: 'Beginn (HH:MM)', type: 'time', isRequired: true },
    { name: 'closesAt', label: 'Ende (HH:MM)', type: 'time', isRequired: true },
    { name: 'locationId', label: 'Standort', type: 'select', options: [{ value: '', label: '– alle –' }, ...locations] },
    { name: 'appointmentOnly', label: 'Nur mit Termin', type: 'checkbox' },
    { name: 'validFrom', label: 'Gültig ab', type: 'date' },
    { name: 'validTo', label: 'Gültig bis', type: 'date' },
    { name: 'note', label: 'Hinweis', isWide: true },
  ];
}

export function exceptionFields({ locations }: { locations: Option[] }): FieldSpec[] {
  return [
    { name: 'startsOn', label: 'Von', type: 'date', isRequired: true },
    { name: 'endsOn', label: 'Bis', type: 'date' },
    { name: 'locationId', label: 'Standort', type: 'select', options: [{ value: '', label: '– alle –' }, ...locations] },
    { name: 'isClosed', label: 'Geschlossen', type: 'checkbox' },
    { name: 'opensAt', label: 'Abweichend geöffnet ab', type: 'time' },
    { name: 'closesAt', label: 'bis', type: 'time' },
    { name: 'note', label: 'Hinweis', isWide: true, hint: 'Zum Beispiel „Betriebsferien“.' },
  ];
}
