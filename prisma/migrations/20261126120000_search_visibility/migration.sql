-- The search text may only hold what a visitor can see: roles of contacts that are public WITH
-- recorded, not withdrawn consent, and languages of services or of such contacts. Before, roles of
-- public contacts without consent and languages of internal contacts were indexed too, so a
-- search for them found the organization (nothing of the contact was shown).
CREATE OR REPLACE FUNCTION organization_search_extra(org_id uuid, category_id uuid) RETURNS text
  LANGUAGE sql STABLE
  AS $$
    SELECT concat_ws(' ',
      (SELECT string_agg(concat_ws(' ', s."name", s."description"), ' ')
         FROM "Service" s WHERE s."organizationId" = org_id AND s."deletedAt" IS NULL),
      (SELECT string_agg(c."role", ' ')
         FROM "ContactPerson" c
        WHERE c."organizationId" = org_id AND c."deletedAt" IS NULL AND c."visibility" = 'PUBLIC'
          AND c."consentGivenAt" IS NOT NULL AND c."consentWithdrawnAt" IS NULL),
      (SELECT string_agg(DISTINCT concat_ws(' ', l."code", l."nameDe", l."nameNative",
                (SELECT string_agg(value, ' ') FROM jsonb_each_text(l."names"))), ' ')
         FROM "LanguageOffer" lo
         JOIN "Language" l ON l."code" = lo."languageCode"
         LEFT JOIN "Service" s ON s."id" = lo."serviceId"
         LEFT JOIN "ContactPerson" c ON c."id" = lo."contactPersonId"
        WHERE lo."organizationId" = org_id
          AND (lo."serviceId" IS NULL OR s."deletedAt" IS NULL)
          AND (lo."contactPersonId" IS NULL
               OR (c."deletedAt" IS NULL AND c."visibility" = 'PUBLIC'
                   AND c."consentGivenAt" IS NOT NULL AND c."consentWithdrawnAt" IS NULL))),
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

-- Recompute every organization's search text with the rule above.
UPDATE "Organization" SET "searchText" = '';
