// How a word of the search vocabulary and a visitor's word are compared: case, accents and
// spelling variants that people type interchangeably are folded. Pure, no database.
//   German: ä/ae → a, ö/oe → o, ü/ue → u, ß → ss ("Ausländerbehörde" = "Auslaenderbehoerde").
//   Arabic: diacritics (harakat) and tatweel removed, alef/hamza forms → ا, ى → ي, ة → ه.
//   Persian letters ی/ک → their Arabic forms; zero-width non-joiner removed.
//   Cyrillic: ё → е, й → и (both sides alike), apostrophes (ʼ ’ ') dropped ("сімʼя" = "сім'я").
//   Arabic-Indic and Persian digits → 0-9 ("٢٧" = "27").
export function foldWord(text: string): string {
  return text
    .toLowerCase()
    .replace(/[\u0660-\u0669\u06f0-\u06f9]/g, westernDigit)
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

const EASTERN_DIGITS = ['٠١٢٣٤٥٦٧٨٩', '۰۱۲۳۴۵۶۷۸۹'];

// One Arabic-Indic or Persian digit as the digit 0-9 (other characters are returned unchanged).
export function westernDigit(digit: string): string {
  for (const digits of EASTERN_DIGITS) {
    const value = digits.indexOf(digit);
    if (value >= 0) return String(value);
  }
  return digit;
}

// Consecutive runs of one to five words of a query, folded: the candidates for multi-word
// vocabulary entries ("job center", "Agentur für Arbeit", "ведомство по делам иностранцев",
// "Bundesamt für Migration und Flüchtlinge"). `start`/`end` index the words.
export function wordRuns(q: string, maxLength = 5): { text: string; start: number; end: number }[] {
  const words = foldWord(q).split(' ').filter(Boolean).slice(0, 12);
  const runs: { text: string; start: number; end: number }[] = [];
  for (let start = 0; start < words.length; start++) {
    for (let length = 1; length <= maxLength && start + length <= words.length; length++) {
      runs.push({ text: words.slice(start, start + length).join(' '), start, end: start + length - 1 });
    }
  }
  return runs;
}

// German words written in Cyrillic letters, as visitors hear them ("тафель", "кіта", "ауслендер",
// "Штендаль"): spelled back in Latin letters the German way, so that they can meet the German
// text and vocabulary. Ukrainian and Russian letters alike; a word with any other letter is left
// as it is (returns undefined). Pure and small on purpose: not a transliteration standard, just
// what turns a German loan word back into something close to its German spelling.
const CYRILLIC_TO_GERMAN: [RegExp, string][] = [
  [/^шт/, 'st'],
  [/^шп/, 'sp'],
  [/дж/g, 'j'],
  [/ай/g, 'ei'],
  [/ой/g, 'eu'],
  [/ех$/g, 'ech'],
];
const CYRILLIC_LETTERS: Record<string, string> = {
  а: 'a', б: 'b', в: 'w', г: 'g', ґ: 'g', д: 'd', е: 'e', є: 'je', ё: 'jo', ж: 'sch', з: 's', и: 'i', і: 'i',
  ї: 'ji', й: 'j', к: 'k', л: 'l', м: 'm', н: 'n', о: 'o', п: 'p', р: 'r', с: 's', т: 't', у: 'u', ф: 'f',
  х: 'ch', ц: 'z', ч: 'tsch', ш: 'sch', щ: 'schtsch', ъ: '', ы: 'y', ь: '', э: 'e', ю: 'ju', я: 'ja',
};

export function cyrillicToLatin(word: string): string | undefined {
  const lower = word.toLowerCase().replace(/['’ʼ]/g, '');
  if (lower.length < 4 || !/^[\u0400-\u04ff]+$/.test(lower)) return undefined;
  let text = lower;
  for (const [pattern, latin] of CYRILLIC_TO_GERMAN) text = text.replace(pattern, latin);
  return [...text].map((letter) => CYRILLIC_LETTERS[letter] ?? letter).join('');
}

// LIKE patterns (a vocabulary word has only letters, digits and spaces: no wildcard of its own)
// that cover every vocabulary word the rules of findConcepts (lib/data/directory/search-plan.ts) can match for a looked-up run: the
// run itself; for a single word, the concept word it starts with (the word plus up to three
// letters, Latin words of five or more letters), the same with its last letter free (Cyrillic and
// Arabic endings), and the head of a Latin compound it ends with (more than half the word, at
// least three letters left before it).
export function candidatePatterns(run: string): string[] {
  const patterns = [run];
  if (run.includes(' ')) return patterns;
  const letters = [...run];
  const n = letters.length;
  const start = (k: number) => letters.slice(0, k).join('');
  for (let k = Math.max(5, n - 3); k <= n; k++) patterns.push(start(k));
  for (let k = Math.max(4, n - 4); k <= n; k++) patterns.push(`${start(k)}_`);
  if (/^[a-z]+$/.test(run)) for (let k = Math.max(5, Math.floor(n / 2) + 1); k <= n - 3; k++) patterns.push(letters.slice(n - k).join(''));
  return [...new Set(patterns)];
}
