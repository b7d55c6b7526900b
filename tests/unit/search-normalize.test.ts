import { describe, expect, it } from 'vitest';
import { cyrillicToLatin, foldWord, wordRuns } from '@/lib/search/normalize';
import { searchVocabulary } from '@/prisma/seed-data/search-vocabulary';

describe('foldWord', () => {
  it.each([
    ['Ausländerbehörde', 'Auslaenderbehoerde'],
    ['Straße', 'strasse'],
    ['Kita', 'KITA'],
    ['أنا', 'انا'],
    ['إقامة', 'اقامه'],
    ['مَدْرَسَة', 'مدرسه'],
    ['مستشفى', 'مستشفي'],
    ['کار', 'كار'],
    ['жильё', 'жилье'],
    ["сім'я", 'сімʼя'],
    ['сім’я', 'сімя'],
  ])('folds %s like %s', (a, b) => {
    expect(foldWord(a)).toBe(foldWord(b));
  });

  it('keeps words apart and drops punctuation', () => {
    expect(foldWord('  Agentur für  Arbeit! ')).toBe('agentur fur arbeit');
  });
});

it('builds runs of up to three words', () => {
  expect(wordRuns('job center Stendal').map((run) => run.text)).toEqual([
    'job', 'job center', 'job center stendal', 'center', 'center stendal', 'stendal',
  ]);
});

describe('the seeded vocabulary', () => {
  it('has at least 60 concepts, each with words in the five UI languages and taxonomy terms', () => {
    expect(searchVocabulary.length).toBeGreaterThanOrEqual(60);
    for (const concept of searchVocabulary) {
      for (const locale of ['de', 'en', 'ar', 'uk', 'ru'] as const) {
        expect(concept.words[locale]?.length ?? 0, `${concept.slug} ${locale}`).toBeGreaterThan(0);
      }
      expect(concept.terms.length, concept.slug).toBeGreaterThan(0);
      for (const term of concept.terms) expect(term).toMatch(/^(topic|category|target):[a-z-]+$/);
    }
    expect(new Set(searchVocabulary.map((c) => c.slug)).size).toBe(searchVocabulary.length);
  });

  it('writes Arabic, Farsi, Ukrainian and Russian words in their scripts', () => {
    for (const concept of searchVocabulary) {
      for (const word of [...(concept.words.ar ?? []), ...(concept.words.fa ?? [])]) expect(word, concept.slug).toMatch(/^[\u0600-\u06ff\u200c ]+$/);
      for (const word of [...(concept.words.uk ?? []), ...(concept.words.ru ?? [])]) {
        expect(word, concept.slug).toMatch(/^[\u0400-\u04ff'’ʼ 0-9-]+$|^(БАМФ|ВНЖ|ПМЖ)$/);
      }
    }
  });
});

describe('cyrillicToLatin', () => {
  it('spells German words written in Cyrillic letters back the German way', () => {
    expect(cyrillicToLatin('тафель')).toBe('tafel');
    expect(cyrillicToLatin('Кіта')).toBe('kita');
    expect(cyrillicToLatin('Штендаль')).toBe('stendal');
    expect(cyrillicToLatin('джобцентр')).toBe('jobzentr');
  });

  it('leaves short words and words with other letters alone', () => {
    expect(cyrillicToLatin('до')).toBeUndefined();
    expect(cyrillicToLatin('Tafel')).toBeUndefined();
    expect(cyrillicToLatin('عمل')).toBeUndefined();
  });
});
