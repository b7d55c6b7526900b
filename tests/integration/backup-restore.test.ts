// Backups: `npm run db:backup` writes a compressed logical dump; `db:restore` loads it into an
// empty database. The round trip keeps every table's row count and content checksum, including
// awkward text (tabs, newlines, backslashes, "\N", quotes, right-to-left text, emoji), JSON, the
// append-only audit log and sequence positions. A damaged backup changes nothing.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { seedDatabase } from '@/prisma/seed';
import { backupDatabase, restoreDatabase, tableChecksums } from '@/scripts/db/backup';
import { createOrganization } from '../factories/index.ts';
import { createDatabase, dropDatabase, randomDatabaseName } from '../setup/databases.ts';
import { getTestDb, testDatabaseUrl } from '../setup/db.ts';

const adminUrl = inject('testDatabaseAdminUrl');
const dir = mkdtempSync(path.join(os.tmpdir(), 'netzwerk-backup-'));
const targets: string[] = [];
const AWKWARD = 'Tab\there, line\nbreak, back\\slash, \\N, "quotes", \'single\', العربية, Україна, 🧭, \r done';

async function emptyDatabase(): Promise<string> {
  const name = randomDatabaseName('restore');
  targets.push(name);
  return createDatabase(adminUrl, name);
}

async function checksums(url: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await tableChecksums(client);
  } finally {
    await client.end();
  }
}

beforeAll(async () => {
  const url = testDatabaseUrl();
  await seedDatabase({ url, adminEmail: 'backup-admin@example.org', adminPassword: 'Sicherung-Passwort-123', log: () => {} });
  const db = getTestDb();
  const org = await createOrganization({ description: AWKWARD, name: `Sicherung ${AWKWARD.slice(0, 20)} (Beispiel)` });
  await db.auditLog.create({
    data: { actorName: 'Test', action: 'UPDATE', entityType: 'Organization', entityId: org.id, changes: { description: { before: null, after: AWKWARD } } },
  });
});

afterAll(async () => {
  for (const name of targets) await dropDatabase(adminUrl, name);
  rmSync(dir, { recursive: true, force: true });
});

describe('db:backup and db:restore', () => {
  it('round-trips every table with the same row counts and checksums', async () => {
    const source = testDatabaseUrl();
    const file = path.join(dir, 'sicherung.sql.gz');
    const startedBackup = Date.now();
    // Through the npm script's entry point, as an operator runs it.
    const run = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/db/backup.ts', 'backup', file], {
      env: { ...process.env, DATABASE_URL: source },
      encoding: 'utf8',
    });
    expect(run.status, run.stderr).toBe(0);
    const backupMs = Date.now() - startedBackup;
    const compressed = readFileSync(file);
    expect(compressed.subarray(0, 2)).toEqual(Buffer.from([0x1f, 0x8b]));
    const plain = gunzipSync(compressed);

    const target = await emptyDatabase();
    const startedRestore = Date.now();
    const header = await restoreDatabase({ url: target, file, cacheRoot: dir });
    const restoreMs = Date.now() - startedRestore;

    const before = await checksums(source);
    const after = await checksums(target);
    expect([...after.keys()].sort()).toEqual([...before.keys()].sort());
    for (const [table, summary] of before) expect(after.get(table), table).toEqual(summary);
    const filled = [...before.values()].filter((summary) => summary.rows > 0);
    expect(filled.length).toBeGreaterThanOrEqual(8);
    const rows = [...before.values()].reduce((sum, summary) => sum + summary.rows, 0);
    console.log(
      `[backup] ${before.size} Tabellen (${filled.length} mit Daten), ${rows} Zeilen; ${plain.length} Bytes -> ${compressed.length} Bytes gzip; ` +
        `Sicherung ${backupMs} ms (mit Prozessstart), Wiederherstellung ${restoreMs} ms; alle Zeilenzahlen und Prüfsummen gleich.`,
    );
    expect(header.migrations.length).toBeGreaterThan(0);

    // The restored database works for the app: the audit log stays append-only, sequences go on.
    const client = new pg.Client({ connectionString: target });
    await client.connect();
    try {
      await expect(client.query(`UPDATE "AuditLog" SET "actorName" = 'x'`)).rejects.toThrow();
      const { rows: inserted } = await client.query(
        `INSERT INTO "AuditLog" ("actorName", action, "entityType", "entityId") VALUES ('t', 'UPDATE', 'X', 'y') RETURNING id`,
      );
      const { rows: max } = await client.query(`SELECT max(id) AS max FROM "AuditLog" WHERE "entityType" <> 'X'`);
      expect(BigInt(inserted[0].id)).toBeGreaterThan(BigInt(max[0].max));
      const { rows: found } = await client.query(`SELECT description FROM "Organization" WHERE description = $1`, [AWKWARD]);
      expect(found).toHaveLength(1);
      // Every running app instance drops its cached reads (the cache's clock is not backed up;
      // the restore raises it and starts a new epoch).
      const { rows: clock } = await client.query(`SELECT "value" FROM "CacheClock"`);
      expect(clock).toEqual([{ value: '1' }]);
    } finally {
      await client.end();
    }
    expect(statSync(file).size).toBeLessThan(plain.length);
  });

  it('refuses a database that is not empty', async () => {
    const file = path.join(dir, 'zweite.sql.gz');
    await backupDatabase({ url: testDatabaseUrl(), file });
    await expect(restoreDatabase({ url: testDatabaseUrl(), file, cacheRoot: dir })).rejects.toThrow(/nicht leer/);
  });

  it('rolls back a damaged backup whose rows do not match their checksums', async () => {
    const file = path.join(dir, 'dritte.sql.gz');
    await backupDatabase({ url: testDatabaseUrl(), file });
    const text = gunzipSync(readFileSync(file)).toString('utf8');
    const damaged = path.join(dir, 'beschaedigt.sql.gz');
    writeFileSync(damaged, gzipSync(text.replace('Koordinierungsstelle Integration', 'Koordinierungsstelle Intergration')));
    const target = await emptyDatabase();
    await expect(restoreDatabase({ url: target, file: damaged, cacheRoot: dir })).rejects.toThrow(/Prüfsummen/);
    const client = new pg.Client({ connectionString: target });
    await client.connect();
    try {
      const { rows } = await client.query(`SELECT count(*)::int AS count FROM "Organization"`);
      expect(rows[0].count).toBe(0);
    } finally {
      await client.end();
    }
  });
});
