// Ranking SQL of the directory search. Every input reaches PostgreSQL as a bound parameter
// (Prisma's tagged templates); the visitor's words are normalized with search_normalize(), the
// same function that fills Organization.searchName / searchText. What the public may see comes from
// the SQL functions of lib/data/visibility.ts's rules (is_public_organization(o) and the
// is_public_*() of the records below it); "open now" is the SQL condition of
// lib/data/opening-hours.ts (openNowSql).
import 'server-only';
import { db, queryRows } from '@/lib/db';
import { Prisma } from '@/lib/generated/prisma/client';
import { foldWord } from '@/lib/search/normalize';
import { type DirectoryQuery, PAGE_SIZE } from '@/lib/search/query';
import { openNowSql } from '../opening-hours';
import { nearOrderSql } from './near';
import { conceptScoreSql, conceptWordSql } from './concept-sql';
import { candidatesInput, indexServes } from './search-index';
import { conceptSetSql, type Pass, prefixQuery, textCondition, townIdsSql, wordSetsSql } from './word-sql';
import { conceptsOf, planSearch, type SearchPlan } from './search-plan';

interface SearchHit {
  id: string;
  score: number;
}

export interface SearchResult {
  total: number;
  hits: SearchHit[];
}

// The filters that a visitor picks from a list of options (faceted: each option shows how many
// results it would give with every other filter kept).
type FacetKey = 'topic' | 'category' | 'targetGroup' | 'language' | 'municipality';
const FACET_KEYS: FacetKey[] = ['topic', 'category', 'targetGroup', 'language', 'municipality'];

interface FilterSet {
  base: Prisma.Sql[];
  facets: Partial<Record<FacetKey, Prisma.Sql>>;
}

function allFilters(filters: FilterSet, without?: FacetKey): Prisma.Sql[] {
  return [...filters.base, ...FACET_KEYS.filter((key) => key !== without).flatMap((key) => filters.facets[key] ?? [])];
}

// Inside a query over public organizations (`o`), a record below one is public when its own
// is_public_*() predicate holds.
function filterConditions(query: DirectoryQuery, now: Date): FilterSet {
  const base: Prisma.Sql[] = [Prisma.sql`is_public_organization(o)`];
  const facets: FilterSet['facets'] = {};
  if (query.category) {
    facets.category = Prisma.sql`o."categoryId" IN (SELECT t."id" FROM "TaxonomyTerm" t
      WHERE t."kind" = 'CATEGORY' AND t."slug" = ${query.category})`;
  }
  if (query.topic) {
    facets.topic = Prisma.sql`(
      EXISTS (SELECT 1 FROM "OrganizationTopic" ot JOIN "TaxonomyTerm" t ON t."id" = ot."termId"
               WHERE ot."organizationId" = o."id" AND t."kind" = 'TOPIC' AND t."slug" = ${query.topic})
      OR EXISTS (SELECT 1 FROM "ServiceTerm" st JOIN "Service" s ON s."id" = st."serviceId"
                   JOIN "TaxonomyTerm" t ON t."id" = st."termId"
                  WHERE s."organizationId" = o."id" AND is_public_service(s)
                    AND t."kind" = 'TOPIC' AND t."slug" = ${query.topic}))`;
  }
  if (query.targetGroup) {
    facets.targetGroup = Prisma.sql`EXISTS (SELECT 1 FROM "ServiceTerm" st JOIN "Service" s ON s."id" = st."serviceId"
      JOIN "TaxonomyTerm" t ON t."id" = st."termId"
      WHERE s."organizationId" = o."id" AND is_public_service(s)
        AND t."kind" = 'TARGET_GROUP' AND t."slug" = ${query.targetGroup})`;
  }
  if (query.language) {
    facets.language = Prisma.sql`EXISTS (SELECT 1 FROM "LanguageOffer" lo
      LEFT JOIN "ContactPerson" c ON c."id" = lo."contactPersonId"
      LEFT JOIN "Service" s ON s."id" = lo."serviceId"
      WHERE lo."organizationId" = o."id" AND lo."languageCode" = ${query.language}
        AND is_public_language_offer(lo, c, s))`;
  }
  if (query.age !== undefined) {
    // Organizations whose services state no age serve every age; those with age-bound services
    // only match when one of them fits.
    base.push(Prisma.sql`(${ageMatchSql(query.age)}
      OR NOT EXISTS (SELECT 1 FROM "Service" s WHERE s."organizationId" = o."id" AND is_public_service(s)
                       AND (s."minAge" IS NOT NULL OR s."maxAge" IS NOT NULL)))`);
  }
  if (query.municipality) {
    facets.municipality = Prisma.sql`EXISTS (SELECT 1 FROM "Location" l WHERE l."organizationId" = o."id"
      AND is_public_location(l) AND l."municipality" = ${query.municipality})`;
  }
  if (query.wheelchair) {
    base.push(Prisma.sql`EXISTS (SELECT 1 FROM "Location" l WHERE l."organizationId" = o."id"
      AND is_public_location(l) AND l."wheelchairAccessible" = true)`);
  }
  if (query.openNow) {
    base.push(openNowSql(Prisma.sql`o."id"`, now));
  }
  return { base, facets };
}

