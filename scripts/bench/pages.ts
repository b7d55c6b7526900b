// `npm run bench`: throughput and latency of the public pages and APIs of the production server,
// with 10,000 synthetic organizations (all marked "(Beispiel)") in a SEPARATE database, driven on
// loopback with autocannon. In the same run it measures two baselines: a bare Node `http` server
// sending the directory page's bytes, and a `force-static` page of the app (app/(bench)/bench-static,
// prerendered at build time, served through the same edge server). Each route's req/s is reported
// as a ratio to that static page, so that the figures of a busy or slow machine stay comparable.
// Prints a table and writes the same to bench-results.json (git-ignored). Not part of `npm test`.
//
//   npm run bench                                   # own embedded PostgreSQL in a temp folder
//   BENCH_ORGS=1000 BENCH_SECONDS=2 npm run bench   # a quick run
// Options (environment): BENCH_ORGS (default 10000), BENCH_SECONDS per route (default 8),
// BENCH_CONNECTIONS (default 32), NEXT_DIST_DIR (default .next-bench: its own build, made when
// missing or older than the sources; BENCH_REBUILD=1 forces it), BENCH_DATABASE_URL (a server you
// name; a database "netzwerk_bench_pages" is created there and dropped afterwards),
// BENCH_ROUTES (comma-separated route names: only these, plus the baselines), BENCH_OUT (default
// bench-results.json), BENCH_NODE_FLAGS (node's flags for the server, space-separated; default the
// production server's heap flags, scripts/server/node-flags.mjs; empty: none, for a comparison).
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import pg from 'pg';
import { seedDatabase } from '../../prisma/seed.ts';
import { startEmbeddedPostgres } from '../db/embedded.ts';
import { needsBuild } from '../perf/build-freshness.ts';
import { applyMigrations } from '../db/migrate.ts';
import { loadSynthetic } from './search.ts';
import { SERVER_NODE_FLAGS } from '../server/node-flags.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const ORGS = Number(process.env.BENCH_ORGS ?? 10_000);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 8);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 32);
const DIST_DIR = process.env.NEXT_DIST_DIR || '.next-bench';
const OUT_FILE = path.resolve(ROOT, process.env.BENCH_OUT ?? 'bench-results.json');
const BENCH_DB = 'netzwerk_bench_pages';
const PAUSE_MS = 2_000;
const NEXT_BIN = path.join(ROOT, 'node_modules/.bin/next');
const SERVER_RUNNER = path.join(ROOT, 'scripts/server/run.mjs');
const NODE_FLAGS = process.env.BENCH_NODE_FLAGS === undefined ? SERVER_NODE_FLAGS : process.env.BENCH_NODE_FLAGS.split(' ').filter(Boolean);

// 50 searches as visitors type them: German words, compounds, typos, other scripts, names,
// places, and filter combinations (the directory's URL parameters, lib/search/query.ts).
const ROTATING_SEARCHES: string[] = [
  'q=Beratung', 'q=Migrationsberatung', 'q=Migrationsberatunng', 'q=Jobcenter', 'q=Jobcentr', 'q=Jugendmigrationsdienst',
  'q=Jugendmig', 'q=Sprachkurs', 'q=Deutschkurs', 'q=Integrationskurs', 'q=Kita', 'q=Schule', 'q=Wohnung', 'q=Wohnungshilfe',
  'q=Schuldnerberatung', 'q=Familienzentrum', 'q=Frauentreff', 'q=Ehrenamt', 'q=Nachhilfe', 'q=Gesundheit', 'q=Arzt',
  'q=Anerkennung', 'q=Arbeit', 'q=Ausbildung', 'q=Studium', 'q=Asyl', 'q=Aufenthalt', 'q=Dolmetscher', 'q=arabisch',
  'q=Arabic', 'q=%D8%A7%D9%84%D8%B9%D8%B1%D8%A8%D9%8A%D8%A9', 'q=%D0%BA%D0%BE%D0%BD%D1%81%D1%83%D0%BB%D1%8C%D1%82%D0%B0%D1%86%D1%96%D1%8F',
  'q=%D1%80%D0%B0%D0%B1%D0%BE%D1%82%D0%B0', 'q=counselling', 'q=M%C3%BCller', 'q=Mueller', 'q=Stendal', 'q=Tangerm%C3%BCnde',
  'q=Beratungsstelle+Familie', 'q=Sprachkurs+Tangerm%C3%BCnde', 'q=Beratung&ort=Stendal', 'q=Wohnen&barrierefrei=1',
  'sprache=ar', 'sprache=uk&thema=beratung', 'thema=jugend&alter=16', 'thema=arbeit', 'alter=30', 'offen=1',
  'ort=Havelberg', 'seite=5',
];

