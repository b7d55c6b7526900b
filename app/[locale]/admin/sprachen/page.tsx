import type { Metadata } from 'next';
import Link from 'next/link';
import { EntityForm } from '@/components/forms/entity-form';
import { requirePageUser } from '@/lib/auth/session';
import { listLanguages } from '@/lib/data/languages';
import { LANGUAGE_FIELD_LABELS } from '@/lib/schemas/language';
import { orNotFound } from '../page-utils';
import { createLanguageAction } from './actions';
import { languageFields } from './language-fields';

export const metadata: Metadata = { title: 'Sprachen' };

export default async function LanguagesPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const actor = await requirePageUser('/de/admin/sprachen');
  const search = await searchParams;
  const languages = await orNotFound(listLanguages({ actor }));
  return (
    <div>
      <p>
        <Link href="/de/admin/kategorien" className="admin-link">
          Zu Kategorien, Themen und Zielgruppen
        </Link>
      </p>
      <h1 className="admin-h1">Sprachen</h1>
      <p className="mb-4">
        Die Sprachen, in denen Einträge und Kontaktpersonen beraten. Die Namen in allen Sprachen der Website machen die Suche erfolgreich: „arabisch“,
        „Arabic“ und „العربية“ finden dasselbe.
      </p>
      <div role="status">
        {search.gespeichert ? <p className="alert-success mb-4">Gespeichert.</p> : null}
        {search.geloescht ? <p className="alert-success mb-4">Die Sprache wurde gelöscht.</p> : null}
      </div>
      <table className="admin-table">
        <thead>
          <tr>
            <th scope="col">Code</th>
            <th scope="col">Name</th>
            <th scope="col">Eigenname</th>
            <th scope="col">Status</th>
            <th scope="col">Angeboten</th>
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
              <td>{language.isActive ? 'aktiv' : 'deaktiviert'}</td>
              <td>{language.offerCount}×</td>
            </tr>
          ))}
        </tbody>
      </table>
      <section aria-labelledby="neu">
        <h2 id="neu" className="admin-h2">Neue Sprache</h2>
        <EntityForm
          action={createLanguageAction}
          fields={languageFields({ withCode: true })}
          initialValues={{ isActive: 'on', sortOrder: '100' }}
          fieldLabels={LANGUAGE_FIELD_LABELS}
          formId="neue-sprache"
          submitLabel="Sprache anlegen"
        />
      </section>
    </div>
  );
}
