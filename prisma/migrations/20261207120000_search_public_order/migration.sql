-- Issue 11 point 6: the public entries in the directory's default order (coordination office
-- first, then as curated, then by name), with "deletedAt" last so that an index-only scan can test
-- visibility too. "status" = 'PUBLISHED' is the only leading equality, so the index's order is the
-- order of the search without words: a page of it is read from here with LIMIT, and the total is
-- a count over the same index (index-only scans once the table is vacuumed), not a sort of every
-- public row (lib/data/directory/rank.ts).

-- CreateIndex
CREATE INDEX "Organization_public_order_idx" ON "Organization"("status", "isCoordinationOffice" DESC, "sortOrder", "name", "id", "deletedAt");
