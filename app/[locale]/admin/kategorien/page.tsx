import type { Metadata } from 'next';
import Link from 'next/link';
import { EntityForm } from '@/components/forms/entity-form';
import { requirePageUser } from '@/lib/auth/session';
import { listTaxonomyTerms } from '@/lib/data/taxonomy';
import { TAXONOMY_KINDS, TAXONOMY_KIND_LABELS, TAXONOMY_KIND_PLURALS, TERM_FIELD_LABELS, TRANSLATED_LOCALES } from '@/lib/schemas/taxonomy';
import { orNotFound } from '../page-utils';
import { createTermAction } from './actions';
import { termFields } from './term-fields';

export const metadata: Metadata = { title: 'Kategorien, Themen und Zielgruppen' };

export default async function TermsPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const actor = await requirePageUser('/de/admin/kategorien');
  const search = await searchParams;
  const terms = await orNotFound(listTaxonomyTerms({ actor }));
  const parents = terms.map((term) => ({ value: term.id, label: `${term.label} (${TAXONOMY_KIND_LABELS[term.kind]})` }));
  return (
    <div>
      <h1 className="admin-h1">Kategorien, Themen und Zielgruppen</h1>
      <p className="mb-4">
        Bereiche ordnen die Einträge, Themen und Zielgruppen beschreiben die Angebote. Die Übersetzungen erscheinen in den Filtern der Website.
        Die Sprachen, die Einträge anbieten können, verwalten Sie unter{' '}
        <Link href="/de/admin/sprachen" className="admin-link">
          Sprachen
        </Link>
        .
      </p>
      <div role="status">
        {search.gespeichert ? <p className="alert-success mb-4">Gespeichert.</p> : null}
        {search.geloescht ? <p className="alert-success mb-4">Der Begriff wurde gelöscht.</p> : null}
      </div>
      <nav aria-label="Arten" className="mb-4 flex flex-wrap gap-4">
        {TAXONOMY_KINDS.map((kind) => (
          <a key={kind} href={`#${kind}`} className="admin-link">
            {TAXONOMY_KIND_PLURALS[kind]}
          </a>
        ))}
        <a href="#neu" className="admin-link">
          Neuer Begriff
        </a>
      </nav>
      {TAXONOMY_KINDS.map((kind) => {
        const ofKind = terms.filter((term) => term.kind === kind);
        return (
          <section key={kind} aria-labelledby={kind}>
            <h2 id={kind} className="admin-h2">
              {TAXONOMY_KIND_PLURALS[kind]} ({ofKind.length})
            </h2>
            {ofKind.length ? (
              <table className="admin-table">
                <thead>
                  <tr>
                    <th scope="col">Bezeichnung</th>
                    <th scope="col">Übersetzungen</th>
                    <th scope="col">Übergeordnet</th>
                    <th scope="col">Reihenfolge</th>
                    <th scope="col">Verwendet</th>
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
                        <td>{missing.length ? `fehlt: ${missing.join(', ')}` : 'vollständig'}</td>
                        <td>{term.parentLabel ?? '–'}</td>
                        <td>{term.sortOrder}</td>
                        <td>
                          {term.usage.organizations} Einträge, {term.usage.services} Angebote
                        </td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            ) : (
              <p>Noch keine.</p>
            )}
          </section>
        );
      })}
      <section aria-labelledby="neu">
        <h2 id="neu" className="admin-h2">Neuer Begriff</h2>
        <EntityForm
          action={createTermAction}
          fields={termFields({ parents, withKind: true })}
          initialValues={{ kind: 'TOPIC', sortOrder: '0', parentId: '' }}
          fieldLabels={TERM_FIELD_LABELS}
          formId="neuer-begriff"
          submitLabel="Begriff anlegen"
        />
      </section>
    </div>
  );
}
