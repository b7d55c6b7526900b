-- What the public may see, defined once in SQL for the search triggers and the raw ranking SQL.
-- lib/data/visibility.ts holds the same rules as Prisma `where` objects for every Prisma read;
-- tests/integration/public-visibility.test.ts proves that both select exactly the same rows for
-- records in every hidden state.
--
-- Two layers:
-- * is_public_*(row): the record's own state. The search triggers use these (an organization's
--   search text is kept ready while it is a draft); queries over organizations add
--   is_public_organization(o), and a record below an organization is public when its own
--   predicate holds and its organization is public.
-- * public_*(): every public row of a table, its organization (and the service or location it
--   belongs to) public too. Set-returning SQL functions that the planner inlines like views; not
--   views, because a view is a relation that schema.prisma would have to describe.
-- The functions are plain SQL without sub-selects, so that the planner inlines them.

CREATE OR REPLACE FUNCTION is_public_organization(o "Organization") RETURNS boolean
  LANGUAGE sql STABLE PARALLEL SAFE
  AS $$ SELECT o."status" = 'PUBLISHED' AND o."deletedAt" IS NULL $$;

CREATE OR REPLACE FUNCTION is_public_service(s "Service") RETURNS boolean
  LANGUAGE sql STABLE PARALLEL SAFE
  AS $$ SELECT s."deletedAt" IS NULL $$;

CREATE OR REPLACE FUNCTION is_public_location(l "Location") RETURNS boolean
  LANGUAGE sql STABLE PARALLEL SAFE
  AS $$ SELECT l."deletedAt" IS NULL $$;

-- GDPR: a person is shown only when marked public, with consent recorded and not withdrawn.
CREATE OR REPLACE FUNCTION is_public_contact(c "ContactPerson") RETURNS boolean
  LANGUAGE sql STABLE PARALLEL SAFE
  AS $$
    SELECT c."visibility" = 'PUBLIC' AND c."consentGivenAt" IS NOT NULL
       AND c."consentWithdrawnAt" IS NULL AND c."deletedAt" IS NULL
  $$;

-- A language offer counts when the contact person and the service it belongs to (if any) are
-- public. `c` and `s` are the offer's contact and service rows (NULL when it has none).
CREATE OR REPLACE FUNCTION is_public_language_offer(lo "LanguageOffer", c "ContactPerson", s "Service") RETURNS boolean
  LANGUAGE sql STABLE PARALLEL SAFE
  AS $$
    SELECT (lo."contactPersonId" IS NULL OR coalesce(is_public_contact(c), false))
       AND (lo."serviceId" IS NULL OR coalesce(is_public_service(s), false))
  $$;

CREATE OR REPLACE FUNCTION public_organizations() RETURNS SETOF "Organization"
  LANGUAGE sql STABLE PARALLEL SAFE
  AS $$ SELECT o.* FROM "Organization" o WHERE is_public_organization(o) $$;

CREATE OR REPLACE FUNCTION public_services() RETURNS SETOF "Service"
  LANGUAGE sql STABLE PARALLEL SAFE
  AS $$
    SELECT s.* FROM "Service" s JOIN "Organization" o ON o."id" = s."organizationId"
     WHERE is_public_organization(o) AND is_public_service(s)
  $$;

CREATE OR REPLACE FUNCTION public_locations() RETURNS SETOF "Location"
  LANGUAGE sql STABLE PARALLEL SAFE
  AS $$
    SELECT l.* FROM "Location" l JOIN "Organization" o ON o."id" = l."organizationId"
     WHERE is_public_organization(o) AND is_public_location(l)
  $$;

CREATE OR REPLACE FUNCTION public_contacts() RETURNS SETOF "ContactPerson"
  LANGUAGE sql STABLE PARALLEL SAFE
  AS $$
    SELECT c.* FROM "ContactPerson" c JOIN "Organization" o ON o."id" = c."organizationId"
     WHERE is_public_organization(o) AND is_public_contact(c)
  $$;

-- A service offered at a location: both public.
CREATE OR REPLACE FUNCTION public_service_at_locations() RETURNS SETOF "ServiceAtLocation"
  LANGUAGE sql STABLE PARALLEL SAFE
  AS $$
    SELECT sal.* FROM "ServiceAtLocation" sal
      JOIN "Organization" o ON o."id" = sal."organizationId"
      JOIN "Service" s ON s."id" = sal."serviceId"
      JOIN "Location" l ON l."id" = sal."locationId"
     WHERE is_public_organization(o) AND is_public_service(s) AND is_public_location(l)
  $$;

CREATE OR REPLACE FUNCTION public_language_offers() RETURNS SETOF "LanguageOffer"
  LANGUAGE sql STABLE PARALLEL SAFE
  AS $$
    SELECT lo.* FROM "LanguageOffer" lo
      JOIN "Organization" o ON o."id" = lo."organizationId"
      LEFT JOIN "ContactPerson" c ON c."id" = lo."contactPersonId"
      LEFT JOIN "Service" s ON s."id" = lo."serviceId"
     WHERE is_public_organization(o) AND is_public_language_offer(lo, c, s)
  $$;

