import type { Metadata } from 'next';
import Link from 'next/link';
import { ActionButton } from '@/components/forms/action-button';
import { EntityForm } from '@/components/forms/entity-form';
import { requirePageUser } from '@/lib/auth/session';
import { conceptFormValues, getConcept, listConceptTermOptions } from '@/lib/data/search-vocabulary';
import { getAdminT } from '@/lib/i18n/admin';
import { CONCEPT_FIELD_LABELS } from '@/lib/schemas/search-vocabulary';
import { orNotFound, type AdminPageProps } from '../../page-utils';
import { deleteConceptAction, updateConceptAction } from '../actions';
import { conceptFields } from '../concept-fields';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getAdminT('Vocabulary'))('editTitle') };
}

export default async function EditConceptPage({ params, searchParams }: AdminPageProps<{ id: string }>) {
  const { id } = await params;
  const search = await searchParams;
  const actor = await requirePageUser(`/de/admin/suchwortschatz/${id}`);
  const [concept, terms] = await Promise.all([orNotFound(getConcept({ actor, id })), orNotFound(listConceptTermOptions({ actor }))]);
  const t = await getAdminT('Vocabulary');
  return (
    <div>
      <p>
        <Link href="/de/admin/suchwortschatz" className="admin-link">
          {t('back')}
        </Link>
      </p>
      <h1 className="admin-h1">{concept.label}</h1>
      <div role="status">{search.gespeichert ? <p className="alert-success mb-4">{t('saved')}</p> : null}</div>
      <EntityForm
        action={updateConceptAction.bind(null, concept.id)}
        fields={conceptFields(terms, t)}
        initialValues={conceptFormValues(concept)}
        fieldLabels={CONCEPT_FIELD_LABELS}
        formId="begriff"
      />
      <section aria-labelledby="loeschen">
        <h2 id="loeschen" className="admin-h2">{t('deleteHeading')}</h2>
        <ActionButton
          action={deleteConceptAction.bind(null, concept.id)}
          label={t('delete', { name: concept.label })}
          variant="danger"
          confirm={t('deleteConfirm', { name: concept.label })}
        />
      </section>
    </div>
  );
}