function ageMatchSql(age: number): Prisma.Sql {
  return Prisma.sql`EXISTS (SELECT 1 FROM "Service" s WHERE s."organizationId" = o."id" AND is_public_service(s)
    AND (s."minAge" IS NOT NULL OR s."maxAge" IS NOT NULL)
    AND coalesce(s."minAge", 0) <= ${age} AND coalesce(s."maxAge", 999) >= ${age})`;
}

// How much of the query an entry covers: the first sort key, so that "Beratung Arabisch" puts
// Arabic-speaking counselling before counselling alone. Each covered word counts by how rare it
// is among the matches (ln(1 + matches / matches with the word)): a word that nearly every match
// has ("Beratung", "Erwachsene") decides less than the one that tells entries apart.
function coverageSql(plan: SearchPlan): Prisma.Sql {
  // One word: every match covers it (the WHERE clause says so).
  if (plan.words.length <= 1) return Prisma.sql`1.0`;
  return Prisma.join(
    plan.words.map((_, index) => {
      const column = Prisma.raw(`m.c${index}`);
      return Prisma.sql`${column} * ln(1.0 + count(*) OVER () / greatest(1, sum(${column}) OVER ())::float8)`;
    }),
    ' + ',
  );
}

// Where an entry covers each word: in a name (also translated) 3, in its keywords 2, elsewhere in
// its own text (services, roles, languages, topics, description, translations) 1.5, only through
// the vocabulary 1 (0.5 when the concept was found through a similar word) plus 0.15 per concept
// term the entry carries (at most 0.45: a word the entry's own text has counts more than one met
// only through the vocabulary); plus the whole query's similarity to the name, a bonus when the name
// starts with or is the query, and the towns named in the query (a public location there or the
// town in the name). Inside the ranking query (the concept sets of wordSetsSql). search_ranked()
// (migration 20261209100000_search_index) computes the same score for the index's candidates:
// a change here belongs there too (tests/integration/search-index-equivalence.test.ts).
function scoreSql(plan: SearchPlan): Prisma.Sql {
  const parts: Prisma.Sql[] = [];
  for (const [index, token] of plan.words.entries()) {
    const conceptIds = conceptsOf(token, plan.concepts);
    // A concept met only through a similar word (a typo, or another word altogether) counts little.
    const fuzzy = plan.concepts.fuzzy?.has(foldWord(token.text)) ?? false;
    const inName = [
      Prisma.sql`o."searchName" LIKE '%' || search_normalize(${token.text}) || '%'`,
      Prisma.sql`o."search" @@ ${prefixQuery(token.text, 'A')}`,
      ...(token.stem ? [Prisma.sql`o."search" @@ ${prefixQuery(token.stem, 'A')}`] : []),
      ...(token.latin ? [Prisma.sql`o."search" @@ ${prefixQuery(token.latin, 'A')}`] : []),
    ];
    parts.push(Prisma.sql`(CASE WHEN ${Prisma.join(inName, ' OR ')} THEN 3.0
                                WHEN search_normalize(coalesce(organization_keywords_text(o."keywords"), '')) LIKE '%' || search_normalize(${token.text}) || '%' THEN 2.0
                                WHEN o."search" @@ ${prefixQuery(token.text)} OR o."searchText" LIKE '%' || search_normalize(${token.text}) || '%' THEN 1.5
                                ${conceptIds.length > 0 ? Prisma.sql`WHEN ${conceptWordSql(conceptIds, Prisma.sql`o."searchName"`)} THEN ${fuzzy ? 0.7 : 1.4}
                                WHEN ${conceptWordSql(conceptIds, Prisma.sql`o."searchText"`)} THEN ${fuzzy ? 0.6 : 1.2}
                                WHEN ${conceptSetSql(index)} THEN ${fuzzy ? 0.5 : 1.0}` : Prisma.empty}
                                ELSE 0 END)`);
    if (conceptIds.length > 0) parts.push(conceptScoreSql(conceptIds));
  }
  const anyToken = Prisma.join(
    plan.words.flatMap((token) => [prefixQuery(token.text), ...(token.stem ? [prefixQuery(token.stem)] : [])]),
    ' || ',
  );
  const q = plan.words.map((token) => token.text).join(' ');
  parts.push(Prisma.sql`ts_rank('{0.05, 0.1, 0.3, 1.0}', o."search", ${anyToken})`);
  parts.push(Prisma.sql`2.0 * word_similarity(search_normalize(${q}), o."searchName")`);
  parts.push(Prisma.sql`CASE WHEN o."searchName" LIKE search_normalize(${q}) || '%' THEN 1.0 ELSE 0 END`);
  parts.push(Prisma.sql`CASE WHEN o."searchName" = search_normalize(${plan.q}) OR search_normalize(o."shortName") = search_normalize(${plan.q})
                             OR o."searchName" = search_normalize(${q}) OR search_normalize(o."shortName") = search_normalize(${q}) THEN 2.0 ELSE 0 END`);
  if (plan.towns.length > 0) parts.push(townBoostSql(plan.towns));
  return Prisma.sql`(${Prisma.join(parts, ' + ')})`;
}

