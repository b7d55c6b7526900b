// The app alone behind the edge server, against DATABASE_URL, without migrating or seeding: what
// the end-to-end tests, the soak test and the benchmark start (`npm start` adds the database).
// Usage: node scripts/server/run.mjs scripts/server/main.ts dev|start [-p PORT] [-H HOSTNAME]
// (run.mjs compiles it first: no tsx loader hooks in the server process, see there).
// Prints "READY <url>" once it listens; exits on SIGTERM/SIGINT.
import { parseServerArgs } from './args.ts';
import { startAppServer } from './edge.ts';

const mode = process.argv[2] === 'dev' ? 'dev' : 'start';

async function main(): Promise<void> {
  if (!process.env.DATABASE_URL) throw new Error('DATABASE_URL fehlt.');
  const { port, hostname } = parseServerArgs(process.argv.slice(3));
  if (mode === 'start') (process.env as Record<string, string>).NODE_ENV = 'production';
  const app = await startAppServer({
    dir: process.cwd(),
    port,
    hostname,
    isDev: mode === 'dev',
    appUrl: process.env.APP_URL || `http://${hostname}:${port}`,
    trustedProxies: process.env.TRUSTED_PROXIES,
    mapTileUrl: process.env.MAP_TILE_URL,
    renderConcurrency: process.env.RENDER_CONCURRENCY ? Number(process.env.RENDER_CONCURRENCY) : undefined,
    // A measuring aid only (docs/performance.md "Lighthouse"): 0 lets Next's scripts run before the first frame.
    paintFirst: process.env.EDGE_PAINT_FIRST !== '0',
  });
  let isStopping = false;
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, () => {
      if (isStopping) process.exit(130);
      isStopping = true;
      void app.close().finally(() => process.exit(0));
    });
  }
  process.stdout.write(`READY ${app.url}\n`);
}

main().catch((error: unknown) => {
  console.error(`Fehler: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