interface RouteSpec {
  name: string;
  paths: string[];
}

const ROUTES: RouteSpec[] = [
  { name: 'home', paths: ['/de'] },
  { name: 'directory', paths: ['/de/akteure'] },
  { name: 'actor', paths: ['/de/akteure/koordinierungsstelle-integration'] },
  { name: 'content', paths: ['/de/netzwerk'] },
  { name: 'search', paths: ['/de/akteure?q=Beratung'] },
  { name: 'searchRotating', paths: ROTATING_SEARCHES.map((query) => `/de/akteure?${query}`) },
  { name: 'filtered', paths: ['/de/akteure?thema=beratung&sprache=ar&ort=Stendal'] },
  { name: 'typeahead', paths: ['/api/v1/suggestions?q=Migr&locale=de'] },
  { name: 'jsonApi', paths: ['/api/v1/organizations?q=Beratung&locale=de'] },
  { name: 'hsdsList', paths: ['/api/hsds/organizations'] },
];

interface Measurement {
  rps: number;
  p50: number;
  p95: number;
  p99: number;
  non2xx: number;
}

interface BenchResults {
  baselines: { bare: Measurement; static: Measurement };
  routes: Record<string, Measurement & { ratio: number }>;
  peakRssMb: number;
}

function quantile(sorted: number[], q: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))];
}

const round = (value: number, digits = 1) => Math.round(value * 10 ** digits) / 10 ** digits;

/** autocannon against `paths` (rotating when several) on `origin`; latencies per response. */
async function measure(origin: string, paths: string[], seconds = SECONDS, connections = CONNECTIONS): Promise<Measurement> {
  const latencies: number[] = [];
  let next = 0;
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      {
        url: origin,
        connections,
        duration: seconds,
        // A German browser (otherwise every page would also set next-intl's language cookie).
        headers: { 'accept-language': 'de-DE,de;q=0.9' },
        // Each request takes the next path of the set (one path: always the same).
        requests: [{ setupRequest: (request) => ({ ...request, path: paths[next++ % paths.length] }) }],
      },
      (error, finished) => (error ? reject(error) : resolve(finished)),
    );
    instance.on('response', (_client, _status, _bytes, responseTime) => latencies.push(responseTime));
  });
  latencies.sort((a, b) => a - b);
  return {
    rps: round(result.requests.total / result.duration, 0),
    p50: round(quantile(latencies, 0.5)),
    p95: round(quantile(latencies, 0.95)),
    p99: round(quantile(latencies, 0.99)),
    // Connection errors and timeouts are failed requests as well.
    non2xx: result.non2xx + result.errors,
  };
}

function exited(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => {
    if (child.exitCode !== null) resolve(child.exitCode);
    else child.once('exit', (code) => resolve(code));
  });
}

async function build(env: NodeJS.ProcessEnv): Promise<void> {
  // `next build` with another dist dir adds `<dir>/types/**/*.ts` to tsconfig.json: put it back.
  const tsconfig = readFileSync(path.join(ROOT, 'tsconfig.json'), 'utf8');
  const tsconfigStat = statSync(path.join(ROOT, 'tsconfig.json'));
  const started = Date.now();
  console.log(`next build nach ${DIST_DIR} ...`);
  try {
    const child = spawn(NEXT_BIN, ['build'], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'inherit'] });
    let output = '';
    child.stdout?.on('data', (chunk: Buffer) => (output = (output + chunk.toString('utf8')).slice(-8_000)));
    const code = await exited(child);
    if (code !== 0) throw new Error(`next build ist fehlgeschlagen (Exit-Code ${code}):\n${output}`);
  } finally {
    // Only when changed, and with its old mtime: a rewritten tsconfig.json would count as newer than
    // the build, and the next run would build again (scripts/perf/build-freshness.ts).
    const file = path.join(ROOT, 'tsconfig.json');
    if (readFileSync(file, 'utf8') !== tsconfig) {
      writeFileSync(file, tsconfig);
      utimesSync(file, tsconfigStat.atime, tsconfigStat.mtime);
    }
  }
  console.log(`Build fertig in ${Math.round((Date.now() - started) / 1000)} s.`);
}