function townBoostSql(towns: string[]): Prisma.Sql {
  return Prisma.sql`(CASE WHEN o."id" IN (${townIdsSql(towns)}) THEN 1.5 ELSE 0 END)`;
}

// How many matches are scored in full. Matches are first ordered by a cheap key (words covered,
// the age filter's fit, then whether the name has the words); only this many of the best are
// scored, so a common word among thousands of entries costs no more than a rare one.
const SCORED_CANDIDATES = 60;

async function runSearch(
  query: DirectoryQuery,
  plan: SearchPlan,
  filters: Prisma.Sql[],
  limit: number,
  pass: Pass,
  now: Date,
  everyWord = false,
  useIndex = true,
): Promise<SearchResult> {
  const conditions = [...filters, ...textCondition(plan, pass, everyWord)];
  const offset = (query.page - 1) * limit;
  const hasWords = plan.words.length > 0;
  // Searches with words or filters from the index (./search-index.ts); the whole directory in
  // its order is already one index scan below.
  const filtered = conditions.length > 1;
  if (useIndex && (hasWords || filtered) && indexServes(query, plan, everyWord)) {
    return runIndexedSearch(query, plan, limit, offset, pass, now, Prisma.join(conditions, ' AND '));
  }
  const ageBoost = query.age !== undefined ? Prisma.sql`(CASE WHEN ${ageMatchSql(query.age)} THEN 1 ELSE 0 END)` : Prisma.sql`0`;
  const where = Prisma.join(conditions, ' AND ');
  if (!hasWords && plan.towns.length === 0) {
    // No words: the directory's own order (coordination office first, then as curated). The page
    // comes from Organization_public_order_idx in that order (LIMIT stops early), the total is a
    // count of its own (an index-only scan without filters): a count over the window would make
    // PostgreSQL read and sort every public row for a page of 20.
    const rows = await db.$queryRaw<{ id: string; total: bigint }[]>`
      SELECT o."id"::text AS id, (SELECT count(*) FROM "Organization" o WHERE ${where}) AS total
        FROM "Organization" o
       WHERE ${where}
       ORDER BY ${nearOrderSql(query.near, Prisma.sql`o."id"`)} ${query.age !== undefined ? Prisma.sql`${ageBoost} DESC,` : Prisma.empty} o."isCoordinationOffice" DESC, o."sortOrder" ASC, o."name" ASC, o."id"
       LIMIT ${limit} OFFSET ${offset}`;
    return toResult(rows, offset, where);
  }
  const nameHits = hasWords
    ? Prisma.join(
        plan.words.map((token) => Prisma.sql`(CASE WHEN o."searchName" LIKE '%' || search_normalize(${token.text}) || '%' THEN 1 ELSE 0 END)`),
        ' + ',
      )
    : Prisma.sql`0`;
  const depth = Math.max(SCORED_CANDIDATES, offset + limit);
  const columns = Prisma.sql`o."id", (${ageBoost})::int AS age_boost, (${nameHits})::int AS name_hits, o."isCoordinationOffice", o."sortOrder", o."name"`;
  const covers = plan.words.map((_, index) => Prisma.sql`${Prisma.raw(`s.c${index}`)} > 0`);
  // Entries that cover at least one word (every word with `everyWord`; the towns, when the query
  // names only towns). Only the best SCORED_CANDIDATES of them by the cheap sort key are scored in full.
  const matching = everyWord ? Prisma.join(covers, ' AND ') : Prisma.join([...covers, Prisma.sql`s.in_town`], ' OR ');
  const rows = await db.$queryRaw<{ id: string; score: number; total: bigint }[]>`
    WITH ${wordSetsSql(plan, pass, filters, columns)}, matches AS MATERIALIZED (
      SELECT s.* FROM scored s WHERE ${matching}
    ), covered AS (
      SELECT m."id", m.age_boost, m.name_hits, m."isCoordinationOffice", m."sortOrder", m."name",
             round((${coverageSql(plan)})::numeric, 6) AS coverage, count(*) OVER () AS total
        FROM matches m
    ), candidates AS (
      SELECT m.* FROM covered m
       ORDER BY ${nearOrderSql(query.near, Prisma.sql`m."id"`)} m.coverage DESC, m.age_boost DESC, m.name_hits DESC, m."isCoordinationOffice" DESC, m."sortOrder" ASC, m."name" ASC, m."id"
       LIMIT ${depth}
    )
    SELECT o."id"::text AS id, (${scoreSql(plan)})::float8 AS score, c.total
      FROM candidates c JOIN "Organization" o ON o."id" = c."id"
     ORDER BY ${nearOrderSql(query.near, Prisma.sql`c."id"`)} c.coverage DESC, c.age_boost DESC, score DESC, c."isCoordinationOffice" DESC, c."sortOrder" ASC, o."name" ASC, o."id"
     LIMIT ${limit} OFFSET ${offset}`;
  return toResult(rows, offset, where);
}

