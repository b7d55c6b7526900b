// Vitest globalSetup of the e2e project: a fresh seeded database, a production build and the app
// started like `npm start` does it (the edge server around Next, scripts/server/main.ts) on a free
// port, handed to the tests as E2E_BASE_URL.
//
// Environment: E2E_REBUILD=1 forces `next build`; TEST_DATABASE_URL uses an existing server (see
// tests/setup/postgres.ts); E2E_DIST_DIR sets NEXT_DIST_DIR (default .next, which `next dev` shares
// without conflict since Next 16 keeps dev output in .next/dev). Caution: `next build` with another
// dist dir adds `<dir>/types/**/*.ts` to tsconfig.json's include and rewrites the file.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createWriteStream, existsSync, mkdirSync, readdirSync, statSync, type WriteStream } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';
import { seedDatabase } from '../../../prisma/seed.ts';
import { createDatabase, dropDatabase, randomDatabaseName } from '../../setup/databases.ts';
import { acquireTestServer, releaseTestServer } from '../../setup/postgres.ts';
import { SERVER_NODE_FLAGS } from '../../../scripts/server/node-flags.mjs';
import { E2E_ADMIN } from './accounts.ts';
import { startE2eMailCapture } from './mail-capture.ts';
import { enrolE2eAdminSecondFactor } from './second-factor.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const DIST_DIR = process.env.E2E_DIST_DIR || '.next';
const NEXT_BIN = path.join(ROOT, 'node_modules/.bin/next');
const APP_SERVER = path.join(ROOT, 'scripts/server/main.ts');
// As `npm start` runs the server: compiled to plain JavaScript, without tsx's loader hooks.
const SERVER_RUNNER = path.join(ROOT, 'scripts/server/run.mjs');
const LOG_FILE = path.join(ROOT, 'test-results/e2e-next.log');
const READY_TIMEOUT_MS = 60_000;

// Sources whose change makes an existing build stale.
const BUILD_INPUTS = ['app', 'components', 'lib', 'messages', 'public', 'proxy.ts', 'next.config.js',
  'postcss.config.mjs', 'tsconfig.json', 'package-lock.json'];

function log(line: string): void {
  process.stderr.write(`[e2e] ${line}\n`);
}

function newestMtime(entry: string): number {
  if (!existsSync(entry)) return 0;
  const stat = statSync(entry);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const child of readdirSync(entry)) newest = Math.max(newest, newestMtime(path.join(entry, child)));
  return newest;
}

export function buildReason(): string | undefined {
  const buildId = path.join(ROOT, DIST_DIR, 'BUILD_ID');
  if (process.env.E2E_REBUILD === '1') return 'E2E_REBUILD=1';
  if (!existsSync(buildId)) return `${DIST_DIR}/BUILD_ID fehlt`;
  const builtAt = statSync(buildId).mtimeMs;
  const changed = BUILD_INPUTS.find((input) => newestMtime(path.join(ROOT, input)) > builtAt);
  return changed ? `${changed} ist neuer als der Build` : undefined;
}

// The child gets the app's environment, not Vitest's (Vitest sets NODE_ENV=test, BASE_URL, ...).
type Env = Record<string, string | undefined>;

export function childEnv(extra: Record<string, string>): Env {
  const env: Env = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (!/^(VITEST|VITE_|BASE_URL$|MODE$|DEV$|PROD$|SSR$|TEST$|NODE_ENV$)/.test(key)) env[key] = value;
  }
  return { ...env, NODE_ENV: 'production', NEXT_TELEMETRY_DISABLED: '1', NEXT_DIST_DIR: DIST_DIR, ...extra };
}

export function openLog(): WriteStream {
  mkdirSync(path.dirname(LOG_FILE), { recursive: true });
  return createWriteStream(LOG_FILE, { flags: 'a' });
}

