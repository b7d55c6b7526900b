-- "Open now" in SQL: the directory filter asked lib/schedule for thousands of organization ids and
-- passed them back as one array parameter (at 10,000 organizations the filtered search with its
-- facet counts ran into the statement timeout). The rule is the one of lib/schedule/open-status.ts
-- (intervalsOn + openInterval) over the same public rows (public_opening_schedules(),
-- public_schedule_exceptions()); the caller passes the Berlin wall-clock date and minute and whether
-- that date is a public holiday, computed by lib/schedule (the one place for Berlin time and the
-- holidays of Sachsen-Anhalt). tests/integration/opening-hours.test.ts holds both to the same cases.
-- PL/pgSQL, not an inlined SQL function: its plan is made once per connection, and a query that
-- filters by it reads its answer once (a hashed set of ids) instead of joining the visibility rule
-- into every search and facet count.
--   A regular slot opens on its ISO weekday within its validity, unless the day is a holiday or an
--   exception of the organization covers the day for the slot's location (an exception or slot
--   without location covers every location). An exception with hours (isClosed false) opens them.
CREATE OR REPLACE FUNCTION open_organization_ids(day date, minute integer, holiday boolean) RETURNS SETOF uuid
  LANGUAGE plpgsql STABLE PARALLEL SAFE ROWS 2000
  AS $$
  BEGIN
    RETURN QUERY
    SELECT sc."organizationId" FROM public_opening_schedules() sc
     WHERE NOT holiday
       AND sc."weekday" = extract(isodow FROM day)::integer
       AND sc."opensAt" <= minute AND minute < sc."closesAt"
       AND (sc."validFrom" IS NULL OR sc."validFrom" <= day)
       AND (sc."validTo" IS NULL OR sc."validTo" >= day)
       AND NOT EXISTS (SELECT 1 FROM public_schedule_exceptions() ex
                        WHERE ex."organizationId" = sc."organizationId"
                          AND ex."startsOn" <= day AND day <= ex."endsOn"
                          AND (ex."locationId" IS NULL OR sc."locationId" IS NULL OR ex."locationId" = sc."locationId"))
    UNION
    SELECT ex."organizationId" FROM public_schedule_exceptions() ex
     WHERE NOT ex."isClosed" AND ex."startsOn" <= day AND day <= ex."endsOn"
       AND ex."opensAt" <= minute AND minute < ex."closesAt";
  END
  $$;

-- The slots of one weekday and minute are found without reading the whole week.
CREATE INDEX "Schedule_weekday_opensAt_idx" ON "Schedule" ("weekday", "opensAt");
