// What the directory search makes of the visitor's words before any entry is ranked: the words
// that count, the concepts of the search vocabulary they mean, and the county's towns they name
// (lib/data/directory/rank.ts turns the plan into SQL).
import 'server-only';
import { queryRows } from '@/lib/db';
import { Prisma } from '@/lib/generated/prisma/client';
import { candidatePatterns, cyrillicToLatin, foldWord, wordRuns } from '@/lib/search/normalize';
import { type SearchToken, tokenizeQuery } from '@/lib/search/query';

// Concepts of the search vocabulary per query word (folded). A word matches a concept word when
// equal, or inside a matched multi-word run ("job center", "Agentur für Arbeit"), or as an
// inflected form of it ("Wohnungen", "Kurse"; "квартирой", "німецьку" with the last letter of a
// Cyrillic word free: the concept word plus at most three letters), as the head of a German
// compound that is more than half the word ("Mietwohnung"), or
// without the Arabic article and conjunction ("الديون" = "ديون"). Only when none of that finds a
// concept for a run, trigram similarity forgives typos against the vocabulary ("Kindergarden",
// "джоб центер").
// `fuzzy`: the words whose concepts were found only by similarity (they rank lower).
export type ConceptHits = Map<string, string[]> & { fuzzy?: Set<string> };

const ARABIC_PREFIX = /^(?:وال|بال|فال|كال|لل|ال)(?=\p{L}{3})/u;

// One call to search_plan_lookup() (migration 20261209100000_search_index): the concepts of the
// runs and the towns that public locations name (a query word naming one is a place preference).
async function findConceptsAndTowns(q: string): Promise<{ concepts: ConceptHits; towns: string[] }> {
  const runs = wordRuns(q);
  const hits: ConceptHits = Object.assign(new Map<string, string[]>(), { fuzzy: new Set<string>() });
  // Each run, and each single Arabic word without its article, as it is looked up.
  // A German word written in Cyrillic letters ("тафель") is looked up in Latin letters too.
  const lookups = runs.flatMap((run) => {
    const bare = run.start === run.end ? run.text.replace(ARABIC_PREFIX, '') : run.text;
    const latin = run.text.split(' ').map((word) => cyrillicToLatin(word));
    const variants = [run.text, bare, ...(latin.every(Boolean) ? [latin.join(' ')] : [])];
    return [...new Set(variants)].map((text) => ({ key: run.text, text }));
  });
  // The LIKE patterns that every vocabulary word meeting one of the rules matches (read through
  // the trigram index); the rules themselves then decide, as written in the SQL function.
  const candidates = lookups.flatMap((lookup) => candidatePatterns(lookup.text).map((pattern) => ({ ...lookup, pattern })));
  const rows = await queryRows<{ key: string | null; concept_id: string | null; fuzzy: boolean | null; town: string | null }>(Prisma.sql`
    SELECT * FROM search_plan_lookup(${lookups.map((l) => l.key)}::text[], ${lookups.map((l) => l.text)}::text[],
      ${candidates.map((l) => l.key)}::text[], ${candidates.map((l) => l.text)}::text[], ${candidates.map((l) => l.pattern)}::text[])`, 'search_plan_lookup');
  const towns = rows.flatMap((row) => (row.town === null ? [] : [row.town]));
  const conceptRows = rows.flatMap((row) => (row.key !== null && row.concept_id !== null ? [{ key: row.key, conceptId: row.concept_id, fuzzy: row.fuzzy === true }] : []));
  // A fuzzy hit of a single word counts only when no longer run around it was found as written.
  const exactKeys = new Set(conceptRows.filter((row) => !row.fuzzy).map((row) => row.key));
  for (const row of conceptRows) {
    const run = runs.find((candidate) => candidate.text === row.key);
    if (!run) continue;
    if (row.fuzzy && runs.some((other) => exactKeys.has(other.text) && other.start <= run.start && other.end >= run.end)) continue;
    for (const word of run.text.split(' ')) {
      hits.set(word, [...new Set([...(hits.get(word) ?? []), row.conceptId])]);
      if (row.fuzzy) hits.fuzzy!.add(word);
    }
  }
  return { concepts: hits, towns };
}

export function conceptsOf(token: SearchToken, concepts: ConceptHits): string[] {
  return concepts.get(foldWord(token.text)) ?? [];
}

// What the SQL gets from the visitor's words: the words that count (alternatives, each one
// covered or not by an entry), the towns named (a preference), and the concepts they mean.
export interface SearchPlan {
  q: string;
  words: SearchToken[];
  towns: string[];
  // The query names only towns: entries there are found too.
  townsOnly: boolean;
  concepts: ConceptHits;
}

export async function planSearch(q: string): Promise<SearchPlan> {
  const tokens = tokenizeQuery(q);
  if (tokens.length === 0) return { q, words: [], towns: [], townsOnly: false, concepts: new Map() };
  const { concepts, towns: municipalities } = await findConceptsAndTowns(q);
  const towns = new Set<string>();
  const words: SearchToken[] = [];
  for (const token of tokens) {
    const folded = foldWord(token.text);
    // "Osterburg (Altmark)": each word of four or more letters names the town.
    const named = municipalities.filter((town) =>
      foldWord(town)
        .split(' ')
        .some((part) => part.length >= 4 && part === folded),
    );
    if (named.length > 0 && conceptsOf(token, concepts).length === 0) named.forEach((town) => towns.add(town));
    else words.push(token);
  }
  // Only town names: then they are what is searched (entries there, or named after the town).
  return { q, words: words.length > 0 ? words : tokens, towns: [...towns], townsOnly: words.length === 0, concepts };
}
