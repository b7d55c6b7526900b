import type { Metadata } from 'next';
import Link from 'next/link';
import { ChangeRequestList, ReviewNotice, SubmittedNotice } from '@/components/admin/change-requests';
import { exceptionFields, scheduleFields } from '@/components/admin/field-specs';
import { ActionButton } from '@/components/forms/action-button';
import { EntityForm } from '@/components/forms/entity-form';
import { requirePageUser } from '@/lib/auth/session';
import { getAdminOrganization } from '@/lib/data/admin-organizations';
import { listChangeRequests } from '@/lib/data/change-requests/list';
import { listLanguageOptions } from '@/lib/data/taxonomy';
import { formatMinutes } from '@/lib/schedule/open-status';
import { adminFormats, adminTranslator, getAdminLocale, getAdminT } from '@/lib/i18n/admin';
import { can } from '@/lib/permissions';
import { orNotFound, type AdminPageProps } from '../../../page-utils';
import { createScheduleAction, createScheduleExceptionAction, deleteScheduleAction } from '../../actions';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getAdminT('Schedules'))('title') };
}

export default async function SchedulesPage({ params, searchParams }: AdminPageProps<{ id: string }>) {
  const { id } = await params;
  const search = await searchParams;
  const actor = await requirePageUser(`/de/admin/organisationen/${id}/sprechzeiten`);
  const org = await orNotFound(getAdminOrganization({ actor, id }));
  const isDirect = can(actor, 'organization.update', org);
  const isReviewed = !isDirect && can(actor, 'organization.propose', org);
  const canEdit = (isDirect || isReviewed) && !org.deletedAt;
  const locale = await getAdminLocale();
  const languages = await listLanguageOptions({ actor });
  const languageLabel = (code: string) => languages.find((l) => l.value === code)?.label ?? code;
  const pending = (await listChangeRequests({ actor, organizationId: id, status: 'PENDING', locale })).filter(
    (r) => r.entityType === 'Schedule' || r.entityType === 'ScheduleException',
  );
  const t = adminTranslator(locale, 'Schedules');
  const fieldsT = adminTranslator(locale, 'Fields');
  const { date: dateFormat } = adminFormats(locale);
  const services = org.services.filter((s) => !s.deletedAt).map((s) => ({ value: s.id, label: s.name }));
  const locations = org.locations.filter((l) => !l.deletedAt).map((l) => ({ value: l.id, label: [l.name, l.city].filter(Boolean).join(', ') || t('location') }));
  const contacts = org.contacts.filter((c) => !c.deletedAt).map((c) => ({ value: c.id, label: c.name ? `${c.name} (${c.role})` : c.role }));
  return (
    <div>
      <p><Link href={`/de/admin/organisationen/${id}`} className="admin-link">{t('back', { name: org.name })}</Link></p>
      <h1 className="admin-h1">{t('heading', { name: org.name })}</h1>
      <div role="status">
        {search.gespeichert ? <p className="alert-success mb-4">{t('saved')}</p> : null}
        {search.eingereicht ? <SubmittedNotice /> : null}
      </div>
      {isReviewed ? <ReviewNotice /> : null}
      {pending.length ? (
        <section aria-labelledby="offene-vorschlaege">
          <h2 id="offene-vorschlaege" className="admin-h2">{t('pendingHeading')}</h2>
          <ChangeRequestList items={pending} showOrganization={false} />
        </section>
      ) : null}
      <h2 className="admin-h2">{t('weekly')}</h2>
      {org.schedules.length === 0 ? <p>{t('noSchedules')}</p> : null}
      <ul className="space-y-2">
        {org.schedules.map((slot) => {
          const label = t('slot', { weekday: fieldsT(`weekdays.${slot.weekday as 1}`), from: formatMinutes(slot.opensAt), to: formatMinutes(slot.closesAt) });
          return (
            <li key={slot.id} className="flex flex-wrap items-center gap-3">
              <span>
                {label}
                {slot.appointmentOnly ? t('appointmentOnly') : ''}
                {slot.service ? ` · ${slot.service.name}` : ''}
                {slot.location ? ` · ${[slot.location.name, slot.location.city].filter(Boolean).join(', ')}` : ''}
                {slot.contactPerson ? ` · ${slot.contactPerson.name ?? slot.contactPerson.role}` : ''}
                {slot.languageCodes.length ? ` · ${slot.languageCodes.map(languageLabel).join(', ')}` : ''}
                {slot.bookingUrl ? ` · ${slot.bookingUrl}` : ''}
                {slot.note ? ` · ${slot.note}` : ''}
              </span>
              {canEdit ? <ActionButton action={deleteScheduleAction.bind(null, 'schedule', slot.id)} label={isReviewed ? t('proposeRemove', { label }) : t('remove', { label })} variant="danger" /> : null}
            </li>
          );
        })}
      </ul>
      {canEdit ? (
        <>
          <h3 className="admin-h2">{t('addSchedule')}</h3>
          <EntityForm action={createScheduleAction.bind(null, id)} fields={scheduleFields({ services, locations, contacts, languages }, fieldsT)} initialValues={{ weekday: '1' }} submitLabel={isReviewed ? t('proposeSchedule') : t('addSchedule')} formId="sprechzeit" />
        </>
      ) : null}
      <h2 className="admin-h2">{t('exceptions')}</h2>
      {org.scheduleExceptions.length === 0 ? <p>{t('noExceptions')}</p> : null}
      <ul className="space-y-2">
        {org.scheduleExceptions.map((exception) => {
          const label =
            exception.endsOn.getTime() !== exception.startsOn.getTime()
              ? t('range', { from: dateFormat.format(exception.startsOn), to: dateFormat.format(exception.endsOn) })
              : dateFormat.format(exception.startsOn);
          return (
            <li key={exception.id} className="flex flex-wrap items-center gap-3">
              <span>
                {label}: {exception.isClosed ? t('closed') : t('times', { from: formatMinutes(exception.opensAt ?? 0), to: formatMinutes(exception.closesAt ?? 0) })}
                {exception.note ? ` · ${exception.note}` : ''}
              </span>
              {canEdit ? <ActionButton action={deleteScheduleAction.bind(null, 'exception', exception.id)} label={isReviewed ? t('proposeRemoveException', { label }) : t('removeException', { label })} variant="danger" /> : null}
            </li>
          );
        })}
      </ul>
      {canEdit ? (
        <>
          <h3 className="admin-h2">{t('addException')}</h3>
          <EntityForm action={createScheduleExceptionAction.bind(null, id)} fields={exceptionFields({ locations }, fieldsT)} initialValues={{ isClosed: 'on' }} submitLabel={isReviewed ? t('proposeException') : t('addException')} formId="ausnahme" />
        </>
      ) : null}
    </div>
  );
}
