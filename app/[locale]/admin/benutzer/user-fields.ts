// Form fields of a user account and of an invitation (plain data for EntityForm). The server
// actions read posts with the same definitions. Labels from messages/admin/<locale>.json
// (Admin.Users, Admin.AccountSecurity); pages pass the admin's translators, German when they pass none.
import { createTranslator } from 'next-intl';
import type { FieldSpec } from '@/components/forms/form-state';
import de from '@/messages/admin/de.json';

const USERS = createTranslator({ locale: 'de', messages: de.Admin, namespace: 'Users' });
const SECURITY = createTranslator({ locale: 'de', messages: de.Admin, namespace: 'AccountSecurity' });
type UsersT = typeof USERS;
type SecurityT = typeof SECURITY;
type Option = { value: string; label: string };

function roleField(t: UsersT): FieldSpec {
  return { name: 'role', label: t('role'), type: 'select', options: [{ value: 'PARTNER', label: t('rolePARTNER') }, { value: 'ADMIN', label: t('roleADMIN') }] };
}

export function userFields({ organizations }: { organizations: Option[] }, t: UsersT = USERS): FieldSpec[] {
  return [
    roleField(t),
    { name: 'isActive', label: t('active'), type: 'checkbox' },
    { name: 'organizationIds', label: t('organizations'), type: 'checkboxes', options: organizations },
  ];
}

export function invitationFields({ organizations }: { organizations: Option[] }, t: UsersT = USERS, s: SecurityT = SECURITY): FieldSpec[] {
  return [
    { name: 'email', label: t('emailAddress'), type: 'email', isRequired: true, autoComplete: 'off' },
    { name: 'name', label: t('name'), autoComplete: 'off' },
    roleField(t),
    { name: 'locale', label: s('invitationLanguage'), type: 'select', options: [{ value: 'de', label: 'Deutsch' }, { value: 'en', label: 'English' }] },
    { name: 'organizationIds', label: t('organizationsForPartners'), type: 'checkboxes', options: organizations },
  ];
}
