// First-load JavaScript per public route, read from the build output (Next 16's `next build` no
// longer prints it): the root main files plus every client chunk that the route's segments
// (layouts, page, error and not-found boundaries) reference, in bytes and gzip-compressed.
// Usage: `npx tsx scripts/perf/first-load-js.ts [distDir]`, after `npm run build`.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { pathToFileURL } from 'node:url';
import vm from 'node:vm';

export interface RouteJs {
  route: string;
  files: number;
  bytes: number;
  gzipBytes: number;
}

function readManifest(file: string, key: string): { entryJSFiles?: Record<string, string[]> } {
  // The client reference manifest is a script that assigns globalThis.__RSC_MANIFEST[key].
  const sandbox: { globalThis?: unknown; __RSC_MANIFEST?: Record<string, unknown> } = {};
  sandbox.globalThis = sandbox;
  vm.runInNewContext(readFileSync(file, 'utf8'), sandbox);
  return (sandbox.__RSC_MANIFEST?.[key] ?? {}) as { entryJSFiles?: Record<string, string[]> };
}

// Public pages: everything under app/[locale] except the admin area and the auth pages.
export function isPublicPage(key: string): boolean {
  return key.startsWith('/[locale]/(public)/') && key.endsWith('/page');
}

export function firstLoadJs(distDir = '.next'): RouteJs[] {
  const root = path.resolve(distDir);
  if (!existsSync(path.join(root, 'BUILD_ID'))) throw new Error(`Kein Build in ${distDir}: erst \`npm run build\` ausführen.`);
  const build = JSON.parse(readFileSync(path.join(root, 'build-manifest.json'), 'utf8')) as { rootMainFiles: string[] };
  const pages = JSON.parse(readFileSync(path.join(root, 'server/app-paths-manifest.json'), 'utf8')) as Record<string, string>;
  const sizes = new Map<string, { bytes: number; gzipBytes: number }>();
  const sizeOf = (file: string) => {
    let size = sizes.get(file);
    if (!size) {
      const content = readFileSync(path.join(root, file.replace(/^\/_next\//, '')));
      size = { bytes: content.length, gzipBytes: gzipSync(content).length };
      sizes.set(file, size);
    }
    return size;
  };
  const rows: RouteJs[] = [];
  for (const [key, file] of Object.entries(pages)) {
    if (!isPublicPage(key)) continue;
    const manifestFile = path.join(root, 'server', file.replace(/\.js$/, '_client-reference-manifest.js'));
    if (!existsSync(manifestFile)) continue;
    const manifest = readManifest(manifestFile, key);
    const files = new Set(build.rootMainFiles);
    for (const [entry, chunks] of Object.entries(manifest.entryJSFiles ?? {})) {
      // The global not-found page is its own route (/_not-found), not part of this one.
      if (entry.endsWith('/app/global-not-found')) continue;
      for (const chunk of chunks) files.add(chunk);
    }
    let bytes = 0;
    let gzipBytes = 0;
    for (const chunk of files) {
      const size = sizeOf(chunk);
      bytes += size.bytes;
      gzipBytes += size.gzipBytes;
    }
    const route = key.replace('/(public)', '').replace(/\/page$/, '') || '/';
    rows.push({ route, files: files.size, bytes, gzipBytes });
  }
  return rows.sort((a, b) => a.route.localeCompare(b.route));
}

export function formatFirstLoadTable(rows: RouteJs[]): string {
  const kib = (n: number) => (n / 1024).toFixed(1);
  const width = Math.max(...rows.map((row) => row.route.length), 5);
  const lines = [`${'Route'.padEnd(width)}  Dateien  KiB roh  KiB gzip`];
  for (const row of rows) {
    lines.push(`${row.route.padEnd(width)}  ${String(row.files).padStart(7)}  ${kib(row.bytes).padStart(7)}  ${kib(row.gzipBytes).padStart(8)}`);
  }
  return lines.join('\n');
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  console.log('First-load JS je öffentlicher Route (aus dem Build):');
  console.log(formatFirstLoadTable(firstLoadJs(process.argv[2] ?? process.env.NEXT_DIST_DIR ?? '.next')));
}
