// `npm run dev` and `npm start`: prepares the database (embedded unless DATABASE_URL is set),
// applies pending migrations, seeds an empty database, then serves the app through the edge server
// (scripts/server/edge.ts) in this process. Keeps the embedded database running (restarts it when
// it dies) and exits cleanly on Ctrl-C / SIGTERM, also when the database died first.
// Options: -p/--port (or PORT, default 3000), -H/--hostname (default localhost).
import { readOrCreateLocalSecret } from '../lib/auth/secret.ts';
import { seedDatabase } from '../prisma/seed.ts';
import { releaseSignalHandlers } from './db/embedded.ts';
import { applyMigrations } from './db/migrate.ts';
import { EMBEDDED_DATA_DIR, exitWithError, resolveDatabase, type ResolvedDatabase } from './db/resolve.ts';
import { parseServerArgs } from './server/args.ts';
import { startAppServer, type AppServer } from './server/edge.ts';

const mode = process.argv[2] === 'start' ? 'start' : 'dev';
const STOP_TIMEOUT_MS = 8_000;

function withTimeout(promise: Promise<unknown>, ms: number): Promise<unknown> {
  return Promise.race([promise.catch(() => {}), new Promise((resolve) => setTimeout(resolve, ms).unref())]);
}

async function main(): Promise<void> {
  const { port, hostname } = parseServerArgs(process.argv.slice(3));
  const state: { database?: ResolvedDatabase; app?: AppServer; isStopping: boolean } = { isStopping: false };

  const stop = async (code: number) => {
    if (state.isStopping) return;
    state.isStopping = true;
    console.log('Server wird beendet ...');
    if (state.app) await withTimeout(state.app.close(), STOP_TIMEOUT_MS);
    if (state.database) await withTimeout(state.database.stop(), STOP_TIMEOUT_MS);
    process.exit(code);
  };
  // Registered before anything starts, so that Ctrl-C during migrations stops cleanly too.
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.on(signal, () => {
      // A second Ctrl-C while stopping: leave at once.
      if (state.isStopping) process.exit(130);
      void stop(0);
    });
  }

  const database = await resolveDatabase();
  state.database = database;
  if (database.embedded) {
    releaseSignalHandlers();
    console.log(`Eingebettete PostgreSQL-Datenbank gestartet (Daten in ${EMBEDDED_DATA_DIR}).`);
    superviseEmbedded(database, () => state.isStopping);
  }
  if (state.isStopping) return;

  try {
    await applyMigrations({ url: database.url, log: (line) => console.log(line) });
    await seedDatabase({
      url: database.url,
      adminEmail: process.env.ADMIN_EMAIL,
      adminPassword: process.env.ADMIN_PASSWORD,
      log: (line) => console.log(line),
    });
  } catch (error) {
    await database.stop().catch(() => {});
    throw error;
  }

  process.env.DATABASE_URL = database.url;
  process.env.NEXT_TELEMETRY_DISABLED = '1';
  if (mode === 'start') (process.env as Record<string, string>).NODE_ENV = 'production';
  // `npm start` on the embedded database is a local installation: give it a stable session secret
  // from .data/ instead of refusing to start. A server with DATABASE_URL must set NEXTAUTH_SECRET.
  if (mode === 'start' && database.isEmbedded && !process.env.NEXTAUTH_SECRET) process.env.NEXTAUTH_SECRET = readOrCreateLocalSecret();
  const appUrl = process.env.APP_URL || `http://${hostname}:${port}`;

  state.app = await startAppServer({
    dir: process.cwd(),
    port,
    hostname,
    isDev: mode === 'dev',
    appUrl,
    trustedProxies: process.env.TRUSTED_PROXIES,
    mapTileUrl: process.env.MAP_TILE_URL,
    renderConcurrency: process.env.RENDER_CONCURRENCY ? Number(process.env.RENDER_CONCURRENCY) : undefined,
  });
  console.log(`Bereit: ${state.app.url}`);
}

// A dead embedded PostgreSQL (crash, OOM killer, kill -9) is started again; the app's pool
// reconnects on its own. Backs off while the old server's processes are still going away.
function superviseEmbedded(database: ResolvedDatabase, isStopping: () => boolean): void {
  const embedded = database.embedded!;
  embedded.onUnexpectedExit((code, signal) => {
    if (isStopping()) return;
    console.error(`Die eingebettete Datenbank wurde beendet (${signal ?? `Exit-Code ${code}`}). Neustart ...`);
    void (async () => {
      for (let attempt = 1; !isStopping(); attempt++) {
        try {
          await embedded.restart();
          console.log('Eingebettete Datenbank läuft wieder.');
          return;
        } catch (error) {
          const delay = Math.min(500 * attempt, 5_000);
          console.error(`Neustart fehlgeschlagen (Versuch ${attempt}): ${(error as Error).message}; nächster Versuch in ${delay} ms.`);
          await new Promise((resolve) => setTimeout(resolve, delay));
        }
      }
    })();
  });
}

main().catch(exitWithError);
