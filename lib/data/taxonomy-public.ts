// What the directory's filters offer: terms, languages and towns that public entries actually
// use, labelled in the visitor's language. Cached with the directory tag.
import 'server-only';
import { DIRECTORY_TAG, ENTRIES_TAG } from '@/lib/cache';
import { db } from '@/lib/db';
import { cachedPublicRead } from './public-cache';
import { labelFor } from './translations';
import { publicLanguageOfferWhere, publicLocationWhere } from './visibility';

export interface FacetOption {
  value: string;
  label: string;
  count?: number;
  // Other names the option is known by (German label, a language's own name), for the typeahead.
  aliases?: string[];
}

export interface DirectoryFacets {
  topics: FacetOption[];
  categories: FacetOption[];
  targetGroups: FacetOption[];
  languages: FacetOption[];
  municipalities: FacetOption[];
}

// Terms and languages change rarely: cached and tagged.
const getFacetLabels = cachedPublicRead(
  async ({ locale }: { locale: string }) => {
    const [terms, languages] = await Promise.all([
      db.taxonomyTerm.findMany({
        orderBy: [{ sortOrder: 'asc' }, { label: 'asc' }],
        select: { kind: true, slug: true, label: true, labels: true },
      }),
      db.language.findMany({
        where: { isActive: true },
        orderBy: [{ sortOrder: 'asc' }, { nameDe: 'asc' }],
        select: { code: true, nameDe: true, nameNative: true, names: true },
      }),
    ]);
    const byKind = (kind: string) =>
      terms
        .filter((term) => term.kind === kind)
        .map((term) => ({ value: term.slug, label: labelFor(term.label, term.labels, locale), aliases: [term.label] }));
    return {
      topics: byKind('TOPIC'),
      categories: byKind('CATEGORY'),
      targetGroups: byKind('TARGET_GROUP'),
      languages: languages.map((language) => {
        const name = labelFor(language.nameDe, language.names, locale);
        return {
          value: language.code,
          label: name === language.nameNative ? name : `${name} (${language.nameNative})`,
          aliases: [language.nameDe, language.nameNative],
        };
      }),
    };
  },
  ['facet-labels'],
  [DIRECTORY_TAG],
);

export async function getTopicOptions({ locale }: { locale: string }): Promise<FacetOption[]> {
  return (await getFacetLabels({ locale })).topics;
}

export async function getCategoryOptions({ locale }: { locale: string }): Promise<FacetOption[]> {
  return (await getFacetLabels({ locale })).categories;
}

// Which languages and towns public entries actually offer is read live (two small DISTINCT
// queries): only the search page, which queries the database anyway, needs it, and a filter
// option must never point at nothing or miss a new entry.
export async function getDirectoryFacets({ locale }: { locale: string }): Promise<DirectoryFacets> {
  const [labels, offers, locations] = await Promise.all([
    getFacetLabels({ locale }),
    db.languageOffer.findMany({
      where: publicLanguageOfferWhere,
      distinct: ['languageCode'],
      select: { languageCode: true },
    }),
    db.location.findMany({
      where: { ...publicLocationWhere, municipality: { not: null } },
      distinct: ['municipality'],
      select: { municipality: true },
    }),
  ]);
  const offered = new Set(offers.map((offer) => offer.languageCode));
  const collator = new Intl.Collator(locale);
  return {
    ...labels,
    languages: labels.languages.filter((language) => offered.has(language.value)),
    municipalities: locations
      .map((location) => location.municipality!)
      .sort((a, b) => collator.compare(a, b))
      .map((municipality) => ({ value: municipality, label: municipality })),
  };
}

// The options with the number of results each would give (counts from the search's own SQL);
// an option that would give nothing is not offered, unless the visitor has it chosen.
export function withFacetCounts(
  facets: DirectoryFacets,
  counts: Record<'topic' | 'category' | 'targetGroup' | 'language' | 'municipality', Map<string, number>>,
  selected: Partial<Record<'topic' | 'category' | 'targetGroup' | 'language' | 'municipality', string>>,
): DirectoryFacets {
  const apply = (options: FacetOption[], key: keyof typeof counts) =>
    options
      .map((option) => ({ ...option, count: counts[key].get(option.value) ?? 0 }))
      .filter((option) => option.count > 0 || option.value === selected[key]);
  return {
    topics: apply(facets.topics, 'topic'),
    categories: apply(facets.categories, 'category'),
    targetGroups: apply(facets.targetGroups, 'targetGroup'),
    languages: apply(facets.languages, 'language'),
    municipalities: apply(facets.municipalities, 'municipality'),
  };
}

// Language names in the visitor's language, for labels next to contacts and services.
export const getLanguageNames = cachedPublicRead(
  async ({ locale }: { locale: string }): Promise<Record<string, { name: string; native: string }>> => {
    const languages = await db.language.findMany({ select: { code: true, nameDe: true, nameNative: true, names: true } });
    return Object.fromEntries(
      languages.map((language) => [
        language.code,
        { name: labelFor(language.nameDe, language.names, locale), native: language.nameNative },
      ]),
    );
  },
  ['language-names'],
  // All languages, whether an entry offers them or not: only a vocabulary edit changes them
  // (entryTags(null)), so an entry's page does not expire with every other entry's edit.
  [ENTRIES_TAG],
);
