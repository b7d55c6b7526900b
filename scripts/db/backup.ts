// `npm run db:backup [FILE]` and `npm run db:restore FILE`, against DATABASE_URL or the embedded
// database. Why not pg_dump: the embedded PostgreSQL 18 ships no pg_dump, Debian 12 only has
// pg_dump 15 (which refuses a newer server) and neither npm nor apt offers a PostgreSQL 18 client
// here. So the app writes a logical dump itself, in pg_dump's plain COPY text format, gzip
// compressed: a header with the applied migrations and every table's row count and checksum, then
// one `COPY ... FROM stdin` block per table (all read in one REPEATABLE READ snapshot). A restore
// recreates the schema with the same migrations, loads the rows with triggers off (they would
// re-stamp audit rows and search text), sets the sequences, checks every table's checksum
// against the header, applies newer migrations and expires the app's caches.
import { once } from 'node:events';
import { createReadStream, createWriteStream, mkdirSync } from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';
import { pipeline } from 'node:stream/promises';
import { createGunzip, createGzip } from 'node:zlib';
import pg from 'pg';
import { from as copyFrom, to as copyTo } from 'pg-copy-streams';
import { expireAllCaches } from './expire-caches.ts';
import { applyMigrations, listMigrations } from './migrate.ts';
import { exitWithError, resolveDatabase } from './resolve.ts';

export const BACKUP_FORMAT = 1;
const MAGIC = '-- Netzwerk Integration Stendal: Datensicherung';

export interface TableSummary {
  name: string;
  columns: string[];
  rows: number;
  checksum: string;
}

interface BackupHeader {
  format: number;
  createdAt: string;
  migrations: string[];
  tables: TableSummary[];
  sequences: { name: string; value: string; isCalled: boolean }[];
}

const quote = (name: string) => `"${name.replaceAll('"', '""')}"`;

// Not data: the shared cache's expiry (lib/cache.ts). A restore keeps the target's own clock and
// then expires everything (expire-caches.ts).
const NOT_BACKED_UP = ['_prisma_migrations', 'CacheClock', 'CacheTag'];

/** User tables and their stored (not generated) columns, in a stable order. */
async function listTables(client: pg.ClientBase): Promise<{ name: string; columns: string[] }[]> {
  const { rows } = await client.query<{ name: string; columns: string[] }>(`
    SELECT c.relname AS name, array_agg(a.attname::text ORDER BY a.attnum) AS columns
      FROM pg_class c
      JOIN pg_namespace n ON n.oid = c.relnamespace AND n.nspname = 'public'
      JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped AND a.attgenerated = ''
     WHERE c.relkind IN ('r', 'p') AND c.relname <> ALL($1::text[])
     GROUP BY c.relname ORDER BY c.relname`, [NOT_BACKED_UP]);
  return rows;
}

/** Row count and a content checksum of every user table (order-independent). */
export async function tableChecksums(client: pg.ClientBase): Promise<Map<string, { rows: number; checksum: string }>> {
  const result = new Map<string, { rows: number; checksum: string }>();
  for (const table of await listTables(client)) {
    const columns = table.columns.map(quote).join(', ');
    const { rows } = await client.query<{ rows: string; checksum: string }>(
      `SELECT count(*) AS rows, md5(coalesce(string_agg(h, '' ORDER BY h), '')) AS checksum
         FROM (SELECT md5(row(${columns})::text) AS h FROM ${quote(table.name)}) t`,
    );
    result.set(table.name, { rows: Number(rows[0].rows), checksum: rows[0].checksum });
  }
  return result;
}

async function write(stream: NodeJS.WritableStream, data: string | Buffer): Promise<void> {
  if (!stream.write(data)) await once(stream, 'drain');
}

/** @internal Exported for its test. COPY output arrives in chunks that may end inside a UTF-8
 * character (Arabic, Cyrillic, emoji): the bytes are passed on as they are, never decoded per chunk
 * (which turned a split character into U+FFFD, and the restore's checksum then failed). */
export async function copyBytes(source: AsyncIterable<Buffer>, target: NodeJS.WritableStream): Promise<void> {
  for await (const chunk of source) await write(target, chunk);
}

export async function backupDatabase({ url, file, log = () => {} }: { url: string; file: string; log?: (line: string) => void }): Promise<BackupHeader> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 10_000 });
  await client.connect();
  mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const gzip = createGzip({ level: 6 });
  const done = pipeline(gzip, createWriteStream(file));
  try {
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    const { rows: migrationRows } = await client.query<{ migration_name: string }>(
      `SELECT migration_name FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL ORDER BY migration_name`,
    );
    const checksums = await tableChecksums(client);
    const tables = (await listTables(client)).map((table) => ({ ...table, ...checksums.get(table.name)! }));
    const { rows: sequenceRows } = await client.query<{ name: string }>(
      `SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace AND n.nspname = 'public' WHERE c.relkind = 'S' ORDER BY 1`,
    );
    const sequences = [];
    for (const { name } of sequenceRows) {
      const { rows } = await client.query<{ last_value: string; is_called: boolean }>(`SELECT last_value, is_called FROM ${quote(name)}`);
      sequences.push({ name, value: String(rows[0].last_value), isCalled: rows[0].is_called });
    }
    const header: BackupHeader = { format: BACKUP_FORMAT, createdAt: new Date().toISOString(), migrations: migrationRows.map((row) => row.migration_name), tables, sequences };
    await write(gzip, `${MAGIC} (Format ${BACKUP_FORMAT})\n-- ${JSON.stringify(header)}\n`);
    for (const table of tables) {
      const columns = table.columns.map(quote).join(', ');
      await write(gzip, `\nCOPY ${quote(table.name)} (${columns}) FROM stdin;\n`);
      const source = client.query(copyTo(`COPY ${quote(table.name)} (${columns}) TO STDOUT`));
      await copyBytes(source, gzip);
      await write(gzip, '\\.\n');
      log(`${table.name}: ${table.rows} Zeilen`);
    }
    await client.query('COMMIT');
    gzip.end();
    await done;
    return header;
  } catch (error) {
    gzip.destroy();
    await done.catch(() => {});
    throw error;
  } finally {
    await client.end();
  }
}

