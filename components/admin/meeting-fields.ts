// The meeting form's fields (create and edit), from the admin catalogue.
import type { FieldSpec } from '@/components/forms/form-state';
import type { AdminT } from '@/lib/i18n/admin';
import { MEETING_KINDS } from '@/lib/schemas/meeting';

export function meetingFields(t: AdminT<'Meetings'>, locations: { value: string; label: string }[]): FieldSpec[] {
  return [
    { name: 'title', label: t('fieldTitle'), isRequired: true, isWide: true },
    { name: 'kind', label: t('fieldKind'), type: 'select', isRequired: true, options: MEETING_KINDS.map((kind) => ({ value: kind, label: t(`kind${kind}`) })) },
    { name: 'startsAt', label: t('fieldStartsAt'), type: 'datetime-local', isRequired: true },
    { name: 'endsAt', label: t('fieldEndsAt'), type: 'datetime-local', isRequired: true },
    { name: 'locationId', label: t('fieldLocation'), type: 'select', options: [{ value: '', label: t('fieldLocationNone') }, ...locations] },
    { name: 'placeText', label: t('fieldPlaceText'), hint: t('fieldPlaceHint') },
    { name: 'accessibilityNote', label: t('fieldAccessibility'), isWide: true },
    { name: 'onlineUrl', label: t('fieldOnlineUrl'), type: 'url' },
    { name: 'agendaDeadline', label: t('fieldAgendaDeadline'), type: 'datetime-local', hint: t('fieldAgendaDeadlineHint') },
    { name: 'description', label: t('fieldDescription'), type: 'textarea' },
  ];
}
