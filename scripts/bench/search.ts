// Search benchmark: 10,000 synthetic organizations (all marked "(Beispiel)", e-mail under
// example.org) in a SEPARATE database, then the latency of the directory search for a fixed mix
// of queries and filters, as the page runs it (ranked ids + result cards).
//
//   npm run bench:search                      # own embedded PostgreSQL in a temp folder
//   BENCH_DATABASE_URL=postgres://… npm run bench:search   # a server you name (a database
//                                                           # "netzwerk_bench" is created there)
// Options: BENCH_ORGS (default 10000), BENCH_ROUNDS (default 15), BENCH_KEEP=1 keeps the database
// (with BENCH_DATABASE_URL) for EXPLAIN ANALYZE.
import { randomBytes } from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { startEmbeddedPostgres } from '../db/embedded.ts';
import { applyMigrations } from '../db/migrate.ts';
import { seedDatabase } from '../../prisma/seed.ts';

const ORGS = Number(process.env.BENCH_ORGS ?? 10_000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 15);
const BENCH_DB = 'netzwerk_bench';

const QUERY_MIX: Record<string, string>[] = [
  { q: 'Beratung' },
  { q: 'Migrationsberatung' },
  { q: 'Migrationsberatunng' },
  { q: 'Jobcentr' },
  { q: 'Jugendmig' },
  { q: 'arabisch' },
  { q: 'Arabic' },
  { q: 'العربية' },
  { q: 'Müller' },
  { q: 'Mueller' },
  { q: 'Beratungsstelle Familie' },
  { q: 'Sprachkurs Tangermünde' },
  { sprache: 'ar' },
  { q: 'Beratung', ort: 'Stendal' },
  { alter: '30' },
  { offen: '1' },
  { q: 'Wohnen', barrierefrei: '1' },
  { thema: 'jugend', alter: '16' },
  {},
  { seite: '5' },
];

function quantile(sorted: number[], q: number): number {
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[index];
}

function stats(samples: number[]) {
  const sorted = [...samples].sort((a, b) => a - b);
  return { p50: quantile(sorted, 0.5), p95: quantile(sorted, 0.95), p99: quantile(sorted, 0.99), max: sorted[sorted.length - 1] };
}

const ms = (value: number) => `${value.toFixed(1)} ms`;

