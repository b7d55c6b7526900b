import type { Metadata } from 'next';
import Link from 'next/link';
import { requirePageUser } from '@/lib/auth/session';
import { getContentTranslations, UNTRUSTED_PARTNER_MESSAGE } from '@/lib/data/content-translations';
import { getDirection } from '@/lib/i18n/routing';
import { TRANSLATION_LOCALE_LABELS, TRANSLATION_LOCALES, translationLocaleSchema } from '@/lib/schemas/content-translation';
import { orNotFound } from '../../../page-utils';
import { saveTranslationsAction } from './actions';
import { TranslationForm } from './translation-form';

export const metadata: Metadata = { title: 'Übersetzungen' };

export default async function TranslationsPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | undefined>>;
}) {
  const { id } = await params;
  const search = await searchParams;
  const base = `/de/admin/organisationen/${id}/uebersetzungen`;
  const actor = await requirePageUser(base);
  const { organization, canEdit, items, summary } = await orNotFound(getContentTranslations({ actor, organizationId: id }));
  const parsedLocale = translationLocaleSchema.safeParse(search.sprache);
  const locale = parsedLocale.success ? parsedLocale.data : 'en';
  const languageName = TRANSLATION_LOCALE_LABELS[locale];
  const dir = getDirection(locale);
  return (
    <div>
      <p>
        <Link href={`/de/admin/organisationen/${id}`} className="admin-link">
          Zurück zu {organization.name}
        </Link>
      </p>
      <h1 className="admin-h1">Übersetzungen: {organization.name}</h1>
      <div role="status">
        {search.gespeichert ? <p className="alert-success mb-4">Gespeichert. Die Übersetzung ist sofort öffentlich.</p> : null}
      </div>
      <p className="mb-4">
        Deutsch ist die Vorlage: Wo eine Übersetzung fehlt, sehen Besucher*innen den deutschen Text. Ändert sich der deutsche Text,
        ist die Übersetzung „veraltet“, bis sie jemand prüft und speichert.
      </p>
      <nav aria-label="Sprache wählen" className="mb-6">
        <ul className="flex flex-wrap gap-4">
          {TRANSLATION_LOCALES.map((code) => {
            const counts = summary[code];
            const notes = [counts.missing ? `${counts.missing} ${counts.missing === 1 ? 'fehlt' : 'fehlen'}` : null, counts.outdated ? `${counts.outdated} veraltet` : null].filter(Boolean).join(', ');
            return (
              <li key={code}>
                <Link
                  href={`${base}?sprache=${code}`}
                  className={code === locale ? 'admin-link font-bold' : 'admin-link'}
                  aria-current={code === locale ? 'page' : undefined}
                >
                  {TRANSLATION_LOCALE_LABELS[code]}
                </Link>
                {notes ? <span> ({notes})</span> : <span> (vollständig)</span>}
              </li>
            );
          })}
        </ul>
      </nav>
      <h2 className="admin-h2">Übersetzung auf {languageName}</h2>
      {organization.deletedAt ? <p className="mb-4">Der Eintrag liegt im Papierkorb; Übersetzungen können nicht geändert werden.</p> : null}
      {!canEdit && !organization.deletedAt ? <p className="alert-error mb-4">{UNTRUSTED_PARTNER_MESSAGE}</p> : null}
      {items.length === 0 ? <p>Dieser Eintrag hat noch keine Texte zum Übersetzen.</p> : null}
      {items.map((item) => {
        const headingId = `eintrag-${item.id}-titel`;
        const fields = item.fields.map((field) => ({
          name: field.name,
          label: field.label,
          isLong: field.isLong,
          maxLength: field.maxLength,
          german: field.german,
          value: field.translations[locale].value,
          state: field.translations[locale].state,
        }));
        return (
          <section key={item.id} id={`eintrag-${item.id}`} aria-labelledby={headingId} className="mb-8 rounded border border-slate-300 p-4">
            <h3 id={headingId} className="mb-2 text-lg font-semibold">
              {item.kind}: {item.title}
            </h3>
            {canEdit ? (
              <TranslationForm
                action={saveTranslationsAction.bind(null, id, item.type, item.id, locale)}
                formId={`uebersetzung-${item.id}`}
                fields={fields}
                locale={locale}
                dir={dir}
                languageName={languageName}
                submitLabel={`${item.kind} auf ${languageName} speichern`}
              />
            ) : (
              <dl className="space-y-2">
                {fields.map((field) => (
                  <div key={field.name}>
                    <dt className="font-semibold">
                      {field.label} ({field.state === 'missing' ? 'fehlt' : field.state === 'outdated' ? 'veraltet' : 'aktuell'})
                    </dt>
                    <dd lang={field.value ? locale : 'de'} dir={field.value ? dir : 'ltr'}>
                      {field.value || field.german}
                    </dd>
                  </div>
                ))}
              </dl>
            )}
          </section>
        );
      })}
    </div>
  );
}
