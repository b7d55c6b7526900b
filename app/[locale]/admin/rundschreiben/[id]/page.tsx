import type { Metadata } from 'next';
import Link from 'next/link';
import { circularFields } from '@/components/admin/distribution-list-fields';
import { CircularProgress } from '@/components/admin/circular-progress';
import { ActionButton } from '@/components/forms/action-button';
import { EntityForm } from '@/components/forms/entity-form';
import { Markdown } from '@/lib/markdown/markdown';
import { requirePageUser } from '@/lib/auth/session';
import { ATTACHMENT_ERRORS, type AttachmentErrorCode } from '@/lib/data/circulars/circular-attachments';
import { getCircular } from '@/lib/data/circulars/get-circular';
import { isCircularSendingConfigured } from '@/lib/mail/circular';
import { adminFormats, adminTranslator, getAdminLocale, getAdminT, serverMessagePairs } from '@/lib/i18n/admin';
import { translateMessage } from '@/lib/i18n/admin-translate';
import { CIRCULAR_ATTACHMENTS_MAX_BYTES } from '@/lib/schemas/distribution-list';
import { orNotFound } from '../../page-utils';
import { deleteCircularAction, queueCircularAction, removeAttachmentAction, updateCircularAction } from '../actions';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getAdminT('Circulars'))('detailTitle') };
}

function formatSize(bytes: number, locale: string): string {
  const format = new Intl.NumberFormat(locale === 'en' ? 'en-GB' : 'de-DE', { maximumFractionDigits: 1 });
  return bytes >= 1024 * 1024 ? `${format.format(bytes / 1024 / 1024)} MB` : `${format.format(Math.max(1, Math.round(bytes / 1024)))} KB`;
}

