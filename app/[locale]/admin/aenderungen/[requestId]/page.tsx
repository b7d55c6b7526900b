import type { Metadata } from 'next';
import Link from 'next/link';
import { ChangeStatusBadge } from '@/components/admin/change-requests';
import { ActionButton } from '@/components/forms/action-button';
import { EntityForm } from '@/components/forms/entity-form';
import { requirePageUser } from '@/lib/auth/session';
import { getChangeRequest, type ChangeRequestDetail } from '@/lib/data/change-requests/get';
import { adminFormats, adminTranslator, getAdminLocale, getAdminT } from '@/lib/i18n/admin';
import { orNotFound, type AdminPageProps } from '../../page-utils';
import { approveChangeRequestAction, rejectChangeRequestAction, withdrawChangeRequestAction } from '../actions';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getAdminT('ChangeRequests'))('detailTitle') };
}

// Where the record a request is about is edited (for "edit and resubmit" after a rejection).
function entityHref(request: ChangeRequestDetail): string {
  if (request.entityType === 'Project' || request.entityType === 'Event') {
    const list = request.entityType === 'Project' ? '/de/admin/projekte' : '/de/admin/veranstaltungen';
    return request.entityId ? `${list}/${request.entityId}` : list;
  }
  const base = `/de/admin/organisationen/${request.organizationId}`;
  if (request.entityType === 'Schedule' || request.entityType === 'ScheduleException') return `${base}/sprechzeiten`;
  if (!request.entityId || request.entityType === 'Organization') return base;
  const segment = { Service: 'angebote', Location: 'standorte', ContactPerson: 'kontakte' }[request.entityType];
  return `${base}/${segment}/${request.entityId}`;
}

function Value({ value, kind, empty }: { value: string | null; kind: 'before' | 'after'; empty: string }) {
  if (value === null) return <span className="text-slate-700">{empty}</span>;
  return kind === 'before' ? <del className="text-red-800">{value}</del> : <ins className="text-green-800">{value}</ins>;
}

