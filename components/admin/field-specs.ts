// Form field definitions for the admin entities (plain data, usable by server and client).
// Labels, hints and options come from messages/admin/<locale>.json (Admin.Fields); pages pass the
// translator of the admin's language (`await getAdminT('Fields')`), German when they pass none.
import { createTranslator } from 'next-intl';
import type { FieldSpec } from '@/components/forms/form-state';
import type { ChangeEntityType } from '@/lib/schemas/change-request';
import { KEYWORD_LOCALES, keywordField } from '@/lib/schemas/keywords';
import { COORDINATOR_ONLY_ORGANIZATION_FIELDS } from '@/lib/schemas/organization';
import de from '@/messages/admin/de.json';
import { eventFields, projectFields, type ProjectEventT } from './project-event-fields';

const GERMAN = createTranslator({ locale: 'de', messages: de.Admin, namespace: 'Fields' });
export type FieldsT = typeof GERMAN;

type Option = { value: string; label: string };

// `isCoordinator` false (partners, and coordinators editing a partner's proposal) leaves out the
// fields only coordinators set directly (COORDINATOR_ONLY_ORGANIZATION_FIELDS).
// Topics and target groups are one list of terms in the data, but two questions in the form: two
// labelled groups of boxes under one name (components/forms/entity-form.tsx, optionGroups).
function termsField(name: string, topics: Option[], targetGroups: Option[], t: FieldsT): FieldSpec {
  const groups = [
    { label: t('topics'), options: topics },
    { label: t('targetGroups'), options: targetGroups },
  ].filter((group) => group.options.length);
  return { name, label: t('terms'), type: 'checkboxes', options: [...topics, ...targetGroups], optionGroups: groups.length > 1 ? groups : undefined };
}

// One text per UI language, each marked with its language (Arabic right to left) so that screen
// readers and the browser's spelling check use the right one.
function keywordFields(t: FieldsT): FieldSpec[] {
  return KEYWORD_LOCALES.map((locale) => ({
    name: keywordField(locale),
    label: t(keywordField(locale)),
    type: 'textarea' as const,
    rows: 2,
    hint: t('keywordsHint'),
    lang: locale,
    dir: locale === 'ar' ? ('rtl' as const) : ('ltr' as const),
  }));
}

export function organizationFields({
  categories,
  topics,
  targetGroups = [],
  organizations,
  isCoordinator = true,
}: {
  categories: Option[];
  topics: Option[];
  targetGroups?: Option[];
  organizations: Option[];
  isCoordinator?: boolean;
}, t: FieldsT = GERMAN): FieldSpec[] {
  const fields: FieldSpec[] = [
    { name: 'name', label: t('name'), isRequired: true, isWide: true },
    { name: 'shortName', label: t('shortName'), hint: t('shortNameHint') },
    { name: 'categoryId', label: t('category'), type: 'select', options: [{ value: '', label: t('noCategory') }, ...categories] },
    { name: 'description', label: t('description'), type: 'textarea' },
    { name: 'website', label: t('website'), type: 'url', hint: t('websiteHint'), autoComplete: 'url' },
    { name: 'email', label: t('orgEmail'), type: 'email' },
    { name: 'phone', label: t('phone'), type: 'tel' },
    { name: 'parentId', label: t('parent'), type: 'select', options: [{ value: '', label: t('noParent') }, ...organizations] },
    { name: 'reviewIntervalMonths', label: t('reviewInterval'), type: 'number', hint: t('reviewIntervalHint') },
    { name: 'sortOrder', label: t('sortOrder'), type: 'number' },
    { name: 'isCoordinationOffice', label: t('isCoordinationOffice'), type: 'checkbox' },
    termsField('topicIds', topics, targetGroups, t),
    ...keywordFields(t),
  ];
  const coordinatorOnly = new Set<string>(COORDINATOR_ONLY_ORGANIZATION_FIELDS);
  return isCoordinator ? fields : fields.filter((field) => !coordinatorOnly.has(field.name));
}

