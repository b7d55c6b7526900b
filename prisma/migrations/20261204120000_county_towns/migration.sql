-- Issue 11 (nearby): the county's towns with the rough coordinates of their centre (WGS 84,
-- 4 decimals, about 10 m; the market square or old town). Geography is a fact, not contact data;
-- only towns whose centre is known well enough are listed (composite municipalities such as the
-- Verbandsgemeinden have no single centre). The directory's "naehe" filter sorts by the distance
-- from one of them. More rows: a later migration, INSERT ... ON CONFLICT DO NOTHING.

-- CreateTable
CREATE TABLE "CountyTown" (
    "slug" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "latitude" DOUBLE PRECISION NOT NULL,
    "longitude" DOUBLE PRECISION NOT NULL,

    CONSTRAINT "CountyTown_pkey" PRIMARY KEY ("slug")
);

INSERT INTO "CountyTown" ("slug", "name", "latitude", "longitude") VALUES
  ('stendal', 'Stendal', 52.6050, 11.8590),
  ('tangermuende', 'Tangermünde', 52.5410, 11.9700),
  ('osterburg-altmark', 'Osterburg (Altmark)', 52.7870, 11.7550),
  ('havelberg', 'Havelberg', 52.8280, 12.0740),
  ('tangerhuette', 'Tangerhütte', 52.4330, 11.8000),
  ('arneburg', 'Arneburg', 52.6700, 11.9850),
  ('bismark-altmark', 'Bismark (Altmark)', 52.6640, 11.5560),
  ('seehausen-altmark', 'Seehausen (Altmark)', 52.8880, 11.7510),
  ('werben-elbe', 'Werben (Elbe)', 52.8640, 11.9800),
  ('sandau-elbe', 'Sandau (Elbe)', 52.7880, 12.0420),
  ('schoenhausen-elbe', 'Schönhausen (Elbe)', 52.5820, 12.0400),
  ('goldbeck', 'Goldbeck', 52.7170, 11.8650),
  ('klietz', 'Klietz', 52.6690, 12.0660);
