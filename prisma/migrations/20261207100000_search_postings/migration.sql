-- Issue 11 point 6: an inverted index of every organization's search text, so that a query word
-- costs the entries that have it (index reads), not a test of every entry's text (full text,
-- LIKE and trigram similarity row by row over "Organization", which grew with the directory).
--   "SearchPosting": per organization, each lexeme of its "search" vector (kind 'L'), each
--   whitespace-separated word of its "searchText" (kind 'W') and of its "searchName" (kind 'N',
--   names also translated). Drafts included: the queries filter. Only the primary key is read
--   (index-only scans).
--   "SearchTerm": the distinct terms of the postings (kinds 'L' and 'W'; a name's words are words of
--   the text too), small, with a trigram index: a query word is matched against the terms (prefix,
--   inside a compound, similarity), then the postings of the matching terms are read by key.
-- Kept current by one trigger on "Organization": every write path already recomputes the
-- organization's search columns (20261126110100_search and later), which fires it. Terms that no
-- posting uses any more stay (harmless: they lead to no entry).

-- CreateTable
CREATE TABLE "SearchTerm" (
    "kind" TEXT NOT NULL,
    "term" TEXT NOT NULL,

    CONSTRAINT "SearchTerm_pkey" PRIMARY KEY ("kind","term")
);

-- CreateTable
CREATE TABLE "SearchPosting" (
    "kind" TEXT NOT NULL,
    "term" TEXT NOT NULL,
    "organizationId" UUID NOT NULL,

    CONSTRAINT "SearchPosting_pkey" PRIMARY KEY ("kind","term","organizationId")
);

-- CreateIndex
CREATE INDEX "SearchTerm_term_trgm_idx" ON "SearchTerm" USING GIN ("term" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "SearchPosting_organizationId_idx" ON "SearchPosting"("organizationId");

-- The public entries in the directory's order, with everything the ranking's first phase reads of
-- them (index-only scans instead of reading every row of the wide table).
CREATE INDEX "Organization_public_order_idx" ON "Organization"("status", "deletedAt", "isCoordinationOffice" DESC, "sortOrder", "name", "id");

-- AddForeignKey
ALTER TABLE "SearchPosting" ADD CONSTRAINT "SearchPosting_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- The postings of one organization from its search columns (the trigger below, and the backfill).
CREATE OR REPLACE FUNCTION refresh_search_postings(o "Organization") RETURNS void
  LANGUAGE plpgsql
  AS $$
  BEGIN
    DELETE FROM "SearchPosting" WHERE "organizationId" = o."id";
    INSERT INTO "SearchPosting" ("kind", "term", "organizationId")
      SELECT DISTINCT 'L', l.lexeme, o."id" FROM unnest(o."search") AS l
      UNION
      SELECT 'W', w, o."id" FROM regexp_split_to_table(o."searchText", '\s+') AS w WHERE w <> ''
      UNION
      SELECT 'N', w, o."id" FROM regexp_split_to_table(o."searchName", '\s+') AS w WHERE w <> '';
    INSERT INTO "SearchTerm" ("kind", "term")
      SELECT DISTINCT p."kind", p."term" FROM "SearchPosting" p WHERE p."organizationId" = o."id" AND p."kind" <> 'N'
      ON CONFLICT DO NOTHING;
  END
  $$;

CREATE OR REPLACE FUNCTION organization_search_postings() RETURNS trigger
  LANGUAGE plpgsql
  AS $$
  BEGIN
    PERFORM refresh_search_postings(NEW);
    RETURN NULL;
  END
  $$;

CREATE TRIGGER organization_search_postings_insert AFTER INSERT ON "Organization"
  FOR EACH ROW EXECUTE FUNCTION organization_search_postings();
CREATE TRIGGER organization_search_postings_update AFTER UPDATE ON "Organization"
  FOR EACH ROW WHEN (OLD."searchText" IS DISTINCT FROM NEW."searchText" OR OLD."searchName" IS DISTINCT FROM NEW."searchName")
  EXECUTE FUNCTION organization_search_postings();

-- The postings of every existing organization.
SELECT refresh_search_postings(o) FROM "Organization" o;
