// Ranking SQL of the directory search. Every input reaches PostgreSQL as a bound parameter
// (Prisma's tagged templates); the visitor's words are normalized with search_normalize(), the
// same function that fills Organization.searchName / searchText. What the public may see comes from
// the SQL functions of lib/data/visibility.ts's rules (is_public_organization(o) and the
// is_public_*() of the records below it); "open now" is decided by lib/schedule through
// listOpenOrganizationIds().
import 'server-only';
import { db } from '@/lib/db';
import { Prisma } from '@/lib/generated/prisma/client';
import { type DirectoryQuery, PAGE_SIZE, tokenizeQuery, type SearchToken } from '@/lib/search/query';
import { listOpenOrganizationIds } from '../opening-hours';

interface SearchHit {
  id: string;
  score: number;
}

export interface SearchResult {
  total: number;
  hits: SearchHit[];
}

// tsquery syntax characters are removed after normalization, so a token is always one lexeme.
function prefixQuery(text: string): Prisma.Sql {
  return Prisma.sql`to_tsquery('german', translate(search_normalize(${text}), ' :*&|!()<>''\\', '') || ':*')`;
}

// How forgiving a pass is. `exact`: German full text (stemmed, as prefix), the compound stem,
// and the word inside compounds ("Beratung" in "Migrationsberatung", a trigram-indexed LIKE).
// `fuzzyName` adds trigram word similarity against names (typos such as "Jobcentr"), `fuzzyText`
// against all text; both are costlier and only run when the stricter pass finds nothing.
type Pass = 'exact' | 'fuzzyName' | 'fuzzyText';

function tokenCondition(token: SearchToken, pass: Pass): Prisma.Sql {
  const alternatives = [Prisma.sql`o."search" @@ ${prefixQuery(token.text)}`];
  if (token.stem) alternatives.push(Prisma.sql`o."search" @@ ${prefixQuery(token.stem)}`);
  const isLong = [...token.text].length >= 4;
  if (isLong) {
    alternatives.push(Prisma.sql`o."searchText" LIKE '%' || search_normalize(${token.text}) || '%'`);
  }
  if (isLong && pass === 'fuzzyName') alternatives.push(Prisma.sql`search_normalize(${token.text}) <% o."searchName"`);
  if (isLong && pass === 'fuzzyText') alternatives.push(Prisma.sql`search_normalize(${token.text}) <% o."searchText"`);
  return Prisma.sql`(${Prisma.join(alternatives, ' OR ')})`;
}

// Inside a query over public organizations (`o`), a record below one is public when its own
// is_public_*() predicate holds.
async function filterConditions(query: DirectoryQuery, now: Date): Promise<Prisma.Sql[]> {
  const conditions: Prisma.Sql[] = [Prisma.sql`is_public_organization(o)`];
  if (query.category) {
    conditions.push(Prisma.sql`o."categoryId" IN (SELECT t."id" FROM "TaxonomyTerm" t
      WHERE t."kind" = 'CATEGORY' AND t."slug" = ${query.category})`);
  }
  if (query.topic) {
    conditions.push(Prisma.sql`(
      EXISTS (SELECT 1 FROM "OrganizationTopic" ot JOIN "TaxonomyTerm" t ON t."id" = ot."termId"
               WHERE ot."organizationId" = o."id" AND t."kind" = 'TOPIC' AND t."slug" = ${query.topic})
      OR EXISTS (SELECT 1 FROM "ServiceTerm" st JOIN "Service" s ON s."id" = st."serviceId"
                   JOIN "TaxonomyTerm" t ON t."id" = st."termId"
                  WHERE s."organizationId" = o."id" AND is_public_service(s)
                    AND t."kind" = 'TOPIC' AND t."slug" = ${query.topic}))`);
  }
  if (query.targetGroup) {
    conditions.push(Prisma.sql`EXISTS (SELECT 1 FROM "ServiceTerm" st JOIN "Service" s ON s."id" = st."serviceId"
      JOIN "TaxonomyTerm" t ON t."id" = st."termId"
      WHERE s."organizationId" = o."id" AND is_public_service(s)
        AND t."kind" = 'TARGET_GROUP' AND t."slug" = ${query.targetGroup})`);
  }
  if (query.language) {
    conditions.push(Prisma.sql`EXISTS (SELECT 1 FROM "LanguageOffer" lo
      LEFT JOIN "ContactPerson" c ON c."id" = lo."contactPersonId"
      LEFT JOIN "Service" s ON s."id" = lo."serviceId"
      WHERE lo."organizationId" = o."id" AND lo."languageCode" = ${query.language}
        AND is_public_language_offer(lo, c, s))`);
  }
  if (query.age !== undefined) {
    // Organizations whose services state no age serve every age; those with age-bound services
    // only match when one of them fits.
    conditions.push(Prisma.sql`(${ageMatchSql(query.age)}
      OR NOT EXISTS (SELECT 1 FROM "Service" s WHERE s."organizationId" = o."id" AND is_public_service(s)
                       AND (s."minAge" IS NOT NULL OR s."maxAge" IS NOT NULL)))`);
  }
  if (query.municipality) {
    conditions.push(Prisma.sql`EXISTS (SELECT 1 FROM "Location" l WHERE l."organizationId" = o."id"
      AND is_public_location(l) AND l."municipality" = ${query.municipality})`);
  }
  if (query.wheelchair) {
    conditions.push(Prisma.sql`EXISTS (SELECT 1 FROM "Location" l WHERE l."organizationId" = o."id"
      AND is_public_location(l) AND l."wheelchairAccessible" = true)`);
  }
  if (query.openNow) {
    const openIds = await listOpenOrganizationIds({ now });
    conditions.push(Prisma.sql`o."id" = ANY(${openIds}::uuid[])`);
  }
  return conditions;
}

