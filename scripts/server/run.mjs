// Runs a TypeScript entry of the server (scripts/serve.ts, scripts/server/main.ts) in plain Node,
// without tsx's loader hooks: compiles it with esbuild into one ES module (npm packages stay
// imports) and imports that. Why: under `node --import tsx` every import() goes through the hooks'
// worker thread, and Next imports its cacheHandler (lib/next-cache-handler.mjs) on EVERY request
// (next-server.js getIncrementalCache): about 15 % of the production server's CPU under load.
//
// Usage: node scripts/server/run.mjs <entry.ts> [arguments of the entry ...]
// The entry sees its own arguments from process.argv[2] on, as when started with tsx.
// The compiled file goes to node_modules/.cache/netzwerk-server/ (named by its content, written
// under a temporary name first: servers starting side by side do not disturb each other).
import { createHash } from 'node:crypto';
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build, stop } from 'esbuild';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const entry = process.argv[2];
if (!entry || !/\.ts$/.test(entry)) {
  console.error('Aufruf: node scripts/server/run.mjs <Datei.ts> [Argumente ...]');
  process.exit(2);
}
// The entry's arguments start at argv[2], as under tsx.
process.argv.splice(2, 1);

const result = await build({
  entryPoints: [path.resolve(entry)],
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: `node${process.versions.node}`,
  // Packages are imported from node_modules as they are (Next, pg, ...): only our sources are compiled.
  packages: 'external',
  write: false,
  // Stack traces name the TypeScript sources (with --enable-source-maps).
  sourcemap: 'inline',
  keepNames: true,
  outdir: path.join(ROOT, 'node_modules/.cache/netzwerk-server'),
  logLevel: 'warning',
});
// esbuild's service process would otherwise live (and hold memory) as long as the server.
await stop();
const code = result.outputFiles[0].contents;
const dir = path.join(ROOT, 'node_modules/.cache/netzwerk-server');
mkdirSync(dir, { recursive: true });
const name = `${path.basename(entry, '.ts')}-${createHash('sha256').update(code).digest('hex').slice(0, 16)}.mjs`;
const temporary = path.join(dir, `${name}.${process.pid}.tmp`);
writeFileSync(temporary, code);
renameSync(temporary, path.join(dir, name));
await import(pathToFileURL(path.join(dir, name)).href);
