// Search benchmark: synthetic organizations (all marked "(Beispiel)", e-mail under example.org,
// with keywords and Arabic/Ukrainian translations) in a SEPARATE database, then the latency of the
// directory search for a fixed mix of queries and filters, as the page runs it (ranked ids +
// result cards), and of the typeahead's organization query, first at 1,000 and then at 10,000
// organizations (the second size adds to the first), with the ratio of the two p95 figures.
//
//   npm run bench:search                      # own embedded PostgreSQL in a temp folder
//   BENCH_DATABASE_URL=postgres://… npm run bench:search   # a server you name (a database
//                                                           # "netzwerk_bench" is created there)
// Options: BENCH_SIZES (default "1000,10000"), BENCH_ROUNDS (default 15), BENCH_KEEP=1 keeps the database
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

const SIZES = (process.env.BENCH_SIZES ?? '1000,10000').split(',').map(Number);
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
  { q: 'ich suche einen Sprachkurs in Stendal' },
  { q: 'Wohnung suchen' },
  { q: 'Beratung Arabisch' },
  { q: 'jobcenter stendal' },
  { q: 'Sprachkurz' },
  { q: 'робота' },
  { q: 'عمل' },
  { q: 'استشارات' },
  { q: 'житло' },
  { sprache: 'ar' },
  { q: 'Beratung', ort: 'Stendal' },
  { alter: '30' },
  { offen: '1' },
  { q: 'Wohnen', barrierefrei: '1' },
  { thema: 'jugend', alter: '16' },
  {},
  { seite: '5' },
];

// What a visitor types letter by letter: the typeahead asks for the six best organizations.
const TYPEAHEAD_MIX = ['Jo', 'Jobc', 'Berat', 'Migrationsb', 'Sprachk', 'Fam', 'Jug', 'Tangerm', 'араб', 'عم', 'жит', 'Beratung Ar'];

function quantile(sorted: number[], q: number): number {
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[index];
}

function stats(samples: number[]) {
  const sorted = [...samples].sort((a, b) => a - b);
  return { p50: quantile(sorted, 0.5), p95: quantile(sorted, 0.95), p99: quantile(sorted, 0.99), max: sorted[sorted.length - 1] };
}

const ms = (value: number) => `${value.toFixed(1)} ms`;

const TYPEAHEAD_TRIGGERS = ['typeahead_prefix_insert', 'typeahead_prefix_update', 'typeahead_prefix_delete'];

