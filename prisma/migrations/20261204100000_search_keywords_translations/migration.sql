-- Issue 11 point 2: an entry's keywords ("Suchbegriffe", every UI language) and the translations
-- of its name, description and public services are part of its search text, each in its own
-- script (search_normalize() keeps Arabic and Cyrillic letters; the 'german' text search
-- configuration indexes such words unstemmed, and the trigram indexes serve every script).
-- Names (also translated names) go to "searchName" (full-text weight A); everything else to
-- "searchText". No schema change: only the functions and triggers of 20261126110100_search.

-- The keywords of the UI languages (other keys of the JSON object are ignored).
CREATE OR REPLACE FUNCTION organization_keywords_text(keywords jsonb) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$
    SELECT string_agg(k.word, ' ')
      FROM jsonb_each(CASE WHEN jsonb_typeof(keywords) = 'object' THEN keywords ELSE '{}'::jsonb END) AS e(locale, words)
     CROSS JOIN LATERAL jsonb_array_elements_text(CASE WHEN jsonb_typeof(e.words) = 'array' THEN e.words ELSE '[]'::jsonb END) AS k(word)
     WHERE e.locale IN ('de', 'en', 'ar', 'uk', 'ru')
  $$;

-- Translated names of the organization (every locale).
CREATE OR REPLACE FUNCTION organization_translated_names(org_id uuid) RETURNS text
  LANGUAGE sql STABLE
  AS $$
    SELECT string_agg(t."value", ' ') FROM "Translation" t
     WHERE t."entityType" = 'ORGANIZATION' AND t."entityId" = org_id AND t."field" = 'name'
  $$;

-- Translated descriptions of the organization and translated names/descriptions of its public
-- services.
CREATE OR REPLACE FUNCTION organization_translated_text(org_id uuid) RETURNS text
  LANGUAGE sql STABLE
  AS $$
    SELECT concat_ws(' ',
      (SELECT string_agg(t."value", ' ') FROM "Translation" t
        WHERE t."entityType" = 'ORGANIZATION' AND t."entityId" = org_id AND t."field" = 'description'),
      (SELECT string_agg(t."value", ' ') FROM "Translation" t JOIN "Service" s ON s."id" = t."entityId"
        WHERE t."entityType" = 'SERVICE' AND s."organizationId" = org_id AND is_public_service(s)
          AND t."field" IN ('name', 'description')))
  $$;

CREATE OR REPLACE FUNCTION organization_search_refresh() RETURNS trigger
  LANGUAGE plpgsql
  AS $$
  BEGIN
    NEW."searchName" := search_normalize(concat_ws(' ', NEW."name", NEW."shortName", organization_translated_names(NEW."id")));
    NEW."searchText" := search_normalize(concat_ws(' ', NEW."name", NEW."shortName", NEW."description",
                                                   organization_keywords_text(NEW."keywords"),
                                                   organization_translated_names(NEW."id"),
                                                   organization_translated_text(NEW."id"),
                                                   organization_search_extra(NEW."id", NEW."categoryId")));
    RETURN NEW;
  END
  $$;

DROP TRIGGER organization_search_refresh ON "Organization";
CREATE TRIGGER organization_search_refresh
  BEFORE INSERT OR UPDATE OF "name", "shortName", "description", "categoryId", "keywords", "searchName", "searchText"
  ON "Organization"
  FOR EACH ROW EXECUTE FUNCTION organization_search_refresh();

-- A translation of an organization or of one of its services changes that organization's text.
CREATE OR REPLACE FUNCTION translation_search_touch() RETURNS trigger
  LANGUAGE plpgsql
  AS $$
  DECLARE
    rows_changed "Translation"[];
    org_ids uuid[];
  BEGIN
    IF TG_OP = 'INSERT' THEN
      rows_changed := ARRAY[NEW];
    ELSIF TG_OP = 'DELETE' THEN
      rows_changed := ARRAY[OLD];
    ELSE
      rows_changed := ARRAY[NEW, OLD];
    END IF;
    SELECT array_agg(DISTINCT x.org_id) INTO org_ids FROM (
      SELECT r."entityId" AS org_id FROM unnest(rows_changed) r WHERE r."entityType" = 'ORGANIZATION'
      UNION SELECT s."organizationId" FROM unnest(rows_changed) r JOIN "Service" s ON s."id" = r."entityId"
             WHERE r."entityType" = 'SERVICE'
    ) x;
    IF org_ids IS NOT NULL THEN
      UPDATE "Organization" SET "searchText" = '' WHERE "id" = ANY (org_ids);
    END IF;
    RETURN NULL;
  END
  $$;

CREATE TRIGGER translation_search_touch AFTER INSERT OR UPDATE OR DELETE ON "Translation"
  FOR EACH ROW EXECUTE FUNCTION translation_search_touch();

-- Recompute every organization's search columns with the rules above.
UPDATE "Organization" SET "searchText" = '';
