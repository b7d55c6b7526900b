// The printable guide: every actor under its first topic, with address, consultation hours,
// languages, phone, e-mail, web address, contacts and a QR code to its page. Made for A4
// (components/layout/print.css): two columns, no entry split across pages, the table of contents
// by topic on the first page, interactive parts left out.
import type { Metadata } from 'next';
import { getFormatter, getTranslations, setRequestLocale } from 'next-intl/server';
import { langProps } from '@/components/directory/localized';
import { OpeningHours } from '@/components/directory/opening-hours';
import { PrintButton } from '@/components/directory/print-button';
import { EmailAddress, PhoneNumber, WebAddress } from '@/components/ui/contact-values';
import { TopicIcon } from '@/components/ui/icons';
import { QrCode } from '@/components/ui/qr-code';
import { getLanguageNames, getTopicOptions } from '@/lib/data/taxonomy-public';
import { listWegweiserEntries, type WegweiserEntry } from '@/lib/data/wegweiser';
import { getEnv } from '@/lib/env';
import { toTelHref } from '@/lib/format/phone';
import { Link } from '@/lib/i18n/navigation';
import { localeAlternates } from '@/lib/i18n/routing';

// Served from the full-route cache like every public page (lib/next-cache-handler.mjs): nothing in
// it depends on the request or the time but the schedule exceptions that end (left out two days
// after their end, lib/data/organizations.ts): rendered again in the background at most hourly.
export const revalidate = 3600;

export async function generateMetadata({ params }: { params: Promise<{ locale: string }> }): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: 'Guide' });
  return { title: t('title'), description: t('intro'), alternates: localeAlternates('/wegweiser', locale) };
}

// The first paragraph, cut at a word: a guide on paper, not the whole page.
function summary(text: string, max = 260): string {
  const first = text.split(/\n\s*\n/)[0]?.trim() ?? '';
  if (first.length <= max) return first;
  const cut = first.lastIndexOf(' ', max - 2);
  return `${first.slice(0, cut > max / 2 ? cut : max - 2).trimEnd()} …`;
}

const linkClass = 'text-brand-800 underline';