// The same ranking from the index: search_ranked() takes the best candidates of stage 1 and
// scores them as scoreSql does, in one call whose statements keep their plans.
async function runIndexedSearch(query: DirectoryQuery, plan: SearchPlan, limit: number, offset: number, pass: Pass, now: Date, where: Prisma.Sql): Promise<SearchResult> {
  const depth = plan.words.length > 0 ? Math.max(SCORED_CANDIDATES, offset + limit) : offset + limit;
  const input = candidatesInput(query, plan, pass, depth, now);
  const rows = await queryRows<{ id: string; score: number; total: string }>(Prisma.sql`
    SELECT r."id"::text AS id, r.score, r.total FROM search_ranked(${input}::jsonb, ${limit}::int, ${offset}::int) r`, 'search_ranked');
  return toResult(rows, offset, where);
}

async function toResult(rows: { id: string; score?: number; total: bigint | string }[], offset: number, where: Prisma.Sql): Promise<SearchResult> {
  if (rows.length === 0 && offset > 0) {
    // Past the last page: report the total so that the page can offer a way back.
    const [{ total }] = await db.$queryRaw<{ total: bigint }[]>`SELECT count(*) AS total FROM "Organization" o WHERE ${where}`;
    return { total: Number(total), hits: [] };
  }
  return {
    total: rows.length > 0 ? Number(rows[0].total) : 0,
    hits: rows.map((row) => ({ id: row.id, score: row.score ?? 0 })),
  };
}

export async function searchOrganizationIds({
  query,
  now = new Date(),
  limit = PAGE_SIZE,
  everyWord = false,
  useIndex = true,
}: {
  query: DirectoryQuery;
  now?: Date;
  limit?: number;
  everyWord?: boolean;
  // false: the general ranking SQL even where the index serves (the equivalence test).
  useIndex?: boolean;
}): Promise<SearchResult> {
  return (await searchWithPass({ query, now, limit, everyWord, useIndex })).result;
}

