-- Issue 11 point 6: the search vocabulary's words are looked up per query by LIKE patterns (the
-- inflected and compound forms of a query word) and by trigram similarity (typos), both served by
-- this index instead of a pass over every word for every word of the query.

-- CreateIndex
CREATE INDEX "SearchConceptWord_normalized_trgm_idx" ON "SearchConceptWord" USING GIN ("normalized" gin_trgm_ops);