async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

// The last lines each child wrote, shown when a route fails its check (a 500 says why there).
const childOutput = new Map<ChildProcess, string[]>();

/**
 * Starts `node [nodeFlags] scripts/server/run.mjs <script> args` (as `npm start` runs the server:
 * compiled, no tsx hooks, the server's heap flags) in its own process group; resolves with the
 * "READY …" line.
 */
function startChild(script: string, args: string[], env: NodeJS.ProcessEnv, nodeFlags: string[] = []): Promise<{ child: ChildProcess; ready: string }> {
  const child = spawn(process.execPath, [...nodeFlags, SERVER_RUNNER, script, ...args], { cwd: ROOT, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  const tail: string[] = [];
  childOutput.set(child, tail);
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${path.basename(script)} meldet sich nach 90 s nicht:\n${tail.join('\n')}`)), 90_000);
    const collect = (chunk: Buffer) => {
      for (const line of chunk.toString('utf8').split('\n').filter(Boolean)) {
        tail.push(line);
        tail.splice(0, Math.max(0, tail.length - 30));
        if (line.startsWith('READY ')) {
          clearTimeout(timer);
          resolve({ child, ready: line.slice('READY '.length).trim() });
        }
      }
    };
    child.stdout?.on('data', collect);
    child.stderr?.on('data', collect);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${path.basename(script)} hat sich beendet (Exit-Code ${code}):\n${tail.join('\n')}`));
    });
  });
}

async function stopGroup(child: ChildProcess | undefined): Promise<void> {
  if (!child?.pid || child.exitCode !== null || child.signalCode !== null) return;
  const done = exited(child);
  const signal = (name: NodeJS.Signals) => {
    try {
      process.kill(-child.pid!, name);
    } catch {
      // Already gone.
    }
  };
  signal('SIGTERM');
  const timer = setTimeout(() => signal('SIGKILL'), 5_000);
  await done;
  clearTimeout(timer);
}

function descendants(pid: number): number[] {
  const byParent = new Map<number, number[]>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      // "pid (comm) state ppid ...": comm may contain spaces, so parse after the last ')'.
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      byParent.set(ppid, [...(byParent.get(ppid) ?? []), Number(entry)]);
    } catch {
      // The process ended meanwhile.
    }
  }
  const all: number[] = [];
  const queue = [pid];
  while (queue.length > 0) {
    const current = queue.shift()!;
    all.push(current);
    queue.push(...(byParent.get(current) ?? []));
  }
  return all;
}

/** Resident memory of these processes together, in kB (VmRSS from /proc/<pid>/status). */
function rssKb(pids: number[]): number {
  let total = 0;
  for (const member of pids) {
    try {
      const match = /^VmRSS:\s+(\d+)\s+kB/m.exec(readFileSync(`/proc/${member}/status`, 'utf8'));
      if (match) total += Number(match[1]);
    } catch {
      // Gone meanwhile.
    }
  }
  return total;
}

async function prepareDatabase(serverUrl: string): Promise<string> {
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS "${BENCH_DB}" WITH (FORCE)`);
  await admin.query(`CREATE DATABASE "${BENCH_DB}"`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${BENCH_DB}`;
  const benchUrl = url.toString();
  await applyMigrations({ url: benchUrl });
  await seedDatabase({ url: benchUrl, adminPassword: randomBytes(12).toString('hex') });
  await loadSynthetic(benchUrl, 1, ORGS);
  return benchUrl;
}

