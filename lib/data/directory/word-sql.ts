// The visitor's words as SQL sets of the directory search (lib/data/directory/rank.ts): which
// entries cover each word, read so that no costly test (trigram similarity) runs row by row over the
// whole table (issue 11 point 6). Every input is a bound parameter.
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

// Whether the entry's own text has the word, as alternatives grouped by what serves them: the
// full text (GIN index) and the word inside a compound (trigram index on searchText) together,
// typos in names (trigram word similarity, through the trigram index on searchName) on their own,
// so that PostgreSQL never computes the costly similarity row by row over the whole table.
function ownTextBranches(token: SearchToken, pass: Pass): Prisma.Sql[] {
  const fullText = Prisma.join(
    [token.text, token.stem, token.latin].flatMap((text) => (text ? [prefixQuery(text)] : [])),
    ' || ',
  );
  const isLong = [...token.text].length >= 4;
  if (!isLong) return [Prisma.sql`o."search" @@ (${fullText})`];
  const branches = [
    Prisma.sql`(o."search" @@ (${fullText}) OR o."searchText" LIKE '%' || search_normalize(${token.text}) || '%')`,
    Prisma.sql`search_normalize(${token.text}) <% o."searchName"`,
  ];
  if (pass === 'fuzzyText') branches.push(Prisma.sql`search_normalize(${token.text}) <% o."searchText"`);
  return branches;
}

function ownTextIdsSql(token: SearchToken, pass: Pass): Prisma.Sql {
  return Prisma.join(
    ownTextBranches(token, pass).map((branch) => Prisma.sql`SELECT o."id" FROM "Organization" o WHERE ${branch}`),
    ' UNION ',
  );
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
// computed once: `w<i>`, the entries whose own text has word i (German full text or the word inside
// a compound: the GIN and trigram indexes when the word is rare, one pass over the table when it is
// common); `s<i>`/`f<i>`, those with a name, or with any text, similar to word i (trigram indexes);
// `k<i>`, those tied to it through a concept of the vocabulary; and `scored`: the entries that meet
// the filters and are in one of these sets, with the cheap sort keys (`columns`) and one coverage
// column per word (see coverageSql): 1 when its own text has the word, 0.5 when only a concept ties
// the entry to it (a broad topic or target group says less than the word itself:
// "Eltern-Kind-Gruppe" covers "Gruppe" in the family centre's "Krabbelgruppe", only through the
// family topic at the school), else 0. Each entry's text is tested once per word (in `w<i>`); rows
// are only looked up in the sets, and only the entries that match some word are read at all (a
// rare word costs its matches, not the whole directory).
export function wordSetsSql(plan: SearchPlan, pass: Pass, filters: Prisma.Sql[], columns: Prisma.Sql): Prisma.Sql {
  const ctes: Prisma.Sql[] = [];
  const coverage: Prisma.Sql[] = [];
  const sets: string[] = [];
  const inSet = (name: string) => Prisma.sql`o."id" IN (SELECT "id" FROM ${Prisma.raw(name)})`;
  plan.words.forEach((token, index) => {
    const fullText = Prisma.join(
      [token.text, token.stem, token.latin].flatMap((text) => (text ? [prefixQuery(text)] : [])),
      ' || ',
    );
    // The LIKE first: when the word is common, the planner reads every row, and for most of them
    // the LIKE on the text already holds, so the tsvector (often stored out of line) is not read.
    const ownText = [Prisma.sql`o."search" @@ (${fullText})`];
    if ([...token.text].length >= 4) ownText.unshift(Prisma.sql`o."searchText" LIKE '%' || search_normalize(${token.text}) || '%'`);
    ctes.push(Prisma.sql`${Prisma.raw(`w${index}`)} AS MATERIALIZED (
      SELECT o."id" FROM "Organization" o WHERE ${Prisma.join(ownText, ' OR ')})`);
    const own = [`w${index}`];
    if ([...token.text].length >= 4) {
      ctes.push(Prisma.sql`${Prisma.raw(`s${index}`)} AS MATERIALIZED (
        SELECT o."id" FROM "Organization" o WHERE search_normalize(${token.text}) <% o."searchName")`);
      own.push(`s${index}`);
      if (pass === 'fuzzyText') {
        ctes.push(Prisma.sql`${Prisma.raw(`f${index}`)} AS MATERIALIZED (
          SELECT o."id" FROM "Organization" o WHERE search_normalize(${token.text}) <% o."searchText")`);
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
