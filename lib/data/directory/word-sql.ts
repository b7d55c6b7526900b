// The visitor's words as SQL sets of the directory search (lib/data/directory/rank.ts): which
// entries cover each word, read from the inverted index (SearchTerm/SearchPosting) so that no test
// of an entry's text runs row by row over the whole table (issue 11 point 6). Every input is a
// bound parameter.
import 'server-only';
import { Prisma } from '@/lib/generated/prisma/client';
import { type SearchToken } from '@/lib/search/query';
import { conceptOrganizationIdsSql } from './concept-sql';
import { type ConceptHits, conceptsOf, type SearchPlan } from './search-plan';

// tsquery syntax characters are removed after normalization, so a token is always one lexeme.
// `weights` restricts the match to parts of the vector ('A': names).
export function prefixQuery(text: string, weights = ''): Prisma.Sql {
  return Prisma.sql`to_tsquery('german', translate(search_normalize(${text}), ' :*&|!()<>''\\', '') || ':*' || ${weights})`;
}

// How forgiving a pass is. `main`: German full text (stemmed, as prefix; non-Latin words are
// indexed unstemmed), the compound stem, the word inside compounds ("Beratung" in
// "Migrationsberatung", a trigram-indexed LIKE), the search vocabulary's concepts, and typos in
// names (trigram word similarity, any script). `fuzzyText` adds typos anywhere in the text; it
// is costlier and only runs when the main pass finds nothing.
export type Pass = 'main' | 'fuzzyText';

// The entries whose own text has the word, read from the inverted index (SearchTerm/SearchPosting,
// migration 20261207100000_search_postings: the lexemes of each entry's "search" vector and the words
// of its "searchText"): a query word is matched against the distinct terms (a small table with a
// trigram index), then the postings of the matching terms are read by primary key, so a word costs
// its matches, never a test of every entry's text. The same meaning as the tests on "Organization"
// that it replaces: German full text as prefix (the word's lexeme starts a lexeme of the entry; for
// the word, its compound stem and its Latin spelling) or, for four letters or more, the word inside
// a word of the text ("Beratung" in "Migrationsberatung"); `similarName`: a word of a name (also
// translated) similar to it (pg_trgm's word similarity, a typo); `similarText`: any word similar.
function fullTextIdsSql(token: SearchToken): Prisma.Sql {
  const texts = [token.text, token.stem, token.latin].filter((text): text is string => Boolean(text));
  const lexemes = Prisma.sql`SELECT DISTINCT l.lexeme FROM unnest(${texts}::text[]) AS x(text)
      CROSS JOIN LATERAL unnest(to_tsvector('german', translate(search_normalize(x.text), ' :*&|!()<>''\\', ''))) AS l`;
  const prefix = Prisma.sql`SELECT p."organizationId" AS "id" FROM (${lexemes}) q
      JOIN "SearchTerm" t ON t."kind" = 'L' AND t."term" LIKE q.lexeme || '%'
      JOIN "SearchPosting" p ON p."kind" = 'L' AND p."term" = t."term"`;
  if ([...token.text].length < 4) return prefix;
  return Prisma.sql`${prefix} UNION ${termIdsSql(Prisma.sql`t."term" LIKE '%' || search_normalize(${token.text}) || '%'`)}`;
}

// The entries with a word (kind 'W': of their text; 'N': of a name) among the terms that meet
// `termCondition` (on t."term").
function termIdsSql(termCondition: Prisma.Sql, kind: 'W' | 'N' = 'W'): Prisma.Sql {
  return Prisma.sql`SELECT p."organizationId" AS "id" FROM "SearchTerm" t
      JOIN "SearchPosting" p ON p."kind" = ${kind} AND p."term" = t."term"
     WHERE t."kind" = 'W' AND ${termCondition}`;
}

function similarIdsSql(token: SearchToken, inName: boolean): Prisma.Sql {
  return termIdsSql(Prisma.sql`search_normalize(${token.text}) <% t."term"`, inName ? 'N' : 'W');
}

function ownTextIdsSql(token: SearchToken, pass: Pass): Prisma.Sql {
  const sets = [fullTextIdsSql(token)];
  if ([...token.text].length >= 4) {
    sets.push(similarIdsSql(token, true));
    if (pass === 'fuzzyText') sets.push(similarIdsSql(token, false));
  }
  return Prisma.join(sets, ' UNION ');
}

// The ids of the entries that cover one word: by their own text or through a concept of the
// vocabulary that the word means. Uncorrelated (computed once per query).
function wordIdsSql(token: SearchToken, pass: Pass, concepts: ConceptHits): Prisma.Sql {
  const own = ownTextIdsSql(token, pass);
  const conceptIds = conceptsOf(token, concepts);
  return conceptIds.length > 0 ? Prisma.sql`${own} UNION ${conceptOrganizationIdsSql(conceptIds)}` : own;
}

// Entries that cover at least one word of the query.
// `everyWord`: the words are a filter (the Open Referral API's `search`), not alternatives.
export function textCondition(plan: SearchPlan, pass: Pass, everyWord = false): Prisma.Sql[] {
  if (plan.words.length === 0) return [];
  const sets = plan.words.map((token) => wordIdsSql(token, pass, plan.concepts));
  if (everyWord) return sets.map((set) => Prisma.sql`o."id" IN (${set})`);
  if (plan.townsOnly) sets.push(townIdsSql(plan.towns));
  return [Prisma.sql`o."id" IN (${Prisma.join(sets, ' UNION ')})`];
}

