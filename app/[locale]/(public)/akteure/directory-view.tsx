// The directory page, shared by its three routes: akteure-liste/page.tsx (no query) and
// akteure-suche/[suche]/page.tsx (a canonical search) are served from the full-route cache
// (proxy.ts rewrites /<locale>/akteure to them, lib/edge/cached-routes.ts, so the visitor's
// address stays /<locale>/akteure); app/[locale]/(public)/akteure/page.tsx renders what is not
// rewritten (an untidy or invalid query: it redirects to the tidy URL) per request.
import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { after } from 'next/server';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { ContactCard } from '@/components/directory/contact-card';
import { OrganizationCard } from '@/components/directory/organization-card';
import { ProjectSearchResults } from '@/components/network/project-search-results';
import { Pagination } from '@/components/search/pagination';
import { SearchForm } from '@/components/search/search-form';
import { Icon } from '@/components/ui/icons';
import { getCoordinationOffice } from '@/lib/data/organizations';
import { logSearch } from '@/lib/data/search-log';
import { searchRendered } from '@/lib/search/search-hits';
import { getLanguageNames } from '@/lib/data/taxonomy-public';
import { Link } from '@/lib/i18n/navigation';
import { localeAlternates } from '@/lib/i18n/routing';
import { listCountyTowns, roundDistanceKm } from '@/lib/data/directory/near';
import { getEmptyResultHelp, getFewResultsCorrection, runDirectoryPageSearch } from '@/lib/data/directory/search';
import { type DirectoryQuery, filtersForLog, hasFilters, isEmptyQuery, parseDirectoryQuery, toSearchString } from '@/lib/search/query';

export type RawSearch = Record<string, string | string[] | undefined>;

export async function directoryMetadata(locale: string, raw: RawSearch): Promise<Metadata> {
  const query = parseDirectoryQuery(raw);
  const t = await getTranslations({ locale, namespace: 'Directory' });
  const meta = await getTranslations({ locale, namespace: 'Meta' });
  // A plain search or a single filter on its first page is a landing page people look for
  // ("Beratung", "Arabisch", a topic): indexable, with its normalized URL as canonical. Combinations
  // and further pages are endless: kept out of search engines, pointing to the plain directory.
  const criteria = (query.q ? 1 : 0) + Object.keys(filtersForLog(query)).length;
  const isLanding = query.page === 1 && criteria <= 1;
  return {
    title: query.q ? `${query.q} – ${t('title')}` : t('title'),
    description: meta('directoryDescription'),
    alternates: isLanding
      ? { ...localeAlternates('/akteure', locale), canonical: `/${locale}/akteure${toSearchString(query)}` }
      : localeAlternates('/akteure', locale),
    robots: isLanding ? undefined : { index: false, follow: true },
  };
}

// Whether the URL's parameters are exactly the tidy ones (same names and values, order aside).
function isTidy(raw: Record<string, string | string[] | undefined>, tidy: string): boolean {
  const wanted = new URLSearchParams(tidy);
  const keys = Object.keys(raw);
  if (keys.length !== [...wanted.keys()].length) return false;
  return keys.every((key) => raw[key] === wanted.get(key));
}

// Links to another search are plain page loads, not client-side navigations: a search served from
// the cache is logged by proxy.ts, which sees page loads only (lib/search/search-hits.ts).
function SearchLink({ locale, href, ...props }: { locale: string; href: string } & Omit<React.ComponentProps<'a'>, 'href'>) {
  return <a href={`/${locale}${href}`} {...props} />;
}

const chipClass =
  'inline-flex min-h-11 items-center gap-2 rounded-full border-2 border-brand-700 px-3 text-sm text-brand-900 hover:bg-brand-50';

