// "In der Nähe von <Ort>": the county's towns (CountyTown, seeded facts) and the distance of an
// organization's nearest public location with coordinates from a town's centre. The ranking SQL
// (rank.ts) only calls nearOrderSql() in its ORDER BY; everything about distance lives here.
// Distances are great-circle distances (haversine on a sphere of the earth's mean radius): a
// straight line, which the page says ("ca. 3 km"), not a route.
import 'server-only';
import { db } from '@/lib/db';
import { Prisma } from '@/lib/generated/prisma/client';

export interface CountyTownOption {
  slug: string;
  name: string;
}

const EARTH_RADIUS_KM = 6371.0088;

// Kilometres between a public location `l` and the town `t` (both columns in degrees).
const distanceKmSql = Prisma.sql`(${EARTH_RADIUS_KM}::float8 * 2 * asin(least(1, sqrt(
    power(sin(radians(l."latitude" - t."latitude") / 2), 2)
    + cos(radians(t."latitude")) * cos(radians(l."latitude")) * power(sin(radians(l."longitude" - t."longitude") / 2), 2)))))`;

// The nearest public location of organization `organizationId` (an SQL expression) from the town
// with slug `townSlug`; NULL when it has none with coordinates or the town is unknown.
function nearestDistanceSql(organizationId: Prisma.Sql, townSlug: string): Prisma.Sql {
  return Prisma.sql`(SELECT min(${distanceKmSql}) FROM "Location" l JOIN "CountyTown" t ON t."slug" = ${townSlug}
     WHERE l."organizationId" = ${organizationId} AND is_public_location(l)
       AND l."latitude" IS NOT NULL AND l."longitude" IS NOT NULL)`;
}

/**
 * The first ORDER BY keys of the directory search (`organizationId`: the id column of its rows): nearest first,
 * entries without coordinates after them (in the order that follows). Empty without `near`.
 */
export function nearOrderSql(near: string | undefined, organizationId: Prisma.Sql = Prisma.sql`m."id"`): Prisma.Sql {
  return near ? Prisma.sql`${nearestDistanceSql(organizationId, near)} ASC NULLS LAST,` : Prisma.empty;
}

/** The county's towns for the filter, by name. */
export async function listCountyTowns(): Promise<CountyTownOption[]> {
  return db.countyTown.findMany({ select: { slug: true, name: true }, orderBy: { name: 'asc' } });
}

/** One town by its slug, or null when there is none. */
async function findCountyTown(slug: string): Promise<CountyTownOption | null> {
  return db.countyTown.findUnique({ where: { slug }, select: { slug: true, name: true } });
}

/**
 * For the JSON API, which is strict: why `near` is unusable (not one of the towns), or undefined
 * when it is absent or known.
 */
export async function nearTownProblem(near: string | undefined): Promise<string | undefined> {
  if (!near || (await findCountyTown(near))) return undefined;
  const towns = await listCountyTowns();
  return `Unbekannter Ort. Erlaubt: ${towns.map((town) => town.slug).join(', ')} (near_towns in /taxonomy).`;
}

/** Distance in km (unrounded) of each given organization's nearest public location from the town. */
export async function nearestDistances({ ids, near }: { ids: string[]; near: string }): Promise<Map<string, number>> {
  if (ids.length === 0) return new Map();
  const rows = await db.$queryRaw<{ id: string; km: number | null }[]>`
    SELECT o."id"::text AS id, ${nearestDistanceSql(Prisma.sql`o."id"`, near)} AS km
      FROM unnest(${ids}::uuid[]) AS o("id")`;
  return new Map(rows.flatMap((row) => (row.km === null ? [] : [[row.id, Number(row.km)] as const])));
}

/** How the page and the API show a distance: whole kilometres, at least 1 ("ca. 1 km"). */
export function roundDistanceKm(km: number): number {
  return Math.max(1, Math.round(km));
}