export default async function GuidePage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const [t, to, tp, format, entries, topics, languageNames] = await Promise.all([
    getTranslations('Guide'),
    getTranslations('Organization'),
    getTranslations('PrintGuide'),
    getFormatter(),
    listWegweiserEntries({ locale }),
    getTopicOptions({ locale }),
    getLanguageNames({ locale }),
  ]);
  const base = getEnv().APP_URL.replace(/\/$/, '');
  // Each actor appears under its first topic, so that the printout has no duplicates.
  const groups: { value: string; label: string; entries: WegweiserEntry[] }[] = topics
    .map((topic) => ({ ...topic, entries: entries.filter((entry) => entry.topics[0]?.slug === topic.value) }))
    .filter((group) => group.entries.length > 0);
  const other = entries.filter((entry) => entry.topics.length === 0 || !topics.some((topic) => topic.value === entry.topics[0].slug));
  if (other.length > 0) groups.push({ value: 'other', label: t('other'), entries: other });
  // "As of": the date of the newest change among the entries, not the day of the request.
  const asOf = entries.reduce((newest, entry) => (entry.updatedAt > newest ? entry.updatedAt : newest), '');
  const languageList = (codes: string[]) => codes.map((code) => languageNames[code]?.name ?? code).join(', ');

  return (
    <div className="space-y-6">
      <header className="space-y-2">
        <h1 className="text-3xl font-bold text-brand-900">{t('title')}</h1>
        <p>{t('intro')}</p>
        {asOf ? <p className="text-sm text-slate-700">{t('status', { date: format.dateTime(new Date(asOf), { dateStyle: 'long' }) })}</p> : null}
        <p className="hidden text-sm print:block">
          {tp.rich('online', { url: () => <WebAddress url={`${base}/${locale}/wegweiser`} full /> })}
        </p>
        <div className="flex flex-wrap items-center gap-3 print:hidden">
          <PrintButton label={t('print')} />
          <p className="text-sm text-slate-700">{t('printHint')}</p>
        </div>
      </header>

      <nav aria-labelledby="guide-contents" className="print-avoid-break rounded-lg border border-slate-300 p-4">
        <h2 id="guide-contents" className="text-xl font-semibold">
          {t('contents')}
        </h2>
        <p className="text-sm text-slate-700">{tp('contentsHint')}</p>
        <ol className="mt-2 grid gap-x-6 sm:grid-cols-2 print:grid-cols-2">
          {groups.map((group) => (
            <li key={group.value}>
              <a href={`#thema-${group.value}`} className="inline-flex min-h-11 items-center gap-2 text-brand-800 underline print:min-h-0">
                <TopicIcon slug={group.value} className="size-5" />
                <span>
                  {group.label} <span className="text-slate-700">({tp('entries', { count: group.entries.length })})</span>
                </span>
              </a>
            </li>
          ))}
        </ol>
      </nav>

      {groups.map((group) => (
        <section key={group.value} id={`thema-${group.value}`} aria-labelledby={`h-${group.value}`} className="space-y-3">
          <h2 id={`h-${group.value}`} className="flex items-center gap-2 border-b-2 border-brand-700 text-2xl font-semibold text-brand-900">
            <TopicIcon slug={group.value} className="size-6" />
            <span>{group.label}</span>
          </h2>
          <ul className="grid gap-3 sm:grid-cols-2 print:grid-cols-2 print:gap-2">
            {group.entries.map((entry) => {
              const pageUrl = `${base}/${locale}/akteure/${entry.slug}`;
              const description = summary(entry.description.value);
              return (
                <li key={entry.id} className="print-avoid-break flex flex-col gap-1.5 rounded border border-slate-300 p-3 text-sm" data-guide-entry={entry.slug}>
                  <h3 className="text-base font-semibold" {...langProps(entry.name, locale)}>
                    <Link href={`/akteure/${entry.slug}`} className={linkClass}>
                      {entry.name.value}
                    </Link>
                  </h3>
                  {description ? <p {...langProps(entry.description, locale)}>{description}</p> : null}
                  <dl className="space-y-1.5">
                    {entry.locations.length > 0 ? (
                      <div>
                        <dt className="font-semibold">{tp('address')}</dt>
                        {entry.locations.map((location) => (
                          <dd key={location.id} lang="de">
                            {[location.name, location.street, [location.postalCode, location.city].filter(Boolean).join(' ')].filter(Boolean).join(', ')}
                          </dd>
                        ))}
                      </div>
                    ) : null}
                    {entry.schedules.length > 0 || entry.exceptions.length > 0 ? (
                      <div>
                        <dt className="font-semibold">{tp('hours')}</dt>
                        <dd>
                          <OpeningHours organization={entry} locale={locale} variant="compact" idPrefix={`hours-${entry.slug}`} />
                        </dd>
                      </div>
                    ) : null}
                    {entry.languageCodes.length > 0 ? (
                      <div>
                        <dt className="font-semibold">{tp('languages')}</dt>
                        <dd>{languageList(entry.languageCodes)}</dd>
                      </div>
                    ) : null}
                    {entry.phone ? (
                      <div>
                        <dt className="font-semibold">{to('phone')}</dt>
                        <dd>
                          <a href={toTelHref(entry.phone)} className={linkClass}>
                            <PhoneNumber value={entry.phone} />
                          </a>
                        </dd>
                      </div>
                    ) : null}
                    {entry.email ? (
                      <div>
                        <dt className="font-semibold">{to('email')}</dt>
                        <dd>
                          <a href={`mailto:${entry.email}`} className={linkClass}>
                            <EmailAddress value={entry.email} />
                          </a>
                        </dd>
                      </div>
                    ) : null}
                    {entry.website ? (
                      <div>
                        <dt className="font-semibold">{to('website')}</dt>
                        <dd>
                          <a href={entry.website} className={`${linkClass} print-url-shown`} rel="noopener">
                            <WebAddress url={entry.website} />
                          </a>
                        </dd>
                      </div>
                    ) : null}
                    {entry.contacts.length > 0 ? (
                      <div>
                        <dt className="font-semibold">{tp('contacts')}</dt>
                        {entry.contacts.map((contact) => (
                          <dd key={contact.id}>
                            {contact.name ? <span className="font-medium">{contact.name}</span> : null}
                            {contact.name ? ', ' : null}
                            <span {...langProps(contact.role, locale)}>{contact.role.value}</span>
                            {contact.phone ? (
                              <>
                                {' · '}
                                <PhoneNumber value={contact.phone} />
                              </>
                            ) : null}
                            {contact.email ? (
                              <>
                                {' · '}
                                <EmailAddress value={contact.email} />
                              </>
                            ) : null}
                          </dd>
                        ))}
                      </div>
                    ) : null}
                  </dl>
                  <div className="mt-auto flex items-end justify-between gap-3 border-t border-slate-200 pt-2">
                    <p className="min-w-0 text-xs text-slate-700">
                      {tp('qrCaption')}
                      <br />
                      <WebAddress url={pageUrl} full />
                    </p>
                    <QrCode value={pageUrl} className="size-20 print:size-[22mm]" />
                  </div>
                </li>
              );
            })}
          </ul>
        </section>
      ))}
    </div>
  );
}
