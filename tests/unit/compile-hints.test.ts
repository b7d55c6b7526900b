// scripts/perf/compile-hints.ts: the V8 hint goes on top of exactly the build's root main files
// (Next's and React's runtime), once, and leaves every other chunk as Next built it.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { addCompileHints } from '../../scripts/perf/compile-hints';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function fakeBuild(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'compile-hints-'));
  dirs.push(dir);
  mkdirSync(path.join(dir, 'static/chunks'), { recursive: true });
  writeFileSync(path.join(dir, 'build-manifest.json'), JSON.stringify({ rootMainFiles: ['static/chunks/react.js', 'static/chunks/turbopack.js'] }));
  for (const name of ['react', 'turbopack', 'page']) writeFileSync(path.join(dir, `static/chunks/${name}.js`), `console.log('${name}');\n`);
  return dir;
}

const read = (dir: string, name: string) => readFileSync(path.join(dir, `static/chunks/${name}.js`), 'utf8');

describe('addCompileHints', () => {
  it('puts the hint on the first line of the root main files only, once', () => {
    const dir = fakeBuild();
    expect(addCompileHints(dir).sort()).toEqual(['static/chunks/react.js', 'static/chunks/turbopack.js']);
    expect(read(dir, 'react')).toBe("//# allFunctionsCalledOnLoad\nconsole.log('react');\n");
    expect(read(dir, 'turbopack').startsWith('//# allFunctionsCalledOnLoad\n')).toBe(true);
    expect(read(dir, 'page')).toBe("console.log('page');\n");
    expect(addCompileHints(dir)).toEqual([]);
    expect(read(dir, 'react').match(/allFunctionsCalledOnLoad/g)).toHaveLength(1);
  });
});
