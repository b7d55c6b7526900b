-- Issue 11 point 6: the best candidates of a large set without reading its keys one by one.
-- search_candidates() (20261209100000_search_index) sorted every key of the leading classes by
-- its directory position to keep the first 60: for "Beratung" (7,000 of 10,000 entries) that is
-- 7,000 rows through SQL, about 1 ms of the search's 5. "SearchOrder"."keys" now lists the public
-- keys in the directory's order, so that the first keys of a class in that order come from
-- intersecting the class with the leading slices of that list (intarray, in C) until enough are
-- found; only those few are then sorted. The list of all public keys (the search without words)
-- is the same array, not a read of every "SearchEntry".

ALTER TABLE "SearchOrder" ADD COLUMN "keys" INTEGER[];

-- The directory's order as a position per key (keys of organizations that are not public sort
-- last) and as the list of public keys in that order. Rebuilt whole: one sort of the public
-- organizations.
CREATE OR REPLACE FUNCTION search_order_refresh() RETURNS void
  LANGUAGE sql
  AS $$
    WITH ranked AS (
      SELECT e."key", (row_number() OVER (ORDER BY o."isCoordinationOffice" DESC, o."sortOrder" ASC, o."name" ASC, o."id"))::int AS pos
        FROM "SearchEntry" e JOIN "Organization" o ON o."id" = e."organizationId"
       WHERE is_public_organization(o)
    )
    INSERT INTO "SearchOrder" ("id", "positions", "keys")
    SELECT 1,
           coalesce((SELECT array_agg(coalesce(r.pos, 2147483647) ORDER BY g.k)
                       FROM generate_series(1, (SELECT coalesce(max(e."key"), 0) FROM "SearchEntry" e)) g(k)
                       LEFT JOIN ranked r ON r."key" = g.k), '{}'),
           coalesce((SELECT array_agg(r."key" ORDER BY r.pos) FROM ranked r), '{}')
    ON CONFLICT ("id") DO UPDATE SET "positions" = EXCLUDED."positions", "keys" = EXCLUDED."keys";
  $$;