-- A weekly slot is public when the service, the location and the service-at-location it belongs
-- to (if any) are. (Whether it counts as opening hours is decided in lib/schedule: slots of a
-- temporarily closed service do not; see openingScheduleWhere in lib/data/visibility.ts.)
CREATE OR REPLACE FUNCTION public_schedules() RETURNS SETOF "Schedule"
  LANGUAGE sql STABLE PARALLEL SAFE
  AS $$
    SELECT sc.* FROM "Schedule" sc
      JOIN "Organization" o ON o."id" = sc."organizationId"
      LEFT JOIN "Service" s ON s."id" = sc."serviceId"
      LEFT JOIN "Location" l ON l."id" = sc."locationId"
      LEFT JOIN "ServiceAtLocation" sal ON sal."id" = sc."serviceAtLocationId"
      LEFT JOIN "Service" sal_s ON sal_s."id" = sal."serviceId"
      LEFT JOIN "Location" sal_l ON sal_l."id" = sal."locationId"
     WHERE is_public_organization(o)
       AND (sc."serviceId" IS NULL OR coalesce(is_public_service(s), false))
       AND (sc."locationId" IS NULL OR coalesce(is_public_location(l), false))
       AND (sc."serviceAtLocationId" IS NULL
            OR (coalesce(is_public_service(sal_s), false) AND coalesce(is_public_location(sal_l), false)))
  $$;

-- The public slots that count as opening hours ("open now", the page's hours): a temporarily closed
-- service keeps its slots for later, but they open nothing now.
CREATE OR REPLACE FUNCTION public_opening_schedules() RETURNS SETOF "Schedule"
  LANGUAGE sql STABLE PARALLEL SAFE
  AS $$
    SELECT sc.* FROM public_schedules() sc LEFT JOIN "Service" s ON s."id" = sc."serviceId"
     WHERE sc."serviceId" IS NULL OR s."status" = 'ACTIVE'
  $$;

CREATE OR REPLACE FUNCTION public_schedule_exceptions() RETURNS SETOF "ScheduleException"
  LANGUAGE sql STABLE PARALLEL SAFE
  AS $$
    SELECT ex.* FROM "ScheduleException" ex
      JOIN "Organization" o ON o."id" = ex."organizationId"
      LEFT JOIN "Location" l ON l."id" = ex."locationId"
     WHERE is_public_organization(o) AND (ex."locationId" IS NULL OR coalesce(is_public_location(l), false))
  $$;

-- Translations of public records only (the Translation table refers to its record by type and id).
CREATE OR REPLACE FUNCTION public_translations() RETURNS SETOF "Translation"
  LANGUAGE sql STABLE PARALLEL SAFE
  AS $$
    SELECT t.* FROM "Translation" t
     WHERE CASE t."entityType"
             WHEN 'ORGANIZATION' THEN t."entityId" IN (SELECT "id" FROM public_organizations())
             WHEN 'SERVICE' THEN t."entityId" IN (SELECT "id" FROM public_services())
             WHEN 'LOCATION' THEN t."entityId" IN (SELECT "id" FROM public_locations())
             WHEN 'CONTACT_PERSON' THEN t."entityId" IN (SELECT "id" FROM public_contacts())
             WHEN 'SCHEDULE' THEN t."entityId" IN (SELECT "id" FROM public_schedules())
             ELSE false
           END
  $$;

-- The search text, now built from the predicates above (same rules as 20261126120000).
CREATE OR REPLACE FUNCTION organization_search_extra(org_id uuid, category_id uuid) RETURNS text
  LANGUAGE sql STABLE
  AS $$
    SELECT concat_ws(' ',
      (SELECT string_agg(concat_ws(' ', s."name", s."description"), ' ')
         FROM "Service" s WHERE s."organizationId" = org_id AND is_public_service(s)),
      (SELECT string_agg(c."role", ' ')
         FROM "ContactPerson" c WHERE c."organizationId" = org_id AND is_public_contact(c)),
      (SELECT string_agg(DISTINCT concat_ws(' ', l."code", l."nameDe", l."nameNative",
                (SELECT string_agg(value, ' ') FROM jsonb_each_text(l."names"))), ' ')
         FROM "LanguageOffer" lo
         JOIN "Language" l ON l."code" = lo."languageCode"
         LEFT JOIN "ContactPerson" c ON c."id" = lo."contactPersonId"
         LEFT JOIN "Service" s ON s."id" = lo."serviceId"
        WHERE lo."organizationId" = org_id AND is_public_language_offer(lo, c, s)),
      (SELECT string_agg(concat_ws(' ', t."label",
                (SELECT string_agg(value, ' ') FROM jsonb_each_text(t."labels"))), ' ')
         FROM "TaxonomyTerm" t
        WHERE t."id" IN (SELECT ot."termId" FROM "OrganizationTopic" ot WHERE ot."organizationId" = org_id
                         UNION SELECT category_id)),
      (SELECT string_agg(DISTINCT t."label", ' ')
         FROM "ServiceTerm" st JOIN "Service" s ON s."id" = st."serviceId" JOIN "TaxonomyTerm" t ON t."id" = st."termId"
        WHERE s."organizationId" = org_id AND is_public_service(s))
    )
  $$;
