// Expires everything the app has cached from the database. Called after `npm run db:restore` (and
// meant for the seed too): no page may show data of the database that was replaced.
// Today the cache is Next's data cache in `<distDir>/cache` on disk, and a server process starts
// with an empty one (lib/data/public-cache.ts); a running server must be restarted after a restore,
// which the restore says. Issue 12 (shared cache in PostgreSQL) hooks its invalidation in here.
import { existsSync, readdirSync, rmSync } from 'node:fs';
import path from 'node:path';

export async function expireAllCaches({ root = process.cwd(), log = () => {} }: { root?: string; log?: (line: string) => void } = {}): Promise<void> {
  const distDirs = ['.next', process.env.NEXT_DIST_DIR, ...readdirSync(root).filter((name) => name.startsWith('.next-'))].filter(
    (name): name is string => Boolean(name),
  );
  for (const distDir of new Set(distDirs)) {
    for (const cache of ['fetch-cache', 'data-cache']) {
      const dir = path.join(root, distDir, 'cache', cache);
      if (existsSync(dir)) rmSync(dir, { recursive: true, force: true });
    }
  }
  log('Zwischenspeicher der App geleert. Läuft die App gerade, starten Sie sie neu.');
}