-- The first `wanted` keys of the set `ks` in the directory's order (position, then key).
-- A small set is sorted whole. A large one is intersected with slices of `order_keys` (the public
-- keys in order), each slice sized so that about twice the wanted number of the set's keys fall
-- into it, until enough are collected: every key of an earlier slice comes before every key of a
-- later one, so the first `wanted` of the collected ones are the first of the whole set.
CREATE OR REPLACE FUNCTION search_top_keys(ks int[], wanted int, positions int[], order_keys int[]) RETURNS int[]
  LANGUAGE plpgsql IMMUTABLE
  AS $$
  DECLARE
    n int := icount(ks);
    total int := cardinality(order_keys);
    slice int;
    done int := 0;
    collected int[] := '{}';
  BEGIN
    IF wanted <= 0 OR n = 0 THEN
      RETURN '{}';
    END IF;
    IF n > 4 * wanted + 256 AND total > 0 THEN
      slice := greatest(256, ceil(total::float8 * 2 * wanted / n)::int);
      WHILE done < total AND icount(collected) < wanted LOOP
        collected := collected | (ks & order_keys[done + 1 : done + slice]);
        done := done + slice;
      END LOOP;
      ks := collected;
    END IF;
    RETURN ARRAY(SELECT x FROM unnest(ks) x ORDER BY positions[x], x LIMIT wanted);
  END
  $$;

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
    parts search_part[];
    positions int[];
    last_concepts jsonb;
    last_tagged int[];
    order_keys int[];
    g record;
    top int[];
    picked_keys int[] := '{}';
    picked_covs numeric[] := '{}';
    picked_ages int[] := '{}';
    picked_hits int[] := '{}';
    lazy boolean := false;
    name_pattern text;
    weights float8[];
    nones search_part[];
    combo int;
    combo_ids int[];
    combo_covs numeric[];
    cov float8;
    cg record;
    class_keys int[];
    x_keys int[];
    a_keys int[];
    lk int[];
    levels search_part[];
    new_levels search_part[];
    lz_age int;
    i int;
    h int;
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
    IF f ? 'open' THEN
      -- "Open now": the Berlin date and minute and whether it is a holiday (lib/schedule).
      set_keys := open_organization_keys((f->'open'->>'day')::date, (f->'open'->>'minute')::int, (f->'open'->>'holiday')::boolean);
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

    SELECT o."positions", o."keys" INTO positions, order_keys FROM "SearchOrder" o WHERE o."id" = 1;
    positions := coalesce(positions, '{}');
    order_keys := coalesce(order_keys, '{}');

    IF jsonb_array_length(coalesce(q->'words', '[]')) = 0 THEN
      IF filter_keys IS NULL THEN
        filter_keys := sort(order_keys);
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
        -- The pattern is computed once: in the kept (generic) plan of this statement an expression
        -- of the word is evaluated for every row read (40 ms for "Jo" at 10,000 entries). A word
        -- of one or two letters has no trigram, so the trigram index would be read whole: the
        -- name parts are read in turn instead.
        name_pattern := '%' || search_normalize(word->>'text') || '%';
        IF char_length(name_pattern) >= 5 THEN
          SELECT coalesce(int_union_agg(t."keys"), '{}') INTO named FROM "SearchNameTerm" t WHERE t."term" LIKE name_pattern;
        ELSE
          SELECT coalesce(int_union_agg(t."keys"), '{}') INTO named FROM "SearchNameTerm" t WHERE (t."term" || '') LIKE name_pattern;
        END IF;
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
      IF n = 1 THEN
        -- One word: every match covers it (coverageSql's 1.0); only name hits tell them apart.
        s := sets[1];
        parts := ARRAY[ROW(1.0, 0, 1, all_keys & s.named)::search_part, ROW(1.0, 0, 0, all_keys - s.named)::search_part];
      ELSE
        -- Two words or more: the classes are built best first and only until `depth` keys are
        -- picked, instead of partitioning every match into all 6^n parts first (as
        -- 20261209100000 did: about 1 ms for two common words at 10,000 entries).
        lazy := true;
        weights := '{}';
        nones := '{}';
        FOR i IN 1..n LOOP
          s := sets[i];
          -- As coverageSql: a covered word counts by how rare it is among the matches, a word met
          -- only through a concept half (the float8 operations of 20261209100000, in their order).
          weights := weights || ln(1.0 + total_count / greatest(1, icount(s.own) + 0.5 * icount(s.tagged))::float8);
          nones := nones || ROW(0.0, 0, 0, all_keys - s.own - s.tagged)::search_part;
        END LOOP;
        -- Each word covered (own text), met through a concept, or not: 3^n combinations, each
        -- with its coverage; combinations of equal coverage form one class.
        combo_ids := '{}';
        combo_covs := '{}';
        FOR combo IN 0 .. (3 ^ n)::int - 1 LOOP
          cov := 0.0;
          FOR i IN 1..n LOOP
            cov := cov + (ARRAY[1.0, 0.5, 0.0]::float8[])[(combo / (3 ^ (i - 1))::int) % 3 + 1] * weights[i];
          END LOOP;
          combo_ids := combo_ids || combo;
          combo_covs := combo_covs || round(cov::numeric, 6);
        END LOOP;
        FOR cg IN SELECT c.cov, array_agg(c.combo) AS combos FROM unnest(combo_covs, combo_ids) c(cov, combo) GROUP BY c.cov ORDER BY c.cov DESC LOOP
          EXIT WHEN cardinality(picked_keys) >= depth;
          class_keys := '{}';
          FOREACH combo IN ARRAY cg.combos LOOP
            -- Every word's three sets lie within all_keys: the first one is the start.
            x_keys := NULL;
            FOR i IN 1..n LOOP
              lk := CASE (combo / (3 ^ (i - 1))::int) % 3 WHEN 0 THEN (sets[i]).own WHEN 1 THEN (sets[i]).tagged ELSE (nones[i]).keys END;
              x_keys := CASE WHEN x_keys IS NULL THEN lk ELSE x_keys & lk END;
              EXIT WHEN icount(x_keys) = 0;
            END LOOP;
            class_keys := class_keys | x_keys;
          END LOOP;
          CONTINUE WHEN icount(class_keys) = 0;
          -- Within a class: fit of the age filter first, then the number of name hits.
          FOR lz_age IN REVERSE 1..0 LOOP
            EXIT WHEN cardinality(picked_keys) >= depth;
            CONTINUE WHEN lz_age = 1 AND boost_keys IS NULL;
            a_keys := CASE WHEN boost_keys IS NULL THEN class_keys WHEN lz_age = 1 THEN class_keys & boost_keys ELSE class_keys - boost_keys END;
            CONTINUE WHEN icount(a_keys) = 0;
            -- levels[h + 1]: the keys with exactly h name hits.
            levels := ARRAY[ROW(0.0, 0, 0, a_keys)::search_part];
            FOR i IN 1..n LOOP
              new_levels := '{}';
              FOR h IN 0..i LOOP
                lk := CASE WHEN h < i THEN (levels[h + 1]).keys - (sets[i]).named ELSE '{}'::int[] END;
                IF h > 0 THEN
                  lk := lk | ((levels[h]).keys & (sets[i]).named);
                END IF;
                new_levels := new_levels || ROW(0.0, 0, 0, lk)::search_part;
              END LOOP;
              levels := new_levels;
            END LOOP;
            FOR h IN REVERSE n..0 LOOP
              EXIT WHEN cardinality(picked_keys) >= depth;
              lk := (levels[h + 1]).keys;
              CONTINUE WHEN icount(lk) = 0;
              top := search_top_keys(lk, depth - cardinality(picked_keys), positions, order_keys);
              picked_keys := picked_keys || top;
              picked_covs := picked_covs || array_fill(cg.cov, ARRAY[cardinality(top)]);
              picked_ages := picked_ages || array_fill(lz_age, ARRAY[cardinality(top)]);
              picked_hits := picked_hits || array_fill(h, ARRAY[cardinality(top)]);
            END LOOP;
          END LOOP;
        END LOOP;
      END IF;
    END IF;
    total_count := icount(all_keys);
    IF boost_keys IS NOT NULL AND NOT lazy THEN
      SELECT coalesce(array_agg(ROW(p.coverage, b.boost, p.name_hits, b.ks)::search_part), '{}') INTO parts
        FROM unnest(parts) p
       CROSS JOIN LATERAL (VALUES (1, p.keys & boost_keys), (0, p.keys - boost_keys)) b(boost, ks)
       WHERE icount(b.ks) > 0;
    END IF;

    -- The classes best first; from each only as many keys as the depth still needs, the first
    -- in the directory's order (search_top_keys), until `depth` are picked.
    FOR g IN
      SELECT round(p.coverage::numeric, 6) AS cov, p.age_boost AS age, p.name_hits AS hits, int_union_agg(p.keys) AS ks
        FROM unnest(parts) p
       WHERE NOT lazy
       GROUP BY 1, 2, 3
       ORDER BY 1 DESC, 2 DESC, 3 DESC
    LOOP
      EXIT WHEN cardinality(picked_keys) >= depth;
      top := search_top_keys(g.ks, depth - cardinality(picked_keys), positions, order_keys);
      picked_keys := picked_keys || top;
      picked_covs := picked_covs || array_fill(g.cov, ARRAY[cardinality(top)]);
      picked_ages := picked_ages || array_fill(g.age, ARRAY[cardinality(top)]);
      picked_hits := picked_hits || array_fill(g.hits, ARRAY[cardinality(top)]);
    END LOOP;

    RETURN QUERY
    SELECT e."organizationId", x.key, x.cov, x.age, x.hits, total_count::bigint, x.r::int
      FROM unnest(picked_keys, picked_covs, picked_ages, picked_hits) WITH ORDINALITY x(key, cov, age, hits, r)
      JOIN "SearchEntry" e ON e."key" = x.key
     ORDER BY x.r;
  END
  $$;


-- "Open now" from the index too. open_organization_ids() (20261206100000_open_now_sql) joined the
-- visibility rules of every organization, location and service to the day's slots: 10-14 ms at
-- 10,000 organizations for each search with the filter. The index now keeps the public slots and
-- exceptions of each public organization (the rows of public_opening_schedules() and
-- public_schedule_exceptions(), taken at re-indexing), and the rule of open_organization_ids()
-- reads them: open_organization_keys() gives the keys, so that search_candidates() intersects
-- them like any other filter, and open_organization_ids() the organizations, for the general SQL.
CREATE TABLE "SearchOpenSlot" (
    "scheduleId" UUID NOT NULL,
    "key" INTEGER NOT NULL,
    "weekday" INTEGER NOT NULL,
    "opensAt" INTEGER NOT NULL,
    "closesAt" INTEGER NOT NULL,
    "validFrom" DATE,
    "validTo" DATE,
    "locationId" UUID,
    CONSTRAINT "SearchOpenSlot_pkey" PRIMARY KEY ("scheduleId")
);
CREATE INDEX "SearchOpenSlot_weekday_opensAt_idx" ON "SearchOpenSlot"("weekday", "opensAt");
CREATE INDEX "SearchOpenSlot_key_idx" ON "SearchOpenSlot"("key");

CREATE TABLE "SearchOpenException" (
    "exceptionId" UUID NOT NULL,
    "key" INTEGER NOT NULL,
    "locationId" UUID,
    "startsOn" DATE NOT NULL,
    "endsOn" DATE NOT NULL,
    "isClosed" BOOLEAN NOT NULL,
    "opensAt" INTEGER,
    "closesAt" INTEGER,
    CONSTRAINT "SearchOpenException_pkey" PRIMARY KEY ("exceptionId")
);
CREATE INDEX "SearchOpenException_key_startsOn_idx" ON "SearchOpenException"("key", "startsOn");

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

    -- The public opening hours of these organizations, as the "open now" filter reads them.
    DELETE FROM "SearchOpenSlot" WHERE "key" = ANY (dirty_keys);
    DELETE FROM "SearchOpenException" WHERE "key" = ANY (dirty_keys);
    INSERT INTO "SearchOpenSlot" ("scheduleId", "key", "weekday", "opensAt", "closesAt", "validFrom", "validTo", "locationId")
    SELECT sc."id", e."key", sc."weekday", sc."opensAt", sc."closesAt", sc."validFrom", sc."validTo", sc."locationId"
      FROM public_opening_schedules() sc JOIN "SearchEntry" e ON e."organizationId" = sc."organizationId"
     WHERE sc."organizationId" = ANY (org_ids);
    INSERT INTO "SearchOpenException" ("exceptionId", "key", "locationId", "startsOn", "endsOn", "isClosed", "opensAt", "closesAt")
    SELECT ex."id", e."key", ex."locationId", ex."startsOn", ex."endsOn", ex."isClosed", ex."opensAt", ex."closesAt"
      FROM public_schedule_exceptions() ex JOIN "SearchEntry" e ON e."organizationId" = ex."organizationId"
     WHERE ex."organizationId" = ANY (org_ids);

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

CREATE OR REPLACE FUNCTION search_index_truncate() RETURNS trigger
  LANGUAGE plpgsql
  AS $$
  BEGIN
    DELETE FROM "SearchTerm";
    DELETE FROM "SearchNameTerm";
    DELETE FROM "SearchEntry";
    DELETE FROM "SearchOrder";
    DELETE FROM "SearchIndexDirty";
    DELETE FROM "SearchOpenSlot";
    DELETE FROM "SearchOpenException";
    RETURN NULL;
  END
  $$;


-- Opening hours are not part of the search text: slots, exceptions and the services' places mark
-- their organization as locations do, with the same row trigger function, named for what it does
-- now (triggers refer to it by identity, so the location trigger keeps working).
ALTER FUNCTION search_index_mark_location() RENAME TO search_index_mark_row;
CREATE TRIGGER search_index_mark AFTER INSERT OR UPDATE OR DELETE ON "Schedule"
  FOR EACH ROW EXECUTE FUNCTION search_index_mark_row();
CREATE TRIGGER search_index_mark AFTER INSERT OR UPDATE OR DELETE ON "ScheduleException"
  FOR EACH ROW EXECUTE FUNCTION search_index_mark_row();
CREATE TRIGGER search_index_mark AFTER INSERT OR UPDATE OR DELETE ON "ServiceAtLocation"
  FOR EACH ROW EXECUTE FUNCTION search_index_mark_row();

-- The rule of 20261206100000_open_now_sql, unchanged, over the index's public slots and exceptions:
-- a regular slot opens on its ISO weekday within its validity, unless the day is a holiday or an
-- exception of the organization covers the day for the slot's location (an exception or slot
-- without location covers every location); an exception with hours (isClosed false) opens them.
-- The keys of the organizations open at that Berlin date and minute, sorted (an intarray set).
CREATE OR REPLACE FUNCTION open_organization_keys(day date, minute integer, holiday boolean) RETURNS int[]
  LANGUAGE plpgsql STABLE PARALLEL SAFE
  AS $$
  DECLARE
    result int[];
  BEGIN
    SELECT coalesce(uniq(sort(array_agg(x.k))), '{}') INTO result FROM (
      SELECT sc."key" AS k FROM "SearchOpenSlot" sc
       WHERE NOT holiday
         AND sc."weekday" = extract(isodow FROM day)::integer
         AND sc."opensAt" <= minute AND minute < sc."closesAt"
         AND (sc."validFrom" IS NULL OR sc."validFrom" <= day)
         AND (sc."validTo" IS NULL OR sc."validTo" >= day)
         AND NOT EXISTS (SELECT 1 FROM "SearchOpenException" ex
                          WHERE ex."key" = sc."key"
                            AND ex."startsOn" <= day AND day <= ex."endsOn"
                            AND (ex."locationId" IS NULL OR sc."locationId" IS NULL OR ex."locationId" = sc."locationId"))
      UNION ALL
      SELECT ex."key" FROM "SearchOpenException" ex
       WHERE NOT ex."isClosed" AND ex."startsOn" <= day AND day <= ex."endsOn"
         AND ex."opensAt" <= minute AND minute < ex."closesAt") x;
    RETURN result;
  END
  $$;

