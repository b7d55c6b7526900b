// `npm run dev` and `npm start`: prepares the database (embedded unless DATABASE_URL is set),
// applies pending migrations, seeds an empty database, then runs Next.js. Ctrl-C stops both.
import { spawn, type ChildProcess } from 'node:child_process';
import { readOrCreateLocalSecret } from '../lib/auth/secret.ts';
import { seedDatabase } from '../prisma/seed.ts';
import { applyMigrations } from './db/migrate.ts';
import { exitWithError, resolveDatabase } from './db/resolve.ts';

const mode = process.argv[2] === 'start' ? 'start' : 'dev';
const extraArgs = process.argv.slice(3);

async function main(): Promise<void> {
  const database = await resolveDatabase();
  if (database.isEmbedded) console.log('Eingebettete PostgreSQL-Datenbank gestartet (Daten in .data/postgres).');
  const state: { child?: ChildProcess; isStopping: boolean } = { isStopping: false };

  const stop = async (code: number) => {
    if (state.isStopping) return;
    state.isStopping = true;
    const child = state.child;
    if (child && child.exitCode === null) {
      // Next.js starts its own server process: signal the whole group.
      try {
        process.kill(-child.pid!, 'SIGTERM');
      } catch {
        child.kill('SIGTERM');
      }
      await new Promise((resolve) => {
        const timer = setTimeout(resolve, 5_000);
        child.once('exit', () => {
          clearTimeout(timer);
          resolve(undefined);
        });
      });
    }
    await database.stop().catch(() => {});
    process.exit(code);
  };
  process.on('SIGINT', () => void stop(0));
  process.on('SIGTERM', () => void stop(0));

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

  const env: NodeJS.ProcessEnv = { ...process.env, DATABASE_URL: database.url, NEXT_TELEMETRY_DISABLED: '1' };
  // `npm start` on the embedded database is a local installation: give it a stable session secret
  // from .data/ instead of refusing to start. A server with DATABASE_URL must set NEXTAUTH_SECRET.
  if (mode === 'start' && database.isEmbedded && !env.NEXTAUTH_SECRET) env.NEXTAUTH_SECRET = readOrCreateLocalSecret();
  const child = spawn('npx', ['next', mode, ...extraArgs], { stdio: 'inherit', detached: true, env });
  state.child = child;
  child.on('exit', (code) => void stop(code ?? 0));
}

main().catch(exitWithError);
