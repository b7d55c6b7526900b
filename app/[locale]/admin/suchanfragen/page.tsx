import type { Metadata } from 'next';
import Link from 'next/link';
import { requirePageUser } from '@/lib/auth/session';
import { listZeroResultFilters, listZeroResultSearches } from '@/lib/data/dashboard';
import { adminFormats, adminTranslator, getAdminLocale, getAdminT, type AdminT } from '@/lib/i18n/admin';
import { listConceptChoices } from '@/lib/data/search-vocabulary';
import { scopeOf } from '@/lib/permissions';
import { VOCABULARY_LOCALES } from '@/lib/schemas/search-vocabulary';
import { orNotFound } from '../page-utils';
import { addSearchWordAction } from '../suchwortschatz/actions';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getAdminT('Searches'))('title') };
}

const PERIODS = [30, 90, 365];

const FILTERS = ['topic', 'category', 'language', 'targetGroup', 'age', 'municipality', 'openNow', 'wheelchair'] as const;

function describeFilters(t: AdminT<'Searches'>, filters: Record<string, string | number | boolean>): string {
  const label = (key: string) => ((FILTERS as readonly string[]).includes(key) ? t(`filters.${key as (typeof FILTERS)[number]}`) : key);
  return Object.entries(filters)
    .map(([key, value]) => (value === true ? label(key) : `${label(key)}: ${String(value)}`))
    .join(', ');
}

export default async function ZeroResultSearchesPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const actor = await requirePageUser('/de/admin/suchanfragen');
  const search = await searchParams;
  const days = PERIODS.find((period) => String(period) === search.tage) ?? 90;
  const [queries, filters] = await Promise.all([
    orNotFound(listZeroResultSearches({ actor, days })),
    orNotFound(listZeroResultFilters({ actor, days })),
  ]);
  // Coordinators who edit the search vocabulary can add a search as a word in one step.
  const concepts = actor && scopeOf(actor, 'vocabulary.edit') === 'all' ? await listConceptChoices({ actor }) : null;
  const locale = await getAdminLocale();
  const t = adminTranslator(locale, 'Searches');
  const tv = adminTranslator(locale, 'Vocabulary');
  const { date: dateFormat } = adminFormats(locale);
  return (
    <div>
      <h1 className="admin-h1">{t('title')}</h1>
      <p className="mb-4">{t('intro')}</p>
      <nav aria-label={t('period')} className="mb-4 flex flex-wrap gap-4">
        {PERIODS.map((period) => (
          <Link key={period} href={`/de/admin/suchanfragen?tage=${period}`} className="admin-link" aria-current={period === days ? 'page' : undefined}>
            {period === days ? <strong>{t('lastDays', { days: period })}</strong> : t('lastDays', { days: period })}
          </Link>
        ))}
      </nav>
      <div role="status">
        {search.aufgenommen ? (
          <p className="alert-success mb-4">
            {tv('added', { query: search.aufgenommen, total: Number(search.von ?? 0), after: Number(search.nachher ?? 0), before: Number(search.vorher ?? 0) })}
          </p>
        ) : null}
        {search.fehler !== undefined ? <p className="alert-error mb-4">{search.meldung || tv('chooseConcept')}: „{search.fehler}“</p> : null}
      </div>
      <section aria-labelledby="woerter">
        <h2 id="woerter" className="admin-h2">{t('words', { count: queries.length })}</h2>
        {queries.length ? (
          <table className="admin-table">
            <thead>
              <tr>
                <th scope="col">{t('query')}</th>
                <th scope="col">{t('count')}</th>
                <th scope="col">{t('last')}</th>
                <th scope="col">{t('siteLanguage')}</th>
                {concepts ? <th scope="col">{tv('addHeading')}</th> : null}
              </tr>
            </thead>
            <tbody>
              {queries.map((row, index) => (
                <tr key={row.query}>
                  <td>„{row.query}“</td>
                  <td>{row.count}</td>
                  <td>{dateFormat.format(row.lastAt)}</td>
                  <td>{row.locales.join(', ')}</td>
                  {concepts ? (
                    <td>
                      <form action={addSearchWordAction} className="flex flex-wrap items-end gap-2">
                        <input type="hidden" name="query" value={row.query} />
                        <input type="hidden" name="tage" value={String(days)} />
                        <label className="sr-only" htmlFor={`begriff-${index}`}>
                          {tv('addConcept', { query: row.query })}
                        </label>
                        <select id={`begriff-${index}`} name="conceptId" defaultValue="" className="input max-w-48">
                          <option value="">{tv('chooseConcept')}</option>
                          {concepts.map((concept) => (
                            <option key={concept.id} value={concept.id}>
                              {concept.label}
                            </option>
                          ))}
                        </select>
                        <label className="sr-only" htmlFor={`sprache-${index}`}>
                          {tv('addLocale', { query: row.query })}
                        </label>
                        <select
                          id={`sprache-${index}`}
                          name="locale"
                          defaultValue={(VOCABULARY_LOCALES as readonly string[]).includes(row.locales[0] ?? '') ? row.locales[0] : 'de'}
                          className="input"
                        >
                          {VOCABULARY_LOCALES.map((code) => (
                            <option key={code} value={code}>
                              {tv(`locale_${code}`)}
                            </option>
                          ))}
                        </select>
                        <button type="submit" className="btn-secondary">
                          {tv('addSubmit')}
                        </button>
                      </form>
                    </td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </table>
        ) : (
          <p>{t('noQueries')}</p>
        )}
      </section>
      <section aria-labelledby="filter">
        <h2 id="filter" className="admin-h2">{t('filtersOnly', { count: filters.length })}</h2>
        {filters.length ? (
          <table className="admin-table">
            <thead>
              <tr>
                <th scope="col">{t('filter')}</th>
                <th scope="col">{t('count')}</th>
                <th scope="col">{t('last')}</th>
              </tr>
            </thead>
            <tbody>
              {filters.map((row) => (
                <tr key={JSON.stringify(row.filters)}>
                  <td>{describeFilters(t, row.filters)}</td>
                  <td>{row.count}</td>
                  <td>{dateFormat.format(row.lastAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : (
          <p>{t('none')}</p>
        )}
      </section>
    </div>
  );
}
