// SQL of the search vocabulary's concepts inside the directory search (lib/data/directory/rank.ts):
// which entries a concept reaches, and how well. Every input is a bound parameter.
import 'server-only';
import { Prisma } from '@/lib/generated/prisma/client';

// The organizations tagged with a term of the given concepts: by category, by topic, or through
// a public service. Uncorrelated: evaluated once per query (a set of ids), never per row.
export function conceptOrganizationIdsSql(conceptIds: string[]): Prisma.Sql {
  return Prisma.sql`SELECT ot."organizationId" AS "id" FROM "OrganizationTopic" ot JOIN "SearchConceptTerm" ct ON ct."termId" = ot."termId"
       WHERE ct."conceptId" = ANY(${conceptIds}::uuid[])
      UNION SELECT s."organizationId" FROM "ServiceTerm" st JOIN "Service" s ON s."id" = st."serviceId"
        JOIN "SearchConceptTerm" ct ON ct."termId" = st."termId"
       WHERE ct."conceptId" = ANY(${conceptIds}::uuid[]) AND is_public_service(s)
      UNION SELECT c."id" FROM "Organization" c JOIN "SearchConceptTerm" ct ON ct."termId" = c."categoryId"
       WHERE ct."conceptId" = ANY(${conceptIds}::uuid[])`;
}

// More of what the concept means (topic and target group and kind of institution) ranks higher.
// Correlated, so it only runs for the few candidates that are scored.
export function conceptScoreSql(conceptIds: string[]): Prisma.Sql {
  return Prisma.sql`(SELECT least(0.45, 0.15 * count(DISTINCT ct."termId")) FROM "SearchConceptTerm" ct
     WHERE ct."conceptId" = ANY(${conceptIds}::uuid[])
       AND (ct."termId" = o."categoryId"
            OR EXISTS (SELECT 1 FROM "OrganizationTopic" ot WHERE ot."organizationId" = o."id" AND ot."termId" = ct."termId")
            OR EXISTS (SELECT 1 FROM "ServiceTerm" st JOIN "Service" s ON s."id" = st."serviceId"
                        WHERE s."organizationId" = o."id" AND is_public_service(s) AND st."termId" = ct."termId")))`;
}

// Whether the entry's own text (`column`: its name, or all its text) says what a concept means in
// another of the concept's words ("борги" finds the "Schuldnerberatung" before entries merely
// tagged with counselling; "food bank" finds the "Tafel"). The concept's words are normalized once
// per query (an uncorrelated sub-select); the LIKE runs only for the few candidates that are scored.
export function conceptWordSql(conceptIds: string[], column: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`EXISTS (SELECT 1 FROM unnest(ARRAY(SELECT search_normalize(w."word") FROM "SearchConceptWord" w
      WHERE w."conceptId" = ANY(${conceptIds}::uuid[]) AND length(w."normalized") >= 4)) AS x(word)
      WHERE ${column} LIKE '%' || x.word || '%')`;
}
