// Stage 1 of the directory search on its own index (migration 20261209100000_search_index): the
// SQL function search_candidates() finds the entries that cover the visitor's words and meet the
// filters as sets of integer keys (term arrays, extension intarray) and hands over only the best
// candidates, ordered as rank.ts orders them (coverage, fit of the age filter, name hits, the
// directory's order), with the total. rank.ts scores these few in full, as it does its own.
// The ranking SQL of rank.ts/word-sql.ts remains the definition: searches the index does not
// serve (the "near" order, every word required, a query of town names only, many
// words) run there, and tests/integration/search-index-equivalence.test.ts checks that both give
// the same results.
import 'server-only';
import { foldWord } from '@/lib/search/normalize';
import { type DirectoryQuery } from '@/lib/search/query';
import { openMoment } from '../opening-hours';
import { type Pass } from './word-sql';
import { conceptsOf, type SearchPlan } from './search-plan';

// Beyond this many words the index's partition of the matches (up to six parts per word) grows
// faster than the general SQL's cost.
const MAX_INDEXED_WORDS = 5;

export function indexServes(query: DirectoryQuery, plan: SearchPlan, everyWord: boolean): boolean {
  return !everyWord && !query.near && !plan.townsOnly && plan.words.length <= MAX_INDEXED_WORDS;
}

// The argument of search_candidates() (see the migration for its shape).
export function candidatesInput(query: DirectoryQuery, plan: SearchPlan, pass: Pass, depth: number, now: Date): string {
  return JSON.stringify({
    q: plan.q,
    towns: plan.towns,
    words: plan.words.map((token) => ({
      text: token.text,
      stem: token.stem ?? null,
      latin: token.latin ?? null,
      concepts: conceptsOf(token, plan.concepts),
      // A concept met only through a similar word counts little (as in scoreSql).
      conceptsFuzzy: plan.concepts.fuzzy?.has(foldWord(token.text)) ?? false,
    })),
    fuzzy: pass === 'fuzzyText',
    depth,
    filters: {
      ...(query.category ? { category: query.category } : {}),
      ...(query.topic ? { topic: query.topic } : {}),
      ...(query.targetGroup ? { targetGroup: query.targetGroup } : {}),
      ...(query.language ? { language: query.language } : {}),
      ...(query.municipality ? { municipality: query.municipality } : {}),
      ...(query.wheelchair ? { wheelchair: true } : {}),
      ...(query.age !== undefined ? { age: query.age } : {}),
      ...(query.openNow ? { open: openMoment(now) } : {}),
    },
  });
}
