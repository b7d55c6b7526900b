import type { Metadata } from 'next';
import Link from 'next/link';
import { requirePageUser } from '@/lib/auth/session';
import { getContentTranslations } from '@/lib/data/content-translations';
import { adminTranslator, getAdminLocale, getAdminT, labelTranslator } from '@/lib/i18n/admin';
import { getDirection } from '@/lib/i18n/routing';
import { formatMinutes } from '@/lib/schedule/open-status';
import { TRANSLATION_LOCALE_LABELS, TRANSLATION_LOCALES, translationLocaleSchema } from '@/lib/schemas/content-translation';
import { orNotFound, type AdminPageProps } from '../../../page-utils';
import { saveTranslationsAction } from './actions';
import { TranslationForm } from './translation-form';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getAdminT('Translations'))('title') };
}

export default async function TranslationsPage({ params, searchParams }: AdminPageProps<{ id: string }>) {
  const { id } = await params;
  const search = await searchParams;
  const base = `/de/admin/organisationen/${id}/uebersetzungen`;
  const actor = await requirePageUser(base);
  const { organization, canEdit, items, summary } = await orNotFound(getContentTranslations({ actor, organizationId: id }));
  const parsedLocale = translationLocaleSchema.safeParse(search.sprache);
  const locale = parsedLocale.success ? parsedLocale.data : 'en';
  const adminLocale = await getAdminLocale();
  const t = adminTranslator(adminLocale, 'Translations');
  const label = labelTranslator(adminLocale);
  const entities = adminTranslator(adminLocale, 'Entities');
  const schedules = adminTranslator(adminLocale, 'Schedules');
  const weekdays = adminTranslator(adminLocale, 'Fields');
  const KINDS = { ORGANIZATION: 'Organization', SERVICE: 'Service', LOCATION: 'Location', CONTACT_PERSON: 'ContactPerson', SCHEDULE: 'Schedule', PROJECT: 'Project', EVENT: 'Event' } as const;
  const titleOf = (item: (typeof items)[number]) =>
    item.slot
      ? schedules('slot', { weekday: weekdays(`weekdays.${item.slot.weekday as 1}`), from: formatMinutes(item.slot.opensAt), to: formatMinutes(item.slot.closesAt) })
      : (item.title ?? entities('Location'));
  const languageName = label(TRANSLATION_LOCALE_LABELS[locale]);
  const stateLabels = { missing: t('stateMissing'), outdated: t('stateOutdated'), upToDate: t('stateUpToDate') };
  const formTexts = {
    states: stateLabels,
    german: t('german'),
    translationPrefix: t('translationPrefix'),
    noGerman: t('noGerman'),
    emptyHint: t('emptyHint'),
  };
  const dir = getDirection(locale);
  return (
    <div>
      <p>
        <Link href={`/de/admin/organisationen/${id}`} className="admin-link">
          {t('back', { name: organization.name })}
        </Link>
      </p>
      <h1 className="admin-h1">{t('heading', { name: organization.name })}</h1>
      <div role="status">
        {search.gespeichert ? <p className="alert-success mb-4">{t('saved')}</p> : null}
      </div>
      <p className="mb-4">{t('intro')}</p>
      <nav aria-label={t('chooseLanguage')} className="mb-6">
        <ul className="flex flex-wrap gap-4">
          {TRANSLATION_LOCALES.map((code) => {
            const counts = summary[code];
            const notes = [
              counts.missing ? t(counts.missing === 1 ? 'missingOne' : 'missingMany', { count: counts.missing }) : null,
              counts.outdated ? t('outdatedCount', { count: counts.outdated }) : null,
            ]
              .filter(Boolean)
              .join(', ');
            return (
              <li key={code}>
                <Link
                  href={`${base}?sprache=${code}`}
                  className={code === locale ? 'admin-link font-bold' : 'admin-link'}
                  aria-current={code === locale ? 'page' : undefined}
                >
                  {label(TRANSLATION_LOCALE_LABELS[code])}
                </Link>
                {notes ? <span> ({notes})</span> : <span> ({t('complete')})</span>}
              </li>
            );
          })}
        </ul>
      </nav>
      <h2 className="admin-h2">{t('headingLanguage', { language: languageName })}</h2>
      {organization.deletedAt ? <p className="mb-4">{t('inTrash')}</p> : null}
      {!canEdit && !organization.deletedAt ? <p className="alert-error mb-4">{adminTranslator(adminLocale, 'Errors')('untrustedTranslations')}</p> : null}
      {items.length === 0 ? <p>{t('nothing')}</p> : null}
      {items.map((item) => {
        const headingId = `eintrag-${item.id}-titel`;
        const fields = item.fields.map((field) => ({
          name: field.name,
          label: label(field.label),
          isLong: field.isLong,
          maxLength: field.maxLength,
          german: field.german,
          value: field.translations[locale].value,
          state: field.translations[locale].state,
        }));
        return (
          <section key={item.id} id={`eintrag-${item.id}`} aria-labelledby={headingId} className="mb-8 rounded border border-slate-300 p-4">
            <h3 id={headingId} className="mb-2 text-lg font-semibold">
              {entities(KINDS[item.type])}: {titleOf(item)}
            </h3>
            {canEdit ? (
              <TranslationForm
                action={saveTranslationsAction.bind(null, id, item.type, item.id, locale)}
                formId={`uebersetzung-${item.id}`}
                fields={fields}
                locale={locale}
                dir={dir}
                languageName={languageName}
                submitLabel={t('submit', { kind: entities(KINDS[item.type]), language: languageName })}
                texts={formTexts}
              />
            ) : (
              <dl className="space-y-2">
                {fields.map((field) => (
                  <div key={field.name}>
                    <dt className="font-semibold">
                      {field.label} ({stateLabels[field.state]})
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
