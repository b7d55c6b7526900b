import type { Metadata } from 'next';
import Link from 'next/link';
import { SignVideoUpload } from '@/components/admin/sign-video-upload';
import { ActionButton } from '@/components/forms/action-button';
import { EntityForm } from '@/components/forms/entity-form';
import { requirePageUser } from '@/lib/auth/session';
import { getSignLanguageVideoForAdmin } from '@/lib/data/sign-language';
import { adminFormats, adminTranslator, getAdminLocale, getAdminT } from '@/lib/i18n/admin';
import { formatMegabytes, SIGN_VIDEO_ERRORS, SIGN_VIDEO_FIELD_LABELS, SIGN_VIDEO_MAX_BYTES } from '@/lib/schemas/sign-language';
import { serverMessagePairs } from '@/lib/i18n/admin';
import { translateMessage } from '@/lib/i18n/admin-translate';
import { orNotFound } from '../page-utils';
import { deleteVideoAction, updateTranscriptAction } from './actions';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getAdminT('SignLanguage'))('title') };
}

type Search = Record<string, string | undefined>;

export default async function SignLanguageAdminPage({ searchParams }: { searchParams: Promise<Search> }) {
  const actor = await requirePageUser('/de/admin/gebaerdensprache');
  const search = await searchParams;
  const video = await orNotFound(getSignLanguageVideoForAdmin({ actor }));
  const locale = await getAdminLocale();
  const t = adminTranslator(locale, 'SignLanguage');
  const { dateTime } = adminFormats(locale);
  const max = formatMegabytes(SIGN_VIDEO_MAX_BYTES);
  const pairs = serverMessagePairs(locale);
  // A refused upload posted without JavaScript comes back as ?fehler=<key>.
  const uploadError = (() => {
    const key = search.fehler;
    if (!key) return null;
    if (key === 'unauthenticated') return t('errorUnauthenticated');
    if (key === 'forbidden') return t('errorForbidden');
    if (key === 'transcript') return t('errorTranscript');
    const text = SIGN_VIDEO_ERRORS[key as keyof typeof SIGN_VIDEO_ERRORS];
    if (typeof text === 'string') return translateMessage(text, pairs);
    if (typeof text === 'function') return translateMessage(text(max), pairs);
    return t('errorFailed');
  })();
  const notice = search.hochgeladen ? t('uploaded') : search.abschrift ? t('transcriptSaved') : search.entfernt ? t('deleted') : null;
  return (
    <div className="max-w-3xl space-y-6">
      <h1 className="admin-h1">{t('title')}</h1>
      <p>{t('intro')}</p>
      <div role="status">{notice ? <p className="alert-success">{notice}</p> : null}</div>

      <section aria-labelledby="aktuelles-video" className="space-y-3">
        <h2 id="aktuelles-video" className="admin-h2">
          {t('currentTitle')}
        </h2>
        {video ? (
          <>
            <p>
              {t('details', {
                type: video.mimeType === 'video/webm' ? 'WebM' : 'MP4',
                size: formatMegabytes(video.size),
                date: dateTime.format(video.createdAt),
                name: video.uploadedByName,
              })}
            </p>
            <video controls preload="metadata" className="w-full max-w-xl rounded border border-slate-300" aria-label={t('videoLabel')}>
              <source src={`/api/gebaerdensprache/${video.id}`} type={video.mimeType} />
            </video>
            <p>
              <Link href="/de/gebaerdensprache" className="admin-link">
                {t('viewPublic')}
              </Link>
            </p>
          </>
        ) : (
          <p>{t('none')}</p>
        )}
      </section>

      <section aria-labelledby="hochladen" className="space-y-3">
        <h2 id="hochladen" className="admin-h2">
          {t('uploadTitle')}
        </h2>
        {video ? <p>{t('replaceHint')}</p> : null}
        <SignVideoUpload
          action="/api/admin/gebaerdensprache"
          initialTranscript={video?.transcript ?? ''}
          error={uploadError}
          texts={{
            transcriptLabel: t('transcriptLabel'),
            transcriptHint: t('transcriptHint'),
            fileLabel: t('fileLabel'),
            fileHint: t('fileHint', { max }),
            upload: t('upload'),
            uploading: t('uploading', { percent: '{percent}' }),
            failed: t('errorFailed'),
          }}
        />
      </section>

      {video ? (
        <>
          <section aria-labelledby="abschrift" className="space-y-3">
            <h2 id="abschrift" className="admin-h2">
              {t('transcriptTitle')}
            </h2>
            <EntityForm
              action={updateTranscriptAction}
              fields={[{ name: 'transcript', label: t('transcriptLabel'), type: 'textarea', isRequired: true, hint: t('transcriptHint') }]}
              initialValues={{ transcript: video.transcript }}
              fieldLabels={SIGN_VIDEO_FIELD_LABELS}
              formId="abschrift-form"
              submitLabel={t('saveTranscript')}
            />
          </section>
          <section aria-labelledby="entfernen" className="space-y-3">
            <h2 id="entfernen" className="admin-h2">
              {t('deleteTitle')}
            </h2>
            <p>{t('deleteIntro')}</p>
            <ActionButton action={deleteVideoAction} label={t('delete')} variant="danger" confirm={t('deleteConfirm')} />
          </section>
        </>
      ) : null}
    </div>
  );
}
