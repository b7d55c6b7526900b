import type { Metadata } from 'next';
import Link from 'next/link';
import { EntityForm } from '@/components/forms/entity-form';
import { requirePageUser } from '@/lib/auth/session';
import { listAdminPages } from '@/lib/data/admin-pages';
import { getAdminT } from '@/lib/i18n/admin';
import { locales } from '@/lib/i18n/routing';
import { PAGE_FIELD_LABELS } from '@/lib/schemas/page';
import { orNotFound } from '../page-utils';
import { createPageAction } from './actions';
import { localeLabel, newPageFields } from './page-fields';
import './seiten.css';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getAdminT('Pages'))('title') };
}

export default async function PagesPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const actor = await requirePageUser('/de/admin/seiten');
  const search = await searchParams;
  const pages = await orNotFound(listAdminPages({ actor }));
  const t = await getAdminT('Pages');
  return (
    <div>
      <h1 className="admin-h1">{t('title')}</h1>
      <p className="mb-4">{t('intro')}</p>
      <div role="status">{search.geloescht ? <p className="alert-success mb-4">{t('deleted', { locale: search.geloescht })}</p> : null}</div>
      <table className="admin-table">
        <caption className="sr-only">{t('caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('page')}</th>
            {locales.map((locale) => (
              <th key={locale} scope="col">
                {localeLabel(locale, t)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {pages.map((page) => (
            <tr key={page.slug}>
              <th scope="row" className="font-normal">
                <strong>{page.title}</strong>
                <br />
                <code>{page.slug}</code>
              </th>
              {locales.map((locale) => {
                const version = page.versions[locale];
                const label = `${page.title}, ${localeLabel(locale, t)}`;
                return (
                  <td key={locale}>
                    {version ? (
                      <>
                        <Link href={`/de/admin/seiten/${page.slug}/${locale}`} className="admin-link" aria-label={t('editLabel', { label })}>
                          {t('edit')}
                        </Link>
                        {version.isOutdated ? <span className="block text-sm">{t('outdated')}</span> : null}
                      </>
                    ) : page.versions.de ? (
                      <Link href={`/de/admin/seiten/${page.slug}/${locale}`} className="admin-link" aria-label={t('createLabel', { label })}>
                        {t('create')}
                      </Link>
                    ) : (
                      <span>{t('missing')}</span>
                    )}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
      <section aria-labelledby="neue-seite" className="page-editor">
        <h2 id="neue-seite" className="admin-h2">{t('newPage')}</h2>
        <p className="mb-4">{t('newPageIntro')}</p>
        <EntityForm action={createPageAction} fields={newPageFields(t)} initialValues={{ locale: 'de' }} fieldLabels={PAGE_FIELD_LABELS} formId="neue-seite-form" submitLabel={t('createPage')} />
      </section>
    </div>
  );
}