// Bulk load in SQL: triggers that keep the search columns current are paused for the child
// tables and the search columns are rebuilt once at the end (the same trigger code runs then).
// Also used by the public-pages benchmark (scripts/bench/pages.ts).
export async function loadSynthetic(url: string, orgs = ORGS) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const started = performance.now();
    await client.query('BEGIN');
    for (const table of ['Service', 'ContactPerson', 'LanguageOffer', 'OrganizationTopic', 'ServiceTerm']) {
      await client.query(`ALTER TABLE "${table}" DISABLE TRIGGER USER`);
    }
    await client.query(
      `
      WITH words AS (
        SELECT ARRAY['Beratung','Migrationsberatung','Sprachkurs','Familienzentrum','Jugendtreff','Wohnungshilfe',
                     'Gesundheitslotsen','Jobcenter','Kita','Schule','Verein','Initiative','Begegnungsstätte',
                     'Frauentreff','Ehrenamt','Nachhilfe','Sozialberatung','Schuldnerberatung','Integrationskurs',
                     'Müller','Schmidt','Schulz','Weber','Becker','Wagner'] AS w,
               ARRAY['Stendal','Tangermünde','Osterburg (Altmark)','Havelberg','Bismark (Altmark)',
                     'Arneburg-Goldbeck','Seehausen (Altmark)','Tangerhütte','Goldbeck','Kalbe'] AS towns
      )
      INSERT INTO "Organization" ("slug", "name", "description", "email", "status", "sortOrder", "categoryId")
      SELECT 'bench-' || i,
             w[1 + (i * 7) % array_length(w, 1)] || ' ' || w[1 + (i * 13) % array_length(w, 1)] || ' '
               || towns[1 + i % array_length(towns, 1)] || ' ' || i || ' (Beispiel)',
             'Synthetischer Eintrag für den Benchmark: ' || w[1 + (i * 3) % array_length(w, 1)] || ', '
               || w[1 + (i * 5) % array_length(w, 1)] || ' und Begleitung in '
               || towns[1 + (i * 11) % array_length(towns, 1)] || ' (Beispiel).',
             'bench-' || i || '@example.org',
             CASE WHEN i % 20 = 0 THEN 'DRAFT'::"OrganizationStatus" ELSE 'PUBLISHED'::"OrganizationStatus" END,
             1000 + i,
             (SELECT id FROM "TaxonomyTerm" WHERE kind = 'CATEGORY' ORDER BY "sortOrder" OFFSET i % 9 LIMIT 1)
        FROM generate_series(1, $1::int) AS i, words`,
      [orgs],
    );
    await client.query(`
      INSERT INTO "Location" ("organizationId", "street", "postalCode", "city", "municipality", "wheelchairAccessible")
      SELECT o.id, 'Beispielstraße ' || (o."sortOrder" % 90 + 1), '39576',
             (ARRAY['Stendal','Tangermünde','Osterburg (Altmark)','Havelberg','Bismark (Altmark)',
                    'Arneburg-Goldbeck','Seehausen (Altmark)','Tangerhütte'])[1 + o."sortOrder" % 8],
             (ARRAY['Stendal','Tangermünde','Osterburg (Altmark)','Havelberg','Bismark (Altmark)',
                    'Arneburg-Goldbeck','Seehausen (Altmark)','Tangerhütte'])[1 + o."sortOrder" % 8],
             o."sortOrder" % 3 = 0
        FROM "Organization" o WHERE o.slug LIKE 'bench-%'`);
    await client.query(`
      INSERT INTO "LanguageOffer" ("organizationId", "languageCode")
      SELECT o.id, (ARRAY['ar','uk','ru','fa','en','tr','ku','fr'])[1 + o."sortOrder" % 8]
        FROM "Organization" o WHERE o.slug LIKE 'bench-%' AND o."sortOrder" % 2 = 0`);
    await client.query(`
      INSERT INTO "OrganizationTopic" ("organizationId", "termId")
      SELECT o.id, (SELECT id FROM "TaxonomyTerm" WHERE kind = 'TOPIC' ORDER BY "sortOrder" OFFSET o."sortOrder" % 10 LIMIT 1)
        FROM "Organization" o WHERE o.slug LIKE 'bench-%'`);
    await client.query(`
      INSERT INTO "Service" ("organizationId", "name", "description", "minAge", "maxAge")
      SELECT o.id, 'Angebot ' || o."sortOrder" || ' (Beispiel)', 'Beratung und Begleitung (Beispiel).',
             CASE WHEN o."sortOrder" % 4 = 0 THEN 27 WHEN o."sortOrder" % 4 = 1 THEN 12 END,
             CASE WHEN o."sortOrder" % 4 = 1 THEN 27 END
        FROM "Organization" o WHERE o.slug LIKE 'bench-%' AND o."sortOrder" % 3 = 0`);
    await client.query(`
      INSERT INTO "Schedule" ("organizationId", "weekday", "opensAt", "closesAt")
      SELECT o.id, d, 540 + (o."sortOrder" % 4) * 60, 960
        FROM "Organization" o CROSS JOIN generate_series(1, 5) AS d
       WHERE o.slug LIKE 'bench-%' AND o."sortOrder" % 2 = 1`);
    for (const table of ['Service', 'ContactPerson', 'LanguageOffer', 'OrganizationTopic', 'ServiceTerm']) {
      await client.query(`ALTER TABLE "${table}" ENABLE TRIGGER USER`);
    }
    // Fires the search trigger for every synthetic row.
    await client.query(`UPDATE "Organization" SET "searchText" = '' WHERE slug LIKE 'bench-%'`);
    await client.query('COMMIT');
    await client.query('ANALYZE');
    console.log(`Geladen: ${orgs} synthetische Organisationen in ${((performance.now() - started) / 1000).toFixed(1)} s.`);
  } catch (error) {
    await client.query('ROLLBACK').catch(() => {});
    throw error;
  } finally {
    await client.end();
  }
}

