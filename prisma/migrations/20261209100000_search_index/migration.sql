-- Issue 11 point 6: the directory search's own index. A common word ("Beratung") meets most of
-- the directory; testing every entry's text for it row by row (LIKE, trigram similarity, the
-- full-text vector, the concept tags) cost 40-110 ms at 10,000 organizations. Here every public
-- organization has a small integer key ("SearchEntry") and every term it can be found by has the
-- sorted array of the keys that carry it ("SearchTerm"), so that a word's set of entries is the
-- union of a few arrays and the coverage classes of the ranking are array intersections
-- (extension intarray, in C), not rows. lib/data/directory/search-index.ts reads it through
-- search_candidates(); the general ranking SQL of lib/data/directory/rank.ts stays the definition
-- (tests/integration/search-index.test.ts compares both).
--
-- Kinds of terms (what each posting says of the organization; only public organizations and only
-- public records below them, by the is_public_*() rules of 20261202100000_public_visibility):
--   w  a white-space separated part of "searchText" (the text the search may read), for the word
--      inside a longer word (LIKE '%x%') and, in the typo pass, similar spellings;
--   n  a part of "searchName" (names, also translated), in a table of its own ("SearchNameTerm"):
--      name hits and similar spellings in names (trigram word similarity over a few thousand
--      name parts, not over every word of every text);
--   l  a lexeme of the full-text vector "search" (German stemming; a word is matched as prefix);
--   c  the category, o  a topic of the organization, s  a term of one of its public services
--      (taxonomy term ids: the search vocabulary's concepts and the topic / target group filters);
--   m  the town of a public location, a  '1' when a public location is wheelchair accessible,
--   g  the code of a public language offer;
--   y  each age (0-120) that one of its public services with an age range serves, or '*' when
--      none of its public services states an age (the age filter: such entries serve every age);
--   x, X  a concept of the search vocabulary one of whose words (4+ letters) its text (x) or its
--      names (X) contain: the ranking's "the entry says what the concept means in other words"
--      (conceptWordSql of concept-sql.ts), otherwise dozens of LIKEs per entry and query. Kept
--      by the organization's re-indexing and, when the vocabulary changes, per concept
--      ("SearchConceptPattern": the concept's words as the search normalizes them).
-- The directory's order (coordination office, curated order, name) is one array "SearchOrder"
-- (position per key), so the best of a large set are found without reading its organizations.
--
-- Kept current at commit: triggers mark changed organizations in "SearchIndexDirty" (cheap, per
-- statement or row) and one deferred trigger re-indexes them set-based when the transaction
-- commits, so a 500-row import re-indexes each organization once, not once per child row. A
-- term whose last key goes is deleted in the same transaction (erased personal data leaves no
-- term behind).

CREATE EXTENSION IF NOT EXISTS "intarray";

-- CreateTable
CREATE TABLE "SearchEntry" (
    "organizationId" UUID NOT NULL,
    "key" SERIAL NOT NULL,
    "terms" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "keywords" TEXT,
    "shortName" TEXT,

    CONSTRAINT "SearchEntry_pkey" PRIMARY KEY ("organizationId")
);

-- CreateTable
CREATE TABLE "SearchTerm" (
    "kind" TEXT NOT NULL,
    "term" TEXT NOT NULL,
    "keys" INTEGER[],

    CONSTRAINT "SearchTerm_pkey" PRIMARY KEY ("kind","term")
);

-- CreateTable
CREATE TABLE "SearchNameTerm" (
    "term" TEXT NOT NULL,
    "keys" INTEGER[],

    CONSTRAINT "SearchNameTerm_pkey" PRIMARY KEY ("term")
);

-- CreateTable
CREATE TABLE "SearchOrder" (
    "id" INTEGER NOT NULL,
    "positions" INTEGER[],

    CONSTRAINT "SearchOrder_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SearchConceptPattern" (
    "conceptId" UUID NOT NULL,
    "pattern" TEXT NOT NULL,

    CONSTRAINT "SearchConceptPattern_pkey" PRIMARY KEY ("conceptId","pattern")
);

-- CreateTable
CREATE TABLE "SearchIndexDirty" (
    "organizationId" UUID NOT NULL,

    CONSTRAINT "SearchIndexDirty_pkey" PRIMARY KEY ("organizationId")
);

-- CreateIndex
CREATE UNIQUE INDEX "SearchEntry_key_key" ON "SearchEntry"("key");

-- CreateIndex
CREATE INDEX "SearchTerm_term_idx" ON "SearchTerm" USING SPGIST ("term");

-- CreateIndex
CREATE INDEX "SearchTerm_term_trgm_idx" ON "SearchTerm" USING GIN ("term" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "SearchNameTerm_term_trgm_idx" ON "SearchNameTerm" USING GIN ("term" gin_trgm_ops);

-- The terms of one public organization (kinds above). PL/pgSQL, not an inlined SQL function: PostgreSQL 18 fails to plan
-- this UNION inlined into the LATERAL join of search_index_refresh ("variable not found in
-- subplan target list", as noted in 20261208200000_typeahead_prefix).
CREATE OR REPLACE FUNCTION search_index_terms(o "Organization") RETURNS TABLE (kind text, term text)
  LANGUAGE plpgsql STABLE
  AS $$
  BEGIN
    RETURN QUERY
    SELECT DISTINCT 'w'::text, x FROM regexp_split_to_table(coalesce(o."searchText", '') || ' ' || coalesce(o."searchName", ''), '\s+') x
     WHERE x <> ''
    UNION ALL
    SELECT DISTINCT 'n', x FROM regexp_split_to_table(coalesce(o."searchName", ''), '\s+') x WHERE x <> ''
    UNION ALL
    SELECT 'l', l FROM unnest(tsvector_to_array(o."search")) l
    UNION ALL
    SELECT 'c', o."categoryId"::text WHERE o."categoryId" IS NOT NULL
    UNION ALL
    SELECT 'o', ot."termId"::text FROM "OrganizationTopic" ot WHERE ot."organizationId" = o."id"
    UNION ALL
    SELECT DISTINCT 's', st."termId"::text FROM "Service" s JOIN "ServiceTerm" st ON st."serviceId" = s."id"
     WHERE s."organizationId" = o."id" AND is_public_service(s)
    UNION ALL
    SELECT DISTINCT 'm', l."municipality" FROM "Location" l
     WHERE l."organizationId" = o."id" AND is_public_location(l) AND l."municipality" IS NOT NULL
    UNION ALL
    SELECT 'a', '1' WHERE EXISTS (SELECT 1 FROM "Location" l
     WHERE l."organizationId" = o."id" AND is_public_location(l) AND l."wheelchairAccessible" = true)
    UNION ALL
    SELECT DISTINCT 'g', lo."languageCode" FROM "LanguageOffer" lo
      LEFT JOIN "ContactPerson" c ON c."id" = lo."contactPersonId"
      LEFT JOIN "Service" s ON s."id" = lo."serviceId"
     WHERE lo."organizationId" = o."id" AND is_public_language_offer(lo, c, s)
    UNION ALL
    SELECT DISTINCT 'y', a::text FROM "Service" s
     CROSS JOIN LATERAL generate_series(greatest(coalesce(s."minAge", 0), 0), least(coalesce(s."maxAge", 120), 120)) a
     WHERE s."organizationId" = o."id" AND is_public_service(s) AND (s."minAge" IS NOT NULL OR s."maxAge" IS NOT NULL)
    UNION ALL
    SELECT 'y', '*' WHERE NOT EXISTS (SELECT 1 FROM "Service" s
     WHERE s."organizationId" = o."id" AND is_public_service(s) AND (s."minAge" IS NOT NULL OR s."maxAge" IS NOT NULL))
    UNION ALL
    SELECT DISTINCT 'x', p."conceptId"::text FROM "SearchConceptPattern" p WHERE o."searchText" LIKE '%' || p."pattern" || '%'
    UNION ALL
    SELECT DISTINCT 'X', p."conceptId"::text FROM "SearchConceptPattern" p WHERE o."searchName" LIKE '%' || p."pattern" || '%';
  END
  $$;

-- The directory's order as a position per key (keys of organizations that are not public sort
-- last). Rebuilt whole: one sort of the public organizations.
CREATE OR REPLACE FUNCTION search_order_refresh() RETURNS void
  LANGUAGE sql
  AS $$
    INSERT INTO "SearchOrder" ("id", "positions")
    SELECT 1, coalesce((
      SELECT array_agg(coalesce(r.pos, 2147483647) ORDER BY g.k)
        FROM generate_series(1, (SELECT coalesce(max(e."key"), 0) FROM "SearchEntry" e)) g(k)
        LEFT JOIN (SELECT e."key", (row_number() OVER (ORDER BY o."isCoordinationOffice" DESC, o."sortOrder" ASC, o."name" ASC, o."id"))::int AS pos
                     FROM "SearchEntry" e JOIN "Organization" o ON o."id" = e."organizationId"
                    WHERE is_public_organization(o)) r ON r."key" = g.k), '{}')
    ON CONFLICT ("id") DO UPDATE SET "positions" = EXCLUDED."positions";
  $$;

-- Re-indexes the given organizations: their keys leave the terms they had, public ones are posted
-- under their current terms, terms left without keys are deleted. One transaction at a time (the
-- advisory lock), so that two edits never interleave their array updates of a shared term.
CREATE OR REPLACE FUNCTION search_index_refresh(org_ids uuid[]) RETURNS void
  LANGUAGE plpgsql
  AS $$
  DECLARE
    dirty_keys int[];
    old_terms text[];
  BEGIN
    PERFORM pg_advisory_xact_lock(hashtext('search_index'));
    INSERT INTO "SearchEntry" ("organizationId")
    SELECT o."id" FROM "Organization" o WHERE o."id" = ANY (org_ids) AND is_public_organization(o)
    ON CONFLICT ("organizationId") DO NOTHING;

    SELECT coalesce(uniq(sort(array_agg(e."key"))), '{}'), coalesce(array_agg(DISTINCT t) FILTER (WHERE t IS NOT NULL), '{}')
      INTO dirty_keys, old_terms
      FROM "SearchEntry" e LEFT JOIN LATERAL unnest(e."terms") t ON true
     WHERE e."organizationId" = ANY (org_ids);
    IF cardinality(dirty_keys) = 0 THEN
      RETURN;
    END IF;

    UPDATE "SearchTerm" t SET "keys" = t."keys" - dirty_keys
     WHERE (t."kind", t."term") IN (SELECT left(x, 1), substr(x, 2) FROM unnest(old_terms) x WHERE left(x, 1) <> 'n');
    UPDATE "SearchNameTerm" t SET "keys" = t."keys" - dirty_keys
     WHERE t."term" IN (SELECT substr(x, 2) FROM unnest(old_terms) x WHERE left(x, 1) = 'n');
    UPDATE "SearchTerm" t SET "keys" = t."keys" - dirty_keys WHERE t."kind" IN ('x', 'X') AND t."keys" && dirty_keys;

    WITH fresh AS (
      SELECT DISTINCT e."key", x.kind, x.term
        FROM "SearchEntry" e
        JOIN "Organization" o ON o."id" = e."organizationId" AND is_public_organization(o)
       CROSS JOIN LATERAL search_index_terms(o) x
       WHERE e."organizationId" = ANY (org_ids)
    ), posted AS (
      INSERT INTO "SearchTerm" AS t ("kind", "term", "keys")
      SELECT f.kind, f.term, sort(array_agg(f."key")) FROM fresh f WHERE f.kind <> 'n' GROUP BY f.kind, f.term
      ON CONFLICT ("kind", "term") DO UPDATE SET "keys" = t."keys" | EXCLUDED."keys"
    ), named AS (
      INSERT INTO "SearchNameTerm" AS t ("term", "keys")
      SELECT f.term, sort(array_agg(f."key")) FROM fresh f WHERE f.kind = 'n' GROUP BY f.term
      ON CONFLICT ("term") DO UPDATE SET "keys" = t."keys" | EXCLUDED."keys"
    )
    UPDATE "SearchEntry" e SET "terms" = coalesce(x.terms, '{}'),
           "keywords" = search_normalize(coalesce(organization_keywords_text(o."keywords"), '')),
           "shortName" = search_normalize(o."shortName")
      FROM "SearchEntry" d
      JOIN "Organization" o ON o."id" = d."organizationId"
      LEFT JOIN (SELECT f."key", array_agg(f.kind || f.term) AS terms FROM fresh f WHERE f.kind NOT IN ('x', 'X') GROUP BY f."key") x ON x."key" = d."key"
     WHERE d."organizationId" = ANY (org_ids) AND e."organizationId" = d."organizationId";

    DELETE FROM "SearchTerm" t WHERE t."keys" = '{}'
       AND ((t."kind", t."term") IN (SELECT left(x, 1), substr(x, 2) FROM unnest(old_terms) x WHERE left(x, 1) <> 'n')
            OR t."kind" IN ('x', 'X'));
    DELETE FROM "SearchNameTerm" t WHERE t."keys" = '{}'
       AND t."term" IN (SELECT substr(x, 2) FROM unnest(old_terms) x WHERE left(x, 1) = 'n');
    -- Organizations that no longer exist give their key up.
    DELETE FROM "SearchEntry" e WHERE e."organizationId" = ANY (org_ids)
       AND NOT EXISTS (SELECT 1 FROM "Organization" o WHERE o."id" = e."organizationId");
    PERFORM search_order_refresh();
  END
  $$;

-- At commit: the organizations marked in this transaction, re-indexed once.
CREATE OR REPLACE FUNCTION search_index_apply() RETURNS trigger
  LANGUAGE plpgsql
  AS $$
  DECLARE
    ids uuid[];
  BEGIN
    WITH gone AS (DELETE FROM "SearchIndexDirty" RETURNING "organizationId")
    SELECT array_agg("organizationId") INTO ids FROM gone;
    IF ids IS NOT NULL THEN
      PERFORM search_index_refresh(ids);
    END IF;
    RETURN NULL;
  END
  $$;

CREATE CONSTRAINT TRIGGER search_index_apply AFTER INSERT ON "SearchIndexDirty"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION search_index_apply();

-- Marks: organizations inserted, updated or deleted. Every update marks, also one that leaves the
-- text as it was: a change below an organization (service, service term, topic, language offer,
-- contact) reaches it through organization_search_touch (20261126110100_search), which updates
-- the organization, and a new tag or a withdrawn consent need not change its text. The
-- re-indexing at commit runs once per organization however often it was marked.
CREATE OR REPLACE FUNCTION search_index_mark_organizations() RETURNS trigger
  LANGUAGE plpgsql
  AS $$
  BEGIN
    IF TG_OP = 'DELETE' THEN
      INSERT INTO "SearchIndexDirty" SELECT d."id" FROM old_rows d ON CONFLICT DO NOTHING;
    ELSE
      INSERT INTO "SearchIndexDirty" SELECT n."id" FROM new_rows n ON CONFLICT DO NOTHING;
    END IF;
    RETURN NULL;
  END
  $$;

CREATE TRIGGER search_index_insert AFTER INSERT ON "Organization"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION search_index_mark_organizations();
CREATE TRIGGER search_index_update AFTER UPDATE ON "Organization"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION search_index_mark_organizations();
CREATE TRIGGER search_index_delete AFTER DELETE ON "Organization"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION search_index_mark_organizations();

-- Locations are not part of the search text, so nothing touches the organization: they mark it.
CREATE OR REPLACE FUNCTION search_index_mark_location() RETURNS trigger
  LANGUAGE plpgsql
  AS $$
  BEGIN
    INSERT INTO "SearchIndexDirty"
    SELECT DISTINCT x FROM unnest(ARRAY[CASE WHEN TG_OP <> 'DELETE' THEN (NEW)."organizationId" END,
                                        CASE WHEN TG_OP <> 'INSERT' THEN (OLD)."organizationId" END]) x
     WHERE x IS NOT NULL AND EXISTS (SELECT 1 FROM "Organization" o WHERE o."id" = x)
    ON CONFLICT DO NOTHING;
    RETURN NULL;
  END
  $$;

CREATE TRIGGER search_index_mark AFTER INSERT OR UPDATE OR DELETE ON "Location"
  FOR EACH ROW EXECUTE FUNCTION search_index_mark_location();

-- The vocabulary changed: the changed concepts' patterns, then their x/X terms over every
-- public organization (the keys come and go in the term rows only; "SearchEntry"."terms" keeps
-- no x/X terms, an organization's re-indexing takes its key out of every x/X row instead).
CREATE OR REPLACE FUNCTION search_concept_refresh(concept_ids uuid[]) RETURNS void
  LANGUAGE plpgsql
  AS $$
  BEGIN
    PERFORM pg_advisory_xact_lock(hashtext('search_index'));
    DELETE FROM "SearchConceptPattern" p WHERE p."conceptId" = ANY (concept_ids);
    INSERT INTO "SearchConceptPattern" ("conceptId", "pattern")
    SELECT DISTINCT w."conceptId", search_normalize(w."word") FROM "SearchConceptWord" w
     WHERE w."conceptId" = ANY (concept_ids) AND length(w."normalized") >= 4
    ON CONFLICT DO NOTHING;
    DELETE FROM "SearchTerm" t WHERE t."kind" IN ('x', 'X') AND t."term" IN (SELECT c::text FROM unnest(concept_ids) c);
    INSERT INTO "SearchTerm" ("kind", "term", "keys")
    SELECT k.kind, k.concept, sort(array_agg(DISTINCT k."key"))
      FROM (SELECT 'x' AS kind, p."conceptId"::text AS concept, e."key"
              FROM "SearchEntry" e JOIN "Organization" o ON o."id" = e."organizationId" AND is_public_organization(o)
              JOIN "SearchConceptPattern" p ON p."conceptId" = ANY (concept_ids) AND o."searchText" LIKE '%' || p."pattern" || '%'
            UNION ALL
            SELECT 'X', p."conceptId"::text, e."key"
              FROM "SearchEntry" e JOIN "Organization" o ON o."id" = e."organizationId" AND is_public_organization(o)
              JOIN "SearchConceptPattern" p ON p."conceptId" = ANY (concept_ids) AND o."searchName" LIKE '%' || p."pattern" || '%') k
     GROUP BY k.kind, k.concept;
  END
  $$;

CREATE OR REPLACE FUNCTION search_concept_words_changed() RETURNS trigger
  LANGUAGE plpgsql
  AS $$
  DECLARE
    ids uuid[];
  BEGIN
    IF TG_OP = 'INSERT' THEN
      SELECT array_agg(DISTINCT n."conceptId") INTO ids FROM new_rows n;
    ELSIF TG_OP = 'DELETE' THEN
      SELECT array_agg(DISTINCT d."conceptId") INTO ids FROM old_rows d;
    ELSE
      SELECT array_agg(DISTINCT x) INTO ids FROM (SELECT n."conceptId" AS x FROM new_rows n UNION SELECT d."conceptId" FROM old_rows d) u;
    END IF;
    IF ids IS NOT NULL THEN
      PERFORM search_concept_refresh(ids);
    END IF;
    RETURN NULL;
  END
  $$;

CREATE TRIGGER search_concept_words_insert AFTER INSERT ON "SearchConceptWord"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION search_concept_words_changed();
CREATE TRIGGER search_concept_words_update AFTER UPDATE ON "SearchConceptWord"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION search_concept_words_changed();
CREATE TRIGGER search_concept_words_delete AFTER DELETE ON "SearchConceptWord"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION search_concept_words_changed();

-- A renamed language or taxonomy label re-texts every organization (organization_search_touch_all),
-- which marks them through the update trigger above. TRUNCATE (the tests' reset) empties the index.
CREATE OR REPLACE FUNCTION search_index_truncate() RETURNS trigger
  LANGUAGE plpgsql
  AS $$
  BEGIN
    DELETE FROM "SearchTerm";
    DELETE FROM "SearchNameTerm";
    DELETE FROM "SearchEntry";
    DELETE FROM "SearchOrder";
    DELETE FROM "SearchIndexDirty";
    RETURN NULL;
  END
  $$;

CREATE TRIGGER search_index_truncate AFTER TRUNCATE ON "Organization"
  FOR EACH STATEMENT EXECUTE FUNCTION search_index_truncate();

CREATE OR REPLACE FUNCTION search_concept_words_truncate() RETURNS trigger
  LANGUAGE plpgsql
  AS $$
  BEGIN
    DELETE FROM "SearchConceptPattern";
    DELETE FROM "SearchTerm" WHERE "kind" IN ('x', 'X');
    RETURN NULL;
  END
  $$;

CREATE TRIGGER search_concept_words_truncate AFTER TRUNCATE ON "SearchConceptWord"
  FOR EACH STATEMENT EXECUTE FUNCTION search_concept_words_truncate();

CREATE AGGREGATE int_union_agg(int[]) (SFUNC = _int_union, STYPE = int[], INITCOND = '{}');

-- One word's sets (search_candidates): the keys whose own text covers it, those tied to it only
-- through a concept, those whose name has it.
CREATE TYPE search_word_set AS (own int[], tagged int[], named int[]);
-- One part of a ranking: keys that share coverage, fit of the age filter and name hits.
CREATE TYPE search_part AS (coverage float8, age_boost int, name_hits int, keys int[]);

-- The keys of the organizations whose own text or names cover a word, as the ranking's sets
-- w<i>, s<i>, f<i> (lib/data/directory/word-sql.ts): the full-text prefix of each form of the
-- word (text, compound stem, Latin spelling; a form with several lexemes needs all of them), the
-- word inside a longer word (4+ letters), a similar spelling in a name (4+ letters, trigram word
-- similarity) and, in the typo pass (`fuzzy`), a similar word anywhere in the text.
CREATE OR REPLACE FUNCTION search_word_keys(word jsonb, fuzzy boolean) RETURNS int[]
  LANGUAGE plpgsql STABLE
  AS $$
  DECLARE
    result int[] := '{}';
    form text;
    lexemes text[];
    lexeme text;
    form_keys int[];
    lexeme_keys int[];
    needle text := search_normalize(word->>'text');
  BEGIN
    FOR form IN SELECT x FROM unnest(ARRAY[word->>'text', word->>'stem', word->>'latin']) x WHERE x IS NOT NULL LOOP
      lexemes := tsvector_to_array(to_tsvector('german', translate(search_normalize(form), ' :*&|!()<>''\', '')));
      CONTINUE WHEN cardinality(lexemes) = 0;
      form_keys := NULL;
      FOREACH lexeme IN ARRAY lexemes LOOP
        SELECT coalesce(int_union_agg(t."keys"), '{}') INTO lexeme_keys
          FROM "SearchTerm" t WHERE t."kind" = 'l' AND t."term" ^@ lexeme;
        form_keys := CASE WHEN form_keys IS NULL THEN lexeme_keys ELSE form_keys & lexeme_keys END;
      END LOOP;
      result := result | form_keys;
    END LOOP;
    IF char_length(word->>'text') >= 4 THEN
      result := result | coalesce((SELECT int_union_agg(t."keys") FROM "SearchTerm" t
                                    WHERE t."kind" = 'w' AND t."term" LIKE '%' || needle || '%'), '{}');
      result := result | coalesce((SELECT int_union_agg(t."keys") FROM "SearchNameTerm" t WHERE needle <% t."term"), '{}');
      IF fuzzy THEN
        result := result | coalesce((SELECT int_union_agg(t."keys") FROM "SearchTerm" t
                                      WHERE t."kind" = 'w' AND needle <% t."term"), '{}');
      END IF;
    END IF;
    RETURN result;
  END
  $$;

-- The candidates of one directory search, best first, as stage 1 of lib/data/directory/rank.ts
-- orders them (coverage of the query's words, fit of the age filter, name hits, directory order),
-- `depth` of them, each with the total number of matches. `q`:
--   { "words": [{ "text": word, "stem": compound stem or null, "latin": Latin spelling or null,
--                 "concepts": [uuid], "conceptsFuzzy": bool }],
--     "q": the query as typed, "towns": [town named in it],
--     "fuzzy": bool, "depth": n,
--     "filters": { "category", "topic", "targetGroup", "language", "municipality": text,
--                  "wheelchair": bool, "age": n } }
-- Without words: the organizations that meet the filters, in the directory's order (age fit first).
-- Sets are intarray arrays: a word's set is a union of a few term arrays, the ranking's classes
-- are intersections and differences of them; only the best `depth` keys become rows.
CREATE OR REPLACE FUNCTION search_candidates(q jsonb)
  RETURNS TABLE (id uuid, key int, coverage numeric, age_boost int, name_hits int, total bigint, rank int)
  LANGUAGE plpgsql STABLE
  AS $$
  DECLARE
    f jsonb := coalesce(q->'filters', '{}');
    fuzzy boolean := coalesce((q->>'fuzzy')::boolean, false);
    depth int := coalesce((q->>'depth')::int, 60);
    filter_keys int[];
    boost_keys int[];
    set_keys int[];
    word jsonb;
    sets search_word_set[] := '{}';
    s search_word_set;
    own int[];
    tagged int[];
    named int[];
    all_keys int[] := '{}';
    total_count int;
    n int;
    weight float8;
    parts search_part[];
    positions int[];
    last_concepts jsonb;
    last_tagged int[];
  BEGIN
    -- The filters, each a set of keys; together their intersection.
    IF f ? 'category' THEN
      SELECT coalesce(int_union_agg(t."keys"), '{}') INTO set_keys FROM "SearchTerm" t
       WHERE t."kind" = 'c' AND t."term" IN (SELECT x."id"::text FROM "TaxonomyTerm" x WHERE x."kind" = 'CATEGORY' AND x."slug" = f->>'category');
      filter_keys := set_keys;
    END IF;
    IF f ? 'topic' THEN
      SELECT coalesce(int_union_agg(t."keys"), '{}') INTO set_keys FROM "SearchTerm" t
       WHERE t."kind" IN ('o', 's') AND t."term" IN (SELECT x."id"::text FROM "TaxonomyTerm" x WHERE x."kind" = 'TOPIC' AND x."slug" = f->>'topic');
      filter_keys := CASE WHEN filter_keys IS NULL THEN set_keys ELSE filter_keys & set_keys END;
    END IF;
    IF f ? 'targetGroup' THEN
      SELECT coalesce(int_union_agg(t."keys"), '{}') INTO set_keys FROM "SearchTerm" t
       WHERE t."kind" = 's' AND t."term" IN (SELECT x."id"::text FROM "TaxonomyTerm" x WHERE x."kind" = 'TARGET_GROUP' AND x."slug" = f->>'targetGroup');
      filter_keys := CASE WHEN filter_keys IS NULL THEN set_keys ELSE filter_keys & set_keys END;
    END IF;
    IF f ? 'language' THEN
      SELECT coalesce(int_union_agg(t."keys"), '{}') INTO set_keys FROM "SearchTerm" t WHERE t."kind" = 'g' AND t."term" = f->>'language';
      filter_keys := CASE WHEN filter_keys IS NULL THEN set_keys ELSE filter_keys & set_keys END;
    END IF;
    IF f ? 'municipality' THEN
      SELECT coalesce(int_union_agg(t."keys"), '{}') INTO set_keys FROM "SearchTerm" t WHERE t."kind" = 'm' AND t."term" = f->>'municipality';
      filter_keys := CASE WHEN filter_keys IS NULL THEN set_keys ELSE filter_keys & set_keys END;
    END IF;
    IF coalesce((f->>'wheelchair')::boolean, false) THEN
      SELECT coalesce(int_union_agg(t."keys"), '{}') INTO set_keys FROM "SearchTerm" t WHERE t."kind" = 'a' AND t."term" = '1';
      filter_keys := CASE WHEN filter_keys IS NULL THEN set_keys ELSE filter_keys & set_keys END;
    END IF;
    IF f ? 'age' THEN
      -- Entries with a public service for this age rank first; entries none of whose services
      -- states an age serve every age.
      SELECT coalesce(int_union_agg(t."keys"), '{}') INTO boost_keys FROM "SearchTerm" t WHERE t."kind" = 'y' AND t."term" = f->>'age';
      SELECT coalesce(int_union_agg(t."keys"), '{}') INTO set_keys FROM "SearchTerm" t WHERE t."kind" = 'y' AND t."term" = '*';
      set_keys := boost_keys | set_keys;
      filter_keys := CASE WHEN filter_keys IS NULL THEN set_keys ELSE filter_keys & set_keys END;
    END IF;

    SELECT o."positions" INTO positions FROM "SearchOrder" o WHERE o."id" = 1;
    positions := coalesce(positions, '{}');

    IF jsonb_array_length(coalesce(q->'words', '[]')) = 0 THEN
      IF filter_keys IS NULL THEN
        SELECT coalesce(sort(array_agg(e."key")), '{}') INTO filter_keys FROM "SearchEntry" e
         WHERE e."key" <= cardinality(positions) AND positions[e."key"] < 2147483647;
      END IF;
      all_keys := filter_keys;
      parts := ARRAY[ROW(1.0, 0, 0, all_keys)::search_part];
    ELSE
      FOR word IN SELECT jsonb_array_elements(q->'words') LOOP
        own := search_word_keys(word, fuzzy);
        -- Words of one run ("jobcenter stendal") often share their concepts: read them once.
        IF jsonb_array_length(coalesce(word->'concepts', '[]')) = 0 THEN
          last_tagged := '{}';
          last_concepts := word->'concepts';
        ELSIF word->'concepts' IS DISTINCT FROM last_concepts THEN
          SELECT coalesce(int_union_agg(t."keys"), '{}') INTO last_tagged FROM "SearchTerm" t
           WHERE t."kind" IN ('c', 'o', 's')
             AND t."term" IN (SELECT ct."termId"::text FROM "SearchConceptTerm" ct
                               WHERE ct."conceptId" IN (SELECT x::uuid FROM jsonb_array_elements_text(coalesce(word->'concepts', '[]')) x));
          last_concepts := word->'concepts';
        END IF;
        tagged := last_tagged;
        SELECT coalesce(int_union_agg(t."keys"), '{}') INTO named FROM "SearchNameTerm" t
         WHERE t."term" LIKE '%' || search_normalize(word->>'text') || '%';
        IF filter_keys IS NOT NULL THEN
          own := own & filter_keys;
          tagged := tagged & filter_keys;
        END IF;
        tagged := tagged - own;
        all_keys := all_keys | own | tagged;
        sets := sets || ROW(own, tagged, named)::search_word_set;
      END LOOP;
      n := cardinality(sets);
      total_count := icount(all_keys);
      parts := ARRAY[ROW(0.0, 0, 0, all_keys)::search_part];
      IF n = 1 THEN
        -- One word: every match covers it (coverageSql's 1.0); only name hits tell them apart.
        s := sets[1];
        parts := ARRAY[ROW(1.0, 0, 1, all_keys & s.named)::search_part, ROW(1.0, 0, 0, all_keys - s.named)::search_part];
        sets := '{}';
      END IF;
      FOREACH s IN ARRAY sets LOOP
        -- As coverageSql: a covered word counts by how rare it is among the matches, a word met
        -- only through a concept half.
        weight := ln(1.0 + total_count / greatest(1, icount(s.own) + 0.5 * icount(s.tagged))::float8);
        SELECT coalesce(array_agg(ROW(p.coverage + v.c * weight, p.age_boost, p.name_hits + h.hit, h.ks)::search_part), '{}')
          INTO parts
          FROM unnest(parts) p
         CROSS JOIN LATERAL (VALUES (1.0::float8, p.keys & s.own), (0.5::float8, p.keys & s.tagged),
                                    (0.0::float8, p.keys - s.own - s.tagged)) v(c, ks)
         CROSS JOIN LATERAL (VALUES (1, v.ks & s.named), (0, v.ks - s.named)) h(hit, ks)
         WHERE icount(h.ks) > 0;
      END LOOP;
    END IF;
    total_count := icount(all_keys);
    IF boost_keys IS NOT NULL THEN
      SELECT coalesce(array_agg(ROW(p.coverage, b.boost, p.name_hits, b.ks)::search_part), '{}') INTO parts
        FROM unnest(parts) p
       CROSS JOIN LATERAL (VALUES (1, p.keys & boost_keys), (0, p.keys - boost_keys)) b(boost, ks)
       WHERE icount(b.ks) > 0;
    END IF;

    RETURN QUERY
    WITH groups AS (
      SELECT round(p.coverage::numeric, 6) AS cov, p.age_boost AS age, p.name_hits AS hits, int_union_agg(p.keys) AS ks
        FROM unnest(parts) p
       GROUP BY 1, 2, 3
    ), ordered AS (
      SELECT g.*, (sum(icount(g.ks)) OVER (ORDER BY g.cov DESC, g.age DESC, g.hits DESC ROWS UNBOUNDED PRECEDING) - icount(g.ks))::int AS before
        FROM groups g
    ), picked AS (
      SELECT o.cov, o.age, o.hits, k.key, k.pos
        FROM ordered o
       CROSS JOIN LATERAL (SELECT x AS key, positions[x] AS pos FROM unnest(o.ks) x ORDER BY 2, 1 LIMIT greatest(0, depth - o.before)) k
       WHERE o.before < depth
    )
    SELECT e."organizationId", pk.key, pk.cov, pk.age, pk.hits, total_count::bigint,
           (row_number() OVER (ORDER BY pk.cov DESC, pk.age DESC, pk.hits DESC, pk.pos, pk.key))::int
      FROM picked pk JOIN "SearchEntry" e ON e."key" = pk.key
     ORDER BY 7;
  END
  $$;

-- The visitor's word as a full-text prefix query, as prefixQuery() of word-sql.ts (tsquery syntax
-- characters removed after normalization; `weights` 'A' restricts it to names).
CREATE OR REPLACE FUNCTION search_prefix_query(word text, weights text) RETURNS tsquery
  LANGUAGE sql STABLE
  AS $$ SELECT to_tsquery('german', translate(search_normalize(word), ' :*&|!()<>''\', '') || ':*' || weights) $$;

-- Stage 2 of the ranking (scoreSql of lib/data/directory/rank.ts) for the candidates of
-- search_candidates(): each candidate's score, then the page in the ranking's order. Written with
-- the same terms, literals and order of additions as scoreSql (the words' parts are exact numeric
-- sums; ts_rank and the similarity make the sum double precision there as here), so that both
-- give the same scores. Whether a candidate's names or text have another word of a concept comes
-- from the x/X terms instead of one LIKE per word of the concept. PL/pgSQL: its statements' plans are kept per connection, which
-- saves the planning of one large statement per search.
CREATE OR REPLACE FUNCTION search_ranked(q jsonb, page_size int, page_offset int)
  RETURNS TABLE (id uuid, score float8, total bigint)
  LANGUAGE plpgsql STABLE
  AS $$
  DECLARE
    ids uuid[];
    keys int[];
    cand_keys int[];
    covs numeric[];
    ages int[];
    found bigint;
    -- The candidates' own fields, read once (index r = the candidate's place in stage 1).
    public_flags boolean[];
    names text[];
    texts text[];
    docs tsvector[];
    keyword_texts text[];
    short_names text[];
    coordination boolean[];
    sort_orders int[];
    plain_names text[];
    in_town int[];
    in_name int[];
    in_text int[];
    tag_counts int[];
    sums numeric[];
    part numeric[];
    word jsonb;
    concept_ids uuid[];
    last_concepts jsonb;
    fz boolean;
    nt text;
    q_text tsquery;
    q_name tsquery;
    q_stem tsquery;
    q_latin tsquery;
    any_token tsquery;
    joined text;
    typed text;
    towns text[] := ARRAY(SELECT jsonb_array_elements_text(coalesce(q->'towns', '[]')));
  BEGIN
    SELECT array_agg(c.id ORDER BY c.rank), array_agg(c.key ORDER BY c.rank), array_agg(c.coverage ORDER BY c.rank),
           array_agg(c.age_boost ORDER BY c.rank), min(c.total)
      INTO ids, keys, covs, ages, found
      FROM search_candidates(q) c;
    IF ids IS NULL THEN
      RETURN;
    END IF;
    IF jsonb_array_length(coalesce(q->'words', '[]')) = 0 THEN
      -- No words: the candidates are the page, in the directory's order.
      RETURN QUERY
      SELECT x.id, 0::float8, found
        FROM unnest(ids) WITH ORDINALITY x(id, r) JOIN "Organization" o ON o."id" = x.id AND is_public_organization(o)
       ORDER BY x.r LIMIT page_size OFFSET page_offset;
      RETURN;
    END IF;

    SELECT array_agg(is_public_organization(o) ORDER BY x.r), array_agg(o."searchName" ORDER BY x.r),
           array_agg(o."searchText" ORDER BY x.r), array_agg(o."search" ORDER BY x.r),
           array_agg(e."keywords" ORDER BY x.r), array_agg(e."shortName" ORDER BY x.r),
           array_agg(o."isCoordinationOffice" ORDER BY x.r), array_agg(o."sortOrder" ORDER BY x.r), array_agg(o."name" ORDER BY x.r)
      INTO public_flags, names, texts, docs, keyword_texts, short_names, coordination, sort_orders, plain_names
      FROM unnest(ids, keys) WITH ORDINALITY x(id, k, r)
      JOIN "Organization" o ON o."id" = x.id JOIN "SearchEntry" e ON e."key" = x.k;
    IF cardinality(names) <> cardinality(ids) THEN
      RAISE EXCEPTION 'search index out of step with "Organization"';
    END IF;
    sums := array_fill(0::numeric, ARRAY[cardinality(ids)]);
    cand_keys := sort(keys);
    in_town := CASE WHEN cardinality(towns) = 0 THEN '{}'::int[] ELSE
      coalesce((SELECT int_union_agg(t."keys") FROM "SearchTerm" t WHERE t."kind" = 'm' AND t."term" = ANY (towns)), '{}') & cand_keys END;
    FOR word IN SELECT jsonb_array_elements(q->'words') LOOP
      nt := search_normalize(word->>'text');
      q_text := search_prefix_query(word->>'text', '');
      q_name := search_prefix_query(word->>'text', 'A');
      q_stem := CASE WHEN word->>'stem' IS NOT NULL THEN search_prefix_query(word->>'stem', 'A') END;
      q_latin := CASE WHEN word->>'latin' IS NOT NULL THEN search_prefix_query(word->>'latin', 'A') END;
      any_token := CASE WHEN any_token IS NULL THEN q_text ELSE any_token || q_text END;
      IF word->>'stem' IS NOT NULL THEN
        any_token := any_token || search_prefix_query(word->>'stem', '');
      END IF;
      concept_ids := ARRAY(SELECT x::uuid FROM jsonb_array_elements_text(coalesce(word->'concepts', '[]')) x);
      fz := coalesce((word->>'conceptsFuzzy')::boolean, false);
      -- The candidates whose names / text have another word of the concept (x/X terms), and the
      -- concepts' taxonomy terms each carries (category, topic, term of a public service: the
      -- c/o/s terms, as conceptScoreSql counts them). Words that share concepts read them once.
      IF cardinality(concept_ids) = 0 THEN
        in_name := '{}';
        in_text := '{}';
        tag_counts := array_fill(0, ARRAY[cardinality(keys)]);
        last_concepts := word->'concepts';
      ELSIF word->'concepts' IS DISTINCT FROM last_concepts THEN
        last_concepts := word->'concepts';
        SELECT coalesce(int_union_agg(t."keys" & cand_keys) FILTER (WHERE t."kind" = 'X'), '{}'),
               coalesce(int_union_agg(t."keys" & cand_keys) FILTER (WHERE t."kind" = 'x'), '{}')
          INTO in_name, in_text
          FROM "SearchTerm" t WHERE t."kind" IN ('x', 'X') AND t."term" IN (SELECT c::text FROM unnest(concept_ids) c);
        SELECT coalesce(array_agg(coalesce(n.terms, 0) ORDER BY x.r), '{}') INTO tag_counts
          FROM unnest(keys) WITH ORDINALITY x(k, r)
          LEFT JOIN (SELECT y.k, count(*)::int AS terms
                       FROM (SELECT ct."termId", int_union_agg(t."keys" & cand_keys) AS ks
                               FROM "SearchConceptTerm" ct
                               JOIN "SearchTerm" t ON t."kind" IN ('c', 'o', 's') AND t."term" = ct."termId"::text
                              WHERE ct."conceptId" = ANY (concept_ids)
                              GROUP BY ct."termId") c
                      CROSS JOIN LATERAL unnest(c.ks) y(k)
                      GROUP BY y.k) n ON n.k = x.k;
      END IF;
      SELECT array_agg(
        (CASE WHEN names[x.r] LIKE '%' || nt || '%' OR docs[x.r] @@ q_name
                   OR (q_stem IS NOT NULL AND docs[x.r] @@ q_stem) OR (q_latin IS NOT NULL AND docs[x.r] @@ q_latin) THEN 3.0
              WHEN keyword_texts[x.r] LIKE '%' || nt || '%' THEN 2.0
              WHEN docs[x.r] @@ q_text OR texts[x.r] LIKE '%' || nt || '%' THEN 1.5
              WHEN x.k = ANY (in_name) THEN (CASE WHEN fz THEN 0.7 ELSE 1.4 END)
              WHEN x.k = ANY (in_text) THEN (CASE WHEN fz THEN 0.6 ELSE 1.2 END)
              WHEN tag_counts[x.r] > 0 THEN (CASE WHEN fz THEN 0.5 ELSE 1.0 END)
              ELSE 0 END)
        + (CASE WHEN cardinality(concept_ids) = 0 THEN 0 ELSE least(0.45, 0.15 * tag_counts[x.r]) END)
        ORDER BY x.r)
        INTO part
        FROM unnest(keys) WITH ORDINALITY x(k, r);
      sums := ARRAY(SELECT a + b FROM unnest(sums, part) AS t(a, b));
    END LOOP;

    -- The whole query, normalized once (not once per candidate).
    joined := search_normalize((SELECT string_agg(w->>'text', ' ' ORDER BY i) FROM jsonb_array_elements(q->'words') WITH ORDINALITY AS x(w, i)));
    typed := search_normalize(q->>'q');
    RETURN QUERY
    SELECT ids[x.r],
           (sums[x.r] + ts_rank('{0.05, 0.1, 0.3, 1.0}', docs[x.r], any_token)
              + 2.0 * word_similarity(joined, names[x.r])
              + CASE WHEN names[x.r] LIKE joined || '%' THEN 1.0 ELSE 0 END
              + CASE WHEN names[x.r] = typed OR short_names[x.r] = typed
                       OR names[x.r] = joined OR short_names[x.r] = joined THEN 2.0 ELSE 0 END
              + CASE WHEN x.k = ANY (in_town) THEN 1.5 ELSE 0 END)::float8 AS score,
           found
      FROM unnest(keys) WITH ORDINALITY x(k, r)
     WHERE public_flags[x.r]
     ORDER BY covs[x.r] DESC, ages[x.r] DESC, 2 DESC, coordination[x.r] DESC, sort_orders[x.r] ASC, plain_names[x.r] ASC, ids[x.r]
     LIMIT page_size OFFSET page_offset;
  END
  $$;

-- What lib/data/directory/search-plan.ts looks up for the visitor's words in one call: the
-- concepts of the search vocabulary each run of words means (the rules are explained there) and
-- the towns that public locations name. PL/pgSQL for the kept plan.
CREATE OR REPLACE FUNCTION search_plan_lookup(run_keys text[], run_texts text[], candidate_keys text[], candidate_runs text[], candidate_patterns text[])
  RETURNS TABLE (key text, concept_id text, fuzzy boolean, town text)
  LANGUAGE plpgsql STABLE
  AS $$
  BEGIN
    RETURN QUERY
    WITH r AS (SELECT * FROM unnest(run_keys, run_texts) AS r(key, run)),
    c AS (SELECT * FROM unnest(candidate_keys, candidate_runs, candidate_patterns) AS c(key, run, pattern)),
    -- Patterns without a wildcard are looked up by equality (btree), the others through the
    -- trigram index (a short pattern such as "in" has no trigram to look up).
    m AS (
      SELECT c.key, c.run, w."conceptId", w."normalized" FROM c JOIN "SearchConceptWord" w ON w."normalized" = c.pattern
       WHERE c.pattern !~ '[%_\\]'
      UNION ALL
      SELECT c.key, c.run, w."conceptId", w."normalized" FROM c JOIN "SearchConceptWord" w ON w."normalized" LIKE c.pattern
       WHERE c.pattern ~ '[%_\\]'
    ),
    exact AS (
      SELECT DISTINCT c.key, c."conceptId" FROM m c CROSS JOIN LATERAL (SELECT c."normalized") w("normalized")
       WHERE (w."normalized" = c.run
        OR (c.run NOT LIKE '% %' AND w."normalized" NOT LIKE '% %' AND length(w."normalized") >= 5
            AND length(c.run) - length(w."normalized") BETWEEN -1 AND 3
            AND c.run LIKE (CASE WHEN w."normalized" ~ '[a-z]' THEN w."normalized" ELSE left(w."normalized", -1) END) || '%')
        OR (c.run NOT LIKE '% %' AND c.run ~ '^[a-z]+$' AND w."normalized" ~ '^[a-z]{5,}$'
            AND length(c.run) - length(w."normalized") >= 3 AND 2 * length(w."normalized") > length(c.run)
            AND c.run LIKE '%' || w."normalized"))
    )
    SELECT e.key, e."conceptId"::text, false, NULL::text FROM exact e
    UNION ALL
    SELECT DISTINCT r.key, w."conceptId"::text, true, NULL::text FROM r JOIN "SearchConceptWord" w
        ON length(r.run) >= 5 AND w."normalized" % r.run AND similarity(w."normalized", r.run) >= 0.5
     WHERE NOT EXISTS (SELECT 1 FROM exact e WHERE e.key = r.key)
    UNION ALL
    SELECT NULL, NULL, NULL, t."term" FROM "SearchTerm" t WHERE t."kind" = 'm';
  END
  $$;

-- The vocabulary and the organizations that exist already.
INSERT INTO "SearchConceptPattern" ("conceptId", "pattern")
SELECT DISTINCT w."conceptId", search_normalize(w."word") FROM "SearchConceptWord" w WHERE length(w."normalized") >= 4
ON CONFLICT DO NOTHING;
SELECT search_index_refresh(coalesce(array_agg("id"), '{}')) FROM "Organization";