export default async function ChangeRequestPage({ params, searchParams }: AdminPageProps<{ requestId: string }>) {
  const { requestId } = await params;
  const search = await searchParams;
  const actor = await requirePageUser(`/de/admin/aenderungen/${requestId}`);
  const locale = await getAdminLocale();
  const request = await orNotFound(getChangeRequest({ actor, id: requestId, locale }));
  const isPending = request.status === 'PENDING';
  const t = adminTranslator(locale, 'ChangeRequests');
  const { dateTime: dateTimeFormat } = adminFormats(locale);
  const headings =
    isPending || request.status === 'APPROVED'
      ? { before: isPending ? t('beforePublic') : t('before'), after: isPending ? t('proposal') : t('after') }
      : { before: null, after: t('proposed') };
  return (
    <div>
      <p>
        <Link href="/de/admin/aenderungen" className="admin-link">{t('back')}</Link>
      </p>
      <h1 className="admin-h1">{request.subject}</h1>
      <div role="status">
        {search.angenommen ? <p className="alert-success mb-4">{t('approvedNotice')}</p> : null}
        {search.abgelehnt ? <p className="alert-success mb-4">{t('rejectedNotice')}</p> : null}
        {search.zurueckgezogen ? <p className="alert-success mb-4">{t('withdrawnNotice')}</p> : null}
      </div>
      <dl className="mb-4 grid gap-x-4 gap-y-1 sm:grid-cols-[max-content_1fr]">
        <dt className="font-semibold">{t('entry')}</dt>
        <dd>
          <Link href={`/de/admin/organisationen/${request.organizationId}`} className="admin-link">{request.organizationName}</Link>
        </dd>
        <dt className="font-semibold">{t('state')}</dt>
        <dd><ChangeStatusBadge status={request.status} /></dd>
        <dt className="font-semibold">{t('submittedLabel')}</dt>
        <dd>{t('dateBy', { date: dateTimeFormat.format(request.createdAt), name: request.createdByName ?? t('unknown') })}</dd>
        {request.reviewedAt && request.reviewedByName ? (
          <>
            <dt className="font-semibold">{t('reviewedLabel')}</dt>
            <dd>{t('dateBy', { date: dateTimeFormat.format(request.reviewedAt), name: request.reviewedByName })}</dd>
          </>
        ) : null}
        {request.reviewComment ? (
          <>
            <dt className="font-semibold">{t('commentLabel')}</dt>
            <dd data-review-comment>{request.reviewComment}</dd>
          </>
        ) : null}
      </dl>
      {request.status === 'PENDING' && request.entityType !== 'Project' && request.entityType !== 'Event' ? (
        <p className="mb-4">
          <Link href={`/de/vorschau/${request.organizationId}?vorschlag=${request.id}`} className="admin-link" data-preview-link>{adminTranslator(locale, 'Preview')('withProposal')}</Link>
        </p>
      ) : null}

      {request.isMissing ? (
        <p className="alert-error mb-4">{t('missing')}</p>
      ) : request.isStale ? (
        <div className="alert-error mb-4 space-y-2">
          <p>{t('stale')}</p>
          {request.conflictChanges.length ? (
            <ul className="list-disc ps-6">
              {request.conflictChanges.map((change) => (
                <li key={change.field}>
                  <strong>{change.label}</strong>: „{change.before ?? t('empty')}“ → „{change.after ?? t('empty')}“ ({change.by})
                </li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : null}

      <h2 className="admin-h2">{request.action === 'DELETE' ? t('toBeDeleted') : t('differences')}</h2>
      {request.diff.length === 0 ? (
        <p>{request.action === 'UPDATE' && isPending ? t('noDifference') : t('noDetails')}</p>
      ) : (
        <div className="overflow-x-auto">
          <table className="admin-table" data-diff>
            <caption className="sr-only">{t('changedFields')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('field')}</th>
                {headings.before ? <th scope="col">{headings.before}</th> : null}
                <th scope="col">{request.action === 'DELETE' && isPending ? t('proposal') : headings.after}</th>
              </tr>
            </thead>
            <tbody>
              {request.diff.map((row) => (
                <tr key={row.field} data-field={row.field}>
                  <th scope="row" className="font-normal">{row.label}</th>
                  {headings.before ? <td><Value value={row.before} kind="before" empty={t('empty')} /></td> : null}
                  <td>{request.action === 'DELETE' && isPending ? <strong>{t('delete')}</strong> : <Value value={row.after} kind="after" empty={t('empty')} />}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      {request.canReview ? (
        <section aria-labelledby="pruefen" className="mt-6 space-y-6">
          <h2 id="pruefen" className="admin-h2">{t('review')}</h2>
          {!request.isStale && !request.isMissing ? (
            <div>
              <h3 className="mb-2 font-semibold">{t('approve')}</h3>
              <EntityForm
                action={approveChangeRequestAction.bind(null, request.id)}
                formId="uebernehmen"
                fields={[{ name: 'comment', label: t('approveComment'), type: 'textarea' }]}
                initialValues={{}}
                submitLabel={t('approve')}
              />
            </div>
          ) : null}
          {request.action !== 'DELETE' && !request.isMissing ? (
            <p>
              <Link href={`/de/admin/aenderungen/${request.id}/bearbeiten`} className="btn-secondary">{t('editAndApprove')}</Link>
            </p>
          ) : null}
          <div>
            <h3 className="mb-2 font-semibold">{t('reject')}</h3>
            <EntityForm
              action={rejectChangeRequestAction.bind(null, request.id)}
              formId="ablehnen"
              fields={[{ name: 'comment', label: t('rejectComment'), type: 'textarea', isRequired: true }]}
              initialValues={{}}
              submitLabel={t('reject')}
              submitVariant="danger"
            />
          </div>
        </section>
      ) : null}

      {request.canWithdraw ? (
        <p className="mt-6">
          <ActionButton action={withdrawChangeRequestAction.bind(null, request.id)} label={t('withdraw')} confirm={t('withdrawConfirm')} variant="danger" />
        </p>
      ) : null}
      {request.status === 'REJECTED' && !request.canReview ? (
        <p className="mt-6">
          <Link href={entityHref(request)} className="admin-link">{t('resubmit')}</Link>
        </p>
      ) : null}
    </div>
  );
}
