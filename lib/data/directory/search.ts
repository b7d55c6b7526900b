// The directory search as pages and the API use it: ranked ids from SQL, then cached cards.
import 'server-only';
import { type DirectoryQuery, PAGE_SIZE, parseDirectoryQuery, tokenizeQuery, toSearchString } from '@/lib/search/query';
import { getOrganizationCards, type OrganizationCard } from './cards';
import { nearestDistances } from './near';
import { type DirectoryFacets, type FacetOption, getDirectoryFacets, withFacetCounts } from '../taxonomy-public';
import { DIRECTORY_TAG } from '@/lib/cache';
import { cachedPublicRead } from '../public-cache';
import { suggestCorrection } from './correction';
import { type FacetCounts, searchOrganizationIds, searchWithFacetCounts } from './rank';
import { typeaheadOrganizationIds } from './typeahead';

export interface DirectoryResult {
  total: number;
  page: number;
  pageCount: number;
  // `distanceKm`: with the "near" filter, of the nearest public location with coordinates.
  cards: (OrganizationCard & { distanceKm?: number })[];
}

export async function runDirectorySearch({
  query,
  locale,
  now = new Date(),
  pageSize = PAGE_SIZE,
}: {
  query: DirectoryQuery;
  locale: string;
  now?: Date;
  pageSize?: number;
}): Promise<DirectoryResult> {
  const { total, hits } = await searchOrganizationIds({ query, now, limit: pageSize });
  return toResult({ query, locale, total, ids: hits.map((hit) => hit.id), pageSize });
}

async function toResult({ query, locale, total, ids, pageSize }: { query: DirectoryQuery; locale: string; total: number; ids: string[]; pageSize: number }) {
  const [cards, distances] = await Promise.all([
    getOrganizationCards({ ids, locale }),
    query.near ? nearestDistances({ ids, near: query.near }) : undefined,
  ]);
  const withDistance = distances ? cards.map((card) => ({ ...card, distanceKm: distances.get(card.id) })) : cards;
  return { total, page: query.page, pageCount: Math.max(1, Math.ceil(total / pageSize)), cards: withDistance };
}

// The search page: results plus its filter options, each with the number of results it would
// give (options that would give none are left out).
export async function runDirectoryPageSearch({
  query,
  locale,
  now = new Date(),
}: {
  query: DirectoryQuery;
  locale: string;
  now?: Date;
}): Promise<DirectoryResult & { facets: DirectoryFacets }> {
  const [{ result, counts }, facets] = await Promise.all([searchWithFacetCounts({ query, now }), getDirectoryFacets({ locale })]);
  const page = await toResult({ query, locale, total: result.total, ids: result.hits.map((hit) => hit.id), pageSize: PAGE_SIZE });
  return { ...page, facets: withFacetCounts(facets, counts, query) };
}

// What an empty result offers instead: topics that match the visitor's words (else every topic
// that has entries) and the likeliest spelling of the query.
export async function getEmptyResultHelp({ query, locale }: { query: DirectoryQuery; locale: string }) {
  const [counts, all] = await Promise.all([directoryCounts(), getDirectoryFacets({ locale })]);
  const topics = withFacetCounts(all, counts, {}).topics;
  const words = tokenizeQuery(query.q).map((token) => fold(token.text));
  const matching = topics.filter((topic) =>
    words.some((word) => [topic.label, ...(topic.aliases ?? [])].some((label) => labelMatches(label, word))),
  );
  const correction = words.length > 0 ? await suggestCorrection(query.q) : null;
  return { topics: matching.length > 0 ? matching : topics, correction };
}

// "Meinten Sie …?" also when a search finds only a few entries (issue 11, point 3): a misspelled
// word often still meets one or two entries through another word of the query or a similar
// spelling, and the corrected query finds what was meant. Null for more results, or when every
// word is already a word of the directory.
const FEW_RESULTS = 3;

