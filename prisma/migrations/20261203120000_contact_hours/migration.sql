-- Issue 9: consultation hours of a contact person, with the languages of each slot and a booking
-- link for appointment-only slots.
ALTER TABLE "Schedule" ADD COLUMN     "bookingUrl" TEXT,
ADD COLUMN     "contactPersonId" UUID,
ADD COLUMN     "languageCodes" TEXT[] DEFAULT ARRAY[]::TEXT[];

-- CreateIndex
CREATE INDEX "Schedule_contactPersonId_idx" ON "Schedule"("contactPersonId");

-- AddForeignKey
ALTER TABLE "Schedule" ADD CONSTRAINT "Schedule_contactPersonId_fkey" FOREIGN KEY ("contactPersonId") REFERENCES "ContactPerson"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Hand-written: a contact person's slot is public only while the contact is (the same rule as
-- publicScheduleWhere in lib/data/visibility.ts; hidden contact => hidden hours everywhere).
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
      LEFT JOIN "ContactPerson" c ON c."id" = sc."contactPersonId"
     WHERE is_public_organization(o)
       AND (sc."serviceId" IS NULL OR coalesce(is_public_service(s), false))
       AND (sc."locationId" IS NULL OR coalesce(is_public_location(l), false))
       AND (sc."serviceAtLocationId" IS NULL
            OR (coalesce(is_public_service(sal_s), false) AND coalesce(is_public_location(sal_l), false)))
       AND (sc."contactPersonId" IS NULL OR coalesce(is_public_contact(c), false))
  $$;
