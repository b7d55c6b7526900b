// How a word of the search vocabulary and a visitor's word are compared: case, accents and
// spelling variants that people type interchangeably are folded. Pure, no database.
//   German: ä/ae → a, ö/oe → o, ü/ue → u, ß → ss ("Ausländerbehörde" = "Auslaenderbehoerde").
//   Arabic: diacritics (harakat) and tatweel removed, alef/hamza forms → ا, ى → ي, ة → ه.
//   Persian letters ی/ک → their Arabic forms; zero-width non-joiner removed.
//   Cyrillic: ё → е, й → и (both sides alike), apostrophes (ʼ ’ ') dropped ("сімʼя" = "сім'я").
export function foldWord(text: string): string {
  return text
    .toLowerCase()
    .replaceAll('ß', 'ss')
    .replaceAll('ё', 'е')
    .replaceAll('ى', 'ي')
    .replaceAll('ی', 'ي')
    .replaceAll('ک', 'ك')
    .replaceAll('ة', 'ه')
    .replaceAll('ـ', '')
    .replace(/[\u200c\u200d'’ʼ`´]/g, '')
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/ae/g, 'a')
    .replace(/oe/g, 'o')
    .replace(/ue/g, 'u')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

// Consecutive runs of one to three words of a query, folded: the candidates for multi-word
// vocabulary entries ("job center", "Agentur für Arbeit"). `start`/`end` index the words.
export function wordRuns(q: string, maxLength = 3): { text: string; start: number; end: number }[] {
  const words = foldWord(q).split(' ').filter(Boolean).slice(0, 12);
  const runs: { text: string; start: number; end: number }[] = [];
  for (let start = 0; start < words.length; start++) {
    for (let length = 1; length <= maxLength && start + length <= words.length; length++) {
      runs.push({ text: words.slice(start, start + length).join(' '), start, end: start + length - 1 });
    }
  }
  return runs;
}
