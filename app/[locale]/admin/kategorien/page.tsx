import type { Metadata } from 'next';
import Link from 'next/link';
import { EntityForm } from '@/components/forms/entity-form';
import { requirePageUser } from '@/lib/auth/session';
import { listTaxonomyTerms } from '@/lib/data/taxonomy';
import { getAdminT } from '@/lib/i18n/admin';
import { TAXONOMY_KINDS, TERM_FIELD_LABELS, TRANSLATED_LOCALES } from '@/lib/schemas/taxonomy';
import { orNotFound } from '../page-utils';
import { createTermAction } from './actions';
import { termFields } from './term-fields';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getAdminT('Terms'))('title') };
}

export default async function TermsPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const actor = await requirePageUser('/de/admin/kategorien');
  const search = await searchParams;
  const terms = await orNotFound(listTaxonomyTerms({ actor }));
  const t = await getAdminT('Terms');
  const parents = terms.map((term) => ({ value: term.id, label: `${term.label} (${t(`kind.${term.kind}`)})` }));
  return (
    <div>
      <h1 className="admin-h1">{t('title')}</h1>
      <p className="mb-4">
        {t('intro')}{' '}
        <Link href="/de/admin/sprachen" className="admin-link">
          {t('languagesLink')}
        </Link>
        .
      </p>
      <div role="status">
        {search.gespeichert ? <p className="alert-success mb-4">{t('saved')}</p> : null}
        {search.geloescht ? <p className="alert-success mb-4">{t('deleted')}</p> : null}
      </div>
      <nav aria-label={t('kindsLabel')} className="mb-4 flex flex-wrap gap-4">
        {TAXONOMY_KINDS.map((kind) => (
          <a key={kind} href={`#${kind}`} className="admin-link">
            {t(`kindPlural.${kind}`)}
          </a>
        ))}
        <a href="#neu" className="admin-link">
          {t('newTerm')}
        </a>
      </nav>
      {TAXONOMY_KINDS.map((kind) => {
        const ofKind = terms.filter((term) => term.kind === kind);
        return (
          <section key={kind} aria-labelledby={kind}>
            <h2 id={kind} className="admin-h2">
              {t(`kindPlural.${kind}`)} ({ofKind.length})
            </h2>
            {ofKind.length ? (
              <table className="admin-table">
                <thead>
                  <tr>
                    <th scope="col">{t('label')}</th>
                    <th scope="col">{t('translations')}</th>
                    <th scope="col">{t('parent')}</th>
                    <th scope="col">{t('sortOrder')}</th>
                    <th scope="col">{t('used')}</th>
                  </tr>
                </thead>
                <tbody>
                  {ofKind.map((term) => {
                    const missing = TRANSLATED_LOCALES.filter((locale) => !term.labels[locale]);
                    return (
                      <tr key={term.id}>
                        <td>
                          <Link href={`/de/admin/kategorien/${term.id}`} className="admin-link">
                            {term.label}
                          </Link>
                        </td>
                        <td>{missing.length ? t('missing', { locales: missing.join(', ') }) : t('complete')}</td>
                        <td>{term.parentLabel ?? '–'}</td>
                        <td>{term.sortOrder}</td>
                        <td>
                          {t('usage', { organizations: term.usage.organizations, services: term.usage.services })}
                        </td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            ) : (
              <p>{t('noneYet')}</p>
            )}
          </section>
        );
      })}
      <section aria-labelledby="neu">
        <h2 id="neu" className="admin-h2">{t('newTerm')}</h2>
        <EntityForm
          action={createTermAction}
          fields={termFields({ parents, withKind: true }, t)}
          initialValues={{ kind: 'TOPIC', sortOrder: '0', parentId: '' }}
          fieldLabels={TERM_FIELD_LABELS}
          formId="neuer-begriff"
          submitLabel={t('create')}
        />
      </section>
    </div>
  );
}
