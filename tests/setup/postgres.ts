// One PostgreSQL server per test run, shared by every project that needs a database (the
// integration and e2e global setups both acquire it; the last release stops it). Without
// TEST_DATABASE_URL an ephemeral embedded PostgreSQL runs in a child process (embedded-server.ts).
// Only for global setups (the Vitest main process); workers use databases.ts.
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { applyMigrations } from '../../scripts/db/migrate.ts';
import { createDatabase, dropDatabase } from './databases.ts';

const TEMPLATE_DATABASE = 'test_template';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const SERVER_SCRIPT = path.join(ROOT, 'tests/setup/embedded-server.ts');

export interface TestServer {
  adminUrl: string;
  templateDatabase: string;
}

interface SharedState {
  refs: number;
  ready: Promise<{ server: TestServer; child?: ChildProcess }>;
}

// globalThis, not a module variable: Vitest loads each project's global setup files separately,
// but all of them run in the same main process.
const KEY = Symbol.for('netzwerk.tests.postgres');
const shared = globalThis as unknown as { [KEY]?: SharedState };

function startEmbeddedServer(): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(process.execPath, ['--import', 'tsx', SERVER_SCRIPT], {
    cwd: ROOT,
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  return new Promise((resolve, reject) => {
    let stdout = '';
    let stderr = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      stdout += chunk.toString('utf8');
      const match = /^READY (\S+)$/m.exec(stdout);
      if (match) resolve({ url: match[1], child });
    });
    child.stderr!.on('data', (chunk: Buffer) => {
      stderr += chunk.toString('utf8');
    });
    child.once('exit', (code) => {
      reject(new Error(`Test-PostgreSQL ließ sich nicht starten (Exit-Code ${code}):\n${stderr.trim()}`));
    });
  });
}

async function stopEmbeddedServer(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.stdin!.end();
  const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
  await exited;
  clearTimeout(timer);
}

async function startServer(): Promise<{ server: TestServer; child?: ChildProcess }> {
  let child: ChildProcess | undefined;
  let adminUrl = process.env.TEST_DATABASE_URL;
  if (!adminUrl) {
    ({ url: adminUrl, child } = await startEmbeddedServer());
  }
  try {
    await dropDatabase(adminUrl, TEMPLATE_DATABASE);
    const templateUrl = await createDatabase(adminUrl, TEMPLATE_DATABASE);
    await applyMigrations({ url: templateUrl });
  } catch (error) {
    if (child) await stopEmbeddedServer(child);
    throw error;
  }
  return { server: { adminUrl, templateDatabase: TEMPLATE_DATABASE }, child };
}

export async function acquireTestServer(): Promise<TestServer> {
  const state = (shared[KEY] ??= { refs: 0, ready: startServer() });
  state.refs += 1;
  try {
    return (await state.ready).server;
  } catch (error) {
    state.refs -= 1;
    if (state.refs === 0) delete shared[KEY];
    throw error;
  }
}

export async function releaseTestServer(): Promise<void> {
  const state = shared[KEY];
  if (!state) return;
  state.refs -= 1;
  if (state.refs > 0) return;
  delete shared[KEY];
  const { server, child } = await state.ready;
  if (child) {
    await stopEmbeddedServer(child);
  } else {
    await dropDatabase(server.adminUrl, server.templateDatabase);
  }
}
