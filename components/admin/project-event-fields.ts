// Form fields of projects and public events (issue 14): the coordinators' form, the partners'
// proposal and the review's "edit and approve" form alike. Labels: Admin.ProjectsEvents.
import { createTranslator } from 'next-intl';
import type { FieldSpec } from '@/components/forms/form-state';
import de from '@/messages/admin/de.json';

const GERMAN = createTranslator({ locale: 'de', messages: de.Admin, namespace: 'ProjectsEvents' });
export type ProjectEventT = typeof GERMAN;

type Option = { value: string; label: string };

export interface ProjectEventOptions {
  organizations: Option[];
  topics: Option[];
  targetGroups: Option[];
  contacts: Option[];
  locations: Option[];
  languages: Option[];
  // false for partners: they never publish (the approval does).
  isCoordinator: boolean;
  pt?: ProjectEventT;
}

function termsField(t: ProjectEventT, topics: Option[], targetGroups: Option[]): FieldSpec {
  const groups = [
    { label: t('topics'), options: topics },
    { label: t('targetGroups'), options: targetGroups },
  ].filter((group) => group.options.length);
  return { name: 'termIds', label: t('termIds'), type: 'checkboxes', options: [...topics, ...targetGroups], optionGroups: groups.length > 1 ? groups : undefined, isWide: true };
}

const withNone = (t: ProjectEventT, options: Option[]) => [{ value: '', label: t('noChoice') }, ...options];

export function projectFields({ organizations, topics, targetGroups, contacts, isCoordinator, pt: t = GERMAN }: ProjectEventOptions): FieldSpec[] {
  const fields: FieldSpec[] = [
    { name: 'title', label: t('title'), isRequired: true, isWide: true },
    { name: 'summary', label: t('summary'), type: 'textarea', isWide: true },
    { name: 'leadOrganizationId', label: t('leadOrganizationId'), type: 'select', isRequired: true, options: withNone(t, organizations) },
    { name: 'status', label: t('status'), type: 'select', isRequired: true, options: (['PLANNED', 'RUNNING', 'COMPLETED'] as const).map((value) => ({ value, label: t(`status_${value}`) })) },
    { name: 'partnerOrganizationIds', label: t('partnerOrganizationIds'), type: 'checkboxes', options: organizations, isWide: true },
    termsField(t, topics, targetGroups),
    { name: 'startsOn', label: t('startsOn'), type: 'date' },
    { name: 'endsOn', label: t('endsOn'), type: 'date', hint: t('endsOnHint') },
    { name: 'funding', label: t('funding'), type: 'textarea', rows: 2, hint: t('fundingHint'), isWide: true },
    { name: 'results', label: t('results'), type: 'textarea', isWide: true },
    { name: 'contactPersonId', label: t('contactPersonId'), type: 'select', options: withNone(t, contacts), hint: t('contactHint'), isWide: true },
  ];
  if (isCoordinator) fields.push({ name: 'isPublished', label: t('isPublished'), type: 'checkbox' });
  return fields;
}

export function eventFields({ organizations, topics, targetGroups, locations, languages, isCoordinator, pt: t = GERMAN }: ProjectEventOptions): FieldSpec[] {
  const fields: FieldSpec[] = [
    { name: 'title', label: t('title'), isRequired: true, isWide: true },
    { name: 'description', label: t('description'), type: 'textarea', isWide: true },
    { name: 'startsAt', label: t('startsAt'), type: 'datetime-local', isRequired: true, hint: t('timeHint') },
    { name: 'endsAt', label: t('endsAt'), type: 'datetime-local', hint: t('timeHint') },
    { name: 'organizerId', label: t('organizerId'), type: 'select', isRequired: true, options: withNone(t, organizations), isWide: true },
    { name: 'locationId', label: t('locationId'), type: 'select', options: withNone(t, locations), isWide: true },
    { name: 'placeName', label: t('placeName') },
    { name: 'placeAddress', label: t('placeAddress') },
    { name: 'town', label: t('town') },
    { name: 'onlineUrl', label: t('onlineUrl'), type: 'url' },
    { name: 'languageCodes', label: t('languageCodes'), type: 'checkboxes', options: languages, isWide: true },
    termsField(t, topics, targetGroups),
    { name: 'isFree', label: t('isFree'), type: 'checkbox' },
    { name: 'cost', label: t('cost'), hint: t('costHint') },
    { name: 'registrationRequired', label: t('registrationRequired'), type: 'checkbox' },
    { name: 'registrationInfo', label: t('registrationInfo'), type: 'textarea', rows: 2, isWide: true },
    { name: 'registrationUrl', label: t('registrationUrl'), type: 'url' },
    { name: 'registrationUntil', label: t('registrationUntil'), type: 'datetime-local', hint: t('timeHint') },
    { name: 'isCancelled', label: t('isCancelled'), type: 'checkbox' },
  ];
  if (isCoordinator) fields.push({ name: 'isPublished', label: t('isPublished'), type: 'checkbox' });
  return fields;
}
