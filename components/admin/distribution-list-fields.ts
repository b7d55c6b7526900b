// Form fields of a distribution list and of a circular (plain data for EntityForm). Labels from
// messages/admin/<locale>.json (Admin.DistributionLists).
import type { FieldSpec } from '@/components/forms/form-state';
import type { AdminT } from '@/lib/i18n/admin';

type Option = { value: string; label: string };

export function distributionListFields(
  options: { categories: Option[]; topics: Option[]; municipalities: Option[]; languages: Option[]; organizations: Option[]; contacts: Option[] },
  t: AdminT<'DistributionLists'>,
): FieldSpec[] {
  return [
    { name: 'name', label: t('fieldName'), isRequired: true, isWide: true, hint: t('fieldNameHint') },
    { name: 'description', label: t('fieldDescription'), type: 'textarea' },
    {
      name: 'addressMode',
      label: t('fieldAddressMode'),
      type: 'select',
      hint: t('fieldAddressModeHint'),
      options: [
        { value: 'FUNCTIONAL_MAILBOX', label: t('modeFUNCTIONAL_MAILBOX') },
        { value: 'ALL_CONTACTS', label: t('modeALL_CONTACTS') },
        { value: 'ROLE', label: t('modeROLE') },
      ],
    },
    { name: 'role', label: t('fieldRole'), hint: t('fieldRoleHint') },
    { name: 'includeInternal', label: t('fieldIncludeInternal'), type: 'checkbox', hint: t('fieldIncludeInternalHint'), isWide: true },
    { name: 'useFilter', label: t('fieldUseFilter'), type: 'checkbox', hint: t('fieldUseFilterHint'), isWide: true },
    { name: 'categoryIds', label: t('fieldCategories'), type: 'checkboxes', options: options.categories },
    { name: 'topicIds', label: t('fieldTopics'), type: 'checkboxes', options: options.topics },
    { name: 'municipalities', label: t('fieldMunicipalities'), type: 'checkboxes', options: options.municipalities },
    { name: 'languageCodes', label: t('fieldLanguages'), type: 'checkboxes', options: options.languages, hint: t('fieldLanguagesHint') },
    { name: 'isMembersOnly', label: t('fieldMembersOnly'), type: 'checkbox', hint: t('fieldMembersOnlyHint'), isWide: true },
    { name: 'organizationIds', label: t('fieldOrganizations'), type: 'checkboxes', options: options.organizations, hint: t('fieldOrganizationsHint') },
    { name: 'contactIds', label: t('fieldContacts'), type: 'checkboxes', options: options.contacts, hint: t('fieldContactsHint') },
  ];
}

export function circularFields(t: AdminT<'Circulars'>): FieldSpec[] {
  return [
    { name: 'subject', label: t('fieldSubject'), isRequired: true, isWide: true },
    { name: 'body', label: t('fieldBody'), type: 'textarea', isRequired: true, hint: t('fieldBodyHint') },
  ];
}