// One pass; typos anywhere in the text are forgiven in a second one only when it finds nothing.
async function searchWithPass({
  query,
  now,
  limit,
  everyWord = false,
  useIndex = true,
}: {
  query: DirectoryQuery;
  now: Date;
  limit: number;
  everyWord?: boolean;
  useIndex?: boolean;
}) {
  const filters = filterConditions(query, now);
  const plan = await planSearch(query.q);
  let pass: Pass = 'main';
  let result = await runSearch(query, plan, allFilters(filters), limit, pass, now, everyWord, useIndex);
  if (result.total === 0 && plan.words.length > 0) {
    pass = 'fuzzyText';
    result = await runSearch(query, plan, allFilters(filters), limit, pass, now, everyWord, useIndex);
  }
  return { result, pass, filters, plan };
}

export type FacetCounts = Record<FacetKey, Map<string, number>>;

// How many organizations each filter option would give: the visitor's words (in the pass that
// the search itself used) and every other filter stay, the facet's own choice is left out.
function facetCountSql(key: FacetKey): Prisma.Sql {
  switch (key) {
    case 'topic':
      return Prisma.sql`SELECT t."slug" AS value, count(DISTINCT m."id") AS n FROM m
        JOIN (SELECT ot."organizationId" AS oid, ot."termId" FROM "OrganizationTopic" ot
              UNION SELECT s."organizationId", st."termId" FROM "ServiceTerm" st
                      JOIN "Service" s ON s."id" = st."serviceId" WHERE is_public_service(s)) x ON x.oid = m."id"
        JOIN "TaxonomyTerm" t ON t."id" = x."termId" AND t."kind" = 'TOPIC' GROUP BY t."slug"`;
    case 'category':
      return Prisma.sql`SELECT t."slug" AS value, count(*) AS n FROM m
        JOIN "TaxonomyTerm" t ON t."id" = m."categoryId" AND t."kind" = 'CATEGORY' GROUP BY t."slug"`;
    case 'targetGroup':
      return Prisma.sql`SELECT t."slug" AS value, count(DISTINCT m."id") AS n FROM m
        JOIN "Service" s ON s."organizationId" = m."id" AND is_public_service(s)
        JOIN "ServiceTerm" st ON st."serviceId" = s."id"
        JOIN "TaxonomyTerm" t ON t."id" = st."termId" AND t."kind" = 'TARGET_GROUP' GROUP BY t."slug"`;
    case 'language':
      return Prisma.sql`SELECT lo."languageCode" AS value, count(DISTINCT m."id") AS n FROM m
        JOIN "LanguageOffer" lo ON lo."organizationId" = m."id"
        LEFT JOIN "ContactPerson" c ON c."id" = lo."contactPersonId"
        LEFT JOIN "Service" s ON s."id" = lo."serviceId"
        WHERE is_public_language_offer(lo, c, s) GROUP BY lo."languageCode"`;
    case 'municipality':
      return Prisma.sql`SELECT l."municipality" AS value, count(DISTINCT m."id") AS n FROM m
        JOIN "Location" l ON l."organizationId" = m."id" AND is_public_location(l)
        WHERE l."municipality" IS NOT NULL GROUP BY l."municipality"`;
  }
}

export async function searchWithFacetCounts({
  query,
  now = new Date(),
  limit = PAGE_SIZE,
}: {
  query: DirectoryQuery;
  now?: Date;
  limit?: number;
}): Promise<{ result: SearchResult; counts: FacetCounts }> {
  const { result, pass, filters, plan } = await searchWithPass({ query, now, limit });
  const text = textCondition(plan, pass);
  const entries = await Promise.all(
    FACET_KEYS.map(async (key) => {
      const conditions = [...allFilters(filters, key), ...text];
      const rows = await db.$queryRaw<{ value: string; n: bigint }[]>`
        WITH m AS (SELECT o."id", o."categoryId" FROM "Organization" o WHERE ${Prisma.join(conditions, ' AND ')})
        ${facetCountSql(key)}`;
      return [key, new Map(rows.map((row) => [row.value, Number(row.n)]))] as const;
    }),
  );
  return { result, counts: Object.fromEntries(entries) as FacetCounts };
}
