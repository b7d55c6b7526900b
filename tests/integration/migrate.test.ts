// scripts/db/migrate.ts against a real server: history rows like Prisma's, idempotent reruns and
// a failing migration that leaves nothing behind.
import { createHash } from 'node:crypto';
import { mkdtempSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { applyMigrations, MIGRATIONS_DIR, MigrationError } from '@/scripts/db/migrate';
import { createDatabase, dropDatabase, randomDatabaseName, withAdminClient } from '../setup/databases.ts';

const adminUrl = inject('testDatabaseAdminUrl');
const scratch: string[] = [];
const tempDirs: string[] = [];

async function emptyDatabase(): Promise<string> {
  const name = randomDatabaseName('migrate');
  scratch.push(name);
  return createDatabase(adminUrl, name);
}

function query<T>(url: string, sql: string, params: unknown[] = []): Promise<T[]> {
  return withAdminClient(url, async (client) => (await client.query(sql, params)).rows as T[]);
}

function writeMigrations(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'netzwerk-migrations-'));
  tempDirs.push(dir);
  for (const [name, sql] of Object.entries(files)) {
    mkdirSync(path.join(dir, name));
    writeFileSync(path.join(dir, name, 'migration.sql'), sql);
  }
  return dir;
}

interface HistoryRow {
  migration_name: string;
  checksum: string;
  finished_at: Date | null;
  rolled_back_at: Date | null;
  applied_steps_count: number;
}

afterAll(async () => {
  for (const name of scratch) await dropDatabase(adminUrl, name);
  for (const dir of tempDirs) rmSync(dir, { recursive: true, force: true });
});

describe('applyMigrations', () => {
  it('records every migration like `prisma migrate deploy` and applies nothing on a second run', async () => {
    const url = await emptyDatabase();
    const names = readdirSync(MIGRATIONS_DIR, { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => entry.name)
      .sort();
    expect(names.length).toBeGreaterThan(0);

    expect(await applyMigrations({ url })).toEqual(names);

    const rows = await query<HistoryRow>(
      url,
      `SELECT migration_name, checksum, finished_at, rolled_back_at, applied_steps_count
         FROM "_prisma_migrations" ORDER BY migration_name`,
    );
    expect(rows.map((row) => row.migration_name)).toEqual(names);
    for (const row of rows) {
      // Computed here from the file's bytes, independently of the migrator.
      const bytes = readFileSync(path.join(MIGRATIONS_DIR, row.migration_name, 'migration.sql'));
      expect(row.checksum).toBe(createHash('sha256').update(bytes).digest('hex'));
      expect(row.finished_at).toBeInstanceOf(Date);
      expect(row.rolled_back_at).toBeNull();
      expect(row.applied_steps_count).toBe(1);
    }

    expect(await applyMigrations({ url })).toEqual([]);
    const [{ count }] = await query<{ count: string }>(url, 'SELECT count(*) FROM "_prisma_migrations"');
    expect(Number(count)).toBe(names.length);
  });

  it('rolls a failing migration back entirely and names it', async () => {
    const url = await emptyDatabase();
    const dir = writeMigrations({
      '20000101000000_good': 'CREATE TABLE "GoodTable" ("id" INTEGER PRIMARY KEY);',
      '20000101000100_broken':
        'CREATE TABLE "HalfTable" ("id" INTEGER PRIMARY KEY);\nINSERT INTO "HalfTable" VALUES (1);\nTHIS IS NOT SQL;',
    });

    const failure = await applyMigrations({ url, dir }).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(MigrationError);
    expect((failure as MigrationError).migrationName).toBe('20000101000100_broken');
    expect((failure as Error).message).toContain('20000101000100_broken');

    const tables = await query<{ name: string }>(
      url,
      `SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' ORDER BY 1`,
    );
    expect(tables.map((t) => t.name)).toEqual(['GoodTable', '_prisma_migrations']);
    const rows = await query<HistoryRow>(url, 'SELECT migration_name, finished_at FROM "_prisma_migrations"');
    expect(rows.map((row) => row.migration_name)).toEqual(['20000101000000_good']);

    // The advisory lock was released and the failed one can be fixed and applied afterwards.
    writeFileSync(path.join(dir, '20000101000100_broken', 'migration.sql'), 'CREATE TABLE "HalfTable" ("id" INTEGER);');
    expect(await applyMigrations({ url, dir })).toEqual(['20000101000100_broken']);
  });
});
