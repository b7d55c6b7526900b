// Parsing of the directory's search URL and of the visitor's words. Pure: no database, no Next.js.
// Every filter lives in the URL so that searches can be shared, bookmarked and used without
// JavaScript (a GET form), and the back button works.
import { z } from 'zod';
import { cyrillicToLatin, foldWord, westernDigit } from './normalize';

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
  // A county town's slug (lib/data/directory/near.ts): results sorted by distance from it.
  near?: string;
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
  near: 'naehe',
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
const FLAG_VALUES = ['1', 'on', 'true', 'ja', '0', 'off', 'false', 'nein'];

// One zod schema per URL parameter (value as it arrives, trimmed, or undefined). The page applies
// them leniently (a visitor with a bad link still gets results, the bad filter is dropped); the
// JSON API applies them strictly and answers 400 with the parameter and the reason.
const slug = (what: string) =>
  z
    .string()
    .transform((value) => value.toLowerCase())
    .refine((value) => SLUG.test(value), `${what}: nur Kleinbuchstaben, Ziffern und Bindestriche erlaubt.`)
    .optional();
const flagSchema = z
  .string()
  .refine((value) => FLAG_VALUES.includes(value), 'Erlaubt sind 1 oder 0.')
  .transform((value) => ['1', 'on', 'true', 'ja'].includes(value))
  .optional();

const paramSchemas = {
  q: z.string().transform((value) => value.replace(/\s+/g, ' ').slice(0, MAX_QUERY_LENGTH)).optional(),
  topic: slug('Thema'),
  category: slug('Art'),
  language: z
    .string()
    .transform((value) => value.toLowerCase())
    .refine((value) => LANGUAGE_CODE.test(value), 'Sprache: bitte einen Sprachcode nach ISO 639-1 angeben, zum Beispiel ar.')
    .optional(),
  targetGroup: slug('Zielgruppe'),
  age: z
    .string()
    .regex(/^\d{1,3}$/, 'Alter: bitte eine ganze Zahl angeben.')
    .transform(Number)
    .refine((value) => value <= 120, 'Alter: höchstens 120.')
    .optional(),
  municipality: z.string().max(100, 'Ort: höchstens 100 Zeichen.').optional(),
  near: slug('Nähe'),
  openNow: flagSchema,
  wheelchair: flagSchema,
  page: z
    .string()
    .regex(/^\d{1,4}$/, 'Seite: bitte eine ganze Zahl angeben.')
    .transform((value) => Math.max(1, Number(value)))
    .optional(),
} satisfies Record<keyof DirectoryQuery, z.ZodType>;

type ParamKey = keyof typeof paramSchemas;

function toQuery(values: { [K in ParamKey]?: z.output<(typeof paramSchemas)[K]> }): DirectoryQuery {
  return {
    q: values.q ?? '',
    topic: values.topic,
    category: values.category,
    language: values.language,
    targetGroup: values.targetGroup,
    age: values.age,
    municipality: values.municipality,
    near: values.near,
    openNow: values.openNow ?? false,
    wheelchair: values.wheelchair ?? false,
    page: values.page ?? 1,
  };
}

// `names`: the URL parameter name of each filter (the pages' German ones, or the JSON API's
// English ones); a filter without a name is not read. Errors are keyed by the name.
function parseParams(
  params: RawParams,
  names: Partial<Record<ParamKey, string>> = PARAM,
): { values: Record<string, unknown>; errors: Record<string, string> } {
  const values: Record<string, unknown> = {};
  const errors: Record<string, string> = {};
  for (const key of Object.keys(paramSchemas) as ParamKey[]) {
    const name = names[key];
    if (!name) continue;
    const parsed = paramSchemas[key].safeParse(first(params, name));
    if (parsed.success) values[key] = parsed.data;
    else errors[name] = parsed.error.issues[0]?.message ?? 'Ungültiger Wert.';
  }
  return { values, errors };
}

// For pages: anything unexpected is dropped rather than rejected.
export function parseDirectoryQuery(params: RawParams): DirectoryQuery {
  return toQuery(parseParams(params).values);
}