export function serviceFields(
  { topics, targetGroups = [], locations, languages }: { topics: Option[]; targetGroups?: Option[]; locations: Option[]; languages: Option[] },
  t: FieldsT = GERMAN,
): FieldSpec[] {
  return [
    { name: 'name', label: t('serviceName'), isRequired: true, isWide: true },
    { name: 'description', label: t('description'), type: 'textarea' },
    { name: 'minAge', label: t('minAge'), type: 'number' },
    { name: 'maxAge', label: t('maxAge'), type: 'number' },
    { name: 'eligibility', label: t('eligibility'), isWide: true },
    { name: 'cost', label: t('cost') },
    { name: 'howToApply', label: t('howToApply') },
    { name: 'appointmentRequired', label: t('appointmentRequired'), type: 'checkbox' },
    { name: 'interpretationOffered', label: t('interpretationOffered'), type: 'checkbox' },
    {
      name: 'status',
      label: t('status'),
      type: 'select',
      options: [
        { value: 'ACTIVE', label: t('statusActive') },
        { value: 'TEMPORARILY_CLOSED', label: t('statusTemporarilyClosed') },
      ],
    },
    { name: 'alertText', label: t('alertText'), hint: t('alertTextHint') },
    { name: 'sortOrder', label: t('sortOrder'), type: 'number' },
    termsField('termIds', topics, targetGroups, t),
    { name: 'locationIds', label: t('serviceLocations'), type: 'checkboxes', options: locations },
    { name: 'languageCodes', label: t('serviceLanguages'), type: 'checkboxes', options: languages },
  ];
}

export function locationFields(t: FieldsT = GERMAN): FieldSpec[] {
  return [
    { name: 'name', label: t('locationName'), hint: t('locationNameHint'), isWide: true },
    { name: 'street', label: t('street'), autoComplete: 'street-address' },
    { name: 'postalCode', label: t('postalCode'), autoComplete: 'postal-code' },
    { name: 'city', label: t('city'), autoComplete: 'address-level2' },
    { name: 'municipality', label: t('municipality') },
    { name: 'latitude', label: t('latitude'), hint: t('latitudeHint') },
    { name: 'longitude', label: t('longitude'), hint: t('longitudeHint') },
    {
      name: 'wheelchairAccessible',
      label: t('wheelchairAccessible'),
      type: 'select',
      options: [
        { value: 'unknown', label: t('unknown') },
        { value: 'yes', label: t('yes') },
        { value: 'no', label: t('no') },
      ],
    },
    { name: 'accessibilityNote', label: t('accessibilityNote'), type: 'textarea' },
    { name: 'transportNote', label: t('transportNote'), type: 'textarea' },
    { name: 'sortOrder', label: t('sortOrder'), type: 'number' },
  ];
}

export function contactFields({ services, languages }: { services: Option[]; languages: Option[] }, t: FieldsT = GERMAN): FieldSpec[] {
  return [
    { name: 'role', label: t('role'), isRequired: true, isWide: true, hint: t('roleHint') },
    { name: 'name', label: t('name'), hint: t('contactNameHint'), autoComplete: 'off' },
    { name: 'serviceId', label: t('service'), type: 'select', options: [{ value: '', label: t('wholeOrganization') }, ...services] },
    { name: 'email', label: t('email'), type: 'email', autoComplete: 'off' },
    { name: 'phone', label: t('phone'), type: 'tel', autoComplete: 'off' },
    { name: 'mobile', label: t('mobile'), type: 'tel', autoComplete: 'off' },
    {
      name: 'visibility',
      label: t('visibility'),
      type: 'select',
      options: [
        { value: 'NETWORK_INTERNAL', label: t('visibilityInternal') },
        { value: 'PUBLIC', label: t('visibilityPublic') },
      ],
    },
    {
      name: 'consent',
      label: t('consent'),
      type: 'select',
      options: [
        { value: 'none', label: t('consentNone') },
        { value: 'given', label: t('consentGiven') },
        { value: 'withdrawn', label: t('consentWithdrawn') },
      ],
    },
    { name: 'consentScope', label: t('consentScope'), hint: t('consentScopeHint'), isWide: true },
    { name: 'sortOrder', label: t('sortOrder'), type: 'number' },
    { name: 'languageCodes', label: t('spokenLanguages'), type: 'checkboxes', options: languages },
  ];
}

