// The keyword list of an entry (lib/schemas/keywords.ts): what a coordinator types becomes the
// stored words; limits and forbidden characters give the German messages.
import { describe, expect, it } from 'vitest';
import { keywordFormValues, keywordList, mergeKeywords, readKeywords } from '@/lib/schemas/keywords';

const parse = (value: unknown) => keywordList().safeParse(value);

describe('keyword list', () => {
  it('splits at commas, Arabic commas, semicolons and line breaks; trims, folds spaces, drops repeats case-insensitively', () => {
    expect(parse(' Wohnung  suchen,Miete;\r\nwohnung SUCHEN ,, ').data).toEqual(['Wohnung suchen', 'Miete']);
    expect(parse('سكن، إيجار ،سكن').data).toEqual(['سكن', 'إيجار']);
    expect(parse('Робота\nработа\nРАБОТА').data).toEqual(['Робота', 'работа']);
    // Composed and decomposed umlauts are one word.
    expect(parse('Ärztin, A\u0308rztin').data).toEqual(['Ärztin']);
    expect(parse('').data).toEqual([]);
    expect(parse(undefined).data).toBeUndefined();
    expect(parse(['Kita', ' kita ', 'Hort']).data).toEqual(['Kita', 'Hort']);
  });

  it('refuses too long words, too many words and control or bidi-override characters', () => {
    expect(parse('x'.repeat(60)).success).toBe(true);
    expect(parse('x'.repeat(61)).error?.issues.map((i) => i.message)).toEqual(['Ein Suchbegriff darf höchstens 60 Zeichen lang sein.']);
    const many = Array.from({ length: 31 }, (_, i) => `w${i}`).join(',');
    expect(parse(many).error?.issues.map((i) => i.message)).toEqual(['Höchstens 30 Suchbegriffe je Sprache.']);
    for (const bad of ['Wort\u0000', 'a\u0007b', 'b\u202eo', 'x\u2066y', 'c\u0085d']) {
      expect(parse(bad).error?.issues.map((i) => i.message), JSON.stringify(bad)).toEqual(['Suchbegriffe dürfen keine Steuerzeichen enthalten.']);
    }
    // A tab is a space.
    expect(parse('Deutsch\tkurs').data).toEqual(['Deutsch kurs']);
  });

  it('reads stored JSON defensively and merges only the languages an edit gives', () => {
    expect(readKeywords({ de: ['Kita', 3, ' '], fa: ['x'], ar: 'سكن' })).toEqual({ de: ['Kita'] });
    expect(readKeywords(null)).toEqual({});
    expect(mergeKeywords({ de: ['Kita'], ar: ['سكن'] }, { keywords_ar: [], keywords_en: ['daycare'] })).toEqual({ de: ['Kita'], en: ['daycare'] });
    expect(keywordFormValues({ de: ['Kita', 'Hort'] })).toEqual({ keywords_de: 'Kita, Hort', keywords_en: '', keywords_ar: '', keywords_uk: '', keywords_ru: '' });
  });
});
