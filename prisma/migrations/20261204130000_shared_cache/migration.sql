-- Issue 12: the shared cache's expiry clock and tag generations (lib/cache.ts), so that several app
-- instances on one database agree on what is stale.
-- CreateTable
CREATE TABLE "CacheClock" (
    "id" INTEGER NOT NULL DEFAULT 1,
    "value" BIGINT NOT NULL DEFAULT 0,
    "epoch" UUID NOT NULL DEFAULT gen_random_uuid(),

    CONSTRAINT "CacheClock_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CacheTag" (
    "tag" TEXT NOT NULL,
    "generation" BIGINT NOT NULL,

    CONSTRAINT "CacheTag_pkey" PRIMARY KEY ("tag")
);

-- CreateIndex
CREATE INDEX "CacheTag_generation_idx" ON "CacheTag"("generation");

-- The one clock row; lib/cache.ts only ever updates it.
INSERT INTO "CacheClock" ("id") VALUES (1);
