import type { Metadata } from 'next';
import Link from 'next/link';
import { ActionButton } from '@/components/forms/action-button';
import { EntityForm } from '@/components/forms/entity-form';
import { requirePageUser } from '@/lib/auth/session';
import { getAdminPage } from '@/lib/data/admin-pages';
import { getDirection } from '@/lib/i18n/routing';
import { Markdown } from '@/lib/markdown/markdown';
import { PAGE_FIELD_LABELS } from '@/lib/schemas/page';
import { dateTimeFormat, orNotFound } from '../../../page-utils';
import { createPageAction, deletePageTranslationAction, updatePageAction } from '../../actions';
import { LOCALE_LABELS, pageFields, publicPathOf } from '../../page-fields';
import '../../seiten.css';

export const metadata: Metadata = { title: 'Seite bearbeiten' };

export default async function EditPagePage({
  params,
  searchParams,
}: {
  params: Promise<{ slug: string; sprache: string }>;
  searchParams: Promise<Record<string, string | undefined>>;
}) {
  const { slug, sprache: locale } = await params;
  const search = await searchParams;
  const actor = await requirePageUser(`/de/admin/seiten/${slug}/${locale}`);
  const { page, german } = await orNotFound(getAdminPage({ actor, slug, locale }));
  const languageName = LOCALE_LABELS[locale];
  const publicPath = publicPathOf(slug, locale);
  const dir = getDirection(locale);
  const heading = `${page?.title ?? german?.title ?? slug} (${languageName})`;
  return (
    <div className="page-editor">
      <p>
        <Link href="/de/admin/seiten" className="admin-link">
          Zurück zu allen Seiten
        </Link>
      </p>
      <h1 className="admin-h1">{page ? heading : `Neue Sprachfassung: ${heading}`}</h1>
      <div role="status">{search.gespeichert ? <p className="alert-success mb-4">Gespeichert. Die Seite ist sofort öffentlich geändert.</p> : null}</div>
      <p className="mb-4">
        {page ? (
          <>
            Version {page.version}, zuletzt geändert {dateTimeFormat.format(page.updatedAt)}
            {page.updatedByName ? ` von ${page.updatedByName}` : ''}.{' '}
          </>
        ) : (
          <>Diese Seite gibt es auf {languageName} noch nicht; Besucher*innen sehen bisher den deutschen Text. Das Formular enthält ihn als Vorlage. </>
        )}
        {publicPath ? (
          <Link href={publicPath} className="admin-link">
            Öffentliche Seite ansehen
          </Link>
        ) : (
          <>Diese Seite ist noch nicht auf der Website eingebunden.</>
        )}
      </p>
      <EntityForm
        action={page ? updatePageAction.bind(null, slug, locale) : createPageAction}
        fields={pageFields}
        initialValues={page ? { title: page.title, body: page.body } : { title: german?.title ?? '', body: german?.body ?? '' }}
        hidden={page ? { version: String(page.version) } : { slug, locale }}
        fieldLabels={PAGE_FIELD_LABELS}
        formId="seite"
        submitLabel={page ? 'Speichern' : `Auf ${languageName} anlegen`}
      />
      {page ? (
        <section aria-labelledby="vorschau">
          <h2 id="vorschau" className="admin-h2">Vorschau (gespeicherte Fassung)</h2>
          <div className="markdown-preview" data-testid="vorschau">
            <Markdown text={page.body} topHeadingLevel={3} lang={locale} dir={dir} />
          </div>
        </section>
      ) : null}
      {locale !== 'de' && german ? (
        <section aria-labelledby="vorlage">
          <h2 id="vorlage" className="admin-h2">Deutsche Vorlage</h2>
          <p className="mb-2">Zuletzt geändert {dateTimeFormat.format(german.updatedAt)}.</p>
          <details>
            <summary className="cursor-pointer">Deutschen Markdown-Text anzeigen</summary>
            <pre lang="de" className="mt-2 whitespace-pre-wrap rounded border border-slate-300 p-3">{german.body}</pre>
          </details>
        </section>
      ) : null}
      {page && locale !== 'de' ? (
        <section aria-labelledby="entfernen">
          <h2 id="entfernen" className="admin-h2">Sprachfassung löschen</h2>
          <p className="mb-2">Danach sehen Besucher*innen wieder den deutschen Text.</p>
          <ActionButton
            action={deletePageTranslationAction.bind(null, slug, locale)}
            label={`Fassung auf ${languageName} löschen`}
            variant="danger"
            confirm={`Die Fassung auf ${languageName} wirklich löschen?`}
          />
        </section>
      ) : null}
    </div>
  );
}