// For the JSON API: invalid parameters are reported, per URL parameter name.
export function validateDirectoryQuery(
  params: RawParams,
  names: Partial<Record<keyof DirectoryQuery, string>> = PARAM,
): { success: true; query: DirectoryQuery } | { success: false; errors: Record<string, string> } {
  const { values, errors } = parseParams(params, names);
  return Object.keys(errors).length ? { success: false, errors } : { success: true, query: toQuery(values) };
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
  if (merged.near) params.set(PARAM.near, merged.near);
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
  if (query.near) filters.near = query.near;
  if (query.openNow) filters.openNow = true;
  if (query.wheelchair) filters.wheelchair = true;
  return filters;
}

// Words that say nothing about what is searched: articles, pronouns, prepositions, greetings and
// the filler of typed questions ("ich suche", "wo kann ich", "where can I find", "what now",
// "أبحث عن", "بدي", "де можна", "підкажіть", "где найти", "что делать", "دنبال ... هستم",
// "arıyorum"), in every UI language and in Farsi and Turkish. Dropped before matching, so the
// remaining words decide. Compared folded (foldWord): "für"/"fur", "أريد"/"اريد", "ещё"/"еще",
// "یک"/"يك" are one entry each. Words that can name a need are not here, even when they are
// often filler ("Beratung", "Kurs", "free", "бесплатно"). The country's name is filler too: every
// entry is in Germany ("study in Germany"), and "neu in Deutschland" still meets the vocabulary
// (concepts are looked up in the whole query).
const STOPWORDS = new Set(
  [
    // German
    'und', 'oder', 'der', 'die', 'das', 'den', 'dem', 'des', 'ein', 'eine', 'einen', 'einer', 'eines', 'einem', 'für',
    'in', 'im', 'mit', 'von', 'vom', 'zu', 'zum', 'zur', 'bei', 'beim', 'auf', 'an', 'am', 'ab', 'aus', 'nach',
    'über', 'um', 'als', 'durch', 'bis', 'da', 'dort', 'hin', 'so', 'dass', 'wenn', 'ob', 'auch', 'noch', 'nur',
    'sehr', 'mal', 'nun', 'jetzt', 'heute', 'dringend', 'schnell', 'nicht', 'kein', 'keine', 'keinen',
    'ich', 'mir', 'mich', 'mein', 'meine', 'meinen', 'meiner', 'meinem', 'meines', 'wir', 'uns', 'unser', 'unsere',
    'unseren', 'unserem', 'sie', 'er', 'es', 'du', 'dir', 'dich', 'ihr', 'ihre', 'ihren', 'euch', 'man', 'sich',
    'suche', 'suchen', 'sucht', 'gesucht', 'brauche', 'brauchen', 'benötige', 'finde', 'finden',
    'wo', 'wie', 'was', 'wer', 'wann', 'wohin', 'woher', 'warum', 'wieso', 'welche', 'welcher', 'welches', 'welchen',
    'welchem', 'kann', 'können', 'könnte', 'gibt', 'ist', 'sind', 'bin', 'bist', 'hat', 'habe', 'haben', 'hab',
    'wird', 'werden', 'wäre', 'würde', 'soll', 'sollte', 'muss', 'müssen', 'darf', 'tun', 'mache', 'machen',
    'bekomme', 'bekommen', 'kriege', 'kriegen', 'lassen', 'gehen', 'geht',
    'möchte', 'will', 'bitte', 'hier', 'gern', 'gerne', 'nähe', 'hilfe', 'etwas', 'jemand', 'jemanden', 'irgendwo',
    'hallo', 'info', 'infos', 'information', 'informationen', 'frage', 'fragen', 'möglichkeit', 'möglichkeiten',
    'deutschland',
    // English
    'the', 'and', 'or', 'for', 'of', 'to', 'a', 'an', 'with', 'help', 'at', 'on', 'near', 'by', 'from', 'in', 'into',
    'about', 'as', 'if', 'so', 'up', 'not', 'no', 'now', 'then', 'very', 'also', 'just', 'really', 'urgent', 'urgently',
    'i', 'im', 'me', 'my', 'we', 'our', 'us', 'you', 'your', 'it', 'its', 'this', 'that', 'these', 'those',
    'need', 'needs', 'looking', 'look', 'search', 'searching', 'find', 'finding', 'want', 'get', 'got', 'getting',
    'where', 'how', 'what', 'who', 'which', 'when', 'why', 'can', 'could', 'should', 'would', 'will', 'may', 'might',
    'must', 'do', 'does', 'did', 'dont', 'be', 'been', 'am', 'is', 'are', 'have', 'has', 'had', 'there', 'here',
    'nearby', 'around', 'any', 'some', 'someone', 'somebody', 'anyone', 'something', 'somewhere', 'please',
    'hi', 'hello', 'info', 'information', 'know', 'tell', 'opportunity', 'opportunities', 'options', 'possibilities',
    'germany',
    // Arabic
    'أنا', 'أبحث', 'نبحث', 'عن', 'في', 'من', 'إلى', 'على', 'مع', 'عند', 'لدى', 'حول', 'بخصوص', 'بشأن', 'حتى', 'ثم',
    'ضد', 'أين', 'كيف', 'ماذا', 'ما', 'لماذا', 'متى', 'هل', 'الذي', 'التي', 'هذا', 'هذه', 'ذلك', 'تلك', 'كل',
    'أريد', 'أود', 'بدي', 'أبغى', 'عايز', 'عاوز', 'أحتاج', 'نحتاج', 'محتاج', 'محتاجة', 'بحاجة', 'أجد', 'نجد',
    'لدي', 'عندي', 'يمكن', 'يمكنني', 'أستطيع', 'ممكن', 'يوجد', 'هناك', 'هنا', 'لي', 'قريب', 'بالقرب', 'قرب',
    'مساعدة', 'المساعدة', 'مكان', 'شيء', 'شي', 'أحد', 'عاجل', 'ضروري', 'الآن', 'ألمانيا',
    'و', 'أو', 'الرجاء', 'لو', 'سمحت', 'فضلك', 'مرحبا', 'شكرا',
    // Ukrainian
    'я', 'мені', 'мене', 'мій', 'моя', 'моє', 'мої', 'мого', 'моєї', 'моїй', 'моєму', 'ми', 'нам', 'нас', 'ви', 'вам',
    'вас', 'він', 'вона', 'вони', 'це', 'цей', 'ця', 'ці',
    'шукаю', 'шукати', 'шукаємо', 'шукає', 'де', 'як', 'що', 'чи', 'коли', 'куди', 'який', 'яка', 'яке', 'які', 'хто',
    'можна', 'можу', 'може', 'можете', 'потрібна', 'потрібен', 'потрібно', 'потрібні', 'потрібне', 'треба',
    'необхідно', 'допомога', 'допомогу', 'допомоги', 'допоможіть', 'допоможи', 'допомогти', 'підкажіть',
    'порадьте', 'скажіть', 'хочу', 'будь', 'ласка', 'знайти', 'отримати', 'робити', 'зробити', 'щоб',
    'для', 'на', 'з', 'із', 'зі', 'до', 'в', 'у', 'є', 'про', 'від', 'через', 'при', 'під', 'по', 'за', 'щодо',
    'і', 'й', 'та', 'або', 'не', 'ні', 'так', 'також', 'ще', 'вже', 'тільки', 'лише', 'дуже', 'тут', 'там',
    'біля', 'поруч', 'поблизу', 'терміново', 'місце', 'привіт', 'добрий', 'день', 'німеччина', 'німеччині',
    // Russian
    'мой', 'моя', 'моё', 'мои', 'моего', 'моей', 'моему', 'мы', 'вы', 'он', 'она', 'они', 'это', 'этот', 'эта', 'эти',
    'ищу', 'искать', 'ищем', 'где', 'как', 'что', 'ли', 'когда', 'куда', 'какой', 'какая', 'какое', 'какие', 'кто',
    'можно', 'могу', 'можете', 'мне', 'нужна', 'нужен', 'нужно', 'нужны', 'надо', 'необходимо',
    'помощь', 'помощи', 'помогите', 'помоги', 'помочь', 'подскажите', 'посоветуйте', 'скажите', 'хочу',
    'пожалуйста', 'найти', 'получить', 'делать', 'сделать', 'чтобы',
    'с', 'со', 'из', 'к', 'о', 'об', 'от', 'во', 'над', 'насчёт', 'есть', 'и', 'или', 'нет', 'да', 'тоже', 'ещё',
    'уже', 'только', 'очень', 'здесь', 'около', 'рядом', 'поблизости', 'срочно', 'место', 'привет', 'здравствуйте',
    'германия', 'германии',
    // Farsi/Dari
    'من', 'ما', 'شما', 'او', 'در', 'به', 'برای', 'برایم', 'از', 'با', 'بر', 'روی', 'تا', 'یا', 'هم', 'و',
    'کجا', 'چطور', 'چه', 'چی', 'کی', 'آیا', 'میخواهم', 'میخوام', 'خواهم', 'می', 'کمک', 'دنبال', 'هستم', 'هست',
    'است', 'دارم', 'میگردم', 'گردم', 'باید', 'میتوانم', 'توانم', 'کنم', 'کنید', 'پیدا', 'نیاز', 'احتیاج',
    'لطفا', 'یک', 'را', 'که', 'این', 'نزدیک', 'آلمان',
    // Turkish
    've', 'veya', 'için', 'bir', 'bu', 'şu', 'o', 'ile', 'de', 'da', 'nerede', 'nereye', 'nasıl', 'ne', 'hangi', 'kim',
    'arıyorum', 'arıyoruz', 'lazım', 'gerek', 'gerekiyor', 'ihtiyacım', 'istiyorum', 'istiyoruz', 'yardım',
    'bana', 'ben', 'biz', 'benim', 'bizim', 'var', 'yok', 'mı', 'mi', 'mu', 'mü', 'çok', 'yakın', 'lütfen', 'merhaba', 'almanya',
  ].map(foldWord),
);

