// Which database a command uses: DATABASE_URL when set, else the embedded one in .data/postgres.
import pg from 'pg';
import { describeDatabaseError } from '../../lib/db-errors.ts';
import { startEmbeddedPostgres, type EmbeddedDatabase } from './embedded.ts';

// EMBEDDED_DATA_DIR moves it (tests of `npm start` use a temporary one).
export const EMBEDDED_DATA_DIR = process.env.EMBEDDED_DATA_DIR || '.data/postgres';

export interface ResolvedDatabase {
  url: string;
  isEmbedded: boolean;
  stop: () => Promise<void>;
  /** Set for the embedded server: lets a long-running process supervise it. */
  embedded?: EmbeddedDatabase;
}

export class DatabaseUnavailableError extends Error {}

export async function checkConnection(url: string): Promise<void> {
  let client: pg.Client;
  try {
    client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 8_000 });
  } catch (error) {
    throw new DatabaseUnavailableError(describeDatabaseError(error, url));
  }
  try {
    await client.connect();
    await client.query('SELECT 1');
  } catch (error) {
    throw new DatabaseUnavailableError(describeDatabaseError(error, url));
  } finally {
    await client.end().catch(() => {});
  }
}

export async function resolveDatabase(databaseUrl = process.env.DATABASE_URL): Promise<ResolvedDatabase> {
  if (databaseUrl) {
    await checkConnection(databaseUrl);
    return { url: databaseUrl, isEmbedded: false, stop: async () => {} };
  }
  const embedded = await startEmbeddedPostgres({ dataDir: EMBEDDED_DATA_DIR });
  return { url: embedded.url, isEmbedded: true, stop: embedded.stop, embedded };
}

// For command-line scripts: a known failure is one line and exit code 1, never a stack trace.
export function exitWithError(error: unknown): never {
  const message = error instanceof Error ? error.message : String(error);
  console.error(`Fehler: ${message}`);
  process.exit(1);
}
