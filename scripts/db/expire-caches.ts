// Expires everything the app has cached from the database. Called after `npm run db:restore` and at
// the end of the seed: no page may show data of the database that was replaced or rewritten.
// The cache's expiry lives in the database (lib/cache.ts): a new epoch makes every running app
// instance drop all its cached reads on its next request, no restart needed. Build folders' disk
// caches (Next's data cache) are removed too, for a server that is started on them later.
import { existsSync, readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';

// Also raises the clock, so that a process that saw this epoch before a restore still notices.
export const EXPIRE_ALL_SQL = `UPDATE "CacheClock" SET "value" = "value" + 1, "epoch" = gen_random_uuid() WHERE "id" = 1`;

export async function expireAllCaches({
  url,
  root = process.cwd(),
  log = () => {},
}: {
  url: string;
  root?: string;
  log?: (line: string) => void;
}): Promise<void> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 10_000 });
  await client.connect();
  try {
    await client.query(EXPIRE_ALL_SQL);
  } finally {
    await client.end();
  }
  const distDirs = ['.next', process.env.NEXT_DIST_DIR, ...(existsSync(root) ? readdirSync(root) : []).filter((name) => name.startsWith('.next-'))].filter(
    (name): name is string => Boolean(name),
  );
  for (const distDir of new Set(distDirs)) {
    for (const cache of ['fetch-cache', 'data-cache']) {
      const dir = path.join(root, distDir, 'cache', cache);
      if (existsSync(dir)) rmSync(dir, { recursive: true, force: true });
    }
  }
  log('Zwischenspeicher der App geleert (alle laufenden Instanzen lesen neu).');
}
