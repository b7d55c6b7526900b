// The names of the fields of an organization and the records below it, in the admin's language:
// for the history, change proposals and the version-conflict notes of the forms. Texts live in
// messages/admin/<locale>.json; this table says which entry names which field.
import type { AdminLocale } from './admin-locales';
import { adminTranslator } from './admin';

type LabelKey = `Labels.${string}` | `Fields.${string}` | `ProjectsEvents.${string}`;

const COMMON = { name: 'Fields.name', sortOrder: 'Labels.sortOrder', deletedAt: 'Labels.deletedAt' } as const;

export const FIELD_LABEL_KEYS: Record<string, Record<string, LabelKey>> = {
  Organization: {
    ...COMMON,
    slug: 'Labels.slug',
    shortName: 'Labels.shortName',
    description: 'Labels.description',
    categoryId: 'Labels.category',
    parentId: 'Labels.parent',
    website: 'Fields.website',
    email: 'Labels.email',
    phone: 'Labels.phone',
    isCoordinationOffice: 'Labels.coordination',
    reviewIntervalMonths: 'Labels.reviewInterval',
    topicIds: 'Labels.topics',
    status: 'Fields.status',
    keywords_de: 'Fields.keywords_de',
    keywords_en: 'Fields.keywords_en',
    keywords_ar: 'Fields.keywords_ar',
    keywords_uk: 'Fields.keywords_uk',
    keywords_ru: 'Fields.keywords_ru',
  },
  Service: {
    ...COMMON,
    description: 'Labels.description',
    minAge: 'Labels.minAge',
    maxAge: 'Labels.maxAge',
    eligibility: 'Labels.eligibility',
    cost: 'Labels.cost',
    howToApply: 'Labels.howToApply',
    appointmentRequired: 'Labels.appointmentRequired',
    interpretationOffered: 'Labels.interpretation',
    status: 'Fields.status',
    alertText: 'Labels.note',
    termIds: 'Labels.terms',
    locationIds: 'Labels.locations',
    languageCodes: 'Labels.languages',
  },
  Location: {
    ...COMMON,
    street: 'Labels.street',
    postalCode: 'Labels.postalCode',
    city: 'Labels.city',
    municipality: 'Labels.municipality',
    latitude: 'Labels.latitude',
    longitude: 'Labels.longitude',
    wheelchairAccessible: 'Labels.wheelchair',
    accessibilityNote: 'Labels.accessibilityNote',
    transportNote: 'Labels.transportNote',
  },
  ContactPerson: {
    ...COMMON,
    serviceId: 'Labels.service',
    role: 'Labels.role',
    email: 'Labels.email',
    phone: 'Labels.phone',
    mobile: 'Labels.mobile',
    visibility: 'Labels.visibility',
    consent: 'Fields.consent',
    consentGivenAt: 'Labels.consentGivenAt',
    consentScope: 'Labels.consentScope',
    consentWithdrawnAt: 'Labels.consentWithdrawnAt',
    languageCodes: 'Labels.languages',
  },
  Schedule: {
    weekday: 'Labels.weekday',
    opensAt: 'Labels.opensAt',
    closesAt: 'Labels.closesAt',
    serviceId: 'Labels.service',
    locationId: 'Labels.location',
    appointmentOnly: 'Labels.appointmentOnly',
    validFrom: 'Labels.validFrom',
    validTo: 'Labels.validTo',
    note: 'Labels.note',
  },
  Project: Object.fromEntries(
    ['title', 'summary', 'leadOrganizationId', 'partnerOrganizationIds', 'termIds', 'startsOn', 'endsOn', 'status', 'funding', 'results', 'contactPersonId', 'isPublished', 'slug'].map((f) => [f, `ProjectsEvents.${f === 'slug' ? 'title' : f}` as LabelKey]),
  ),
  Event: Object.fromEntries(
    ['title', 'description', 'startsAt', 'endsAt', 'organizerId', 'locationId', 'placeName', 'placeAddress', 'town', 'onlineUrl', 'languageCodes', 'isFree', 'cost',
      'registrationRequired', 'registrationInfo', 'registrationUrl', 'registrationUntil', 'isCancelled', 'termIds', 'isPublished'].map((f) => [f, `ProjectsEvents.${f}` as LabelKey]),
  ),
  ScheduleException: {
    startsOn: 'Labels.startsOn',
    endsOn: 'Labels.endsOn',
    locationId: 'Labels.location',
    isClosed: 'Labels.isClosed',
    opensAt: 'Labels.exceptionOpensAt',
    closesAt: 'Labels.exceptionClosesAt',
    note: 'Labels.note',
  },
};

function translate(locale: AdminLocale, key: LabelKey): string {
  const [namespace, name] = key.split('.') as ['Labels' | 'Fields' | 'ProjectsEvents', string];
  return (adminTranslator(locale, namespace) as unknown as (key: string) => string)(name);
}

// The label of one field; the field's own name when the table does not know it.
export function fieldLabel(locale: AdminLocale, entityType: string, field: string): string {
  const key = FIELD_LABEL_KEYS[entityType]?.[field];
  return key ? translate(locale, key) : field;
}

// Every labelled field of one record type.
export function fieldLabels(locale: AdminLocale, entityType: string): Record<string, string> {
  return Object.fromEntries(Object.keys(FIELD_LABEL_KEYS[entityType] ?? {}).map((field) => [field, fieldLabel(locale, entityType, field)]));
}
