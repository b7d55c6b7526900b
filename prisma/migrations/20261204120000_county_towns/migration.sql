-- Issue 11 (nearby): the county's towns with the coordinates of their centre, for the directory's
-- "naehe" order. The rows are facts seeded by prisma/seed.ts (prisma/seed-data/county-towns.ts).

-- CreateTable
CREATE TABLE "CountyTown" (
    "slug" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "latitude" DOUBLE PRECISION NOT NULL,
    "longitude" DOUBLE PRECISION NOT NULL,

    CONSTRAINT "CountyTown_pkey" PRIMARY KEY ("slug")
);
