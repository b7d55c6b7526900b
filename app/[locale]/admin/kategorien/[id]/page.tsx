import type { Metadata } from 'next';
import Link from 'next/link';
import { ActionButton } from '@/components/forms/action-button';
import { EntityForm } from '@/components/forms/entity-form';
import { requirePageUser } from '@/lib/auth/session';
import { getTaxonomyTerm, listTaxonomyTerms } from '@/lib/data/taxonomy';
import { TAXONOMY_KIND_LABELS, TERM_FIELD_LABELS } from '@/lib/schemas/taxonomy';
import { orNotFound } from '../../page-utils';
import { deleteTermAction, updateTermAction } from '../actions';
import { termFields, termFormValues } from '../term-fields';

export const metadata: Metadata = { title: 'Begriff bearbeiten' };

export default async function EditTermPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | undefined>>;
}) {
  const { id } = await params;
  const search = await searchParams;
  const actor = await requirePageUser(`/de/admin/kategorien/${id}`);
  const [term, all] = await Promise.all([orNotFound(getTaxonomyTerm({ actor, id })), orNotFound(listTaxonomyTerms({ actor }))]);
  const parents = all.filter((other) => other.kind === term.kind && other.id !== term.id).map((other) => ({ value: other.id, label: other.label }));
  const inUse = term.usage.organizations + term.usage.services + term.usage.children;
  return (
    <div>
      <p>
        <Link href={`/de/admin/kategorien#${term.kind}`} className="admin-link">
          Zurück zur Übersicht
        </Link>
      </p>
      <h1 className="admin-h1">
        {TAXONOMY_KIND_LABELS[term.kind]}: {term.label}
      </h1>
      <div role="status">{search.gespeichert ? <p className="alert-success mb-4">Gespeichert.</p> : null}</div>
      <p className="mb-4">
        Kennung in Adressen: <code>{term.slug}</code> (bleibt fest). Verwendet von {term.usage.organizations} Einträgen und {term.usage.services} Angeboten
        {term.usage.children ? `; ${term.usage.children} untergeordnete Begriffe` : ''}.
      </p>
      <EntityForm
        action={updateTermAction.bind(null, id)}
        fields={termFields({ parents, withKind: false })}
        initialValues={termFormValues(term)}
        fieldLabels={TERM_FIELD_LABELS}
        formId="begriff"
      />
      <section aria-labelledby="loeschen">
        <h2 id="loeschen" className="admin-h2">Begriff löschen</h2>
        {inUse ? <p className="mb-2">Solange der Begriff verwendet wird, kann er nicht gelöscht werden.</p> : null}
        <ActionButton action={deleteTermAction.bind(null, id)} label={`„${term.label}“ löschen`} variant="danger" confirm={`„${term.label}“ wirklich löschen?`} />
      </section>
    </div>
  );
}