export async function restoreDatabase({
  url,
  file,
  log = () => {},
  cacheRoot,
}: {
  url: string;
  file: string;
  log?: (line: string) => void;
  /** Where the app's build folders are (default: the working directory). */
  cacheRoot?: string;
}): Promise<BackupHeader> {
  const lines = readline.createInterface({ input: createReadStream(file).pipe(createGunzip()), crlfDelay: Infinity })[Symbol.asyncIterator]();
  const first = await lines.next();
  if (first.done || !first.value.startsWith(MAGIC)) throw new Error(`${file} ist keine Datensicherung dieser App.`);
  const second = await lines.next();
  const header = JSON.parse(String(second.value).replace(/^-- /, '')) as BackupHeader;
  if (header.format !== BACKUP_FORMAT) throw new Error(`Unbekanntes Sicherungsformat ${header.format} (erwartet ${BACKUP_FORMAT}).`);
  const known = new Set(listMigrations().map((migration) => migration.name));
  const unknown = header.migrations.filter((name) => !known.has(name));
  if (unknown.length) throw new Error(`Die Sicherung stammt von einer neueren Version der App (unbekannte Migrationen: ${unknown.join(', ')}).`);

  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 10_000 });
  await client.connect();
  try {
    const { rows: existing } = await client.query<{ name: string }>(
      `SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace AND n.nspname = 'public' WHERE c.relkind IN ('r', 'p')`,
    );
    for (const { name } of existing) {
      if (NOT_BACKED_UP.includes(name)) continue;
      const { rows } = await client.query(`SELECT 1 FROM ${quote(name)} LIMIT 1`);
      if (rows.length) throw new Error(`Die Zieldatenbank ist nicht leer (Tabelle ${name} enthält Daten). Stellen Sie in eine leere Datenbank wieder her.`);
    }
    // The schema exactly as it was when the backup was made.
    await applyMigrations({ url, upTo: header.migrations.at(-1), log });

    await client.query('BEGIN');
    // Triggers off for the load: the rows come back as they were (audit log, search text).
    await client.query(`SET LOCAL session_replication_role = replica`);
    for (const table of header.tables) await client.query(`DELETE FROM ${quote(table.name)}`);
    for (;;) {
      const next = await lines.next();
      if (next.done) break;
      const line = next.value;
      if (!line.startsWith('COPY ')) continue;
      const sink = client.query(copyFrom(line.replace(/;$/, '').replace(/ FROM stdin$/, ' FROM STDIN')));
      const finished = new Promise<void>((resolve, reject) => {
        sink.once('finish', resolve);
        sink.once('error', reject);
      });
      for (;;) {
        const row = await lines.next();
        if (row.done) throw new Error(`Die Sicherung endet mitten in einer Tabelle (${line}).`);
        if (row.value === '\\.') break;
        if (!sink.write(`${row.value}\n`)) await once(sink, 'drain');
      }
      sink.end();
      await finished;
    }
    for (const sequence of header.sequences) {
      await client.query(`SELECT setval($1::regclass, $2::bigint, $3)`, [quote(sequence.name), sequence.value, sequence.isCalled]);
    }
    const restored = await tableChecksums(client);
    const wrong = header.tables.filter((table) => {
      const actual = restored.get(table.name);
      return !actual || actual.rows !== table.rows || actual.checksum !== table.checksum;
    });
    if (wrong.length) throw new Error(`Prüfsummen nach dem Wiederherstellen falsch: ${wrong.map((table) => table.name).join(', ')}. Nichts wurde übernommen.`);
    await client.query('COMMIT');
    log(`${header.tables.length} Tabellen mit ${header.tables.reduce((sum, table) => sum + table.rows, 0)} Zeilen wiederhergestellt, Prüfsummen stimmen.`);
  } catch (error) {
    await client.query('ROLLBACK').catch(() => {});
    throw error;
  } finally {
    await client.end();
  }
  // Migrations newer than the backup, then no cached page may show the old database.
  await applyMigrations({ url, log });
  await expireAllCaches({ url, root: cacheRoot, log });
  return header;
}

function timestamp(): string {
  return new Date().toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
}

async function main(): Promise<void> {
  const [command, fileArg] = process.argv.slice(2);
  if (command !== 'backup' && command !== 'restore') throw new Error('Aufruf: npm run db:backup [DATEI] | npm run db:restore DATEI');
  if (command === 'restore' && !fileArg) throw new Error('Welche Sicherung? Aufruf: npm run db:restore DATEI');
  const database = await resolveDatabase();
  try {
    if (command === 'backup') {
      const file = fileArg ?? path.join('backups', `netzwerk-${timestamp()}.sql.gz`);
      const header = await backupDatabase({ url: database.url, file, log: (line) => console.log(line) });
      console.log(`Sicherung geschrieben: ${file} (${header.tables.length} Tabellen, ${header.tables.reduce((sum, table) => sum + table.rows, 0)} Zeilen).`);
    } else {
      await restoreDatabase({ url: database.url, file: fileArg, log: (line) => console.log(line) });
    }
  } finally {
    await database.stop();
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename ?? '')) main().catch(exitWithError);
