import type { Metadata } from 'next';
import Link from 'next/link';
import { ActionButton } from '@/components/forms/action-button';
import { EntityForm } from '@/components/forms/entity-form';
import { requirePageUser } from '@/lib/auth/session';
import { getAdminPage } from '@/lib/data/admin-pages';
import { adminFormats, adminTranslator, getAdminLocale, getAdminT } from '@/lib/i18n/admin';
import { getDirection } from '@/lib/i18n/routing';
import { Markdown } from '@/lib/markdown/markdown';
import { PAGE_FIELD_LABELS } from '@/lib/schemas/page';
import { orNotFound, type AdminPageProps } from '../../../page-utils';
import { createPageAction, deletePageTranslationAction, updatePageAction } from '../../actions';
import { localeLabel, pageFields, publicPathOf } from '../../page-fields';
import '../../seiten.css';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getAdminT('Pages'))('editTitle') };
}

export default async function EditPagePage({ params, searchParams }: AdminPageProps<{ slug: string; sprache: string }>) {
  const { slug, sprache: locale } = await params;
  const search = await searchParams;
  const actor = await requirePageUser(`/de/admin/seiten/${slug}/${locale}`);
  const { page, german } = await orNotFound(getAdminPage({ actor, slug, locale }));
  const adminLocale = await getAdminLocale();
  const t = adminTranslator(adminLocale, 'Pages');
  const { dateTime: dateTimeFormat } = adminFormats(adminLocale);
  const languageName = localeLabel(locale, t);
  const publicPath = publicPathOf(slug, locale);
  const dir = getDirection(locale);
  const heading = `${page?.title ?? german?.title ?? slug} (${languageName})`;
  return (
    <div className="page-editor">
      <p>
        <Link href="/de/admin/seiten" className="admin-link">
          {t('back')}
        </Link>
      </p>
      <h1 className="admin-h1">{page ? heading : t('newVersion', { heading })}</h1>
      <div role="status">{search.gespeichert ? <p className="alert-success mb-4">{t('saved')}</p> : null}</div>
      <p className="mb-4">
        {page ? (
          <>
            {t('version', { version: page.version, date: dateTimeFormat.format(page.updatedAt) })}
            {page.updatedByName ? t('by', { name: page.updatedByName }) : ''}.{' '}
          </>
        ) : (
          <>{t('notYet', { language: languageName })} </>
        )}
        {publicPath ? (
          <Link href={publicPath} className="admin-link">
            {t('viewPublic')}
          </Link>
        ) : (
          <>{t('notLinked')}</>
        )}
      </p>
      <EntityForm
        action={page ? updatePageAction.bind(null, slug, locale) : createPageAction}
        fields={pageFields(t)}
        initialValues={page ? { title: page.title, body: page.body } : { title: german?.title ?? '', body: german?.body ?? '' }}
        hidden={page ? { version: String(page.version) } : { slug, locale }}
        fieldLabels={PAGE_FIELD_LABELS}
        formId="seite"
        submitLabel={page ? t('save') : t('createIn', { language: languageName })}
      />
      {page ? (
        <section aria-labelledby="vorschau">
          <h2 id="vorschau" className="admin-h2">{t('preview')}</h2>
          <div className="markdown-preview" data-testid="vorschau">
            <Markdown text={page.body} topHeadingLevel={3} lang={locale} dir={dir} />
          </div>
        </section>
      ) : null}
      {locale !== 'de' && german ? (
        <section aria-labelledby="vorlage">
          <h2 id="vorlage" className="admin-h2">{t('germanSource')}</h2>
          <p className="mb-2">{t('germanChanged', { date: dateTimeFormat.format(german.updatedAt) })}</p>
          <details>
            <summary className="cursor-pointer">{t('showGerman')}</summary>
            <pre lang="de" className="mt-2 whitespace-pre-wrap rounded border border-slate-300 p-3">{german.body}</pre>
          </details>
        </section>
      ) : null}
      {page && locale !== 'de' ? (
        <section aria-labelledby="entfernen">
          <h2 id="entfernen" className="admin-h2">{t('deleteHeading')}</h2>
          <p className="mb-2">{t('deleteIntro')}</p>
          <ActionButton
            action={deletePageTranslationAction.bind(null, slug, locale)}
            label={t('delete', { language: languageName })}
            variant="danger"
            confirm={t('deleteConfirm', { language: languageName })}
          />
        </section>
      ) : null}
    </div>
  );
}
