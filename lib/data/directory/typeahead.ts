// The typeahead's organizations (issue 11 point 6): a query of its own, built for letter-by-letter
// input and read from the prefix index "TypeaheadPrefix" (migration 20261208200000_typeahead_prefix),
// not the directory search's ranking. Every typed word is the beginning of a word of the entry's
// names (name, short name, translated names) or keywords; the last one is usually unfinished
// ("Jobc", "Berat"), and the others are treated the same way, so that a plural or a compound
// still matches. Order: entries whose name begins with the first word, then those with it as a
// later name word, then those with it in a keyword, each in the directory's own order (coordination
// office, curated order, name). Each word is normalized by search_normalize(), as the index is
// (every script); an Arabic word is also found without its article.
//
// Why so: the six entries come straight from an index in that order (prefix, tier, directory
// order), so six suggestions cost six index entries whether 10 or 7,000 entries share the prefix,
// and the other words are one primary-key probe per candidate. Entries found only through the
// search vocabulary, a description or a typo are left to the search itself; a word inside a
// compound only fills places the beginnings leave free (insideCompounds).
import 'server-only';
import { db } from '@/lib/db';
import { Prisma } from '@/lib/generated/prisma/client';
import { tokenizeQuery } from '@/lib/search/query';

const TYPEAHEAD_LIMIT = 6;

// The index holds prefixes of up to 20 letters (the migration's typeahead_prefix_refresh); a longer
// typed word is looked up by its first 20.
function prefixSql(word: string): Prisma.Sql {
  return Prisma.sql`left(search_normalize(${word}), 20)`;
}

// Ids of public organizations for the typed text, best first. Stop words and one-letter words are
// left out as in the search (tokenizeQuery).
export async function typeaheadOrganizationIds(q: string, limit = TYPEAHEAD_LIMIT): Promise<string[]> {
  const words = tokenizeQuery(q).map((token) => token.text);
  if (words.length === 0) return [];
  const [first, ...others] = words;
  const alsoHas = others.map(
    (word) => Prisma.sql`AND EXISTS (SELECT 1 FROM "TypeaheadPrefix" x
                                      WHERE x."organizationId" = p."organizationId" AND x."prefix" = ${prefixSql(word)})`,
  );
  // The index has only public entries; the join still applies the public rule itself, so that a
  // row the triggers have not yet removed can never show.
  const rows = await db.$queryRaw<{ id: string }[]>`
    SELECT p."organizationId"::text AS id
      FROM "TypeaheadPrefix" p JOIN "Organization" o ON o."id" = p."organizationId"
     WHERE p."prefix" = ${prefixSql(first)} AND is_public_organization(o) ${alsoHas.length > 0 ? Prisma.join(alsoHas, ' ') : Prisma.empty}
     ORDER BY p."tier", p."isCoordinationOffice" DESC, p."sortOrder", p."name", p."organizationId"
     LIMIT ${limit}::int`;
  const ids = rows.map((row) => row.id);
  if (ids.length >= limit || !words.some((word) => [...word].length >= COMPOUND_PART_MIN)) return ids;
  return [...ids, ...(await insideCompounds(words, ids, limit - ids.length))];
}

// German names are compounds: a visitor typing "beratung" means "Migrationsberatung" too. When the
// word beginnings leave places free, names that contain a typed word of four or more letters inside
// a word follow (after every beginning match, in the directory's order); shorter words still have
// to begin a word ("ar" inside "Jugendarbeit" is noise). Read through the trigram index of
// "searchName" only in this case, so a common beginning ("Berat") never pays for it.
const COMPOUND_PART_MIN = 4;

async function insideCompounds(words: string[], found: string[], limit: number): Promise<string[]> {
  const conditions = words.map((word) =>
    [...word].length >= COMPOUND_PART_MIN
      ? Prisma.sql`o."searchName" LIKE '%' || search_normalize(${word}) || '%'`
      : Prisma.sql`EXISTS (SELECT 1 FROM "TypeaheadPrefix" x WHERE x."organizationId" = o."id" AND x."prefix" = ${prefixSql(word)})`,
  );
  const rows = await db.$queryRaw<{ id: string }[]>`
    SELECT o."id"::text AS id FROM "Organization" o
     WHERE is_public_organization(o) AND ${Prisma.join(conditions, ' AND ')}
       AND NOT (o."id" = ANY(${found}::uuid[]))
     ORDER BY o."isCoordinationOffice" DESC, o."sortOrder", o."name", o."id"
     LIMIT ${limit}::int`;
  return rows.map((row) => row.id);
}