export default async function CircularPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | undefined>> }) {
  const { id } = await params;
  const search = await searchParams;
  const actor = await requirePageUser(`/de/admin/rundschreiben/${id}`);
  const circular = await orNotFound(getCircular({ actor, id }));
  const locale = await getAdminLocale();
  const t = adminTranslator(locale, 'Circulars');
  const { dateTime } = adminFormats(locale);
  const isDraft = circular.status === 'DRAFT';
  const totalSize = circular.attachments.reduce((sum, a) => sum + a.size, 0);
  const uploadError = search.anhangFehler && search.anhangFehler in ATTACHMENT_ERRORS ? ATTACHMENT_ERRORS[search.anhangFehler as AttachmentErrorCode] : search.anhangFehler ? t('uploadFailed') : null;
  const canSend = isCircularSendingConfigured();
  return (
    <div>
      <p>
        {circular.listId ? (
          <Link href={`/de/admin/verteiler/${circular.listId}`} className="admin-link">
            {t('backToList', { name: circular.listName })}
          </Link>
        ) : (
          <Link href="/de/admin/rundschreiben" className="admin-link">
            {t('backToCirculars')}
          </Link>
        )}
      </p>
      <h1 className="admin-h1">
        {t('detailTitle')}: {circular.subject}
      </h1>
      <div role="status">
        {search.gespeichert ? <p className="alert-success mb-4">{t('saved')}</p> : null}
        {search.anhang ? <p className="alert-success mb-4">{t('attachmentAdded')}</p> : null}
        {search.anhangEntfernt ? <p className="alert-success mb-4">{t('attachmentRemoved')}</p> : null}
        {search.versand ? <p className="alert-success mb-4">{t('queued')}</p> : null}
      </div>
      <p className="mb-4">
        {t('meta', { list: circular.listName, author: circular.createdByName, date: dateTime.format(circular.createdAt) })} · {t(`status${circular.status}`)}
      </p>

      {isDraft ? (
        <>
          <section aria-labelledby="senden" className="mb-6 rounded border border-slate-300 p-4">
            <h2 id="senden" className="admin-h2 mt-0">
              {t('sendHeading')}
            </h2>
            <p className="mb-3">{t('sendIntro', { count: circular.draftRecipientCount ?? 0 })}</p>
            {canSend ? (
              circular.draftRecipientCount ? (
                <ActionButton
                  action={queueCircularAction.bind(null, id, circular.version)}
                  label={t('send', { count: circular.draftRecipientCount })}
                  variant="primary"
                  confirm={t('sendConfirm', { count: circular.draftRecipientCount })}
                />
              ) : (
                <p>{t('nobody')}</p>
              )
            ) : (
              <p className="alert-error">{t('noSmtp')}</p>
            )}
          </section>
          <section aria-labelledby="text">
            <h2 id="text" className="admin-h2">
              {t('textHeading')}
            </h2>
            <EntityForm
              action={updateCircularAction.bind(null, id)}
              fields={circularFields(t)}
              initialValues={{ subject: circular.subject, body: circular.body }}
              hidden={{ version: String(circular.version) }}
              submitLabel={t('saveText')}
              formId="rundschreiben"
            />
          </section>
        </>
      ) : (
        <section aria-labelledby="fortschritt" className="mb-6">
          <h2 id="fortschritt" className="admin-h2">
            {t('progressHeading')}
          </h2>
          <CircularProgress
            id={id}
            initial={{ status: circular.status, recipientCount: circular.recipientCount, sentCount: circular.sentCount, failedCount: circular.failedCount, skippedCount: circular.skippedCount }}
            texts={{ label: t('progressLabel'), running: t('progressRunning'), done: t('progressDone'), counts: t('progressCounts') }}
          />
          <p className="mt-2">
            <Link href={`/de/admin/rundschreiben/${id}`} className="admin-link">
              {t('refresh')}
            </Link>
          </p>
        </section>
      )}

      <section aria-labelledby="anhaenge">
        <h2 id="anhaenge" className="admin-h2">
          {t('attachmentsHeading')}
        </h2>
        {uploadError ? (
          <p className="alert-error mb-3" role="alert">
            {translateMessage(uploadError, serverMessagePairs(locale))}
          </p>
        ) : null}
        {circular.attachments.length ? (
          <ul className="mb-3 space-y-2">
            {circular.attachments.map((a) => (
              <li key={a.id} className="flex flex-wrap items-center gap-3">
                <span>
                  {a.filename} ({formatSize(a.size, locale)})
                </span>
                {isDraft ? <ActionButton action={removeAttachmentAction.bind(null, id, a.id)} label={t('removeAttachment', { name: a.filename })} /> : null}
              </li>
            ))}
          </ul>
        ) : (
          <p className="mb-3">{t('noAttachments')}</p>
        )}
        {isDraft ? (
          <form action={`/api/admin/circulars/${id}/attachments`} method="post" encType="multipart/form-data" className="space-y-2">
            <div className="field">
              <label htmlFor="anhang-dateien" className="field-label">
                {t('chooseFiles')}
              </label>
              <p id="anhang-hinweis" className="field-hint">
                {t('filesHint', { used: formatSize(totalSize, locale), max: formatSize(CIRCULAR_ATTACHMENTS_MAX_BYTES, locale) })}
              </p>
              <input id="anhang-dateien" name="files" type="file" multiple aria-describedby="anhang-hinweis" className="input" />
            </div>
            <button type="submit" className="btn-secondary">
              {t('upload')}
            </button>
          </form>
        ) : null}
      </section>

      <section aria-labelledby="vorschau">
        <h2 id="vorschau" className="admin-h2">
          {t('previewHeading')}
        </h2>
        <div className="rounded border border-slate-300 p-4">
          <p className="mb-2">
            <strong>{t('fieldSubject')}:</strong> {circular.subject}
          </p>
          <Markdown text={circular.body} topHeadingLevel={3} />
        </div>
      </section>

      {isDraft ? (
        <div className="mt-6">
          <ActionButton action={deleteCircularAction.bind(null, id)} label={t('deleteDraft')} variant="danger" confirm={t('deleteDraftConfirm')} />
        </div>
      ) : (
        <section aria-labelledby="zustellungen">
          <h2 id="zustellungen" className="admin-h2">
            {t('deliveriesHeading')}
          </h2>
          <p className="mb-2">{t('sentBy', { name: circular.queuedByName ?? circular.createdByName, date: circular.queuedAt ? dateTime.format(circular.queuedAt) : '–' })}</p>
          <div className="overflow-x-auto">
            <table className="admin-table">
              <caption className="sr-only">{t('deliveriesHeading')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('columnRecipient')}</th>
                  <th scope="col">{t('columnOrganization')}</th>
                  <th scope="col">{t('columnStatus')}</th>
                  <th scope="col">{t('columnDetails')}</th>
                </tr>
              </thead>
              <tbody>
                {circular.deliveries.map((d) => (
                  <tr key={d.id}>
                    <td>
                      {d.name ? `${d.name} ` : ''}&lt;{d.email}&gt;
                    </td>
                    <td>{d.organizationName ?? '–'}</td>
                    <td>{t(`delivery${d.status}`)}</td>
                    <td>{d.sentAt ? dateTime.format(d.sentAt) : d.error ?? '–'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      )}
    </div>
  );
}