export async function getFewResultsCorrection({ query, total }: { query: DirectoryQuery; total: number }): Promise<string | null> {
  if (total === 0 || total > FEW_RESULTS || tokenizeQuery(query.q).length === 0) return null;
  return suggestCorrection(query.q);
}

const emptyQuery = parseDirectoryQuery({});

// The whole directory's facet counts (no words, no filters) are the same for every keystroke of
// the typeahead: cached with the other public reads (every edit expires them).
const wholeDirectoryCounts = cachedPublicRead(
  async () => {
    const { counts } = await searchWithFacetCounts({ query: emptyQuery, limit: 1 });
    return Object.fromEntries(Object.entries(counts).map(([key, map]) => [key, [...map]]));
  },
  ['search-directory-counts'],
  [DIRECTORY_TAG],
);

async function directoryCounts(): Promise<FacetCounts> {
  const raw = await wholeDirectoryCounts();
  return Object.fromEntries(Object.entries(raw).map(([key, pairs]) => [key, new Map(pairs)])) as FacetCounts;
}

type SuggestionKind = 'organization' | 'topic' | 'language' | 'town';

export interface Suggestion {
  kind: SuggestionKind;
  label: string;
  // Locale-free path with query string, e.g. "/akteure/jobcenter" or "/akteure?thema=arbeit";
  // the caller adds the locale exactly once.
  href: string;
}

function fold(text: string): string {
  return text
    .toLowerCase()
    .replaceAll('ä', 'a')
    .replaceAll('ö', 'o')
    .replaceAll('ü', 'u')
    .replaceAll('ß', 'ss')
    .normalize('NFD')
    .replace(/\p{M}/gu, '');
}

// A label matches when one of its words starts with the typed text, or (for longer input) when
// the text occurs anywhere in it ("arab" finds "Arabisch", "beratung" finds "Migrationsberatung").
function labelMatches(label: string, needle: string): boolean {
  const folded = fold(label);
  if (folded.split(/[^\p{L}\p{N}]+/u).some((word) => word.startsWith(needle))) return true;
  return needle.length >= 4 && folded.includes(needle);
}

// Typeahead: matching topics, languages and towns that public entries actually offer (each a
// filter link that never leads to an empty list), and the six public organizations whose names or
// keywords begin with the typed words (./typeahead.ts, its own prefix index). Not logged: only
// submitted searches are.
export async function getSuggestions({ q, locale }: { q: string; locale: string }): Promise<Suggestion[]> {
  const query = parseDirectoryQuery({ q });
  if (query.q.length < 2) return [];
  const needle = fold(query.q);
  const [ids, facets] = await Promise.all([
    typeaheadOrganizationIds(query.q),
    // Counts over the whole directory: a suggested filter never leads to an empty list.
    Promise.all([directoryCounts(), getDirectoryFacets({ locale })]).then(([counts, all]) => withFacetCounts(all, counts, {})),
  ]);
  const cards = await getOrganizationCards({ ids, locale });
  const pick = (options: FacetOption[]) =>
    options.filter((option) => [option.label, ...(option.aliases ?? [])].some((label) => labelMatches(label, needle))).slice(0, 3);
  const topics = pick(facets.topics);
  const languages = pick(facets.languages);
  const towns = pick(facets.municipalities);
  return [
    ...topics.map((o): Suggestion => ({ kind: 'topic', label: o.label, href: `/akteure${toSearchString(emptyQuery, { topic: o.value })}` })),
    ...languages.map((o): Suggestion => ({ kind: 'language', label: o.label, href: `/akteure${toSearchString(emptyQuery, { language: o.value })}` })),
    ...towns.map((o): Suggestion => ({ kind: 'town', label: o.label, href: `/akteure${toSearchString(emptyQuery, { municipality: o.value })}` })),
    ...cards.map((card): Suggestion => ({ kind: 'organization', label: card.name.value, href: `/akteure/${card.slug}` })),
  ];
}
