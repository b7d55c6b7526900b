-- Search support written by hand: Prisma cannot express functions, triggers or generated columns.
-- Organization."searchName" and "searchText" are normalized texts (lower case, no accents,
-- ä/ae, ö/oe, ü/ue and ß/ss folded alike) kept current by triggers; "search" is a German
-- full-text vector generated from them. Queries must be normalized with search_normalize() too.

-- unaccent() is only STABLE; a fixed dictionary makes it safe to use in generated columns.
CREATE OR REPLACE FUNCTION immutable_unaccent(input text) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
  AS $$ SELECT public.unaccent('public.unaccent'::regdictionary, input) $$;

-- "Müller", "Mueller" and "Muller" all become "muller"; "Straße" and "Strasse" become "strasse".
CREATE OR REPLACE FUNCTION search_normalize(input text) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
  AS $$
    SELECT regexp_replace(
      regexp_replace(
        regexp_replace(lower(immutable_unaccent(replace(replace(replace(lower(input), 'ä', 'ae'), 'ö', 'oe'), 'ü', 'ue'))), 'ae', 'a', 'g'),
        'oe', 'o', 'g'),
      'ue', 'u', 'g')
  $$;

-- All searchable text of one organization that visitors may see: its own fields, its active
-- services, the roles of public contacts, offered languages (in every UI language) and its
-- category and topics (German and translated labels).
CREATE OR REPLACE FUNCTION organization_search_extra(org_id uuid, category_id uuid) RETURNS text
  LANGUAGE sql STABLE
  AS $$
    SELECT concat_ws(' ',
      (SELECT string_agg(concat_ws(' ', s."name", s."description"), ' ')
         FROM "Service" s WHERE s."organizationId" = org_id AND s."deletedAt" IS NULL),
      (SELECT string_agg(c."role", ' ')
         FROM "ContactPerson" c
        WHERE c."organizationId" = org_id AND c."deletedAt" IS NULL AND c."visibility" = 'PUBLIC'),
      (SELECT string_agg(DISTINCT concat_ws(' ', l."code", l."nameDe", l."nameNative",
                (SELECT string_agg(value, ' ') FROM jsonb_each_text(l."names"))), ' ')
         FROM "LanguageOffer" lo JOIN "Language" l ON l."code" = lo."languageCode"
        WHERE lo."organizationId" = org_id),
      (SELECT string_agg(concat_ws(' ', t."label",
                (SELECT string_agg(value, ' ') FROM jsonb_each_text(t."labels"))), ' ')
         FROM "TaxonomyTerm" t
        WHERE t."id" IN (SELECT ot."termId" FROM "OrganizationTopic" ot WHERE ot."organizationId" = org_id
                         UNION SELECT category_id)),
      (SELECT string_agg(DISTINCT t."label", ' ')
         FROM "ServiceTerm" st JOIN "Service" s ON s."id" = st."serviceId" JOIN "TaxonomyTerm" t ON t."id" = st."termId"
        WHERE s."organizationId" = org_id AND s."deletedAt" IS NULL)
    )
  $$;

CREATE OR REPLACE FUNCTION organization_search_refresh() RETURNS trigger
  LANGUAGE plpgsql
  AS $$
  BEGIN
    NEW."searchName" := search_normalize(concat_ws(' ', NEW."name", NEW."shortName"));
    NEW."searchText" := search_normalize(concat_ws(' ', NEW."name", NEW."shortName", NEW."description",
                                                   organization_search_extra(NEW."id", NEW."categoryId")));
    RETURN NEW;
  END
  $$;

CREATE TRIGGER organization_search_refresh
  BEFORE INSERT OR UPDATE OF "name", "shortName", "description", "categoryId", "searchName", "searchText"
  ON "Organization"
  FOR EACH ROW EXECUTE FUNCTION organization_search_refresh();

-- A change below an organization touches the organization's search columns, which fires the
-- trigger above.
CREATE OR REPLACE FUNCTION organization_search_touch() RETURNS trigger
  LANGUAGE plpgsql
  AS $$
  DECLARE
    org_ids uuid[];
  BEGIN
    IF TG_TABLE_NAME = 'ServiceTerm' THEN
      SELECT array_agg(s."organizationId") INTO org_ids FROM "Service" s
       WHERE s."id" IN (CASE WHEN TG_OP = 'DELETE' THEN NULL ELSE (NEW)."serviceId" END,
                        CASE WHEN TG_OP = 'INSERT' THEN NULL ELSE (OLD)."serviceId" END);
    ELSIF TG_OP = 'INSERT' THEN
      org_ids := ARRAY[(NEW)."organizationId"];
    ELSIF TG_OP = 'DELETE' THEN
      org_ids := ARRAY[(OLD)."organizationId"];
    ELSE
      org_ids := ARRAY[(NEW)."organizationId", (OLD)."organizationId"];
    END IF;
    UPDATE "Organization" SET "searchText" = '' WHERE "id" = ANY (org_ids);
    RETURN NULL;
  END
  $$;

