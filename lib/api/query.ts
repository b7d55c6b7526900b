// Parameters of the open JSON API (/api/v1): English names are the contract. The directory's
// filters are parsed by the same zod schemas as the search page (lib/search/query.ts); the API
// is strict where the page is lenient: an unknown parameter or a bad value is reported by name.
// The German names of the first API version (thema, sprache, seite, ...) are still read.
import { createHash } from 'node:crypto';
import { isLocale } from '@/lib/i18n/routing';
import { type DirectoryQuery, validateDirectoryQuery } from '@/lib/search/query';

const FILTER_NAMES = {
  q: 'q',
  topic: 'topic',
  category: 'category',
  language: 'language',
  targetGroup: 'target_group',
  age: 'age',
  municipality: 'town',
  near: 'near',
  openNow: 'open_now',
  wheelchair: 'wheelchair',
} as const satisfies Partial<Record<keyof DirectoryQuery, string>>;

const LEGACY_NAMES: Record<string, string> = {
  thema: 'topic',
  art: 'category',
  sprache: 'language',
  zielgruppe: 'target_group',
  alter: 'age',
  ort: 'town',
  naehe: 'near',
  offen: 'open_now',
  barrierefrei: 'wheelchair',
};

const DEFAULT_LIMIT = 20;
const MAX_LIMIT = 100;

export type FieldErrors = Record<string, string>;
type Result<T> = ({ success: true } & T) | { success: false; errors: FieldErrors };

function unknownParameters(params: URLSearchParams, allowed: string[], errors: FieldErrors) {
  for (const name of new Set(params.keys())) {
    if (!allowed.includes(name)) errors[name] = `Unbekannter Parameter. Erlaubt: ${allowed.filter((n) => !(n in LEGACY_NAMES) && n !== 'seite').join(', ')}.`;
  }
}

function parseLocale(params: URLSearchParams, errors: FieldErrors): string {
  const locale = params.get('locale') ?? 'de';
  if (!isLocale(locale)) errors.locale = 'Sprache der Inhalte: de, en, ar, uk oder ru.';
  return locale;
}

// For endpoints that take nothing but the content language.
export function parseLocaleOnly(params: URLSearchParams): Result<{ locale: string }> {
  const errors: FieldErrors = {};
  unknownParameters(params, ['locale'], errors);
  const locale = parseLocale(params, errors);
  return Object.keys(errors).length ? { success: false, errors } : { success: true, locale };
}

// The opaque cursor: the next page, the page size, and a fingerprint of the query it belongs to.
interface Cursor {
  page: number;
  limit: number;
  query: string;
}

function fingerprint(query: DirectoryQuery, locale: string): string {
  const { page: _page, ...filters } = query;
  return createHash('sha256').update(JSON.stringify({ filters, locale })).digest('base64url').slice(0, 12);
}

export function encodeCursor(query: DirectoryQuery, locale: string, limit: number, page: number): string {
  const cursor: Cursor = { page, limit, query: fingerprint(query, locale) };
  return Buffer.from(JSON.stringify(cursor)).toString('base64url');
}

function decodeCursor(value: string): Cursor | undefined {
  try {
    const cursor = JSON.parse(Buffer.from(value, 'base64url').toString('utf8')) as Partial<Cursor>;
    const isValid =
      Number.isInteger(cursor.page) && cursor.page! >= 1 && Number.isInteger(cursor.limit) && cursor.limit! >= 1 && cursor.limit! <= MAX_LIMIT;
    return isValid && typeof cursor.query === 'string' ? (cursor as Cursor) : undefined;
  } catch {
    return undefined;
  }
}

export interface ApiListQuery {
  query: DirectoryQuery;
  locale: string;
  limit: number;
}

// The name under which the client sent `near` (errors name what the client sent).
export function nearParameterName(params: URLSearchParams): string {
  return params.has('near') ? 'near' : 'naehe';
}

// A list endpoint's parameters: the directory filters, `locale`, `limit` and `cursor`.
export function parseApiListQuery(params: URLSearchParams): Result<ApiListQuery> {
  const errors: FieldErrors = {};
  unknownParameters(params, ['locale', 'limit', 'cursor', 'seite', ...Object.values(FILTER_NAMES), ...Object.keys(LEGACY_NAMES)], errors);
  const locale = parseLocale(params, errors);
  // A German name counts when its English one is absent; errors name what the client sent.
  const normalized = new URLSearchParams(params);
  const sentAs: Record<string, string> = {};
  for (const [legacy, english] of Object.entries(LEGACY_NAMES)) {
    const value = params.get(legacy);
    if (value !== null && !params.has(english)) {
      normalized.set(english, value);
      sentAs[english] = legacy;
    }
  }
  const validated = validateDirectoryQuery(normalized, FILTER_NAMES);
  if (!validated.success) for (const [name, message] of Object.entries(validated.errors)) errors[sentAs[name] ?? name] = message;

  const limitText = params.get('limit');
  let limit = DEFAULT_LIMIT;
  if (limitText !== null) {
    if (/^\d{1,3}$/.test(limitText) && Number(limitText) >= 1 && Number(limitText) <= MAX_LIMIT) limit = Number(limitText);
    else errors.limit = `limit: eine ganze Zahl von 1 bis ${MAX_LIMIT}.`;
  }
  let page = 1;
  const seite = params.get('seite');
  if (seite !== null) {
    if (/^\d{1,4}$/.test(seite) && Number(seite) >= 1) page = Number(seite);
    else errors.seite = 'Seite: bitte eine ganze Zahl ab 1 angeben.';
  }
  const cursorText = params.get('cursor');
  if (cursorText !== null && validated.success) {
    const cursor = decodeCursor(cursorText);
    if (!cursor) errors.cursor = 'cursor: ungültig. Bitte den Wert von next_cursor unverändert übergeben.';
    else if (cursor.query !== fingerprint(validated.query, locale)) errors.cursor = 'cursor: gehört zu einer Anfrage mit anderen Filtern.';
    else if (limitText !== null && cursor.limit !== limit) errors.cursor = 'cursor: gehört zu einer anderen Seitengröße (limit).';
    else {
      page = cursor.page;
      limit = cursor.limit;
    }
  }
  if (Object.keys(errors).length || !validated.success) return { success: false, errors };
  return { success: true, query: { ...validated.query, page }, locale, limit };
}