async function main() {
  let stop: (() => Promise<void>) | undefined;
  let serverUrl = process.env.BENCH_DATABASE_URL;
  if (!serverUrl) {
    const dataDir = path.join(os.tmpdir(), `netzwerk-bench-pg-${process.pid}-${randomBytes(3).toString('hex')}`);
    const embedded = await startEmbeddedPostgres({ dataDir, isEphemeral: true, database: 'postgres', port: 55800 });
    serverUrl = embedded.url;
    stop = embedded.stop;
  }
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS "${BENCH_DB}" WITH (FORCE)`);
  await admin.query(`CREATE DATABASE "${BENCH_DB}"`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${BENCH_DB}`;
  const benchUrl = url.toString();
  try {
    await applyMigrations({ url: benchUrl });
    await seedDatabase({ url: benchUrl, adminPassword: randomBytes(12).toString('hex') });
    await loadSynthetic(benchUrl);

    // The app's modules read DATABASE_URL on first use: point them at the bench database only.
    process.env.DATABASE_URL = benchUrl;
    const { parseDirectoryQuery } = await import('../../lib/search/query.ts');
    const { searchOrganizationIds } = await import('../../lib/data/directory/rank.ts');
    const { runDirectorySearch } = await import('../../lib/data/directory/search.ts');
    const { db } = await import('../../lib/db.ts');

    const queries = QUERY_MIX.map((params) => parseDirectoryQuery(params));
    const label = (params: Record<string, string>) => new URLSearchParams(params).toString() || '(alle)';
    for (const query of queries) await runDirectorySearch({ query, locale: 'de' }); // warm-up

    const sqlSamples: number[] = [];
    const pageSamples: number[] = [];
    const perQuery = new Map<string, { samples: number[]; total: number }>();
    for (let round = 0; round < ROUNDS; round++) {
      for (const [index, query] of queries.entries()) {
        let started = performance.now();
        const { total } = await searchOrganizationIds({ query });
        sqlSamples.push(performance.now() - started);
        started = performance.now();
        await runDirectorySearch({ query, locale: round % 2 ? 'ar' : 'de' });
        const elapsed = performance.now() - started;
        pageSamples.push(elapsed);
        const key = label(QUERY_MIX[index]);
        const entry = perQuery.get(key) ?? { samples: [], total };
        entry.samples.push(elapsed);
        perQuery.set(key, entry);
      }
    }
    await db.$disconnect();

    const publicCount = Math.round(ORGS * 0.95) + 17;
    console.log(`\nSuche über ${ORGS} synthetische + 17 Seed-Organisationen (~${publicCount} öffentlich), ${ROUNDS} Runden × ${queries.length} Anfragen`);
    console.log(`${'Anfrage'.padEnd(44)} ${'Treffer'.padStart(7)} ${'p50'.padStart(9)} ${'p95'.padStart(9)}`);
    for (const [key, entry] of perQuery) {
      const s = stats(entry.samples);
      console.log(`${key.slice(0, 44).padEnd(44)} ${String(entry.total).padStart(7)} ${ms(s.p50).padStart(9)} ${ms(s.p95).padStart(9)}`);
    }
    const sql = stats(sqlSamples);
    const page = stats(pageSamples);
    console.log(`\nRanking-SQL (ids + Anzahl):      p50 ${ms(sql.p50)}  p95 ${ms(sql.p95)}  p99 ${ms(sql.p99)}  max ${ms(sql.max)}`);
    console.log(`Suche wie die Seite (+ Karten):  p50 ${ms(page.p50)}  p95 ${ms(page.p95)}  p99 ${ms(page.p99)}  max ${ms(page.max)}`);
  } finally {
    if (stop) await stop();
    else if (process.env.BENCH_KEEP !== '1') {
      const cleanup = new pg.Client({ connectionString: serverUrl });
      await cleanup.connect();
      await cleanup.query(`DROP DATABASE IF EXISTS "${BENCH_DB}" WITH (FORCE)`);
      await cleanup.end();
    }
  }
}

// Only when run as the script, not when pages.ts imports the loader.
if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  main().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
