import type { Metadata } from 'next';
import Link from 'next/link';
import { ChangeRequestList, ReviewNotice, SubmittedNotice } from '@/components/admin/change-requests';
import { exceptionFields, scheduleFields } from '@/components/admin/field-specs';
import { ActionButton } from '@/components/forms/action-button';
import { EntityForm } from '@/components/forms/entity-form';
import { requirePageUser } from '@/lib/auth/session';
import { getAdminOrganization } from '@/lib/data/admin-organizations';
import { listChangeRequests } from '@/lib/data/change-requests';
import { formatMinutes, WEEKDAYS } from '@/lib/data/schedules';
import { can } from '@/lib/permissions';
import { dateFormat, orNotFound } from '../../../page-utils';
import { createScheduleAction, createScheduleExceptionAction, deleteScheduleAction } from '../../actions';

export const metadata: Metadata = { title: 'Sprechzeiten' };

export default async function SchedulesPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | undefined>> }) {
  const { id } = await params;
  const search = await searchParams;
  const actor = await requirePageUser(`/de/admin/organisationen/${id}/sprechzeiten`);
  const org = await orNotFound(getAdminOrganization({ actor, id }));
  const isDirect = can(actor, 'organization.update', org);
  const isReviewed = !isDirect && can(actor, 'organization.propose', org);
  const canEdit = (isDirect || isReviewed) && !org.deletedAt;
  const pending = (await listChangeRequests({ actor, organizationId: id, status: 'PENDING' })).filter(
    (r) => r.entityType === 'Schedule' || r.entityType === 'ScheduleException',
  );
  const services = org.services.filter((s) => !s.deletedAt).map((s) => ({ value: s.id, label: s.name }));
  const locations = org.locations.filter((l) => !l.deletedAt).map((l) => ({ value: l.id, label: [l.name, l.city].filter(Boolean).join(', ') || 'Standort' }));
  return (
    <div>
      <p><Link href={`/de/admin/organisationen/${id}`} className="admin-link">Zurück zu {org.name}</Link></p>
      <h1 className="admin-h1">Sprechzeiten: {org.name}</h1>
      <div role="status">
        {search.gespeichert ? <p className="alert-success mb-4">Gespeichert.</p> : null}
        {search.eingereicht ? <SubmittedNotice /> : null}
      </div>
      {isReviewed ? <ReviewNotice /> : null}
      {pending.length ? (
        <section aria-labelledby="offene-vorschlaege">
          <h2 id="offene-vorschlaege" className="admin-h2">Eingereichte Änderungen an den Sprechzeiten</h2>
          <ChangeRequestList items={pending} showOrganization={false} />
        </section>
      ) : null}
      <h2 className="admin-h2">Wöchentliche Sprechzeiten</h2>
      {org.schedules.length === 0 ? <p>Noch keine Sprechzeiten.</p> : null}
      <ul className="space-y-2">
        {org.schedules.map((slot) => {
          const label = `${WEEKDAYS[slot.weekday]} ${formatMinutes(slot.opensAt)}–${formatMinutes(slot.closesAt)} Uhr`;
          return (
            <li key={slot.id} className="flex flex-wrap items-center gap-3">
              <span>
                {label}
                {slot.appointmentOnly ? ', nur mit Termin' : ''}
                {slot.service ? ` · ${slot.service.name}` : ''}
                {slot.location ? ` · ${[slot.location.name, slot.location.city].filter(Boolean).join(', ')}` : ''}
                {slot.note ? ` · ${slot.note}` : ''}
              </span>
              {canEdit ? <ActionButton action={deleteScheduleAction.bind(null, 'schedule', slot.id)} label={isReviewed ? `Entfernen von ${label} vorschlagen` : `${label} entfernen`} variant="danger" /> : null}
            </li>
          );
        })}
      </ul>
      {canEdit ? (
        <>
          <h3 className="admin-h2">Sprechzeit hinzufügen</h3>
          <EntityForm action={createScheduleAction.bind(null, id)} fields={scheduleFields({ services, locations })} initialValues={{ weekday: '1' }} submitLabel={isReviewed ? 'Sprechzeit vorschlagen' : 'Sprechzeit hinzufügen'} formId="sprechzeit" />
        </>
      ) : null}
      <h2 className="admin-h2">Ausnahmen (Feiertage, Schließzeiten)</h2>
      {org.scheduleExceptions.length === 0 ? <p>Keine Ausnahmen.</p> : null}
      <ul className="space-y-2">
        {org.scheduleExceptions.map((exception) => {
          const label = `${dateFormat.format(exception.startsOn)}${exception.endsOn.getTime() !== exception.startsOn.getTime() ? ` bis ${dateFormat.format(exception.endsOn)}` : ''}`;
          return (
            <li key={exception.id} className="flex flex-wrap items-center gap-3">
              <span>
                {label}: {exception.isClosed ? 'geschlossen' : `${formatMinutes(exception.opensAt ?? 0)}–${formatMinutes(exception.closesAt ?? 0)} Uhr`}
                {exception.note ? ` · ${exception.note}` : ''}
              </span>
              {canEdit ? <ActionButton action={deleteScheduleAction.bind(null, 'exception', exception.id)} label={isReviewed ? `Entfernen der Ausnahme ${label} vorschlagen` : `Ausnahme ${label} entfernen`} variant="danger" /> : null}
            </li>
          );
        })}
      </ul>
      {canEdit ? (
        <>
          <h3 className="admin-h2">Ausnahme hinzufügen</h3>
          <EntityForm action={createScheduleExceptionAction.bind(null, id)} fields={exceptionFields({ locations })} initialValues={{ isClosed: 'on' }} submitLabel={isReviewed ? 'Ausnahme vorschlagen' : 'Ausnahme hinzufügen'} formId="ausnahme" />
        </>
      ) : null}
    </div>
  );
}