const WEEKDAYS = ['1', '2', '3', '4', '5', '6', '7'] as const;

function weekdayOptions(t: FieldsT): Option[] {
  return WEEKDAYS.map((value) => ({ value, label: t(`weekdays.${value}`) }));
}

export function scheduleFields(
  { services, locations, contacts = [], languages = [] }: { services: Option[]; locations: Option[]; contacts?: Option[]; languages?: Option[] },
  t: FieldsT = GERMAN,
): FieldSpec[] {
  return [
    { name: 'weekday', label: t('weekday'), type: 'select', options: weekdayOptions(t), isRequired: true },
    { name: 'serviceId', label: t('service'), type: 'select', options: [{ value: '', label: t('all') }, ...services] },
    { name: 'opensAt', label: t('opensAt'), type: 'time', isRequired: true },
    { name: 'closesAt', label: t('closesAt'), type: 'time', isRequired: true },
    { name: 'locationId', label: t('location'), type: 'select', options: [{ value: '', label: t('all') }, ...locations] },
    { name: 'contactPersonId', label: t('scheduleContact'), type: 'select', hint: t('scheduleContactHint'), options: [{ value: '', label: t('scheduleContactNone') }, ...contacts] },
    { name: 'languageCodes', label: t('scheduleLanguages'), type: 'checkboxes', options: languages },
    { name: 'appointmentOnly', label: t('appointmentOnly'), type: 'checkbox' },
    { name: 'bookingUrl', label: t('bookingUrl'), type: 'url', hint: t('bookingUrlHint'), isWide: true },
    { name: 'validFrom', label: t('validFrom'), type: 'date' },
    { name: 'validTo', label: t('validTo'), type: 'date' },
    { name: 'note', label: t('note'), isWide: true },
  ];
}

export function exceptionFields({ locations }: { locations: Option[] }, t: FieldsT = GERMAN): FieldSpec[] {
  return [
    { name: 'startsOn', label: t('startsOn'), type: 'date', isRequired: true },
    { name: 'endsOn', label: t('endsOn'), type: 'date' },
    { name: 'locationId', label: t('location'), type: 'select', options: [{ value: '', label: t('all') }, ...locations] },
    { name: 'isClosed', label: t('isClosed'), type: 'checkbox' },
    { name: 'opensAt', label: t('exceptionOpensAt'), type: 'time' },
    { name: 'closesAt', label: t('exceptionClosesAt'), type: 'time' },
    { name: 'note', label: t('note'), isWide: true, hint: t('exceptionNoteHint') },
  ];
}

type EntityOptions = { categories: Option[]; topics: Option[]; targetGroups: Option[]; organizations: Option[]; locations: Option[]; languages: Option[]; services: Option[]; contacts: Option[]; pt?: ProjectEventT };

// The form of each editable entity (direct edit and a proposal's review form alike). The server
// reads a post with the same definition (options left empty: only names and kinds matter there).
// `isCoordinator` false: the organization form without the coordinator-only fields.
export function entityFields(
  entityType: ChangeEntityType,
  { isCoordinator = true, ...given }: Partial<EntityOptions> & { isCoordinator?: boolean } = {},
  t: FieldsT = GERMAN,
): FieldSpec[] {
  const o: EntityOptions = { categories: [], topics: [], targetGroups: [], organizations: [], locations: [], languages: [], services: [], contacts: [], ...given };
  switch (entityType) {
    case 'Organization':
      return organizationFields({ categories: o.categories, topics: o.topics, targetGroups: o.targetGroups, organizations: o.organizations, isCoordinator }, t);
    case 'Service':
      return serviceFields({ topics: o.topics, targetGroups: o.targetGroups, locations: o.locations, languages: o.languages }, t);
    case 'Location':
      return locationFields(t);
    case 'ContactPerson':
      return contactFields({ services: o.services, languages: o.languages }, t);
    case 'Schedule':
      return scheduleFields({ services: o.services, locations: o.locations, contacts: o.contacts, languages: o.languages }, t);
    case 'ScheduleException':
      return exceptionFields({ locations: o.locations }, t);
    case 'Project':
      return projectFields({ ...o, isCoordinator });
    case 'Event':
      return eventFields({ ...o, isCoordinator });
  }
}
