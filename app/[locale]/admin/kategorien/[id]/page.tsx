import type { Metadata } from 'next';
import Link from 'next/link';
import { ActionButton } from '@/components/forms/action-button';
import { EntityForm } from '@/components/forms/entity-form';
import { requirePageUser } from '@/lib/auth/session';
import { getTaxonomyTerm, listTaxonomyTerms } from '@/lib/data/taxonomy';
import { getAdminT } from '@/lib/i18n/admin';
import { TERM_FIELD_LABELS } from '@/lib/schemas/taxonomy';
import { orNotFound, type AdminPageProps } from '../../page-utils';
import { deleteTermAction, updateTermAction } from '../actions';
import { termFields, termFormValues } from '../term-fields';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getAdminT('Terms'))('editTitle') };
}

export default async function EditTermPage({ params, searchParams }: AdminPageProps<{ id: string }>) {
  const { id } = await params;
  const search = await searchParams;
  const actor = await requirePageUser(`/de/admin/kategorien/${id}`);
  const [term, all] = await Promise.all([orNotFound(getTaxonomyTerm({ actor, id })), orNotFound(listTaxonomyTerms({ actor }))]);
  const parents = all.filter((other) => other.kind === term.kind && other.id !== term.id).map((other) => ({ value: other.id, label: other.label }));
  const t = await getAdminT('Terms');
  const inUse = term.usage.organizations + term.usage.services + term.usage.children;
  return (
    <div>
      <p>
        <Link href={`/de/admin/kategorien#${term.kind}`} className="admin-link">
          {t('back')}
        </Link>
      </p>
      <h1 className="admin-h1">
        {t(`kind.${term.kind}`)}: {term.label}
      </h1>
      <div role="status">{search.gespeichert ? <p className="alert-success mb-4">{t('saved')}</p> : null}</div>
      <p className="mb-4">
        {t('slug')} <code>{term.slug}</code> {t('usedBy', { organizations: term.usage.organizations, services: term.usage.services })}
        {term.usage.children ? t('children', { count: term.usage.children }) : ''}.
      </p>
      <EntityForm
        action={updateTermAction.bind(null, id)}
        fields={termFields({ parents, withKind: false }, t)}
        initialValues={termFormValues(term)}
        fieldLabels={TERM_FIELD_LABELS}
        formId="begriff"
      />
      <section aria-labelledby="loeschen">
        <h2 id="loeschen" className="admin-h2">{t('deleteHeading')}</h2>
        {inUse ? <p className="mb-2">{t('inUse')}</p> : null}
        <ActionButton action={deleteTermAction.bind(null, id)} label={t('delete', { label: term.label })} variant="danger" confirm={t('deleteConfirm', { label: term.label })} />
      </section>
    </div>
  );
}
