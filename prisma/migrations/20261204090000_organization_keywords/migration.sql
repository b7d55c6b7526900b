-- Issue 11: search keywords per entry and UI language ({ "<locale>": ["word", ...] }).
ALTER TABLE "Organization" ADD COLUMN     "keywords" JSONB NOT NULL DEFAULT '{}';
