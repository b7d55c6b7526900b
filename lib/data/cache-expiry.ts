// The shared cache's expiry in PostgreSQL (tables CacheClock and CacheTag); the reasoning is in
// lib/cache.ts. expireCache() is re-exported there for the write paths.
import 'server-only';
import type { CacheTag } from '@/lib/cache';
import { db } from '@/lib/db';

/** Raises the shared clock and stamps the tags with it; call after the write has committed. */
export async function expireCache(tags: CacheTag[]): Promise<void> {
  const unique = [...new Set(tags)];
  if (unique.length === 0) return;
  await db.$executeRaw`
    WITH clock AS (UPDATE "CacheClock" SET "value" = "value" + 1 WHERE "id" = 1 RETURNING "value")
    INSERT INTO "CacheTag" ("tag", "generation")
    SELECT tag, clock."value" FROM unnest(${unique}::text[]) AS tag, clock
    ON CONFLICT ("tag") DO UPDATE SET "generation" = EXCLUDED."generation"`;
}

interface CacheClock {
  value: bigint;
  epoch: string;
}

/** The shared clock: one primary-key read. */
export async function readCacheClock(): Promise<CacheClock> {
  const rows = await db.$queryRaw<{ value: bigint; epoch: string }[]>`SELECT "value", "epoch"::text AS "epoch" FROM "CacheClock" WHERE "id" = 1`;
  const row = rows[0];
  if (!row) throw new Error('CacheClock ist leer: Migrationen fehlen (npm run db:migrate).');
  return { value: BigInt(row.value), epoch: row.epoch };
}

/** Tags expired after clock value `after` (an indexed range read; empty while nothing changes). */
export async function readExpiredTags(after: bigint): Promise<[CacheTag, bigint][]> {
  const rows = await db.$queryRaw<{ tag: string; generation: bigint }[]>`
    SELECT "tag", "generation" FROM "CacheTag" WHERE "generation" > ${after}`;
  return rows.map((row) => [row.tag, BigInt(row.generation)]);
}