CREATE OR REPLACE FUNCTION open_organization_ids(day date, minute integer, holiday boolean) RETURNS SETOF uuid
  LANGUAGE plpgsql STABLE PARALLEL SAFE ROWS 2000
  AS $$
  BEGIN
    RETURN QUERY
    SELECT e."organizationId" FROM unnest(open_organization_keys(day, minute, holiday)) k JOIN "SearchEntry" e ON e."key" = k;
  END
  $$;


-- The search's functions run their statements with generic plans from the first call. With the
-- default (auto), PostgreSQL plans each statement anew for its first five executions on a
-- connection and keeps doing so for statements whose generic plan it estimates dearer: measured
-- at 10,000 entries, custom planning cost 0.8 ms of the plan lookup's 0.9 ms and 1-3 ms of a
-- search. Their statements take the visitor's words as computed variables (no expression of
-- them is left to be evaluated per row, see "named" in search_candidates()), so that one plan
-- serves every word.
ALTER FUNCTION search_ranked(jsonb, int, int) SET plan_cache_mode = force_generic_plan;
ALTER FUNCTION search_candidates(jsonb) SET plan_cache_mode = force_generic_plan;
ALTER FUNCTION search_plan_lookup(text[], text[], text[], text[], text[]) SET plan_cache_mode = force_generic_plan;
-- Its similar spellings need a similarity of 0.5: with the trigram operator's threshold at 0.5
-- instead of the default 0.3 the index hands over only those (same answer; the lookup of a
-- four-word query 30 % faster, measured).
ALTER FUNCTION search_plan_lookup(text[], text[], text[], text[], text[]) SET pg_trgm.similarity_threshold = 0.5;
ALTER FUNCTION open_organization_keys(date, integer, boolean) SET plan_cache_mode = force_generic_plan;

-- The organizations that exist already: re-indexed once (their opening hours, the order's list).
SELECT search_index_refresh(coalesce(array_agg("id"), '{}')) FROM "Organization";