// Own process group (detached), so that stopping it also stops any child it starts.
function startProcess(args: string[], env: Env, output: WriteStream, tail: string[], command = NEXT_BIN): ChildProcess {
  const child = spawn(command, args, { cwd: ROOT, env: env as NodeJS.ProcessEnv, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  const collect = (chunk: Buffer) => {
    output.write(chunk);
    tail.push(...chunk.toString('utf8').split('\n').filter(Boolean));
    tail.splice(0, Math.max(0, tail.length - 40));
  };
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);
  return child;
}

/** The production app behind the edge server, as `npm start` runs it (without migrate and seed). */
export function startAppProcess(port: number, env: Env, output: WriteStream, tail: string[]): ChildProcess {
  return startProcess([...SERVER_NODE_FLAGS, SERVER_RUNNER, APP_SERVER, 'start', '-p', String(port)], env, output, tail, process.execPath);
}

export async function stopProcessGroup(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null || !child.pid) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  const signal = (name: NodeJS.Signals) => {
    try {
      process.kill(-child.pid!, name);
    } catch {
      // The group is already gone.
    }
  };
  signal('SIGTERM');
  const timer = setTimeout(() => signal('SIGKILL'), 5_000);
  await exited;
  clearTimeout(timer);
  // next-server may outlive its parent for a moment: make sure the group is gone.
  signal('SIGKILL');
}

export async function runBuild(env: Env, output: WriteStream): Promise<void> {
  const tail: string[] = [];
  const started = Date.now();
  const child = startProcess(['build'], env, output, tail);
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  if (code !== 0) {
    throw new Error(`next build ist fehlgeschlagen (Exit-Code ${code}). Letzte Zeilen:\n${tail.join('\n')}`);
  }
  log(`Build fertig in ${Math.round((Date.now() - started) / 1000)} s.`);
}

export async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

export async function waitUntilReady(baseUrl: string, child: ChildProcess, tail: string[]): Promise<void> {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) {
      throw new Error(`Der App-Server hat sich beendet (Exit-Code ${child.exitCode}). Letzte Zeilen:\n${tail.join('\n')}`);
    }
    try {
      // Any HTTP answer means the server listens; the tests judge the content.
      await fetch(baseUrl, { redirect: 'manual', signal: AbortSignal.timeout(2_000) });
      return;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
  throw new Error(`Der App-Server antwortet nach ${READY_TIMEOUT_MS / 1000} s nicht. Letzte Zeilen:\n${tail.join('\n')}`);
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const server = await acquireTestServer();
  const databaseName = randomDatabaseName('e2e');
  const output = openLog();
  let child: ChildProcess | undefined;
  // Mail goes to a real SMTP server here; tests read it from E2E_MAIL_DIR (support/mail.ts).
  const mail = await startE2eMailCapture();
  const teardown = async () => {
    if (child) await stopProcessGroup(child);
    await mail.close();
    output.end();
    await dropDatabase(server.adminUrl, databaseName).catch((error) => log(`Datenbank nicht gelöscht: ${error}`));
    await releaseTestServer();
  };
  try {
    const databaseUrl = await createDatabase(server.adminUrl, databaseName, server.templateDatabase);
    await seedDatabase({ url: databaseUrl, adminEmail: E2E_ADMIN.email, adminPassword: E2E_ADMIN.password, log });

    const port = await freePort();
    // localhost, not 127.0.0.1: see STACK-NOTES (next-intl redirect loop with -H 127.0.0.1).
    const baseUrl = `http://localhost:${port}`;
    const env = childEnv({
      DATABASE_URL: databaseUrl,
      APP_URL: baseUrl,
      NEXTAUTH_URL: baseUrl,
      NEXTAUTH_SECRET: randomBytes(32).toString('hex'),
      ...mail.env,
    });
    // The production build requires a second factor for coordinators (REQUIRE_ADMIN_MFA).
    await enrolE2eAdminSecondFactor(databaseUrl, env.NEXTAUTH_SECRET!);

    const reason = buildReason();
    if (reason) {
      log(`next build (${reason}), Ausgabe in ${path.relative(ROOT, LOG_FILE)} ...`);
      await runBuild(env, output);
    }

    const tail: string[] = [];
    child = startAppProcess(port, env, output, tail);
    await waitUntilReady(baseUrl, child, tail);
    log(`Server bereit: ${baseUrl} (Datenbank ${databaseName}).`);

    project.provide('E2E_BASE_URL', baseUrl);
    project.provide('E2E_DATABASE_URL', databaseUrl);
    project.provide('E2E_MAIL_DIR', mail.directory);
    project.provide('E2E_AUTH_SECRET', env.NEXTAUTH_SECRET!);
  } catch (error) {
    await teardown();
    throw error;
  }
  return teardown;
}
