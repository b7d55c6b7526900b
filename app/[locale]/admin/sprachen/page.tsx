import type { Metadata } from 'next';
import Link from 'next/link';
import { EntityForm } from '@/components/forms/entity-form';
import { requirePageUser } from '@/lib/auth/session';
import { listLanguages } from '@/lib/data/languages';
import { getAdminT } from '@/lib/i18n/admin';
import { LANGUAGE_FIELD_LABELS } from '@/lib/schemas/language';
import { orNotFound } from '../page-utils';
import { createLanguageAction } from './actions';
import { languageFields } from './language-fields';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getAdminT('Languages'))('title') };
}

export default async function LanguagesPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const actor = await requirePageUser('/de/admin/sprachen');
  const search = await searchParams;
  const languages = await orNotFound(listLanguages({ actor }));
  const t = await getAdminT('Languages');
  return (
    <div>
      <p>
        <Link href="/de/admin/kategorien" className="admin-link">
          {t('toTaxonomy')}
        </Link>
      </p>
      <h1 className="admin-h1">{t('title')}</h1>
      <p className="mb-4">{t('intro')}</p>
      <div role="status">
        {search.gespeichert ? <p className="alert-success mb-4">{t('saved')}</p> : null}
        {search.geloescht ? <p className="alert-success mb-4">{t('deleted')}</p> : null}
      </div>
      <table className="admin-table">
        <thead>
          <tr>
            <th scope="col">{t('code')}</th>
            <th scope="col">{t('name')}</th>
            <th scope="col">{t('nativeName')}</th>
            <th scope="col">{t('status')}</th>
            <th scope="col">{t('offered')}</th>
          </tr>
        </thead>
        <tbody>
          {languages.map((language) => (
            <tr key={language.code}>
              <td>
                <code>{language.code}</code>
              </td>
              <td>
                <Link href={`/de/admin/sprachen/${language.code}`} className="admin-link">
                  {language.nameDe}
                </Link>
              </td>
              <td lang={language.code}>{language.nameNative}</td>
              <td>{language.isActive ? t('active') : t('inactive')}</td>
              <td>{language.offerCount}×</td>
            </tr>
          ))}
        </tbody>
      </table>
      <section aria-labelledby="neu">
        <h2 id="neu" className="admin-h2">{t('newHeading')}</h2>
        <EntityForm
          action={createLanguageAction}
          fields={languageFields({ withCode: true }, t)}
          initialValues={{ isActive: 'on', sortOrder: '100' }}
          fieldLabels={LANGUAGE_FIELD_LABELS}
          formId="neue-sprache"
          submitLabel={t('create')}
        />
      </section>
    </div>
  );
}
