// `npm run lighthouse`: Lighthouse 12.8 (mobile, its default simulated throttling) on the public
// pages that matter most, in German and Arabic, against the production build on a freshly seeded
// embedded PostgreSQL. Prints the four category scores, CLS and transferred KiB per page, and the
// first-load JS per public route from the build. Not part of `npm test`: it measures, it does not
// judge (the goals are in issue 12 and docs/performance.md).
//
// Options (environment): LH_RUNS runs per page, the median by performance is reported (default 3);
// LH_REBUILD=1 forces `next build`; CHROME_PATH (default /usr/bin/chromium); LH_OUT a folder for
// the JSON reports (default test-results/lighthouse); LH_PAGES=de-start,ar-suche only these pages
// (named as their report files); LH_TRACE=1 also keeps each run's trace
// (`--save-assets`, for the Performance panel). EDGE_PAINT_FIRST=0 reaches the server: Next's scripts
// then run before the first frame, as without lib/edge/paint-first.ts (for comparing, not for use).
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { seedDatabase } from '../../prisma/seed.ts';
import { startEmbeddedPostgres } from '../db/embedded.ts';
import { needsBuild } from './build-freshness.ts';
import { addCompileHints } from './compile-hints.ts';
import { applyMigrations } from '../db/migrate.ts';
import { SERVER_NODE_FLAGS } from '../server/node-flags.mjs';
import { firstLoadJs, formatFirstLoadTable } from './first-load-js.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const DIST_DIR = process.env.NEXT_DIST_DIR || '.next';
const NEXT_BIN = path.join(ROOT, 'node_modules/.bin/next');
const LIGHTHOUSE_BIN = path.join(ROOT, 'node_modules/.bin/lighthouse');
const CHROME_PATH = process.env.CHROME_PATH || '/usr/bin/chromium';
const RUNS = Math.max(1, Number(process.env.LH_RUNS ?? 3));
const OUT_DIR = path.resolve(ROOT, process.env.LH_OUT ?? 'test-results/lighthouse');
const ONLY = (process.env.LH_PAGES ?? '').split(',').filter(Boolean);
const SAVE_TRACE = process.env.LH_TRACE === '1';
// Flags from STACK-NOTES: without the networking flags Chromium keeps trying the closed network.
const CHROME_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
].join(' ');

// Home, directory, a search result page and an actor page (the seeded entry with the longest
// name), each in German and Arabic.
const PAGES = [
  { name: 'Start', path: '' },
  { name: 'Verzeichnis', path: '/akteure' },
  { name: 'Suche', path: '/akteure?q=Beratung' },
  { name: 'Akteur', path: '/akteure/koordinierungsstelle-integration' },
];
const LOCALES = ['de', 'ar'];

function run(command: string, args: string[], env: NodeJS.ProcessEnv, { detached = false, quiet = false } = {}): ChildProcess {
  return spawn(command, args, { cwd: ROOT, env, detached, stdio: ['ignore', quiet ? 'ignore' : 'inherit', 'inherit'] });
}

function exited(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => child.once('exit', (code) => resolve(code)));
}

async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

async function waitUntilReady(url: string, child: ChildProcess): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`Der App-Server hat sich beendet (Exit-Code ${child.exitCode}).`);
    try {
      await fetch(url, { redirect: 'manual', signal: AbortSignal.timeout(2_000) });
      return;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
  throw new Error('Der App-Server antwortet nach 60 s nicht.');
}

interface Result {
  performance: number;
  accessibility: number;
  bestPractices: number;
  seo: number;
  cls: number;
  kib: number;
  lcpMs: number;
  tbtMs: number;
  // Observed in the unthrottled run, not simulated: when Chromium painted first and when the page
  // had loaded. A first paint long after the load is the frame delay lib/edge/paint-first.ts avoids.
  observedFirstPaintMs: number;
  observedLoadMs: number;
  failing: string[];
}

interface LighthouseReport {
  categories: Record<string, { score: number | null; auditRefs: { id: string; weight: number }[] }>;
  audits: Record<string, { score: number | null; numericValue?: number; scoreDisplayMode: string; title: string; details?: { items?: Record<string, number>[] } }>;
}

