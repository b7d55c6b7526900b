// The directory search as pages and the API use it: ranked ids from SQL, then cached cards.
import 'server-only';
import { db } from '@/lib/db';
import { type DirectoryQuery, PAGE_SIZE, parseDirectoryQuery } from '@/lib/search/query';
import { getOrganizationCards, type OrganizationCard } from './cards';
import { labelFor } from '../translations';
import { searchOrganizationIds } from './rank';

export interface DirectoryResult {
  total: number;
  page: number;
  pageCount: number;
  cards: OrganizationCard[];
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
  const cards = await getOrganizationCards({ ids: hits.map((hit) => hit.id), locale });
  return { total, page: query.page, pageCount: Math.max(1, Math.ceil(total / pageSize)), cards };
}

export interface Suggestion {
  kind: 'organization' | 'topic';
  label: string;
  // Locale-free path with query string, e.g. "/akteure/jobcenter" or "/akteure?thema=arbeit".
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

// Typeahead: a few public organizations (same ranking as the search) and matching topics.
// Not logged: only submitted searches are.
export async function getSuggestions({ q, locale }: { q: string; locale: string }): Promise<Suggestion[]> {
  const query = parseDirectoryQuery({ q });
  if (query.q.length < 2) return [];
  const { hits } = await searchOrganizationIds({ query, limit: 6 });
  const cards = await getOrganizationCards({ ids: hits.map((hit) => hit.id), locale });
  const needle = fold(query.q);
  const terms = await db.taxonomyTerm.findMany({
    where: { kind: 'TOPIC' },
    orderBy: [{ sortOrder: 'asc' }],
    select: { slug: true, label: true, labels: true },
  });
  const topics = terms
    .map((term) => ({ slug: term.slug, label: labelFor(term.label, term.labels, locale), german: term.label }))
    .filter((term) => fold(term.label).includes(needle) || fold(term.german).includes(needle))
    .slice(0, 3);
  return [
    ...topics.map((topic): Suggestion => ({ kind: 'topic', label: topic.label, href: `/akteure?thema=${topic.slug}` })),
    ...cards.map((card): Suggestion => ({ kind: 'organization', label: card.name.value, href: `/akteure/${card.slug}` })),
  ];
}
