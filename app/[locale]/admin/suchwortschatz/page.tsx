import type { Metadata } from 'next';
import Link from 'next/link';
import { EntityForm } from '@/components/forms/entity-form';
import { requirePageUser } from '@/lib/auth/session';
import { listConcepts, listConceptTermOptions } from '@/lib/data/search-vocabulary';
import { getAdminT } from '@/lib/i18n/admin';
import { CONCEPT_FIELD_LABELS } from '@/lib/schemas/search-vocabulary';
import { orNotFound } from '../page-utils';
import { createConceptAction } from './actions';
import { conceptFields } from './concept-fields';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getAdminT('Vocabulary'))('title') };
}

export default async function VocabularyPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const actor = await requirePageUser('/de/admin/suchwortschatz');
  const search = await searchParams;
  const [concepts, terms] = await Promise.all([orNotFound(listConcepts({ actor })), orNotFound(listConceptTermOptions({ actor }))]);
  const t = await getAdminT('Vocabulary');
  return (
    <div>
      <h1 className="admin-h1">{t('title')}</h1>
      <p className="mb-4">{t('intro')}</p>
      <p className="mb-4">
        <Link href="/de/admin/suchanfragen" className="admin-link">
          {t('toSearches')}
        </Link>
      </p>
      <div role="status">{search.geloescht ? <p className="alert-success mb-4">{t('deleted')}</p> : null}</div>
      <table className="admin-table">
        <thead>
          <tr>
            <th scope="col">{t('label')}</th>
            <th scope="col">{t('means')}</th>
            <th scope="col">{t('words')}</th>
          </tr>
        </thead>
        <tbody>
          {concepts.map((concept) => (
            <tr key={concept.id}>
              <td>
                <Link href={`/de/admin/suchwortschatz/${concept.id}`} className="admin-link">
                  {concept.label}
                </Link>
              </td>
              <td>{concept.terms.join(', ')}</td>
              <td>{concept.wordCount}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <section aria-labelledby="neu">
        <h2 id="neu" className="admin-h2">{t('newHeading')}</h2>
        <EntityForm
          action={createConceptAction}
          fields={conceptFields(terms, t)}
          initialValues={{}}
          fieldLabels={CONCEPT_FIELD_LABELS}
          formId="neuer-begriff"
          submitLabel={t('create')}
        />
      </section>
    </div>
  );
}
