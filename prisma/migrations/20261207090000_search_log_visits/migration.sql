-- One row per search and write window with its number of visits, instead of one row per visit: a
-- popular cached search is visited hundreds of times a second, and inserting a row for each visit
-- cost the server more than serving the page (npm run bench). Reports sum "visits".
ALTER TABLE "SearchLog" ADD COLUMN "visits" INTEGER NOT NULL DEFAULT 1;
ALTER TABLE "SearchLog" ADD CONSTRAINT "SearchLog_visits_check" CHECK ("visits" >= 1);
