// Parameters of the open JSON API: English names, German names of the first version, strict
// errors per parameter, and a cursor bound to its query and page size.
import { describe, expect, it } from 'vitest';
import { encodeCursor, parseApiListQuery, parseLocaleOnly } from '@/lib/api/query';

const parse = (query: string) => parseApiListQuery(new URLSearchParams(query));

describe('parseApiListQuery', () => {
  it('reads the English filters, with defaults', () => {
    const result = parse('q=Beratung&topic=arbeit&target_group=frauen&town=Stendal&open_now=1&language=AR&age=30&wheelchair=true');
    expect(result).toMatchObject({
      success: true,
      locale: 'de',
      limit: 20,
      query: { q: 'Beratung', topic: 'arbeit', targetGroup: 'frauen', municipality: 'Stendal', openNow: true, language: 'ar', age: 30, wheelchair: true, page: 1 },
    });
  });

  it('still reads the German names, and names them in errors as sent', () => {
    expect(parse('sprache=uk&thema=arbeit&seite=2&limit=5')).toMatchObject({ success: true, limit: 5, query: { language: 'uk', topic: 'arbeit', page: 2 } });
    expect(parse('sprache=xx1&alter=alt')).toEqual({ success: false, errors: { sprache: expect.any(String), alter: expect.any(String) } });
  });

  it('names every unknown parameter and every bad value', () => {
    const result = parse('page=2&limit=0&open_now=vielleicht&locale=fr&foo=');
    expect(result.success).toBe(false);
    expect(Object.keys((result as { errors: object }).errors).sort()).toEqual(['foo', 'limit', 'locale', 'open_now', 'page']);
    expect(Object.keys((parse('limit=101') as { errors: object }).errors)).toEqual(['limit']);
  });

  it('follows a cursor of the same query, and refuses one of another query, size or a forged one', () => {
    const first = parse('q=Beratung&limit=10');
    if (!first.success) throw new Error('valid query refused');
    const cursor = encodeCursor(first.query, first.locale, 10, 3);
    expect(parse(`q=Beratung&limit=10&cursor=${cursor}`)).toMatchObject({ success: true, limit: 10, query: { page: 3 } });
    expect(parse(`q=Beratung&cursor=${cursor}`)).toMatchObject({ success: true, limit: 10, query: { page: 3 } });
    for (const query of [`q=Sprache&cursor=${cursor}`, `q=Beratung&limit=20&cursor=${cursor}`, `q=Beratung&locale=en&cursor=${cursor}`, 'cursor=abc', `cursor=${Buffer.from('{"page":0,"limit":10,"query":"x"}').toString('base64url')}`]) {
      expect(parse(query), query).toEqual({ success: false, errors: { cursor: expect.any(String) } });
    }
  });
});

describe('parseLocaleOnly', () => {
  it('takes only a known locale', () => {
    expect(parseLocaleOnly(new URLSearchParams('locale=ar'))).toEqual({ success: true, locale: 'ar' });
    expect(parseLocaleOnly(new URLSearchParams('locale=xx&q=1'))).toEqual({ success: false, errors: { locale: expect.any(String), q: expect.any(String) } });
  });
});
