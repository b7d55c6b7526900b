import type { Metadata } from 'next';
import { getFormatter, getTranslations, setRequestLocale } from 'next-intl/server';
import { langProps } from '@/components/directory/localized';
import { PrintButton } from '@/components/directory/print-button';
import { listWegweiserEntries } from '@/lib/data/organizations';
import { getLanguageNames, getTopicOptions } from '@/lib/data/taxonomy-public';
import { localeAlternates } from '@/lib/i18n/routing';

// Rendered per request from the tagged data cache (lib/data/public-cache.ts): no database access
// at build time, and no full-page copies that could outlive a database restore.
export const dynamic = 'force-dynamic';

export async function generateMetadata({ params }: { params: Promise<{ locale: string }> }): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: 'Guide' });
  return { title: t('title'), description: t('intro'), alternates: localeAlternates('/wegweiser', locale) };
}

export default async function GuidePage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const [t, to, format, entries, topics, languageNames] = await Promise.all([
    getTranslations('Guide'),
    getTranslations('Organization'),
    getFormatter(),
    listWegweiserEntries({ locale }),
    getTopicOptions({ locale }),
    getLanguageNames({ locale }),
  ]);
  // Each actor appears under its first topic, so that the printout has no duplicates.
  const groups = topics
    .map((topic) => ({ ...topic, entries: entries.filter((entry) => entry.topics[0]?.slug === topic.value) }))
    .filter((group) => group.entries.length > 0);
  const other = entries.filter((entry) => entry.topics.length === 0);
  if (other.length > 0) groups.push({ value: 'other', label: t('other'), entries: other });

  return (
    <div className="space-y-6">
      <header className="space-y-2">
        <h1 className="text-3xl font-bold text-brand-900">{t('title')}</h1>
        <p>{t('intro')}</p>
        <p className="text-sm text-slate-700">{t('status', { date: format.dateTime(new Date(), { dateStyle: 'long' }) })}</p>
        <div className="flex flex-wrap items-center gap-3 print:hidden">
          <PrintButton label={t('print')} />
          <p className="text-sm text-slate-700">{t('printHint')}</p>
        </div>
      </header>
      <nav aria-labelledby="guide-contents" className="print:hidden">
        <h2 id="guide-contents" className="text-xl font-semibold">
          {t('contents')}
        </h2>
        <ul className="flex flex-wrap gap-x-4">
          {groups.map((group) => (
            <li key={group.value}>
              <a href={`#thema-${group.value}`} className="inline-flex min-h-11 items-center text-brand-800 underline">
                {group.label}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      {groups.map((group) => (
        <section key={group.value} id={`thema-${group.value}`} aria-labelledby={`h-${group.value}`} className="space-y-3">
          <h2 id={`h-${group.value}`} className="border-b-2 border-brand-700 text-2xl font-semibold text-brand-900">
            {group.label}
          </h2>
          <ul className="grid gap-3 sm:grid-cols-2 print:grid-cols-2">
            {group.entries.map((entry) => (
              <li key={entry.id} className="print-avoid-break space-y-1 rounded border border-slate-300 p-3 text-sm">
                <h3 className="text-base font-semibold" {...langProps(entry.name, locale)}>
                  {entry.name.value}
                </h3>
                {entry.description.value ? <p {...langProps(entry.description, locale)}>{entry.description.value}</p> : null}
                {entry.addresses.map((address) => (
                  <p key={address} lang="de">
                    {address}
                  </p>
                ))}
                {entry.phone ? (
                  <p>
                    {to('phone')}: <span dir="ltr">{entry.phone}</span>
                  </p>
                ) : null}
                {entry.email ? (
                  <p className="break-all">
                    {to('email')}: <span dir="ltr">{entry.email}</span>
                  </p>
                ) : null}
                {entry.website ? (
                  <p className="break-all">
                    {to('website')}: <span dir="ltr">{entry.website}</span>
                  </p>
                ) : null}
                {entry.contacts.map((contact) => (
                  <p key={contact.id}>
                    {[contact.name, contact.role.value].filter(Boolean).join(', ')}
                    {contact.phone ? (
                      <>
                        {' · '}
                        <span dir="ltr">{contact.phone}</span>
                      </>
                    ) : null}
                    {contact.email ? (
                      <>
                        {' · '}
                        <span dir="ltr" className="break-all">
                          {contact.email}
                        </span>
                      </>
                    ) : null}
                  </p>
                ))}
                {entry.languageCodes.length > 0 ? (
                  <p>
                    {t('languages')}: {entry.languageCodes.map((code) => languageNames[code]?.name ?? code).join(', ')}
                  </p>
                ) : null}
              </li>
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}