function ageMatchSql(age: number): Prisma.Sql {
  return Prisma.sql`EXISTS (SELECT 1 FROM "Service" s WHERE s."organizationId" = o."id" AND is_public_service(s)
    AND (s."minAge" IS NOT NULL OR s."maxAge" IS NOT NULL)
    AND coalesce(s."minAge", 0) <= ${age} AND coalesce(s."maxAge", 999) >= ${age})`;
}

// Name matches weigh most: full-text weight A (names) over B (everything else), trigram
// similarity to the name over similarity to the rest, and a bonus when the name starts with the
// query.
function scoreSql(q: string, tokens: SearchToken[]): Prisma.Sql {
  const anyToken = Prisma.join(
    tokens.flatMap((token) => [prefixQuery(token.text), ...(token.stem ? [prefixQuery(token.stem)] : [])]),
    ' || ',
  );
  return Prisma.sql`(
    ts_rank('{0.05, 0.1, 0.3, 1.0}', o."search", ${anyToken})
    + 2.0 * word_similarity(search_normalize(${q}), o."searchName")
    + CASE WHEN o."searchName" LIKE search_normalize(${q}) || '%' THEN 1.0 ELSE 0 END
    + CASE WHEN o."searchName" = search_normalize(${q}) OR search_normalize(o."shortName") = search_normalize(${q}) THEN 2.0 ELSE 0 END
  )`;
}

async function runSearch(query: DirectoryQuery, filters: Prisma.Sql[], limit: number, pass: Pass): Promise<SearchResult> {
  const tokens = tokenizeQuery(query.q);
  const conditions = [...filters, ...tokens.map((token) => tokenCondition(token, pass))];
  const offset = (query.page - 1) * limit;
  const score = tokens.length > 0 ? scoreSql(query.q, tokens) : Prisma.sql`0`;
  const ageBoost = query.age !== undefined ? Prisma.sql`(CASE WHEN ${ageMatchSql(query.age)} THEN 1 ELSE 0 END)` : Prisma.sql`0`;
  // The window count runs over the narrow CTE rows, not over whole organization rows.
  const rows = await db.$queryRaw<{ id: string; score: number; total: bigint }[]>`
    WITH matches AS (
      SELECT o."id", o."isCoordinationOffice", o."sortOrder", o."name",
             (${score})::float8 AS score, (${ageBoost})::int AS age_boost
        FROM "Organization" o
       WHERE ${Prisma.join(conditions, ' AND ')}
    )
    SELECT m."id"::text AS id, m.score, count(*) OVER () AS total
      FROM matches m
     ORDER BY m.age_boost DESC, m.score DESC, m."isCoordinationOffice" DESC, m."sortOrder" ASC, m."name" ASC
     LIMIT ${limit} OFFSET ${offset}`;
  if (rows.length === 0 && offset > 0) {
    // Past the last page: report the total so that the page can offer a way back.
    const [{ total }] = await db.$queryRaw<{ total: bigint }[]>`
      SELECT count(*) AS total FROM "Organization" o WHERE ${Prisma.join(conditions, ' AND ')}`;
    return { total: Number(total), hits: [] };
  }
  return {
    total: rows.length > 0 ? Number(rows[0].total) : 0,
    hits: rows.map((row) => ({ id: row.id, score: row.score })),
  };
}

export async function searchOrganizationIds({
  query,
  now = new Date(),
  limit = PAGE_SIZE,
}: {
  query: DirectoryQuery;
  now?: Date;
  limit?: number;
}): Promise<SearchResult> {
  // Nothing found as typed: forgive typos, first in names, then anywhere.
  const passes: Pass[] = tokenizeQuery(query.q).length > 0 ? ['exact', 'fuzzyName', 'fuzzyText'] : ['exact'];
  const filters = await filterConditions(query, now);
  let result: SearchResult = { total: 0, hits: [] };
  for (const pass of passes) {
    result = await runSearch(query, filters, limit, pass);
    if (result.total > 0) break;
  }
  return result;
}
