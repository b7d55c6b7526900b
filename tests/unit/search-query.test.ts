import { describe, expect, it } from 'vitest';
import {
  decompound,
  filtersForLog,
  hasFilters,
  parseDirectoryQuery,
  validateDirectoryQuery,
  toSearchString,
  tokenizeQuery,
} from '@/lib/search/query';

describe('parseDirectoryQuery', () => {
  it('reads every filter from the URL', () => {
    const query = parseDirectoryQuery(
      new URLSearchParams('q=Beratung&thema=jugend&art=bildung&sprache=AR&zielgruppe=frauen&alter=30&ort=Stendal&offen=1&barrierefrei=on&seite=2'),
    );
    expect(query).toEqual({
      q: 'Beratung',
      topic: 'jugend',
      category: 'bildung',
      language: 'ar',
      targetGroup: 'frauen',
      age: 30,
      municipality: 'Stendal',
      openNow: true,
      wheelchair: true,
      page: 2,
    });
  });

  it('drops invalid values instead of failing', () => {
    const query = parseDirectoryQuery({ thema: '../etc', sprache: 'arabic!', alter: '-3', seite: 'zwei', offen: 'vielleicht' });
    expect(query).toEqual({ q: '', openNow: false, wheelchair: false, page: 1, topic: undefined, category: undefined, language: undefined, targetGroup: undefined, age: undefined, municipality: undefined });
    expect(parseDirectoryQuery({ alter: '999' }).age).toBeUndefined();
    expect(parseDirectoryQuery({ seite: '0' }).page).toBe(1);
  });

  it('takes the first of repeated parameters and trims whitespace', () => {
    expect(parseDirectoryQuery({ q: ['  Job   center ', 'x'] }).q).toBe('Job center');
  });

  it('limits the query length', () => {
    expect(parseDirectoryQuery({ q: 'a'.repeat(1000) }).q).toHaveLength(200);
  });
});

describe('toSearchString', () => {
  it('round-trips and omits defaults', () => {
    const query = parseDirectoryQuery({ q: 'Müller', sprache: 'uk', ort: 'Osterburg (Altmark)', offen: '1' });
    const text = toSearchString(query);
    expect(parseDirectoryQuery(new URLSearchParams(text.slice(1)))).toEqual(query);
    expect(toSearchString(parseDirectoryQuery({}))).toBe('');
    expect(toSearchString(query, { page: 3, language: undefined })).toContain('seite=3');
    expect(toSearchString(query, { language: undefined })).not.toContain('sprache');
  });
});

describe('hasFilters / filtersForLog', () => {
  it('knows when a filter is set and logs no free text', () => {
    expect(hasFilters(parseDirectoryQuery({ q: 'x' }))).toBe(false);
    const query = parseDirectoryQuery({ q: 'geheim', alter: '12', barrierefrei: '1' });
    expect(hasFilters(query)).toBe(true);
    expect(filtersForLog(query)).toEqual({ age: 12, wheelchair: true });
  });
});

describe('tokenizeQuery', () => {
  it('keeps letters of any script, drops punctuation, stop words and single letters', () => {
    expect(tokenizeQuery('Beratung für Frauen & Kinder!').map((t) => t.text)).toEqual(['beratung', 'frauen', 'kinder']);
    expect(tokenizeQuery('العربية').map((t) => t.text)).toEqual(['العربية']);
    expect(tokenizeQuery("'; DROP TABLE x; --").map((t) => t.text)).toEqual(['drop', 'table']);
    expect(tokenizeQuery('a b')).toEqual([]);
  });

  it('drops filler in every language however it is spelled (folded like the vocabulary)', () => {
    const words = (q: string) => tokenizeQuery(q).map((t) => t.text);
    expect(words('ich möchte mochte fur meinen Sohn eine Kita')).toEqual(['sohn', 'kita']);
    expect(words('asylum rejected what now')).toEqual(['asylum', 'rejected']);
    expect(words('study in Germany')).toEqual(['study']);
    expect(words('اريد أريد مساعده في السكن')).toEqual(['السكن']);
    expect(words('бюргергельд що робити, підкажіть')).toEqual(['бюргергельд']);
    expect(words('долги что делать, ещё еще')).toEqual(['долги']);
    // Only filler: the longer words are the search after all.
    expect(words('ich suche Hilfe')).toEqual(['suche', 'hilfe']);
  });

  it('keeps a Farsi word with a zero-width non-joiner whole, without harakat, with western digits', () => {
    const words = (q: string) => tokenizeQuery(q).map((t) => t.text);
    // "I want psychotherapy": "می‌خواهم" is filler once the ZWNJ no longer splits it.
    expect(words('می‌خواهم روان‌درمانی')).toEqual(['رواندرمانی']);
    expect(words('مَدْرَسَة')).toEqual(['مدرسة']);
    expect(words('فوق ٢٧')).toEqual(['فوق', '27']);
    expect(words('بالای ۲۷')).toEqual(['بالای', '27']);
  });

  it('marks the last token (prefix while typing)', () => {
    expect(tokenizeQuery('jugend migr').map((t) => t.isLast)).toEqual([false, true]);
  });

  it('caps the number of tokens', () => {
    expect(tokenizeQuery('eins zwei drei vier fünf sechs sieben acht neun zehn')).toHaveLength(8);
  });
});

describe('decompound', () => {
  it('finds the first part of common German compounds', () => {
    expect(decompound('beratungsstelle')).toBe('beratung');
    expect(decompound('migrationsberatungsstelle')).toBe('migrationsberatung');
    expect(decompound('jugendmigrationsdienst')).toBe('jugendmigration');
    expect(decompound('beratung')).toBeUndefined();
    expect(decompound('amt')).toBeUndefined();
  });
});

describe('validateDirectoryQuery (JSON API)', () => {
  it('accepts what the page produces', () => {
    const result = validateDirectoryQuery({ q: 'Beratung', sprache: 'AR', alter: '30', offen: '1', seite: '2' });
    expect(result).toEqual({ success: true, query: parseDirectoryQuery({ q: 'Beratung', sprache: 'ar', alter: '30', offen: '1', seite: '2' }) });
  });

  it('names each invalid parameter with a specific reason', () => {
    const result = validateDirectoryQuery({ thema: '../etc', sprache: 'arabic!', alter: '999', seite: 'zwei', offen: 'vielleicht' });
    expect(result.success).toBe(false);
    if (result.success) return;
    expect(Object.keys(result.errors).sort()).toEqual(['alter', 'offen', 'seite', 'sprache', 'thema']);
    expect(result.errors.alter).toBe('Alter: höchstens 120.');
    expect(result.errors.sprache).toContain('ISO 639-1');
  });
});
