// Parsing of the directory's search URL and of the visitor's words. Pure: no database, no Next.js.
// Every filter lives in the URL so that searches can be shared, bookmarked and used without
// JavaScript (a GET form), and the back button works.

export const PAGE_SIZE = 20;
const MAX_QUERY_LENGTH = 200;
const MAX_TOKENS = 8;

export interface DirectoryQuery {
  q: string;
  topic?: string;
  category?: string;
  language?: string;
  targetGroup?: string;
  age?: number;
  municipality?: string;
  openNow: boolean;
  wheelchair: boolean;
  page: number;
}

// URL parameter names (short, stable, language-neutral).
export const PARAM = {
  q: 'q',
  topic: 'thema',
  category: 'art',
  language: 'sprache',
  targetGroup: 'zielgruppe',
  age: 'alter',
  municipality: 'ort',
  openNow: 'offen',
  wheelchair: 'barrierefrei',
  page: 'seite',
} as const;

type RawParams = Record<string, string | string[] | undefined> | URLSearchParams;

function first(params: RawParams, key: string): string | undefined {
  const value = params instanceof URLSearchParams ? (params.get(key) ?? undefined) : params[key];
  const single = Array.isArray(value) ? value[0] : value;
  const trimmed = single?.trim();
  return trimmed ? trimmed : undefined;
}

const SLUG = /^[a-z0-9][a-z0-9-]{0,80}$/;
const LANGUAGE_CODE = /^[a-z]{2,3}$/;

function slugParam(params: RawParams, key: string): string | undefined {
  const value = first(params, key)?.toLowerCase();
  return value && SLUG.test(value) ? value : undefined;
}

function flag(params: RawParams, key: string): boolean {
  const value = first(params, key);
  return value === '1' || value === 'on' || value === 'true' || value === 'ja';
}

// Anything unexpected is dropped rather than rejected: a visitor with a bad link still gets results.
export function parseDirectoryQuery(params: RawParams): DirectoryQuery {
  const ageText = first(params, PARAM.age);
  const age = ageText && /^\d{1,3}$/.test(ageText) ? Number(ageText) : undefined;
  const pageText = first(params, PARAM.page);
  const page = pageText && /^\d{1,4}$/.test(pageText) ? Math.max(1, Number(pageText)) : 1;
  const language = first(params, PARAM.language)?.toLowerCase();
  const municipality = first(params, PARAM.municipality);
  return {
    q: (first(params, PARAM.q) ?? '').replace(/\s+/g, ' ').slice(0, MAX_QUERY_LENGTH),
    topic: slugParam(params, PARAM.topic),
    category: slugParam(params, PARAM.category),
    language: language && LANGUAGE_CODE.test(language) ? language : undefined,
    targetGroup: slugParam(params, PARAM.targetGroup),
    age: age !== undefined && age <= 120 ? age : undefined,
    municipality: municipality && municipality.length <= 100 ? municipality : undefined,
    openNow: flag(params, PARAM.openNow),
    wheelchair: flag(params, PARAM.wheelchair),
    page,
  };
}

export function hasFilters(query: DirectoryQuery): boolean {
  return Boolean(
    query.topic ||
      query.category ||
      query.language ||
      query.targetGroup ||
      query.age !== undefined ||
      query.municipality ||
      query.openNow ||
      query.wheelchair,
  );
}

export function isEmptyQuery(query: DirectoryQuery): boolean {
  return !query.q && !hasFilters(query);
}

// The URL search string for a query, with overrides (e.g. another page, one filter removed).
export function toSearchString(query: DirectoryQuery, overrides: Partial<DirectoryQuery> = {}): string {
  const merged = { ...query, ...overrides };
  const params = new URLSearchParams();
  if (merged.q) params.set(PARAM.q, merged.q);
  if (merged.topic) params.set(PARAM.topic, merged.topic);
  if (merged.category) params.set(PARAM.category, merged.category);
  if (merged.language) params.set(PARAM.language, merged.language);
  if (merged.targetGroup) params.set(PARAM.targetGroup, merged.targetGroup);
  if (merged.age !== undefined) params.set(PARAM.age, String(merged.age));
  if (merged.municipality) params.set(PARAM.municipality, merged.municipality);
  if (merged.openNow) params.set(PARAM.openNow, '1');
  if (merged.wheelchair) params.set(PARAM.wheelchair, '1');
  if (merged.page > 1) params.set(PARAM.page, String(merged.page));
  const text = params.toString();
  return text ? `?${text}` : '';
}

// The filters in the shape stored in SearchLog.filters (no free text, nothing personal).
export function filtersForLog(query: DirectoryQuery): Record<string, string | number | boolean> {
  const filters: Record<string, string | number | boolean> = {};
  if (query.topic) filters.topic = query.topic;
  if (query.category) filters.category = query.category;
  if (query.language) filters.language = query.language;
  if (query.targetGroup) filters.targetGroup = query.targetGroup;
  if (query.age !== undefined) filters.age = query.age;
  if (query.municipality) filters.municipality = query.municipality;
  if (query.openNow) filters.openNow = true;
  if (query.wheelchair) filters.wheelchair = true;
  return filters;
}

const STOPWORDS = new Set([
  'und', 'oder', 'der', 'die', 'das', 'den', 'dem', 'des', 'ein', 'eine', 'einen', 'einer', 'fur', 'für',
  'in', 'im', 'mit', 'von', 'vom', 'zu', 'zum', 'zur', 'bei', 'auf', 'an', 'am', 'the', 'and', 'or', 'for',
  'of', 'to', 'a', 'an', 'with', 'help', 'hilfe',
]);

// German compounds end in a head noun; "Beratungsstelle" should also find "Beratung". These are
// the heads common in social-service names; the stem before them (without a linking s) is added.
const COMPOUND_HEADS = [
  'stellen', 'stelle', 'dienste', 'dienst', 'angebote', 'angebot', 'zentrum', 'zentren', 'buero', 'buro',
  'büro', 'kurse', 'kurs', 'gruppe', 'gruppen', 'verein', 'projekt', 'punkt', 'treff', 'haus', 'amt',
];

export function decompound(token: string): string | undefined {
  for (const head of COMPOUND_HEADS) {
    if (token.length > head.length + 4 && token.endsWith(head)) {
      let stem = token.slice(0, -head.length);
      if (stem.endsWith('s') && stem.length > 5) stem = stem.slice(0, -1);
      return stem;
    }
  }
  return undefined;
}

export interface SearchToken {
  // As typed (lower-cased, letters and digits only); normalized in SQL with search_normalize().
  text: string;
  // A compound's first part, searched as an alternative.
  stem?: string;
  // The last word while typing may be incomplete.
  isLast: boolean;
}

// Words of the query: letters and digits of any script, lower-cased, stop words and one-letter
// words dropped. Only these tokens reach the SQL, and always as bound parameters.
export function tokenizeQuery(q: string): SearchToken[] {
  const words = q
    .toLowerCase()
    .normalize('NFC')
    .match(/[\p{L}\p{M}\p{N}]+/gu);
  if (!words) return [];
  const kept = words.filter((word) => word.length >= 2 && !STOPWORDS.has(word)).slice(0, MAX_TOKENS);
  return kept.map((text, index) => ({ text, stem: decompound(text), isLast: index === kept.length - 1 }));
}
