import type { Metadata } from 'next';
import Link from 'next/link';
import { ChangeStatusBadge } from '@/components/admin/change-requests';
import { ActionButton } from '@/components/forms/action-button';
import { EntityForm } from '@/components/forms/entity-form';
import { requirePageUser } from '@/lib/auth/session';
import { getChangeRequest, type ChangeRequestDetail } from '@/lib/data/change-requests';
import { dateTimeFormat, orNotFound } from '../../page-utils';
import { approveChangeRequestAction, rejectChangeRequestAction, withdrawChangeRequestAction } from '../actions';

export const metadata: Metadata = { title: 'Änderungsvorschlag' };

// Where the record a request is about is edited (for "edit and resubmit" after a rejection).
function entityHref(request: ChangeRequestDetail): string {
  const base = `/de/admin/organisationen/${request.organizationId}`;
  if (request.entityType === 'Schedule' || request.entityType === 'ScheduleException') return `${base}/sprechzeiten`;
  if (!request.entityId || request.entityType === 'Organization') return base;
  const segment = { Service: 'angebote', Location: 'standorte', ContactPerson: 'kontakte' }[request.entityType];
  return `${base}/${segment}/${request.entityId}`;
}

function Value({ value, kind }: { value: string | null; kind: 'before' | 'after' }) {
  if (value === null) return <span className="text-slate-700">(leer)</span>;
  return kind === 'before' ? <del className="text-red-800">{value}</del> : <ins className="text-green-800">{value}</ins>;
}

