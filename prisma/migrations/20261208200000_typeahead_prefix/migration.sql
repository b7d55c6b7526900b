-- Issue 11 point 6: the typeahead's own index. For every public organization, every prefix (2 to 20
-- letters; the typeahead never looks up one letter) of every word of its names (name, short name,
-- translated names) and of its keywords (every UI language), once per organization with its best
-- tier: 0 the word begins a name, 1 a later word of a name, 2 a word of a keyword. The directory's
-- order (coordination office, curated order, name) is copied in, so that
-- "TypeaheadPrefix_order_idx" lists the entries for one typed prefix in the typeahead's order: six
-- of them are six index entries, however many organizations share the prefix ("Berat": 7,000 of
-- 10,000). Words are normalized with search_normalize() (every script) and split at spaces and
-- punctuation, as lib/search/query.ts splits the visitor's words. Kept current set-based by
-- statement triggers on "Organization" (a translated name reaches it through
-- translation_search_touch, which rewrites "searchName"); only public organizations have rows, and
-- only their names and keywords are read (no person's data: description and contacts are not
-- indexed here). lib/data/directory/typeahead.ts reads it.

-- CreateTable
CREATE TABLE "TypeaheadPrefix" (
    "organizationId" UUID NOT NULL,
    "prefix" TEXT NOT NULL,
    "tier" SMALLINT NOT NULL,
    "isCoordinationOffice" BOOLEAN NOT NULL,
    "sortOrder" INTEGER NOT NULL,
    "name" TEXT NOT NULL,

    CONSTRAINT "TypeaheadPrefix_pkey" PRIMARY KEY ("organizationId","prefix")
);

-- CreateIndex
CREATE INDEX "TypeaheadPrefix_order_idx" ON "TypeaheadPrefix"("prefix", "tier", "isCoordinationOffice" DESC, "sortOrder", "name", "organizationId");

-- The words of an organization's names and keywords with their tier. Separators: white space,
-- ASCII punctuation, Latin-1 and general punctuation, Arabic comma/semicolon/question mark and
-- number signs; apostrophes inside a word are dropped ("сім'я" = "сімя", as tokenizeQuery does).
-- An Arabic word is also indexed without its article ("العمل" is found by "عم"). The texts are one
-- array (keywords first, then name, short name, translated names), not a UNION: PostgreSQL 18
-- fails to plan the inlined UNION form ("variable not found in subplan target list").
CREATE OR REPLACE FUNCTION typeahead_words(o "Organization") RETURNS TABLE (word text, tier smallint)
  LANGUAGE sql STABLE
  AS $$
    SELECT v.word, (CASE WHEN f.field = 1 THEN 2 WHEN m.pos > 1 THEN 1 ELSE 0 END)::smallint
      FROM unnest(ARRAY[organization_keywords_text(o."keywords"), o."name", o."shortName"]
                  || ARRAY(SELECT t."value" FROM "Translation" t
                            WHERE t."entityType" = 'ORGANIZATION' AND t."entityId" = o."id" AND t."field" = 'name'))
           WITH ORDINALITY AS f(text, field)
     CROSS JOIN LATERAL regexp_matches(regexp_replace(search_normalize(f.text), '[''’ʼ]', '', 'g'),
                 '[^\s\x21-\x2f\x3a-\x40\x5b-\x60\x7b-\x7e\u00a0-\u00bf\u2000-\u206f\u060c\u061b\u061f\u066a-\u066d]+', 'g')
                 WITH ORDINALITY AS m(parts, pos)
     CROSS JOIN LATERAL (VALUES (m.parts[1]), (substring(m.parts[1] FROM '^(?:وال|بال|فال|كال|لل|ال)(..+)$'))) v(word)
     WHERE v.word IS NOT NULL
  $$;

-- Rebuilds the rows of the given organizations (set-based: one DELETE and one INSERT).
CREATE OR REPLACE FUNCTION typeahead_prefix_refresh(org_ids uuid[]) RETURNS void
  LANGUAGE sql
  AS $$
    DELETE FROM "TypeaheadPrefix" WHERE "organizationId" = ANY (org_ids);
    INSERT INTO "TypeaheadPrefix" ("organizationId", "prefix", "tier", "isCoordinationOffice", "sortOrder", "name")
    SELECT o."id", left(w.word, k.n), min(w.tier), o."isCoordinationOffice", o."sortOrder", o."name"
      FROM "Organization" o
     CROSS JOIN LATERAL typeahead_words(o) w
     CROSS JOIN LATERAL generate_series(2, least(char_length(w.word), 20)) AS k(n)
     WHERE o."id" = ANY (org_ids) AND is_public_organization(o)
     GROUP BY o."id", left(w.word, k.n);
  $$;

-- Once per statement: the organizations inserted, deleted, or updated in anything the rows are made
-- of (names, keywords, translated names through "searchName", visibility, the directory's order).
CREATE OR REPLACE FUNCTION typeahead_prefix_sync() RETURNS trigger
  LANGUAGE plpgsql
  AS $$
  DECLARE
    ids uuid[];
  BEGIN
    IF TG_OP = 'INSERT' THEN
      SELECT array_agg(n."id") INTO ids FROM new_rows n;
    ELSIF TG_OP = 'DELETE' THEN
      SELECT array_agg(d."id") INTO ids FROM old_rows d;
    ELSE
      SELECT array_agg(n."id") INTO ids FROM new_rows n JOIN old_rows d ON d."id" = n."id"
       WHERE (n."name", n."shortName", n."keywords", n."searchName", n."status", n."deletedAt", n."isCoordinationOffice", n."sortOrder")
             IS DISTINCT FROM (d."name", d."shortName", d."keywords", d."searchName", d."status", d."deletedAt", d."isCoordinationOffice", d."sortOrder");
    END IF;
    IF ids IS NOT NULL THEN
      PERFORM typeahead_prefix_refresh(ids);
    END IF;
    RETURN NULL;
  END
  $$;

CREATE TRIGGER typeahead_prefix_insert AFTER INSERT ON "Organization"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION typeahead_prefix_sync();
CREATE TRIGGER typeahead_prefix_update AFTER UPDATE ON "Organization"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION typeahead_prefix_sync();
CREATE TRIGGER typeahead_prefix_delete AFTER DELETE ON "Organization"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION typeahead_prefix_sync();

-- The organizations that exist already.
SELECT typeahead_prefix_refresh(coalesce(array_agg("id"), '{}')) FROM "Organization";