// `cachedSearch`: the canonical search when the page is rendered for the full-route cache.
export async function DirectoryView({ locale, raw, cachedSearch }: { locale: string; raw: RawSearch; cachedSearch?: string }) {
  setRequestLocale(locale);
  const requested = parseDirectoryQuery(raw);
  // One URL per search: empty fields of the GET form (sent without JavaScript too), unknown or
  // invalid parameters and untidy spaces are dropped by a redirect to the tidy URL.
  const tidy = toSearchString(requested);
  if (!isTidy(raw, tidy)) redirect(`/${locale}/akteure${tidy}`);
  const t = await getTranslations('Directory');
  const ts = await getTranslations('Search');
  const th = await getTranslations('SearchHelp');
  const tn = await getTranslations('Nearby');
  // "In der Nähe von": a town that is not in the table (an old or hand-edited link) is ignored with
  // a note; every link on the page then leaves it out.
  const towns = await listCountyTowns();
  const nearTown = requested.near ? towns.find((town) => town.slug === requested.near) : undefined;
  const unknownNear = requested.near && !nearTown ? requested.near : undefined;
  const query: DirectoryQuery = unknownNear ? { ...requested, near: undefined } : requested;
  const [result, languageNames] = await Promise.all([runDirectoryPageSearch({ query, locale }), getLanguageNames({ locale })]);
  // A page past the end (an old link, a hand-edited URL) goes to the last page.
  if (query.page > result.pageCount) redirect(`/${locale}/akteure${toSearchString(query, { page: result.pageCount })}`);
  const facets = result.facets;
  if (!isEmptyQuery(query) && query.page === 1) {
    const log = () => logSearch({ query, locale, resultCount: result.total });
    // A cached page is logged on every visit, rendered or not: proxy.ts reports the visits
    // (lib/search/search-hits.ts). Rendered per request: after the response, the visitor does not
    // wait for the log write.
    if (cachedSearch !== undefined) searchRendered(locale, cachedSearch, log);
    else after(() => log().catch(() => {}));
  }
  const [office, help] =
    result.total === 0 ? await Promise.all([getCoordinationOffice({ locale }), getEmptyResultHelp({ query, locale })]) : [null, null];
  // Few results: the likeliest spelling is offered above them too.
  const fewCorrection = await getFewResultsCorrection({ query, total: result.total });

  const label = (options: { value: string; label: string }[], value?: string) =>
    options.find((option) => option.value === value)?.label ?? value ?? '';
  const chips: { key: keyof DirectoryQuery; text: string }[] = [];
  if (query.topic) chips.push({ key: 'topic', text: `${ts('topic')}: ${label(facets.topics, query.topic)}` });
  if (query.language) chips.push({ key: 'language', text: `${ts('language')}: ${label(facets.languages, query.language)}` });
  if (query.municipality) chips.push({ key: 'municipality', text: `${ts('municipality')}: ${query.municipality}` });
  if (nearTown) chips.push({ key: 'near', text: tn('chip', { town: nearTown.name }) });
  if (query.targetGroup) chips.push({ key: 'targetGroup', text: `${ts('targetGroup')}: ${label(facets.targetGroups, query.targetGroup)}` });
  if (query.category) chips.push({ key: 'category', text: `${ts('category')}: ${label(facets.categories, query.category)}` });
  if (query.age !== undefined) chips.push({ key: 'age', text: t('ageFilterLabel', { age: query.age }) });
  if (query.openNow) chips.push({ key: 'openNow', text: ts('openNow') });
  if (query.wheelchair) chips.push({ key: 'wheelchair', text: ts('wheelchair') });
  const without = (key: keyof DirectoryQuery) =>
    `/akteure${toSearchString(query, { [key]: key === 'openNow' || key === 'wheelchair' ? false : undefined, page: 1 })}`;

  return (
    <div className="space-y-6">
      <h1 className="text-3xl font-bold text-brand-900">{t('title')}</h1>
      <p>{t('intro')}</p>
      <SearchForm locale={locale} query={query} facets={facets} towns={towns} />
      {unknownNear ? (
        <p role="status" className="rounded-md border-2 border-amber-700 bg-amber-50 p-3" data-near-unknown>
          {tn('unknownTown', { value: unknownNear })}
        </p>
      ) : null}

      {chips.length > 0 ? (
        <section aria-labelledby="active-filters" className="space-y-2 print:hidden">
          <h2 id="active-filters" className="font-semibold">
            {t('activeFilters')}
          </h2>
          <ul className="flex flex-wrap gap-2">
            {chips.map((chip) => (
              <li key={chip.key}>
                <SearchLink locale={locale} href={without(chip.key)} className={chipClass} aria-label={t('removeFilter', { label: chip.text })}>
                  {chip.text} <Icon name="X" className="size-4" />
                </SearchLink>
              </li>
            ))}
            {chips.length > 1 ? (
              <li>
                <SearchLink locale={locale} href={`/akteure${toSearchString({ q: query.q, page: 1, openNow: false, wheelchair: false })}`} className={chipClass}>
                  {t('removeAllFilters')}
                </SearchLink>
              </li>
            ) : null}
          </ul>
        </section>
      ) : null}

      <section aria-labelledby="results-title" className="space-y-4">
        <h2 id="results-title" className="sr-only">
          {t('resultsTitle')}
        </h2>
        <p role="status" className="text-lg font-semibold" data-result-count={result.total}>
          {query.q ? t('countFor', { count: result.total, query: query.q }) : t('count', { count: result.total })}
        </p>
        {result.total === 0 ? (
          // Edge to edge on narrow phones: the contact cards inside need the whole width.
          <div className="space-y-3 rounded-lg border-2 border-brand-100 bg-brand-50 p-4 max-[479px]:-mx-4 max-[479px]:rounded-none max-[479px]:border-x-0 max-[479px]:px-4">
            <h3 className="text-xl font-semibold text-brand-900">{t('emptyTitle')}</h3>
            <p>{t('emptyText')}</p>
            {hasFilters(query) ? (
              <p>
                <SearchLink locale={locale} href={`/akteure${toSearchString({ q: query.q, page: 1, openNow: false, wheelchair: false })}`} className={chipClass}>
                  {t('removeAllFilters')}
                </SearchLink>
              </p>
            ) : null}
            {help?.correction ? (
              <p className="text-lg" data-correction>
                {th('didYouMean')}{' '}
                <SearchLink locale={locale} href={`/akteure${toSearchString({ ...query, q: help.correction, page: 1 })}`} className="font-semibold text-brand-800 underline">
                  {help.correction}
                </SearchLink>
              </p>
            ) : null}
            {help && help.topics.length > 0 ? (
              <div className="space-y-2" data-empty-topics>
                <p className="font-semibold">{th('browseTopics')}</p>
                <ul className="flex flex-wrap gap-2">
                  {help.topics.map((topic) => (
                    <li key={topic.value}>
                      <SearchLink locale={locale} href={`/akteure${toSearchString(parseDirectoryQuery({}), { topic: topic.value })}`} className={chipClass}>
                        {topic.label} ({topic.count})
                      </SearchLink>
                    </li>
                  ))}
                </ul>
              </div>
            ) : null}
            {office ? (
              <div className="space-y-3" data-coordination-office>
                <p>{t('emptyOffice')}</p>
                <p>
                  <Link href="/koordinierungsstelle" className="inline-flex min-h-11 items-center font-semibold text-brand-800 underline">
                    {office.shortName ?? office.name}
                  </Link>
                </p>
                {office.phone || office.email ? (
                  <ul className="space-y-1">
                    {office.phone ? (
                      <li>
                        {th('phone')}:{' '}
                        <a href={`tel:${office.phone.replace(/[^+\d]/g, '')}`} className="inline-flex min-h-11 items-center font-semibold text-brand-800 underline" dir="ltr">
                          {office.phone}
                        </a>
                      </li>
                    ) : null}
                    {office.email ? (
                      <li>
                        {th('email')}:{' '}
                        <a href={`mailto:${office.email}`} className="inline-flex min-h-11 items-center font-semibold break-all text-brand-800 underline" dir="ltr">
                          {office.email}
                        </a>
                      </li>
                    ) : null}
                  </ul>
                ) : null}
                {office.contacts.length > 0 ? (
                  <ul className="grid gap-4 sm:grid-cols-2">
                    {office.contacts.map((contact) => (
                      <ContactCard key={contact.id} contact={contact} />
                    ))}
                  </ul>
                ) : null}
              </div>
            ) : null}
          </div>
        ) : (
          <>
            {fewCorrection ? (
              <p className="text-lg" data-correction>
                {th('didYouMean')}{' '}
                <SearchLink locale={locale} href={`/akteure${toSearchString({ ...query, q: fewCorrection, page: 1 })}`} className="font-semibold text-brand-800 underline">
                  {fewCorrection}
                </SearchLink>
              </p>
            ) : null}
            <ul className="grid gap-4 md:grid-cols-2">
              {result.cards.map((card) => (
                <OrganizationCard
                  key={card.id}
                  card={card}
                  languageNames={languageNames}
                  headingLevel="h3"
                  distance={nearTown && card.distanceKm !== undefined ? { km: roundDistanceKm(card.distanceKm), town: nearTown.name } : undefined}
                />
              ))}
            </ul>
          </>
        )}
        <Pagination query={query} pageCount={result.pageCount} />
      </section>
      {query.q && query.page === 1 ? <ProjectSearchResults q={query.q} locale={locale} /> : null}
    </div>
  );
}
