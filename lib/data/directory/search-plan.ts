// What the directory search makes of the visitor's words before any entry is ranked: the words
// that count, the concepts of the search vocabulary they mean, and the county's towns they name
// (lib/data/directory/rank.ts turns the plan into SQL).
import 'server-only';
import { db } from '@/lib/db';
import { DIRECTORY_TAG } from '@/lib/cache';
import { candidatePatterns, cyrillicToLatin, foldWord, wordRuns } from '@/lib/search/normalize';
import { type SearchToken, tokenizeQuery } from '@/lib/search/query';
import { cachedPublicRead } from '../public-cache';

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

async function findConcepts(q: string): Promise<ConceptHits> {
  const runs = wordRuns(q);
  const hits: ConceptHits = Object.assign(new Map<string, string[]>(), { fuzzy: new Set<string>() });
  if (runs.length === 0) return hits;
  // Each run, and each single Arabic word without its article, as it is looked up.
  // A German word written in Cyrillic letters ("тафель") is looked up in Latin letters too.
  const lookups = runs.flatMap((run) => {
    const bare = run.start === run.end ? run.text.replace(ARABIC_PREFIX, '') : run.text;
    const latin = run.text.split(' ').map((word) => cyrillicToLatin(word));
    const variants = [run.text, bare, ...(latin.every(Boolean) ? [latin.join(' ')] : [])];
    return [...new Set(variants)].map((text) => ({ key: run.text, text }));
  });
  const candidates = lookups.flatMap((lookup) => candidatePatterns(lookup.text).map((pattern) => ({ ...lookup, pattern })));
  // `c`: the LIKE patterns that every vocabulary word meeting one of the rules below matches (read
  // through the trigram index); the rules themselves then decide, as written.
  const rows = await db.$queryRaw<{ key: string; conceptId: string; fuzzy: boolean }[]>`
    WITH r AS (SELECT * FROM unnest(${lookups.map((l) => l.key)}::text[], ${lookups.map((l) => l.text)}::text[]) AS r(key, run)),
    c AS (SELECT * FROM unnest(${candidates.map((l) => l.key)}::text[], ${candidates.map((l) => l.text)}::text[],
                               ${candidates.map((l) => l.pattern)}::text[]) AS c(key, run, pattern)),
    exact AS (
      SELECT DISTINCT c.key, w."conceptId" FROM c JOIN "SearchConceptWord" w
        ON w."normalized" LIKE c.pattern
       AND (w."normalized" = c.run
        OR (c.run NOT LIKE '% %' AND w."normalized" NOT LIKE '% %' AND length(w."normalized") >= 5
            AND length(c.run) - length(w."normalized") BETWEEN -1 AND 3
            -- Cyrillic endings change the last letter ("квартира" → "квартирой"); Latin words keep it.
            AND c.run LIKE (CASE WHEN w."normalized" ~ '[a-z]' THEN w."normalized" ELSE left(w."normalized", -1) END) || '%')
        OR (c.run NOT LIKE '% %' AND c.run ~ '^[a-z]+$' AND w."normalized" ~ '^[a-z]{5,}$'
            AND length(c.run) - length(w."normalized") >= 3 AND 2 * length(w."normalized") > length(c.run)
            AND c.run LIKE '%' || w."normalized"))
    )
    SELECT key, "conceptId"::text AS "conceptId", false AS fuzzy FROM exact
    UNION ALL
    SELECT DISTINCT r.key, w."conceptId"::text, true FROM r JOIN "SearchConceptWord" w
        -- % (similarity above pg_trgm's threshold, 0.3) lets the trigram index find the candidates.
        ON length(r.run) >= 5 AND w."normalized" % r.run AND similarity(w."normalized", r.run) >= 0.5
     WHERE NOT EXISTS (SELECT 1 FROM exact e WHERE e.key = r.key)`;
  // A fuzzy hit of a single word counts only when no longer run around it was found as written.
  const exactKeys = new Set(rows.filter((row) => !row.fuzzy).map((row) => row.key));
  for (const row of rows) {
    const run = runs.find((candidate) => candidate.text === row.key);
    if (!run) continue;
    if (row.fuzzy && runs.some((other) => exactKeys.has(other.text) && other.start <= run.start && other.end >= run.end)) continue;
    for (const word of run.text.split(' ')) {
      hits.set(word, [...new Set([...(hits.get(word) ?? []), row.conceptId])]);
      if (row.fuzzy) hits.fuzzy!.add(word);
    }
  }
  return hits;
}

export function conceptsOf(token: SearchToken, concepts: ConceptHits): string[] {
  return concepts.get(foldWord(token.text)) ?? [];
}

// The towns of the county as public locations name them (Location.municipality): a query word
// that names one is a place preference, not a required word. Cached with the directory's other
// public reads (expired by every edit).
const publicMunicipalities = cachedPublicRead(
  async (): Promise<string[]> => {
    // The distinct towns by skipping through the index on Location.municipality (a dozen index
    // probes, not a pass over every location), each kept when it has a public location.
    const rows = await db.$queryRaw<{ municipality: string }[]>`
      WITH RECURSIVE towns AS (
        SELECT min(l."municipality") AS municipality FROM "Location" l
        UNION ALL
        SELECT (SELECT min(l."municipality") FROM "Location" l WHERE l."municipality" > t.municipality)
          FROM towns t WHERE t.municipality IS NOT NULL
      )
      SELECT t.municipality FROM towns t
       CROSS JOIN LATERAL (SELECT 1 FROM public_locations() l WHERE l."municipality" = t.municipality LIMIT 1) x
       WHERE t.municipality IS NOT NULL`;
    return rows.map((row) => row.municipality);
  },
  ['search-municipalities'],
  [DIRECTORY_TAG],
);

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
  const [concepts, municipalities] = await Promise.all([findConcepts(q), publicMunicipalities()]);
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
