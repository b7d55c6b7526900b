import { describe, expect, it } from 'vitest';
import { candidatePatterns, cyrillicToLatin, foldWord, wordRuns } from '@/lib/search/normalize';
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
    ['ab ٢٧', 'ab 27'],
    ['بالای ۲۷', 'بالاي 27'],
  ])('folds %s like %s', (a, b) => {
    expect(foldWord(a)).toBe(foldWord(b));
  });

  it('keeps words apart and drops punctuation', () => {
    expect(foldWord('  Agentur für  Arbeit! ')).toBe('agentur fur arbeit');
  });
});

it('builds runs of up to five words (the vocabulary has phrases that long)', () => {
  expect(wordRuns('ведомство по делам иностранцев Штендаль').map((run) => run.text)).toContain('ведомство по делам иностранцев');
  expect(wordRuns('Bundesamt für Migration und Flüchtlinge').map((run) => run.text)).toContain('bundesamt fur migration und fluchtlinge');
  expect(wordRuns('a b c d e f').filter((run) => run.start === 0).map((run) => run.end)).toEqual([0, 1, 2, 3, 4]);
});

it('builds runs of consecutive words', () => {
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

// The vocabulary lookup of the search (lib/data/directory/search-plan.ts findConcepts) reads only
// the words that one of these LIKE patterns matches, then applies its rules. Mirrored here in
// TypeScript: every word a rule accepts must be matched by a pattern, or a concept would be lost.
describe('candidatePatterns', () => {
  const length = (text: string) => [...text].length;
  const rulesAccept = (run: string, word: string) => {
    if (word === run) return true;
    if (run.includes(' ') || word.includes(' ')) return false;
    const prefix = /[a-z]/.test(word) ? word : [...word].slice(0, -1).join('');
    if (length(word) >= 5 && length(run) - length(word) >= -1 && length(run) - length(word) <= 3 && run.startsWith(prefix)) return true;
    return (
      /^[a-z]+$/.test(run) && /^[a-z]{5,}$/.test(word) && length(run) - length(word) >= 3 && 2 * length(word) > length(run) && run.endsWith(word)
    );
  };
  const like = (pattern: string, word: string) => new RegExp(`^${[...pattern].map((c) => (c === '_' ? '.' : c)).join('')}$`, 'u').test(word);
  // Words a rule may meet: every prefix and suffix of the run, each also with one letter more or
  // its last letter changed.
  const variants = (run: string) => {
    const letters = [...run];
    const words = new Set<string>();
    for (let k = 1; k <= letters.length; k++) {
      for (const part of [letters.slice(0, k).join(''), letters.slice(letters.length - k).join('')]) {
        words.add(part);
        for (const extra of ['a', 'e', 'я', 'й', 'ه']) {
          words.add(part + extra);
          words.add([...part].slice(0, -1).join('') + extra);
        }
      }
    }
    return [...words];
  };

  it.each(['wohnungen', 'sprachkurse', 'mietwohnung', 'migrationsberatungsstelle', 'квартирой', 'німецьку', 'притулку', 'الديون', 'kita', 'job center'])(
    'covers every vocabulary word the rules accept for "%s"',
    (run) => {
      const patterns = candidatePatterns(run);
      const accepted = variants(run).filter((word) => rulesAccept(run, word));
      expect(accepted.length).toBeGreaterThan(0);
      for (const word of accepted) expect(patterns.some((pattern) => like(pattern, word)), `${run} → ${word}`).toBe(true);
    },
  );

  it('examples: inflected forms, Cyrillic endings and compound heads', () => {
    expect(candidatePatterns('wohnungen')).toContain('wohnung');
    expect(candidatePatterns('квартирой').some((pattern) => like(pattern, 'квартира'))).toBe(true);
    expect(candidatePatterns('mietwohnung')).toContain('wohnung');
    expect(candidatePatterns('job center')).toEqual(['job center']);
  });
});
