import type { Metadata } from 'next';
import Link from 'next/link';
import { EntityForm } from '@/components/forms/entity-form';
import { requirePageUser } from '@/lib/auth/session';
import { listAdminPages } from '@/lib/data/admin-pages';
import { locales } from '@/lib/i18n/routing';
import { PAGE_FIELD_LABELS } from '@/lib/schemas/page';
import { orNotFound } from '../page-utils';
import { createPageAction } from './actions';
import { LOCALE_LABELS, newPageFields } from './page-fields';
import './seiten.css';

export const metadata: Metadata = { title: 'Seiten' };

export default async function PagesPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const actor = await requirePageUser('/de/admin/seiten');
  const search = await searchParams;
  const pages = await orNotFound(listAdminPages({ actor }));
  return (
    <div>
      <h1 className="admin-h1">Seiten</h1>
      <p className="mb-4">
        Texte des Netzwerks (Ziel, Entstehung, Arbeitsweise, Koordinierungsstelle, Rechtliches) in jeder Sprache der Website. Deutsch ist die Vorlage:
        Fehlt eine Sprache, sehen Besucher*innen den deutschen Text.
      </p>
      <div role="status">{search.geloescht ? <p className="alert-success mb-4">Die Sprachfassung {search.geloescht} wurde gelöscht.</p> : null}</div>
      <table className="admin-table">
        <caption className="sr-only">Seiten und ihre Sprachfassungen</caption>
        <thead>
          <tr>
            <th scope="col">Seite</th>
            {locales.map((locale) => (
              <th key={locale} scope="col">
                {LOCALE_LABELS[locale]}
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
                const label = `${page.title}, ${LOCALE_LABELS[locale]}`;
                return (
                  <td key={locale}>
                    {version ? (
                      <>
                        <Link href={`/de/admin/seiten/${page.slug}/${locale}`} className="admin-link" aria-label={`${label} bearbeiten`}>
                          Bearbeiten
                        </Link>
                        {version.isOutdated ? <span className="block text-sm">älter als Deutsch</span> : null}
                      </>
                    ) : page.versions.de ? (
                      <Link href={`/de/admin/seiten/${page.slug}/${locale}`} className="admin-link" aria-label={`${label} anlegen`}>
                        Anlegen
                      </Link>
                    ) : (
                      <span>fehlt</span>
                    )}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
      <section aria-labelledby="neue-seite" className="page-editor">
        <h2 id="neue-seite" className="admin-h2">Neue Seite</h2>
        <p className="mb-4">
          Eine neue Seite erscheint erst auf der Website, wenn sie dort eingebunden ist. Legen Sie neue Seiten auf Deutsch an; die Übersetzungen
          legen Sie danach in der Tabelle an.
        </p>
        <EntityForm action={createPageAction} fields={newPageFields} initialValues={{ locale: 'de' }} fieldLabels={PAGE_FIELD_LABELS} formId="neue-seite-form" submitLabel="Seite anlegen" />
      </section>
    </div>
  );
}
