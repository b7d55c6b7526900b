// The directory's GET form: search field and every filter. Works without JavaScript; all state
// is in the URL.
import { getTranslations } from 'next-intl/server';
import type { CountyTownOption } from '@/lib/data/directory/near';
import type { DirectoryFacets, FacetOption } from '@/lib/data/taxonomy-public';
import { type DirectoryQuery, hasFilters, PARAM } from '@/lib/search/query';
import { SearchCombobox } from './search-combobox';

const fieldClass = 'min-h-11 w-full rounded-md border-2 border-slate-600 bg-white px-3';

function Select({
  name,
  label,
  options,
  value,
  anyLabel,
  describedBy,
}: {
  name: string;
  label: string;
  // With `count`: the number of results the option gives (shown after the label).
  options: FacetOption[];
  value?: string;
  anyLabel: string;
  describedBy?: string;
}) {
  const id = `filter-${name}`;
  return (
    <div>
      <label htmlFor={id} className="mb-1 block font-semibold">
        {label}
      </label>
      <select id={id} name={name} defaultValue={value ?? ''} aria-describedby={describedBy} className={fieldClass}>
        <option value="">{anyLabel}</option>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.count === undefined ? option.label : `${option.label} (${option.count})`}
          </option>
        ))}
      </select>
    </div>
  );
}

export async function SearchForm({
  locale,
  query,
  facets,
  showFilters = true,
  towns = [],
}: {
  locale: string;
  query: DirectoryQuery;
  facets?: DirectoryFacets;
  showFilters?: boolean;
  // The county's towns for "In der Nähe von" (a sort order: every town is offered).
  towns?: CountyTownOption[];
}) {
  const t = await getTranslations('Search');
  const tn = await getTranslations('Nearby');
  const th = await getTranslations('SearchHelp');
  const countTemplate = {
    zero: t('suggestionsCount', { count: 0 }),
    one: t('suggestionsCount', { count: 1 }).replace('1', '#'),
    other: t('suggestionsCount', { count: 7 }).replace('7', '#'),
  };
  return (
    <form method="get" action={`/${locale}/akteure`} role="search" className="space-y-4">
      <div className="flex flex-col gap-2 sm:flex-row sm:items-end">
        <div className="flex-1">
          <SearchCombobox
            locale={locale}
            defaultValue={query.q}
            label={t('label')}
            placeholder={t('placeholder')}
            suggestionsLabel={t('suggestions')}
            kindLabels={{
              organization: t('suggestionOrganization'),
              topic: t('suggestionTopic'),
              language: th('suggestionLanguage'),
              town: th('suggestionTown'),
            }}
            countTemplate={countTemplate}
            inputId="search-q"
          />
        </div>
        <button type="submit" className="min-h-12 rounded-md bg-brand-700 px-6 text-lg font-semibold text-white hover:bg-brand-800">
          {t('submit')}
        </button>
      </div>
      {showFilters && facets ? (
        <details open={hasFilters(query) || Boolean(query.near) || undefined} className="rounded-lg border border-slate-300 p-4 print:hidden">
          <summary className="min-h-11 cursor-pointer content-center text-lg font-semibold">{t('filtersTitle')}</summary>
          <div className="mt-4 grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
            <Select name={PARAM.topic} label={t('topic')} options={facets.topics} value={query.topic} anyLabel={t('any')} />
            <Select name={PARAM.language} label={t('language')} options={facets.languages} value={query.language} anyLabel={t('any')} />
            <Select
              name={PARAM.municipality}
              label={t('municipality')}
              options={facets.municipalities}
              value={query.municipality}
              anyLabel={t('any')}
            />
            {towns.length > 0 ? (
              <div>
                <Select
                  name={PARAM.near}
                  label={tn('filterLabel')}
                  options={towns.map((town) => ({ value: town.slug, label: town.name }))}
                  value={query.near}
                  anyLabel={tn('filterAny')}
                  describedBy="filter-naehe-hint"
                />
                <p id="filter-naehe-hint" className="mt-1 text-sm text-slate-700">
                  {tn('filterHint')}
                </p>
              </div>
            ) : null}
            <Select name={PARAM.targetGroup} label={t('targetGroup')} options={facets.targetGroups} value={query.targetGroup} anyLabel={t('any')} />
            <Select name={PARAM.category} label={t('category')} options={facets.categories} value={query.category} anyLabel={t('any')} />
            <div>
              <label htmlFor="filter-age" className="mb-1 block font-semibold">
                {t('age')}
              </label>
              <input
                id="filter-age"
                name={PARAM.age}
                type="number"
                inputMode="numeric"
                min={0}
                max={120}
                defaultValue={query.age ?? ''}
                aria-describedby="filter-age-hint"
                className={fieldClass}
              />
              <p id="filter-age-hint" className="mt-1 text-sm text-slate-700">
                {t('ageHint')}
              </p>
            </div>
            <label className="flex min-h-11 items-center gap-3">
              <input type="checkbox" name={PARAM.openNow} value="1" defaultChecked={query.openNow} className="size-6" />
              {t('openNow')}
            </label>
            <label className="flex min-h-11 items-center gap-3">
              <input type="checkbox" name={PARAM.wheelchair} value="1" defaultChecked={query.wheelchair} className="size-6" />
              {t('wheelchair')}
            </label>
          </div>
          <button type="submit" className="mt-4 min-h-11 rounded-md border-2 border-brand-700 px-5 font-semibold text-brand-800 hover:bg-brand-50">
            {t('apply')}
          </button>
        </details>
      ) : null}
    </form>
  );
}