// Bulk load in SQL: triggers that keep the search columns current are paused for the child
// tables and the search columns are rebuilt once at the end (the same trigger code runs then).
// Also used by the public-pages benchmark (scripts/bench/pages.ts).
export async function loadSynthetic(url: string, from: number, to: number) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const started = performance.now();
    await client.query('BEGIN');
    for (const table of ['Service', 'ContactPerson', 'LanguageOffer', 'OrganizationTopic', 'ServiceTerm', 'Translation']) {
      await client.query(`ALTER TABLE "${table}" DISABLE TRIGGER USER`);
    }
    // The typeahead's prefix index (migration 20261208200000) is rebuilt once at the end too, not
    // after each of the statements below that change the new organizations.
    for (const trigger of TYPEAHEAD_TRIGGERS) await client.query(`ALTER TABLE "Organization" DISABLE TRIGGER ${trigger}`);
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
        FROM generate_series($1::int, $2::int) AS i, words`,
      [from, to],
    );
    // Keywords in three languages and translations of every tenth entry (Arabic description,
    // Ukrainian name), as editors would add them.
    await client.query(
      `UPDATE "Organization" o SET "keywords" = jsonb_build_object(
         'de', jsonb_build_array((ARRAY['Wohnungssuche','Deutschkurs','Arbeit','Kinderbetreuung','Asyl'])[1 + o."sortOrder" % 5]),
         'uk', jsonb_build_array((ARRAY['житло','мовний курс','робота','дитсадок','притулок'])[1 + o."sortOrder" % 5]),
         'ar', jsonb_build_array((ARRAY['سكن','دورة لغة','عمل','حضانة','لجوء'])[1 + o."sortOrder" % 5]))
        WHERE o."sortOrder" BETWEEN 1000 + $1::int AND 1000 + $2::int`,
      [from, to],
    );
    await client.query(
      `INSERT INTO "Translation" ("entityType", "entityId", "field", "locale", "value")
       SELECT 'ORGANIZATION'::"TranslatableEntity", o.id, 'description', 'ar', 'استشارات ومرافقة في ' || o."sortOrder" || ' (مثال)'
         FROM "Organization" o WHERE o."sortOrder" BETWEEN 1000 + $1::int AND 1000 + $2::int AND o."sortOrder" % 10 = 0
       UNION ALL
       SELECT 'ORGANIZATION'::"TranslatableEntity", o.id, 'name', 'uk', 'Консультація ' || o."sortOrder" || ' (приклад)'
         FROM "Organization" o WHERE o."sortOrder" BETWEEN 1000 + $1::int AND 1000 + $2::int AND o."sortOrder" % 10 = 0`,
      [from, to],
    );
    await client.query(`
      INSERT INTO "Location" ("organizationId", "street", "postalCode", "city", "municipality", "wheelchairAccessible")
      SELECT o.id, 'Beispielstraße ' || (o."sortOrder" % 90 + 1), '39576',
             (ARRAY['Stendal','Tangermünde','Osterburg (Altmark)','Havelberg','Bismark (Altmark)',
                    'Arneburg-Goldbeck','Seehausen (Altmark)','Tangerhütte'])[1 + o."sortOrder" % 8],
             (ARRAY['Stendal','Tangermünde','Osterburg (Altmark)','Havelberg','Bismark (Altmark)',
                    'Arneburg-Goldbeck','Seehausen (Altmark)','Tangerhütte'])[1 + o."sortOrder" % 8],
             o."sortOrder" % 3 = 0
        FROM "Organization" o WHERE o."sortOrder" BETWEEN 1000 + $1::int AND 1000 + $2::int`, [from, to]);
    await client.query(`
      INSERT INTO "LanguageOffer" ("organizationId", "languageCode")
      SELECT o.id, (ARRAY['ar','uk','ru','fa','en','tr','ku','fr'])[1 + o."sortOrder" % 8]
        FROM "Organization" o WHERE o."sortOrder" BETWEEN 1000 + $1::int AND 1000 + $2::int AND o."sortOrder" % 2 = 0`, [from, to]);
    await client.query(`
      INSERT INTO "OrganizationTopic" ("organizationId", "termId")
      SELECT o.id, (SELECT id FROM "TaxonomyTerm" WHERE kind = 'TOPIC' ORDER BY "sortOrder" OFFSET o."sortOrder" % 10 LIMIT 1)
        FROM "Organization" o WHERE o."sortOrder" BETWEEN 1000 + $1::int AND 1000 + $2::int`, [from, to]);
    await client.query(`
      INSERT INTO "Service" ("organizationId", "name", "description", "minAge", "maxAge")
      SELECT o.id, 'Angebot ' || o."sortOrder" || ' (Beispiel)', 'Beratung und Begleitung (Beispiel).',
             CASE WHEN o."sortOrder" % 4 = 0 THEN 27 WHEN o."sortOrder" % 4 = 1 THEN 12 END,
             CASE WHEN o."sortOrder" % 4 = 1 THEN 27 END
        FROM "Organization" o WHERE o."sortOrder" BETWEEN 1000 + $1::int AND 1000 + $2::int AND o."sortOrder" % 3 = 0`, [from, to]);
    await client.query(`
      INSERT INTO "Schedule" ("organizationId", "weekday", "opensAt", "closesAt")
      SELECT o.id, d, 540 + (o."sortOrder" % 4) * 60, 960
        FROM "Organization" o CROSS JOIN generate_series(1, 5) AS d
       WHERE o."sortOrder" BETWEEN 1000 + $1::int AND 1000 + $2::int AND o."sortOrder" % 2 = 1`, [from, to]);
    for (const table of ['Service', 'ContactPerson', 'LanguageOffer', 'OrganizationTopic', 'ServiceTerm', 'Translation']) {
      await client.query(`ALTER TABLE "${table}" ENABLE TRIGGER USER`);
    }
    // Fires the search trigger for every synthetic row.
    await client.query(`UPDATE "Organization" SET "searchText" = '' WHERE "sortOrder" BETWEEN 1000 + $1::int AND 1000 + $2::int`, [from, to]);
    for (const trigger of TYPEAHEAD_TRIGGERS) await client.query(`ALTER TABLE "Organization" ENABLE TRIGGER ${trigger}`);
    await client.query(
      `SELECT typeahead_prefix_refresh(array_agg("id")) FROM "Organization" WHERE "sortOrder" BETWEEN 1000 + $1::int AND 1000 + $2::int`,
      [from, to],
    );
    await client.query('COMMIT');
    // As autovacuum would soon after such a bulk change: the rebuild above left a dead copy of
    // every row (and its index entries) behind, which would make every scan read twice the data.
    await client.query('VACUUM (ANALYZE)');
    console.log(`Geladen: ${to - from + 1} synthetische Organisationen in ${((performance.now() - started) / 1000).toFixed(1)} s.`);
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

    // The app's modules read DATABASE_URL on first use: point them at the bench database only.
    process.env.DATABASE_URL = benchUrl;
    const { parseDirectoryQuery } = await import('../../lib/search/query.ts');
    const { searchOrganizationIds } = await import('../../lib/data/directory/rank.ts');
    const { runDirectorySearch } = await import('../../lib/data/directory/search.ts');
    const { typeaheadOrganizationIds } = await import('../../lib/data/directory/typeahead.ts');
    const { db } = await import('../../lib/db.ts');

    const queries = QUERY_MIX.map((params) => parseDirectoryQuery(params));
    const typeahead = TYPEAHEAD_MIX.map((q) => parseDirectoryQuery({ q }));
    const label = (params: Record<string, string>) => new URLSearchParams(params).toString() || '(alle)';
    const summary: { size: number; sql: ReturnType<typeof stats>; page: ReturnType<typeof stats>; typeahead: ReturnType<typeof stats>; base: ReturnType<typeof stats> }[] = [];
    let loaded = 0;
    for (const size of SIZES) {
      await loadSynthetic(benchUrl, loaded + 1, size);
      loaded = size;
      for (const query of queries) await runDirectorySearch({ query, locale: 'de' }); // warm-up
      for (const query of typeahead) await typeaheadOrganizationIds(query.q);

      const sqlSamples: number[] = [];
      const pageSamples: number[] = [];
      const typeaheadSamples: number[] = [];
      const perQuery = new Map<string, { samples: number[]; total: number }>();
      for (let round = 0; round < ROUNDS; round++) {
        for (const [index, query] of queries.entries()) {
          let started = performance.now();
          const { total } = await searchOrganizationIds({ query });
          const elapsed = performance.now() - started;
          sqlSamples.push(elapsed);
          started = performance.now();
          await runDirectorySearch({ query, locale: round % 2 ? 'ar' : 'de' });
          pageSamples.push(performance.now() - started);
          const key = label(QUERY_MIX[index]);
          const entry = perQuery.get(key) ?? { samples: [], total };
          entry.samples.push(elapsed);
          perQuery.set(key, entry);
        }
        for (const [index, query] of typeahead.entries()) {
          // The typeahead's organization query, exactly as getSuggestions (lib/data/directory/search.ts)
          // calls it: its own prefix index (lib/data/directory/typeahead.ts), six entries.
          const started = performance.now();
          const total = (await typeaheadOrganizationIds(query.q)).length;
          const elapsed = performance.now() - started;
          typeaheadSamples.push(elapsed);
          const key = `Typeahead "${TYPEAHEAD_MIX[index]}"`;
          const entry = perQuery.get(key) ?? { samples: [], total };
          entry.samples.push(elapsed);
          perQuery.set(key, entry);
        }
      }
      console.log(`\nSuche über ${size} synthetische + Seed-Organisationen (95 % öffentlich), ${ROUNDS} Runden × ${queries.length + typeahead.length} Anfragen`);
      // The trivial query (no words, no filters) measured in the same run is the baseline: on a
      // shared machine the ratios say more than the milliseconds.
      const base = stats(perQuery.get('(alle)')!.samples);
      const ratio = (value: number, baseline: number) => `${(value / baseline).toFixed(1)}×`;
      console.log(
        `${'Anfrage (Ranking-SQL)'.padEnd(44)} ${'Treffer'.padStart(7)} ${'p50'.padStart(9)} ${'p95'.padStart(9)}   ${'p50/(alle)'.padStart(10)} ${'p95/(alle)'.padStart(10)}`,
      );
      for (const [key, entry] of perQuery) {
        const s = stats(entry.samples);
        console.log(
          `${key.slice(0, 44).padEnd(44)} ${String(entry.total).padStart(7)} ${ms(s.p50).padStart(9)} ${ms(s.p95).padStart(9)}   ${ratio(s.p50, base.p50).padStart(10)} ${ratio(s.p95, base.p95).padStart(10)}`,
        );
      }
      const result = { size, sql: stats(sqlSamples), page: stats(pageSamples), typeahead: stats(typeaheadSamples), base };
      summary.push(result);
      const line = (name: string, s: ReturnType<typeof stats>) =>
        console.log(
          `${name.padEnd(34)} p50 ${ms(s.p50)}  p95 ${ms(s.p95)}  p99 ${ms(s.p99)}  max ${ms(s.max)}   ÷ (alle): p50 ${ratio(s.p50, base.p50)}  p95 ${ratio(s.p95, base.p95)}  p99 ${ratio(s.p99, base.p99)}`,
        );
      line('(alle), Basis:', base);
      line('Such-SQL (ids + Anzahl):', result.sql);
      line('Typeahead-SQL (6 Einträge):', result.typeahead);
      line('Suche wie die Seite (+ Karten):', result.page);
    }
    await db.$disconnect();

    console.log(
      `\n${'Organisationen'.padEnd(16)} ${'Suche p50'.padStart(10)} ${'p95'.padStart(9)} ${'p99'.padStart(9)}   ${'Typeahead p50'.padStart(13)} ${'p95'.padStart(9)} ${'p99'.padStart(9)}   ${'(alle) p50'.padStart(10)} ${'p95'.padStart(9)}   ${'Suche p95/(alle)'.padStart(16)} ${'Typeahead p95/(alle)'.padStart(20)}`,
    );
    for (const row of summary) {
      console.log(
        `${String(row.size).padEnd(16)} ${ms(row.sql.p50).padStart(10)} ${ms(row.sql.p95).padStart(9)} ${ms(row.sql.p99).padStart(9)}   ${ms(row.typeahead.p50).padStart(13)} ${ms(row.typeahead.p95).padStart(9)} ${ms(row.typeahead.p99).padStart(9)}   ${ms(row.base.p50).padStart(10)} ${ms(row.base.p95).padStart(9)}   ${`${(row.sql.p95 / row.base.p95).toFixed(1)}×`.padStart(16)} ${`${(row.typeahead.p95 / row.base.p95).toFixed(1)}×`.padStart(20)}`,
      );
    }
    if (summary.length >= 2) {
      const [small, large] = [summary[0], summary[summary.length - 1]];
      console.log(
        `p95 ${large.size} / ${small.size}: Suche ${(large.sql.p95 / small.sql.p95).toFixed(2)}×, Typeahead ${(large.typeahead.p95 / small.typeahead.p95).toFixed(2)}× (Ziel < 2×; Ziel bei ${large.size}: Suche p95 < 10 ms, Typeahead p95 < 5 ms)`,
      );
    }
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