async function lighthouse(url: string, file: string): Promise<Result> {
  const child = spawn(
    LIGHTHOUSE_BIN,
    [
      url,
      '--quiet',
      '--output=json',
      `--output-path=${file}`,
      `--chrome-flags=${CHROME_FLAGS}`,
      '--only-categories=performance,accessibility,best-practices,seo',
      ...(SAVE_TRACE ? ['--save-assets'] : []),
    ],
    { cwd: ROOT, env: { ...process.env, CHROME_PATH }, stdio: ['ignore', 'ignore', 'inherit'] },
  );
  const code = await exited(child);
  if (code !== 0) throw new Error(`Lighthouse ist für ${url} fehlgeschlagen (Exit-Code ${code}).`);
  const report = JSON.parse(readFileSync(file, 'utf8')) as LighthouseReport;
  const score = (id: string) => Math.round((report.categories[id]?.score ?? 0) * 100);
  // Audits that cost points outside performance, so that a score below 100 says why.
  const failing = ['accessibility', 'best-practices', 'seo'].flatMap((category) =>
    report.categories[category].auditRefs
      .filter((ref) => ref.weight > 0 && report.audits[ref.id]?.score !== null && (report.audits[ref.id]?.score ?? 1) < 1)
      .map((ref) => `${category}: ${ref.id}`),
  );
  return {
    performance: score('performance'),
    accessibility: score('accessibility'),
    bestPractices: score('best-practices'),
    seo: score('seo'),
    cls: report.audits['cumulative-layout-shift']?.numericValue ?? NaN,
    kib: (report.audits['total-byte-weight']?.numericValue ?? NaN) / 1024,
    lcpMs: report.audits['largest-contentful-paint']?.numericValue ?? NaN,
    tbtMs: report.audits['total-blocking-time']?.numericValue ?? NaN,
    observedFirstPaintMs: report.audits.metrics?.details?.items?.[0]?.observedFirstPaint ?? NaN,
    observedLoadMs: report.audits.metrics?.details?.items?.[0]?.observedLoad ?? NaN,
    failing,
  };
}

function median(results: Result[]): Result {
  const sorted = [...results].sort((a, b) => a.performance - b.performance);
  return sorted[Math.floor((sorted.length - 1) / 2)];
}