// When every word of a query is filler ("Hilfe", "help", "допомога"), the longer ones are the
// search after all: a query never loses all its words.
const MIN_FALLBACK_LENGTH = 4;

// German compounds end in a head noun; "Beratungsstelle" should also find "Beratung". These are
// the heads common in social-service names; the stem before them (without a linking s) is added.
const COMPOUND_HEADS = [
  'stellen', 'stelle', 'dienste', 'dienst', 'angebote', 'angebot', 'zentrum', 'zentren', 'buero', 'buro',
  'büro', 'kurse', 'kurs', 'gruppe', 'gruppen', 'verein', 'projekt', 'punkt', 'treff', 'haus', 'amt',
];

/** @internal Exported for its unit test. */
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
  // A Cyrillic word spelled in Latin letters ("тафель" → "tafel"): German loan words.
  latin?: string;
  // The last word while typing may be incomplete.
  isLast: boolean;
}

// Words of the query: letters and digits of any script, lower-cased, stop words and one-letter
// words dropped. Only these tokens reach the SQL, and always as bound parameters.
export function tokenizeQuery(q: string): SearchToken[] {
  const words = q
    .toLowerCase()
    .normalize('NFC')
    // "сім'я", "об’єднання": an apostrophe inside a word is part of it; so is the zero-width
    // non-joiner of Farsi ("می‌خواهم", "روان‌درمانی") and the Arabic tatweel. Both are dropped
    // as foldWord drops them, so that a token is the same word as in the vocabulary lookup.
    .replace(/(?<=\p{L})['’ʼ\u200c\u200d](?=\p{L})/gu, '')
    .replace(/\u0640/g, '')
    // Arabic vowel signs (harakat) say nothing about the word; Arabic-Indic and Persian digits
    // are the digits of "ab 27", "B1".
    .replace(/[\u064b-\u065f\u0670]/g, '')
    .replace(/[\u0660-\u0669\u06f0-\u06f9]/g, westernDigit)
    .match(/[\p{L}\p{M}\p{N}]+/gu);
  if (!words) return [];
  let kept = words.filter((word) => word.length >= 2 && !STOPWORDS.has(foldWord(word)));
  if (kept.length === 0) kept = words.filter((word) => [...word].length >= MIN_FALLBACK_LENGTH);
  kept = kept.slice(0, MAX_TOKENS);
  return kept.map((text, index) => ({ text, stem: decompound(text), latin: cyrillicToLatin(text), isLast: index === kept.length - 1 }));
}
