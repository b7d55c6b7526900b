// V8's explicit compile hint for the framework's JavaScript (Next's and React's runtime, loaded by
// every page): `//# allFunctionsCalledOnLoad` as the first line makes Chrome (136+) compile all
// functions of the file while it streams in, on a background thread. Without it V8 compiles each
// function lazily on its first call, on the main thread, in the middle of hydration: in CPU
// profiles of `/de` (4x CPU throttling, shared machine) the main thread's JavaScript time fell from
// 1.7-2.7 s to 0.5-1.7 s (docs/performance.md). Other browsers read a comment.
//
// Turbopack has no banner option, so this runs after `next build` (`npm run build`, `npm run
// lighthouse`) on the build's root main files (build-manifest.json); it is idempotent. The chunk
// names stay as they are: they are content hashes of what Next built, and the hint changes nothing
// that the name stands for (no subresource integrity in use). Usage: `tsx scripts/perf/compile-hints.ts [distDir]`.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const HINT = '//# allFunctionsCalledOnLoad\n';

/** Adds the hint to the root main files of the build in `distDir`; returns the files it changed. */
export function addCompileHints(distDir = '.next'): string[] {
  const root = path.resolve(distDir);
  const manifest = JSON.parse(readFileSync(path.join(root, 'build-manifest.json'), 'utf8')) as { rootMainFiles: string[] };
  const changed: string[] = [];
  for (const file of manifest.rootMainFiles) {
    if (!file.endsWith('.js')) continue;
    const full = path.join(root, file);
    const content = readFileSync(full, 'utf8');
    if (content.startsWith(HINT)) continue;
    writeFileSync(full, HINT + content);
    changed.push(file);
  }
  return changed;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const distDir = process.argv[2] ?? process.env.NEXT_DIST_DIR ?? '.next';
  const changed = addCompileHints(distDir);
  console.log(`Compile-Hinweis in ${changed.length} Datei(en) von ${distDir} gesetzt.`);
}
