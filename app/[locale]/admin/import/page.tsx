import type { Metadata } from 'next';
import Link from 'next/link';
import { requirePageUser } from '@/lib/auth/session';
import { listImportSessions } from '@/lib/data/import/import-sessions';
import { adminFormats, adminTranslator, getAdminLocale, getAdminT } from '@/lib/i18n/admin';
import { orNotFound } from '../page-utils';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getAdminT('Import'))('title') };
}

const ERRORS = ['leer', 'unlesbar', 'zu-viele-zeilen', 'zu-viele-spalten', 'keine-kopfzeile', 'zu-gross', 'format'] as const;
type ErrorCode = (typeof ERRORS)[number];

export default async function ImportPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const actor = await requirePageUser('/de/admin/import');
  const sessions = await orNotFound(listImportSessions({ actor }));
  const search = await searchParams;
  const locale = await getAdminLocale();
  const t = adminTranslator(locale, 'Import');
  const { dateTime } = adminFormats(locale);
  const error = ERRORS.includes(search.fehler as ErrorCode) ? (search.fehler as ErrorCode) : search.fehler ? 'unlesbar' : null;
  return (
    <div>
      <h1 className="admin-h1">{t('title')}</h1>
      <div role="status">{search.verworfen ? <p className="alert-success mb-4">{t('discarded')}</p> : null}</div>
      <p className="mb-4 max-w-3xl">{t('intro')}</p>
      <section aria-labelledby="vorlage">
        <h2 id="vorlage" className="admin-h2">
          {t('templateHeading')}
        </h2>
        <p className="mb-2 max-w-3xl">{t('templateIntro')}</p>
        <ul className="flex flex-wrap gap-4">
          <li>
            <a href="/de/admin/import/vorlage/xlsx" className="admin-link" download>
              {t('templateXlsx')}
            </a>
          </li>
          <li>
            <a href="/de/admin/import/vorlage/csv" className="admin-link" download>
              {t('templateCsv')}
            </a>
          </li>
        </ul>
      </section>
      <section aria-labelledby="hochladen">
        <h2 id="hochladen" className="admin-h2">
          {t('uploadHeading')}
        </h2>
        {error ? (
          <p role="alert" className="alert-error mb-3">
            {t(`error-${error}`)}
          </p>
        ) : null}
        <form action="/api/admin/import/upload" method="post" encType="multipart/form-data" className="space-y-3">
          <div className="field max-w-xl">
            <label htmlFor="import-datei" className="field-label">
              {t('file')}
            </label>
            <p id="import-datei-hinweis" className="field-hint">
              {t('fileHint')}
            </p>
            <input id="import-datei" name="file" type="file" required accept=".csv,.txt,.xlsx,text/csv,text/plain,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" aria-describedby="import-datei-hinweis" className="input" />
          </div>
          <button type="submit" className="btn-primary">
            {t('upload')}
          </button>
        </form>
      </section>
      <section aria-labelledby="letzte">
        <h2 id="letzte" className="admin-h2">
          {t('recentHeading')}
        </h2>
        {sessions.length ? (
          <ul className="list-disc ps-6">
            {sessions.map((s) => (
              <li key={s.id}>
                <Link href={`/de/admin/import/${s.id}`} className="admin-link">
                  {s.filename}
                </Link>{' '}
                – {dateTime.format(s.createdAt)} – {s.status === 'IMPORTED' ? t('statusImported', { date: dateTime.format(s.importedAt ?? s.createdAt) }) : t('statusOpen')}
              </li>
            ))}
          </ul>
        ) : (
          <p>{t('noRecent')}</p>
        )}
      </section>
    </div>
  );
}