CREATE TRIGGER service_search_touch AFTER INSERT OR UPDATE OR DELETE ON "Service"
  FOR EACH ROW EXECUTE FUNCTION organization_search_touch();
CREATE TRIGGER contact_person_search_touch AFTER INSERT OR UPDATE OR DELETE ON "ContactPerson"
  FOR EACH ROW EXECUTE FUNCTION organization_search_touch();
CREATE TRIGGER language_offer_search_touch AFTER INSERT OR UPDATE OR DELETE ON "LanguageOffer"
  FOR EACH ROW EXECUTE FUNCTION organization_search_touch();
CREATE TRIGGER organization_topic_search_touch AFTER INSERT OR UPDATE OR DELETE ON "OrganizationTopic"
  FOR EACH ROW EXECUTE FUNCTION organization_search_touch();
CREATE TRIGGER service_term_search_touch AFTER INSERT OR UPDATE OR DELETE ON "ServiceTerm"
  FOR EACH ROW EXECUTE FUNCTION organization_search_touch();

-- Renamed languages or taxonomy labels change the text of every organization that uses them.
CREATE OR REPLACE FUNCTION organization_search_touch_all() RETURNS trigger
  LANGUAGE plpgsql
  AS $$
  BEGIN
    UPDATE "Organization" SET "searchText" = '';
    RETURN NULL;
  END
  $$;

CREATE TRIGGER language_search_touch AFTER UPDATE OF "nameDe", "nameNative", "names" ON "Language"
  FOR EACH STATEMENT EXECUTE FUNCTION organization_search_touch_all();
CREATE TRIGGER taxonomy_term_search_touch AFTER UPDATE OF "label", "labels" ON "TaxonomyTerm"
  FOR EACH STATEMENT EXECUTE FUNCTION organization_search_touch_all();

-- The full-text vector: names weigh most, then services, roles, languages and topics, then the
-- description.
DROP INDEX "Organization_search_idx";
ALTER TABLE "Organization" DROP COLUMN "search";
ALTER TABLE "Organization" ADD COLUMN "search" tsvector GENERATED ALWAYS AS (
  setweight(to_tsvector('german'::regconfig, "searchName"), 'A') ||
  setweight(to_tsvector('german'::regconfig, "searchText"), 'B')
) STORED;
CREATE INDEX "Organization_search_idx" ON "Organization" USING GIN ("search");

-- The audit log is append-only. The only updates allowed are the foreign key setting "actorId"
-- to NULL when a user is deleted, and a GDPR erasure that redacts personal data in "changes"
-- (the data layer sets app.audit_redaction = 'on' inside that transaction).
CREATE OR REPLACE FUNCTION audit_log_protect() RETURNS trigger
  LANGUAGE plpgsql
  AS $$
  BEGIN
    IF TG_OP = 'DELETE' THEN
      RAISE EXCEPTION 'audit log entries cannot be deleted';
    END IF;
    IF (NEW."id", NEW."actorName", NEW."action", NEW."entityType", NEW."entityId", NEW."organizationId",
        NEW."changeRequestId", NEW."createdAt")
       IS DISTINCT FROM
       (OLD."id", OLD."actorName", OLD."action", OLD."entityType", OLD."entityId", OLD."organizationId",
        OLD."changeRequestId", OLD."createdAt")
       OR (NEW."actorId" IS DISTINCT FROM OLD."actorId" AND NEW."actorId" IS NOT NULL)
       OR (NEW."changes" IS DISTINCT FROM OLD."changes"
           AND coalesce(current_setting('app.audit_redaction', true), '') <> 'on') THEN
      RAISE EXCEPTION 'audit log entries cannot be changed';
    END IF;
    RETURN NEW;
  END
  $$;

CREATE TRIGGER audit_log_protect BEFORE UPDATE OR DELETE ON "AuditLog"
  FOR EACH ROW EXECUTE FUNCTION audit_log_protect();
