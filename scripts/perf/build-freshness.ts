// Whether a production build in `distDir` is older than the sources it was built from: shared by
// `npm run lighthouse` and `npm run bench`, which reuse their build while nothing changed.
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

const BUILD_INPUTS = ['app', 'components', 'lib', 'messages', 'public', 'proxy.ts', 'next.config.js', 'postcss.config.mjs', 'tsconfig.json', 'package-lock.json'];

function newestMtime(entry: string): number {
  if (!existsSync(entry)) return 0;
  const stat = statSync(entry);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const child of readdirSync(entry)) newest = Math.max(newest, newestMtime(path.join(entry, child)));
  return newest;
}

export function needsBuild({ root, distDir, force }: { root: string; distDir: string; force: boolean }): boolean {
  const buildId = path.join(root, distDir, 'BUILD_ID');
  if (force || !existsSync(buildId)) return true;
  const builtAt = statSync(buildId).mtimeMs;
  return BUILD_INPUTS.some((input) => newestMtime(path.join(root, input)) > builtAt);
}
