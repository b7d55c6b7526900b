// Source files in lib/ stay small enough to read in one sitting: one data operation, one rule or
// one mapping per file (the generated Prisma client aside).
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const MAX_LINES = 400;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.posix.join(dir, entry.name);
    if (entry.isDirectory()) return full === 'lib/generated' ? [] : sourceFiles(full);
    return /\.tsx?$/.test(entry.name) ? [full] : [];
  });
}

describe('lib/', () => {
  const sizes = sourceFiles('lib').map((file) => ({ file, lines: readFileSync(file, 'utf8').split('\n').length }));

  it('is read (guards against an empty list)', () => {
    expect(sizes.length).toBeGreaterThan(50);
  });

  it(`has no source file over ${MAX_LINES} lines`, () => {
    expect(sizes.filter((entry) => entry.lines > MAX_LINES)).toEqual([]);
  });
});