async function main(): Promise<void> {
  if (!existsSync(CHROME_PATH)) throw new Error(`Chromium fehlt (${CHROME_PATH}): apt-get install -y chromium, oder CHROME_PATH setzen.`);
  mkdirSync(OUT_DIR, { recursive: true });
  const dataDir = path.join(os.tmpdir(), `netzwerk-lighthouse-pg-${process.pid}-${randomBytes(3).toString('hex')}`);
  const database = await startEmbeddedPostgres({ dataDir, isEphemeral: true, database: 'postgres', port: 55900 });
  let server: ChildProcess | undefined;
  const stopServer = async () => {
    if (!server?.pid || server.exitCode !== null) return;
    const done = exited(server);
    try {
      process.kill(-server.pid, 'SIGTERM');
    } catch {
      // Already gone.
    }
    const timer = setTimeout(() => {
      try {
        process.kill(-server!.pid!, 'SIGKILL');
      } catch {
        // Already gone.
      }
    }, 5_000);
    await done;
    clearTimeout(timer);
  };
  try {
    await applyMigrations({ url: database.url });
    await seedDatabase({ url: database.url, adminEmail: 'lighthouse@example.org', adminPassword: randomBytes(12).toString('hex') });

    const port = await freePort();
    // localhost, not 127.0.0.1 (STACK-NOTES), and APP_URL on the same host: canonical links point
    // to the page that Lighthouse loads.
    const baseUrl = `http://localhost:${port}`;
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      NODE_ENV: 'production',
      NEXT_TELEMETRY_DISABLED: '1',
      NEXT_DIST_DIR: DIST_DIR,
      DATABASE_URL: database.url,
      APP_URL: baseUrl,
      NEXTAUTH_URL: baseUrl,
      NEXTAUTH_SECRET: randomBytes(32).toString('hex'),
    };
    if (needsBuild({ root: ROOT, distDir: DIST_DIR, force: process.env.LH_REBUILD === '1' })) {
      console.log('next build ...');
      const code = await exited(run(NEXT_BIN, ['build'], env, { quiet: true }));
      if (code !== 0) throw new Error(`next build ist fehlgeschlagen (Exit-Code ${code}).`);
    }
    // As `npm run build` does (scripts/perf/compile-hints.ts); also for a build made without it.
    addCompileHints(DIST_DIR);
    // The production server as `npm start` runs it: the edge server (compression, CSP) around
    // Next, with its heap flags. `next start` alone would send every page uncompressed (next.config.js compress: false).
    server = run(process.execPath, [...SERVER_NODE_FLAGS, path.join(ROOT, 'scripts/server/run.mjs'), path.join(ROOT, 'scripts/server/main.ts'), 'start', '-p', String(port)], env, { detached: true, quiet: true });
    await waitUntilReady(baseUrl, server);

    const rows: { page: string; url: string; result: Result }[] = [];
    for (const locale of LOCALES) {
      for (const page of PAGES) {
        const key = `${locale}-${page.name.toLowerCase()}`;
        if (ONLY.length > 0 && !ONLY.includes(key)) continue;
        const url = `${baseUrl}/${locale}${page.path}`;
        // One request first: the first render of a route is not what a visitor normally gets.
        await fetch(url).then((response) => response.text());
        const results: Result[] = [];
        for (let index = 0; index < RUNS; index++) {
          const file = path.join(OUT_DIR, `${locale}-${page.name.toLowerCase()}-${index + 1}.json`);
          results.push(await lighthouse(url, file));
        }
        const result = median(results);
        rows.push({ page: `${page.name} (${locale})`, url: `/${locale}${page.path}`, result });
        process.stderr.write(
          `  ${locale}${page.path || '/'}: ${results.map((r) => `${r.performance} (FP ${r.observedFirstPaintMs.toFixed(0)} / load ${r.observedLoadMs.toFixed(0)} ms)`).join(', ')}\n`,
        );
      }
    }

    console.log(`\nLighthouse ${JSON.parse(readFileSync(path.join(ROOT, 'node_modules/lighthouse/package.json'), 'utf8')).version}, mobil, Median aus ${RUNS} Läufen je Seite (${new Date().toISOString().slice(0, 10)}, ${os.cpus().length} Kerne)`);
    // Lighthouse simulates a slow phone from the CPU time it observes: on a busy machine every
    // performance score drops. The load says how busy the machine was.
    console.log(`Last der Maschine (1/5/15 min) am Ende: ${os.loadavg().map((value) => value.toFixed(1)).join(' / ')}`);
    const header = ['Seite', 'URL', 'Perf.', 'A11y', 'Best Pr.', 'SEO', 'CLS', 'KiB', 'LCP ms', 'TBT ms', 'FP beob. ms', 'Load beob. ms'];
    const table = rows.map(({ page, url, result: r }) => [
      page,
      url,
      String(r.performance),
      String(r.accessibility),
      String(r.bestPractices),
      String(r.seo),
      r.cls.toFixed(3),
      r.kib.toFixed(0),
      r.lcpMs.toFixed(0),
      r.tbtMs.toFixed(0),
      r.observedFirstPaintMs.toFixed(0),
      r.observedLoadMs.toFixed(0),
    ]);
    const widths = header.map((title, column) => Math.max(title.length, ...table.map((row) => row[column].length)));
    const line = (cells: string[]) => `| ${cells.map((cell, column) => cell.padEnd(widths[column])).join(' | ')} |`;
    console.log(line(header));
    console.log(`|${widths.map((width) => '-'.repeat(width + 2)).join('|')}|`);
    for (const row of table) console.log(line(row));
    const failing = [...new Set(rows.flatMap((row) => row.result.failing.map((audit) => `${row.url} ${audit}`)))];
    if (failing.length > 0) console.log(`\nAudits unter 100 Punkten:\n${failing.join('\n')}`);
    console.log(`\nBerichte: ${path.relative(ROOT, OUT_DIR)}/\n`);
    console.log('First-load JS je öffentlicher Route (aus dem Build, gzip):');
    console.log(formatFirstLoadTable(firstLoadJs(path.join(ROOT, DIST_DIR))));
  } finally {
    await stopServer();
    await database.stop();
  }
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