export default async function ChangeRequestPage({ params, searchParams }: { params: Promise<{ requestId: string }>; searchParams: Promise<Record<string, string | undefined>> }) {
  const { requestId } = await params;
  const search = await searchParams;
  const actor = await requirePageUser(`/de/admin/aenderungen/${requestId}`);
  const request = await orNotFound(getChangeRequest({ actor, id: requestId }));
  const isPending = request.status === 'PENDING';
  const headings =
    isPending || request.status === 'APPROVED'
      ? { before: isPending ? 'Bisher (öffentlich)' : 'Vorher', after: isPending ? 'Vorschlag' : 'Nachher' }
      : { before: null, after: 'Vorgeschlagen' };
  return (
    <div>
      <p>
        <Link href="/de/admin/aenderungen" className="admin-link">Zurück zu allen Änderungen</Link>
      </p>
      <h1 className="admin-h1">{request.subject}</h1>
      <div role="status">
        {search.angenommen ? <p className="alert-success mb-4">Übernommen: Die Änderung ist jetzt öffentlich. Die einreichende Person wurde per E-Mail benachrichtigt.</p> : null}
        {search.abgelehnt ? <p className="alert-success mb-4">Abgelehnt. Die einreichende Person wurde per E-Mail benachrichtigt.</p> : null}
        {search.zurueckgezogen ? <p className="alert-success mb-4">Ihr Vorschlag wurde zurückgezogen.</p> : null}
      </div>
      <dl className="mb-4 grid gap-x-4 gap-y-1 sm:grid-cols-[max-content_1fr]">
        <dt className="font-semibold">Eintrag</dt>
        <dd>
          <Link href={`/de/admin/organisationen/${request.organizationId}`} className="admin-link">{request.organizationName}</Link>
        </dd>
        <dt className="font-semibold">Stand</dt>
        <dd><ChangeStatusBadge status={request.status} /></dd>
        <dt className="font-semibold">Eingereicht</dt>
        <dd>{dateTimeFormat.format(request.createdAt)} von {request.createdByName ?? 'unbekannt'}</dd>
        {request.reviewedAt && request.reviewedByName ? (
          <>
            <dt className="font-semibold">Geprüft</dt>
            <dd>{dateTimeFormat.format(request.reviewedAt)} von {request.reviewedByName}</dd>
          </>
        ) : null}
        {request.reviewComment ? (
          <>
            <dt className="font-semibold">Kommentar</dt>
            <dd data-review-comment>{request.reviewComment}</dd>
          </>
        ) : null}
      </dl>

      {request.isMissing ? (
        <p className="alert-error mb-4">Der betroffene Eintrag existiert nicht mehr. Der Vorschlag kann nur noch abgelehnt werden.</p>
      ) : request.isStale ? (
        <div className="alert-error mb-4 space-y-2">
          <p>
            Der Eintrag wurde geändert, seit der Vorschlag eingereicht wurde. So übernommen, würde er diese Änderungen überschreiben; deshalb geht das nur über
            „Bearbeiten und übernehmen“.
          </p>
          {request.conflictChanges.length ? (
            <ul className="list-disc ps-6">
              {request.conflictChanges.map((change) => (
                <li key={change.field}>
                  <strong>{change.label}</strong>: „{change.before ?? '(leer)'}“ → „{change.after ?? '(leer)'}“ ({change.by})
                </li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : null}

      <h2 className="admin-h2">{request.action === 'DELETE' ? 'Wird gelöscht' : 'Unterschiede'}</h2>
      {request.diff.length === 0 ? (
        <p>{request.action === 'UPDATE' && isPending ? 'Der Vorschlag ändert nichts gegenüber dem öffentlichen Stand.' : 'Keine Angaben.'}</p>
      ) : (
        <div className="overflow-x-auto">
          <table className="admin-table" data-diff>
            <caption className="sr-only">Geänderte Felder</caption>
            <thead>
              <tr>
                <th scope="col">Feld</th>
                {headings.before ? <th scope="col">{headings.before}</th> : null}
                <th scope="col">{request.action === 'DELETE' && isPending ? 'Vorschlag' : headings.after}</th>
              </tr>
            </thead>
            <tbody>
              {request.diff.map((row) => (
                <tr key={row.field} data-field={row.field}>
                  <th scope="row" className="font-normal">{row.label}</th>
                  {headings.before ? <td><Value value={row.before} kind="before" /></td> : null}
                  <td>{request.action === 'DELETE' && isPending ? <strong>löschen</strong> : <Value value={row.after} kind="after" />}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      {request.canReview ? (
        <section aria-labelledby="pruefen" className="mt-6 space-y-6">
          <h2 id="pruefen" className="admin-h2">Prüfen</h2>
          {!request.isStale && !request.isMissing ? (
            <div>
              <h3 className="mb-2 font-semibold">Übernehmen</h3>
              <EntityForm
                action={approveChangeRequestAction.bind(null, request.id)}
                formId="uebernehmen"
                fields={[{ name: 'comment', label: 'Hinweis an die einreichende Person (freiwillig)', type: 'textarea' }]}
                initialValues={{}}
                submitLabel="Übernehmen"
              />
            </div>
          ) : null}
          {request.action !== 'DELETE' && !request.isMissing ? (
            <p>
              <Link href={`/de/admin/aenderungen/${request.id}/bearbeiten`} className="btn-secondary">Bearbeiten und übernehmen</Link>
            </p>
          ) : null}
          <div>
            <h3 className="mb-2 font-semibold">Ablehnen</h3>
            <EntityForm
              action={rejectChangeRequestAction.bind(null, request.id)}
              formId="ablehnen"
              fields={[{ name: 'comment', label: 'Begründung (geht per E-Mail an die einreichende Person)', type: 'textarea', isRequired: true }]}
              initialValues={{}}
              submitLabel="Ablehnen"
            />
          </div>
        </section>
      ) : null}

      {request.canWithdraw ? (
        <p className="mt-6">
          <ActionButton action={withdrawChangeRequestAction.bind(null, request.id)} label="Vorschlag zurückziehen" confirm="Vorschlag wirklich zurückziehen?" />
        </p>
      ) : null}
      {request.status === 'REJECTED' && !request.canReview ? (
        <p className="mt-6">
          <Link href={entityHref(request)} className="admin-link">Angaben anpassen und erneut einreichen</Link>
        </p>
      ) : null}
    </div>
  );
}
