// The public catalogues (messages/<locale>.json): every language has every key of German (only
// the Leichte Sprache text itself is German by nature), and the Leichte Sprache page follows the
// rules of Leichte Sprache as far as a program can check them.
import { describe, expect, it } from 'vitest';
import ar from '@/messages/ar.json';
import de from '@/messages/de.json';
import en from '@/messages/en.json';
import ru from '@/messages/ru.json';
import uk from '@/messages/uk.json';

type Tree = { [key: string]: unknown };

function keys(node: Tree, prefix = ''): string[] {
  return Object.entries(node).flatMap(([key, value]) => {
    const name = prefix ? `${prefix}.${key}` : key;
    return value && typeof value === 'object' && !Array.isArray(value) ? keys(value as Tree, name) : [name];
  });
}

const GERMAN_ONLY = 'EasyLanguageText';

describe('public catalogues', () => {
  const german = keys(de as Tree).filter((key) => !key.startsWith(`${GERMAN_ONLY}.`));
  it.each([
    ['en', en],
    ['ar', ar],
    ['uk', uk],
    ['ru', ru],
  ])('%s has exactly the keys of de', (_locale, catalogue) => {
    expect(keys(catalogue as Tree).sort()).toEqual([...german].sort());
  });

  it('names Leichte Sprache and Gebärdensprache in every language', () => {
    for (const catalogue of [de, en, ar, uk, ru]) {
      expect(catalogue.EasyLanguage.linkLabel.length).toBeGreaterThan(3);
      expect(catalogue.SignLanguage.linkLabel.length).toBeGreaterThan(3);
    }
    // The link label says that the page is in German where the page is not in the visitor's language.
    expect(en.EasyLanguage.linkLabel).toMatch(/German/);
  });
});

describe('the Leichte Sprache text', () => {
  const sections = de.EasyLanguageText.sections;
  const sentences = sections.flatMap((section) => [section.title, ...section.sentences]);
  const plain = (text: string) => text.replaceAll('·', '');

  it('covers what the site offers, searching, the coordination office, accessibility and feedback', () => {
    expect(sections.map((section) => section.id)).toEqual(['angebot', 'suchen', 'koordinierungsstelle', 'barrierefreiheit', 'meinung']);
    expect(sections.find((section) => section.id === 'koordinierungsstelle')?.contact).toBe(true);
  });

  it('has short sentences, one per line, each ending like a sentence', () => {
    for (const sentence of sections.flatMap((section) => section.sentences)) {
      expect(sentence, sentence).toMatch(/[.?!:]$/);
      expect(plain(sentence).split(/\s+/).length, sentence).toBeLessThanOrEqual(12);
      // One statement: no second sentence inside, no semicolon.
      expect(sentence.slice(0, -1), sentence).not.toMatch(/[.;!?]\s/);
    }
  });

  it('uses no abbreviations and no subordinate clauses', () => {
    for (const sentence of sentences) {
      const text = plain(sentence);
      expect(text, sentence).not.toMatch(/\b(z\.\s?B|bzw|usw|ca|d\.\s?h|ggf|evtl|etc|Tel|Nr|u\.\s?a|o\.\s?ä|inkl|zzgl|Str)\./i);
      // Acronyms (DGS, BITV, ...) are hard words.
      expect(text, sentence).not.toMatch(/\b[A-ZÄÖÜ]{2,}\b/);
      expect(text, sentence).not.toMatch(/\b(dass|weil|obwohl|sodass|nachdem|falls|sofern|welche[rsmn]?)\b/i);
      expect(text, sentence).not.toMatch(/, (der|die|das|dem|den|wer|was|wo|wenn|ob) /);
    }
  });

  it('explains the hard words it uses', () => {
    const all = sentences.join(' ');
    for (const word of ['Sprech·zeiten bedeutet', 'Integration bedeutet', 'Ein Netzwerk ist', 'Barriere·freiheit bedeutet', 'Ein Vorlese·programm', 'Der Weg·weiser ist']) {
      expect(all).toContain(word);
    }
  });
});