// The same as textCondition, word by word, for the ranking query: common table expressions, each
// computed once from the postings: `w<i>`, the entries whose own text has word i (German full text
// or the word inside a compound); `s<i>`/`f<i>`, those with a name, or with any text, similar to
// word i; `n<i>`, those with word i inside a name (nameHitsSql); `k<i>`, those tied to it through a concept of the vocabulary; and `scored`: the entries that meet
// the filters and are in one of these sets, with the cheap sort keys (`columns`) and one coverage
// column per word (see coverageSql): 1 when its own text has the word, 0.5 when only a concept ties
// the entry to it (a broad topic or target group says less than the word itself:
// "Eltern-Kind-Gruppe" covers "Gruppe" in the family centre's "Krabbelgruppe", only through the
// family topic at the school), else 0. No entry's text is read here: `scored` reads the public
// entries' sort keys from the index "Organization_public_order_idx" alone, so a word costs its
// matches (postings and a hash join), not the whole directory.
export function wordSetsSql(plan: SearchPlan, pass: Pass, filters: Prisma.Sql[], columns: Prisma.Sql): Prisma.Sql {
  const ctes: Prisma.Sql[] = [];
  const coverage: Prisma.Sql[] = [];
  const sets: string[] = [];
  const inSet = (name: string) => Prisma.sql`o."id" IN (SELECT "id" FROM ${Prisma.raw(name)})`;
  plan.words.forEach((token, index) => {
    ctes.push(Prisma.sql`${Prisma.raw(`n${index}`)} AS MATERIALIZED (
      ${termIdsSql(Prisma.sql`t."term" LIKE '%' || search_normalize(${token.text}) || '%'`, 'N')})`);
    ctes.push(Prisma.sql`${Prisma.raw(`w${index}`)} AS MATERIALIZED (${fullTextIdsSql(token)})`);
    const own = [`w${index}`];
    if ([...token.text].length >= 4) {
      ctes.push(Prisma.sql`${Prisma.raw(`s${index}`)} AS MATERIALIZED (${similarIdsSql(token, true)})`);
      own.push(`s${index}`);
      if (pass === 'fuzzyText') {
        ctes.push(Prisma.sql`${Prisma.raw(`f${index}`)} AS MATERIALIZED (${similarIdsSql(token, false)})`);
        own.push(`f${index}`);
      }
    }
    sets.push(...own);
    const conceptIds = conceptsOf(token, plan.concepts);
    if (conceptIds.length > 0) {
      ctes.push(Prisma.sql`${Prisma.raw(`k${index}`)} AS MATERIALIZED (${conceptOrganizationIdsSql(conceptIds)})`);
      sets.push(`k${index}`);
    }
    coverage.push(Prisma.sql`(CASE WHEN ${Prisma.join(own.map(inSet), ' OR ')} THEN 1.0
      ${conceptIds.length > 0 ? Prisma.sql`WHEN ${conceptSetSql(index)} THEN 0.5` : Prisma.empty} ELSE 0 END)::float8 AS ${Prisma.raw(`c${index}`)}`);
  });
  const inTown = plan.townsOnly ? Prisma.sql`o."id" IN (${townIdsSql(plan.towns)})` : Prisma.sql`false`;
  const candidates = [...sets.map((name) => Prisma.sql`SELECT "id" FROM ${Prisma.raw(name)}`), ...(plan.townsOnly ? [townIdsSql(plan.towns)] : [])];
  ctes.push(Prisma.sql`scored AS MATERIALIZED (
      SELECT ${columns}, ${inTown} AS in_town, ${Prisma.join(coverage, ', ')}
        FROM "Organization" o WHERE ${Prisma.join(filters, ' AND ')}
         AND o."id" IN (${Prisma.join(candidates, ' UNION ')}))`);
  return Prisma.join(ctes, ', ');
}

// In `columns` of wordSetsSql: how many of the words a name of entry `o` has (inside a word of it, as
// "searchName" LIKE '%word%' would say), from the sets `n<i>`.
export function nameHitsSql(plan: SearchPlan): Prisma.Sql {
  if (plan.words.length === 0) return Prisma.sql`0`;
  return Prisma.join(
    plan.words.map((_, index) => Prisma.sql`(CASE WHEN o."id" IN (SELECT "id" FROM ${Prisma.raw(`n${index}`)}) THEN 1 ELSE 0 END)`),
    ' + ',
  );
}

// In the ranking's scoring (inside the same WITH): whether entry `o` is tied to word i through a
// concept (the set computed once by wordSetsSql).
export function conceptSetSql(index: number): Prisma.Sql {
  return Prisma.sql`o."id" IN (SELECT "id" FROM ${Prisma.raw(`k${index}`)})`;
}

// The entries with a public location in one of the towns (uncorrelated: once per query).
export function townIdsSql(towns: string[]): Prisma.Sql {
  return Prisma.sql`SELECT l."organizationId" AS "id" FROM "Location" l WHERE is_public_location(l)
                       AND l."municipality" = ANY(${towns}::text[])`;
}
