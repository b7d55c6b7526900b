// Proves that the migrations build exactly the database that schema.prisma describes. Prisma's own
// schema engine (WebAssembly) writes the SQL for schema.prisma into a scratch database; its catalog
// is then compared with a database built by the migrations (this file's clone of the template).
//
// Allowed differences, because they are written by hand in 20261126110100_search: functions,
// triggers and the `search` column being GENERATED (compared by name and type only).
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import pg from 'pg';
import { diffSchemaSql } from '@/scripts/db/schema-engine';
import { testDatabaseUrl } from '../setup/db.ts';
import { createDatabase, dropDatabase, randomDatabaseName } from '../setup/databases.ts';

const adminUrl = inject('testDatabaseAdminUrl');
const scratchName = randomDatabaseName('drift');

// Columns whose definition the hand-written SQL owns: "table.column".
const HAND_WRITTEN_COLUMNS = new Set(['Organization.search']);

function normalize(sql: string | null): string {
  if (sql === null) return '';
  return sql
    .replace(/\s+/g, ' ')
    .replace(/\bpublic\./g, '')
    .replace(/\bnow\(\)/gi, 'CURRENT_TIMESTAMP')
    .trim();
}

// The catalog of the public schema as sorted one-line descriptions, so that a difference shows
// up as a readable line in the test output.
async function describeCatalog(url: string): Promise<string[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const lines: string[] = [];
    const q = async (sql: string) => (await client.query(sql)).rows;

    for (const r of await q(`SELECT extname FROM pg_extension WHERE extname <> 'plpgsql'`)) {
      lines.push(`extension ${r.extname}`);
    }
    for (const r of await q(`
      SELECT c.relname, c.relkind FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
       WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p', 'S', 'v', 'm')
         AND c.relname NOT IN ('_prisma_migrations')
         AND NOT EXISTS (SELECT 1 FROM pg_depend d JOIN pg_extension e ON e.oid = d.refobjid
                          WHERE d.objid = c.oid AND d.deptype = 'e')`)) {
      lines.push(`relation ${r.relname} (kind ${r.relkind})`);
    }
    // Not compared: attnum (a column re-created by hand moves to the end of its table).
    for (const r of await q(`
      SELECT c.relname AS table, a.attname AS column, format_type(a.atttypid, a.atttypmod) AS type,
             a.attnotnull AS not_null, pg_get_expr(d.adbin, d.adrelid) AS default,
             a.attgenerated AS generated, a.attidentity AS identity
        FROM pg_attribute a
        JOIN pg_class c ON c.oid = a.attrelid
        JOIN pg_namespace n ON n.oid = c.relnamespace
        LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
       WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND a.attnum > 0 AND NOT a.attisdropped
         AND c.relname <> '_prisma_migrations'`)) {
      const name = `${r.table}.${r.column}`;
      if (HAND_WRITTEN_COLUMNS.has(name)) {
        lines.push(`column ${name} ${r.type} (hand-written definition)`);
        continue;
      }
      const nullability = r.not_null ? 'NOT NULL' : 'NULL';
      const generated = r.generated ? ` GENERATED(${r.generated})` : '';
      const identity = r.identity ? ` IDENTITY(${r.identity})` : '';
      lines.push(`column ${name} ${r.type} ${nullability} DEFAULT ${normalize(r.default) || '-'}${generated}${identity}`);
    }
    for (const r of await q(`
      SELECT t.typname, string_agg(e.enumlabel, ', ' ORDER BY e.enumsortorder) AS labels
        FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid JOIN pg_namespace n ON n.oid = t.typnamespace
       WHERE n.nspname = 'public' GROUP BY t.typname`)) {
      lines.push(`enum ${r.typname} (${r.labels})`);
    }
    // pg_get_indexdef covers name, table, uniqueness, method, columns or expressions, operator
    // classes and a partial index's WHERE.
    for (const r of await q(`
      SELECT pg_get_indexdef(i.indexrelid) AS def
        FROM pg_index i JOIN pg_class c ON c.oid = i.indrelid JOIN pg_namespace n ON n.oid = c.relnamespace
       WHERE n.nspname = 'public' AND c.relname <> '_prisma_migrations'`)) {
      lines.push(`index ${normalize(r.def)}`);
    }
    // Primary keys, unique, foreign keys (with ON UPDATE / ON DELETE) and exclusion constraints.
    // CHECK constraints are not compared: Prisma cannot express them, so any would be hand-written.
    for (const r of await q(`
      SELECT cl.relname AS table, co.conname, co.contype, pg_get_constraintdef(co.oid) AS def
        FROM pg_constraint co JOIN pg_class cl ON cl.oid = co.conrelid JOIN pg_namespace n ON n.oid = co.connamespace
       WHERE n.nspname = 'public' AND co.contype IN ('p', 'u', 'f', 'x') AND cl.relname <> '_prisma_migrations'`)) {
      lines.push(`constraint ${r.table}.${r.conname} (${r.contype}) ${normalize(r.def)}`);
    }
    return lines.sort();
  } finally {
    await client.end();
  }
}

let fromSchema: string[];
let fromMigrations: string[];

beforeAll(async () => {
  const scratchUrl = await createDatabase(adminUrl, scratchName, 'template0');
  const sql = await diffSchemaSql(scratchUrl);
  expect(sql).toContain('CREATE TABLE');
  const client = new pg.Client({ connectionString: scratchUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
  [fromSchema, fromMigrations] = await Promise.all([describeCatalog(scratchUrl), describeCatalog(testDatabaseUrl())]);
});

afterAll(() => dropDatabase(adminUrl, scratchName));

describe('migrations and schema.prisma', () => {
  it('describe a non-trivial catalog (guards against comparing two empty lists)', () => {
    expect(fromMigrations).toContain('relation Organization (kind r)');
    expect(fromMigrations.filter((line) => line.startsWith('column ')).length).toBeGreaterThan(100);
    expect(fromMigrations.some((line) => line.startsWith('constraint Service.Service_organizationId_fkey (f)'))).toBe(true);
  });

  it('produce the same tables, columns, enums, indexes and constraints', () => {
    const onlyInMigrations = fromMigrations.filter((line) => !fromSchema.includes(line));
    const onlyInSchema = fromSchema.filter((line) => !fromMigrations.includes(line));
    // Both lists are printed on failure: a line in one and not the other is the drift.
    expect({ onlyInSchema, onlyInMigrations }).toEqual({ onlyInSchema: [], onlyInMigrations: [] });
  });

  it('keep the hand-written search column a generated tsvector (the one allowed difference)', async () => {
    // Guards the exception above: only this column may differ, and only by being GENERATED.
    expect(fromMigrations).toContain('column Organization.search tsvector (hand-written definition)');
    expect(fromSchema).toContain('column Organization.search tsvector (hand-written definition)');
    const client = new pg.Client({ connectionString: testDatabaseUrl() });
    await client.connect();
    try {
      const { rows } = await client.query(
        `SELECT attgenerated FROM pg_attribute WHERE attrelid = '"Organization"'::regclass AND attname = 'search'`,
      );
      expect(rows).toEqual([{ attgenerated: 's' }]);
    } finally {
      await client.end();
    }
  });
});