function formatTable(results: BenchResults): string {
  const header = ['Route', 'req/s', 'p50 ms', 'p95 ms', 'p99 ms', 'non-2xx', 'Verhältnis'];
  const rows: string[][] = [
    ['bare (Node http)', ...cells(results.baselines.bare), (results.baselines.bare.rps / results.baselines.static.rps).toFixed(2)],
    ['static (force-static)', ...cells(results.baselines.static), '1.00'],
    ...Object.entries(results.routes).map(([name, r]) => [name, ...cells(r), r.ratio.toFixed(2)]),
  ];
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => row[column].length)));
  const line = (row: string[]) => `| ${row.map((cell, column) => (column === 0 ? cell.padEnd(widths[column]) : cell.padStart(widths[column]))).join(' | ')} |`;
  return [line(header), `|${widths.map((width, column) => (column === 0 ? '-'.repeat(width + 2) : `${'-'.repeat(width + 1)}:`)).join('|')}|`, ...rows.map(line)].join('\n');

  function cells(m: Measurement): string[] {
    return [String(m.rps), m.p50.toFixed(1), m.p95.toFixed(1), m.p99.toFixed(1), String(m.non2xx)];
  }
}

async function main(): Promise<void> {
  const only = process.env.BENCH_ROUTES?.split(',').map((name) => name.trim()).filter(Boolean);
  const routes = only ? ROUTES.filter((route) => only.includes(route.name)) : ROUTES;
  if (only && routes.length !== only.length) throw new Error(`Unbekannte Route in BENCH_ROUTES. Bekannt: ${ROUTES.map((route) => route.name).join(', ')}`);

  let stopDatabase: (() => Promise<void>) | undefined;
  let serverUrl = process.env.BENCH_DATABASE_URL;
  if (!serverUrl) {
    const dataDir = path.join(os.tmpdir(), `netzwerk-bench-pages-pg-${process.pid}-${randomBytes(3).toString('hex')}`);
    const embedded = await startEmbeddedPostgres({ dataDir, isEphemeral: true, database: 'postgres', port: 55810 });
    serverUrl = embedded.url;
    stopDatabase = embedded.stop;
  }
  let app: ChildProcess | undefined;
  let bare: ChildProcess | undefined;
  const tempDir = mkdtempSync(path.join(os.tmpdir(), 'netzwerk-bench-'));
  let sampler: NodeJS.Timeout | undefined;
  try {
    const databaseUrl = await prepareDatabase(serverUrl);
    const port = await freePort();
    const origin = `http://127.0.0.1:${port}`;
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      NODE_ENV: 'production',
      NEXT_TELEMETRY_DISABLED: '1',
      NEXT_DIST_DIR: DIST_DIR,
      DATABASE_URL: databaseUrl,
      APP_URL: origin,
      NEXTAUTH_URL: origin,
      NEXTAUTH_SECRET: randomBytes(32).toString('hex'),
    };
    if (needsBuild({ root: ROOT, distDir: DIST_DIR, force: process.env.BENCH_REBUILD === '1' })) await build(env);

    // The production server as `npm start` runs it: the edge server around Next.
    ({ child: app } = await startChild(path.join(ROOT, 'scripts/server/main.ts'), ['start', '-p', String(port), '-H', '127.0.0.1'], env, NODE_FLAGS));
    // Peak memory of the server's process tree, sampled every 100 ms (the tree itself, which
    // means reading all of /proc, only every 2 s: the sampler shares a core with autocannon).
    // Also the peak during each route (printed with it): which route makes the server grow.
    let peakRssKb = 0;
    let routePeakKb = 0;
    let tree = descendants(app.pid!);
    let samples = 0;
    const sample = () => {
      if (++samples % 20 === 0) tree = descendants(app!.pid!);
      const current = rssKb(tree);
      peakRssKb = Math.max(peakRssKb, current);
      routePeakKb = Math.max(routePeakKb, current);
    };
    sampler = setInterval(sample, 100);
    sampler.unref();

    // Every path answers 200 before it is measured (a wrong setup should fail there, not in the
    // table), and the first render of a path is not what a visitor normally gets.
    const warm = async (route: RouteSpec) => {
      for (const target of route.paths) {
        const response = await fetch(origin + target, { redirect: 'manual' });
        await response.arrayBuffer();
        if (response.status !== 200) {
          throw new Error(`${route.name}: ${target} antwortet ${response.status}. Server:\n${((app ? childOutput.get(app) : undefined) ?? []).join('\n')}`);
        }
      }
    };
    await warm({ name: 'static', paths: ['/bench-static'] });

    // The bare baseline sends exactly the directory page's bytes as the app sent them.
    const directoryFile = path.join(tempDir, 'directory.html');
    writeFileSync(directoryFile, Buffer.from(await (await fetch(`${origin}/de/akteure`)).arrayBuffer()));
    let bareOrigin: string;
    ({ child: bare, ready: bareOrigin } = await startChild(path.join(ROOT, 'scripts/bench/bare-server.ts'), [directoryFile], process.env));
    bareOrigin = `http://127.0.0.1:${bareOrigin}`;

    const print = (name: string, m: Measurement, rssMb?: number) =>
      console.log(
        `  ${name.padEnd(16)} ${String(m.rps).padStart(6)} req/s  p50 ${m.p50} ms  p95 ${m.p95} ms  p99 ${m.p99} ms  non-2xx ${m.non2xx}${rssMb === undefined ? '' : `  RSS bis ${rssMb} MB`}`,
      );
    console.log(`\nautocannon: ${CONNECTIONS} Verbindungen, ${SECONDS} s je Route, ${ORGS} synthetische Organisationen; Server: node ${NODE_FLAGS.join(' ') || '(ohne Flags)'}`);
    const bareResult = await measure(bareOrigin, ['/']);
    print('bare', bareResult);
    await stopGroup(bare);
    bare = undefined;
    await new Promise((resolve) => setTimeout(resolve, PAUSE_MS));
    const staticResult = await measure(origin, ['/bench-static']);
    print('static', staticResult);
    const results: BenchResults = { baselines: { bare: bareResult, static: staticResult }, routes: {}, peakRssMb: 0 };
    for (const route of routes) {
      // Requests cut off at the end of the previous route are still being rendered: let the
      // server finish them first.
      await new Promise((resolve) => setTimeout(resolve, PAUSE_MS));
      // Each route's paths are first requested right before it is measured, one after another, and
      // not all at the start of the run: pages that show "open now" live 60 s in the cache, so
      // paths first rendered at the start would all be rendered again at the same moment in the
      // background while a later route is measured (a burst of 50 renders for the rotating
      // searches, which visitors arriving over time do not cause), counted into that route.
      // Then once more each, as the visitor after the first gets them.
      await warm(route);
      for (const target of route.paths) await (await fetch(origin + target)).arrayBuffer();
      routePeakKb = 0;
      const m = await measure(origin, route.paths);
      print(route.name, m, Math.round(routePeakKb / 1024));
      results.routes[route.name] = { ...m, ratio: round(m.rps / staticResult.rps, 2) };
    }
    sample();
    results.peakRssMb = Math.round(peakRssKb / 1024);

    writeFileSync(OUT_FILE, `${JSON.stringify(results, null, 2)}\n`);
    const cpu = os.cpus()[0]?.model ?? 'unbekannt';
    console.log(`\n${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC, ${os.cpus().length} Kerne (${cpu}), Node ${process.version}, Last ${os.loadavg().map((v) => v.toFixed(1)).join(' / ')}`);
    console.log(formatTable(results));
    console.log(`\nSpitzen-RSS des Servers (Prozessbaum): ${results.peakRssMb} MB`);
    console.log(`Geschrieben: ${path.relative(ROOT, OUT_FILE)}`);
  } finally {
    if (sampler) clearInterval(sampler);
    await stopGroup(bare);
    await stopGroup(app);
    rmSync(tempDir, { recursive: true, force: true });
    if (stopDatabase) await stopDatabase();
    else {
      const cleanup = new pg.Client({ connectionString: serverUrl });
      await cleanup.connect();
      await cleanup.query(`DROP DATABASE IF EXISTS "${BENCH_DB}" WITH (FORCE)`);
      await cleanup.end();
    }
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
