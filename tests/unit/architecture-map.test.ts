// docs/architecture.md "Where to find a feature" maps every URL to its code. This keeps the map
// true: every page and route under app/ has a row that names its folder, and every module, data
// file (with the functions it names), schema and test a row names exists.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const DOC = 'docs/architecture.md';
const ROUTE_FILE = /^(page\.tsx|route\.ts)$/;
// Metadata routes at the app's root (robots.txt, sitemap.xml, manifest.webmanifest).
const METADATA_FILES = ['app/robots.ts', 'app/sitemap.ts', 'app/manifest.ts'];

interface Row {
  segment: string;
  modules: string;
  data: string;
  schema: string;
  tests: string;
}

function readRows(): Row[] {
  const text = readFileSync(DOC, 'utf8');
  const start = text.indexOf('## Where to find a feature');
  const end = text.indexOf('\n## ', start + 1);
  return text
    .slice(start, end)
    .split('\n')
    .filter((line) => line.startsWith('| ') && !line.startsWith('| URL segment') && !line.startsWith('| ---'))
    .map((line) => {
      const [segment, modules, data, schema, tests] = line
        .slice(2, -2)
        .split(' | ')
        .map((cell) => cell.trim());
      return { segment, modules, data, schema, tests };
    });
}

const ticked = (cell: string) => [...cell.matchAll(/`([^`]+)`/g)].map((match) => match[1]);

// Module paths are relative to app/[locale]/ unless they start with app/.
const modulePath = (name: string) => (name.startsWith('app/') ? name : `app/[locale]/${name}`).replace(/\/$/, '');

function routeFolders(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.posix.join(dir, entry.name);
    if (entry.isDirectory()) return routeFolders(full);
    return ROUTE_FILE.test(entry.name) ? [dir] : [];
  });
}

describe(`${DOC}: where to find a feature`, () => {
  const rows = readRows();

  it('is read (guards against an empty table)', () => {
    expect(rows.length).toBeGreaterThan(30);
    for (const row of rows) expect(row.tests, row.segment).toBeDefined();
  });

  it('has a row for every page and route of the app, naming its folder', () => {
    const named = new Set(
      rows
        .flatMap((row) => ticked(row.modules).map(modulePath))
        .map((name) => name.replace(/\/(page\.tsx|route\.ts)$/, '')),
    );
    const routes = [...new Set(routeFolders('app'))].sort();
    expect(routes.length).toBeGreaterThan(50);
    expect(routes.filter((folder) => !named.has(folder))).toEqual([]);
    expect(METADATA_FILES.filter((file) => !named.has(file))).toEqual([]);
  });

  it('names only modules, data files, functions, schemas and tests that exist', () => {
    const missing: string[] = [];
    for (const row of rows) {
      for (const name of ticked(row.modules))
        if (!existsSync(modulePath(name))) missing.push(`${row.segment}: module ${name}`);
      // Data files are relative to lib/data/ unless they start with lib/; a name without an
      // ending is a function of the file named before it.
      let file: string | undefined;
      for (const name of ticked(row.data)) {
        if (/^\w+$/.test(name)) {
          if (!file || !new RegExp(`(function|const) ${name}\\b`).test(readFileSync(file, 'utf8')))
            missing.push(`${row.segment}: function ${name} in ${file}`);
          continue;
        }
        const full = name.startsWith('lib/') ? name : `lib/data/${name}`;
        const base = full.replace(/\/\*$/, '');
        if (!existsSync(base)) missing.push(`${row.segment}: data ${name}`);
        file = existsSync(base) && statSync(base).isFile() ? base : undefined;
      }
      for (const name of ticked(row.schema)) {
        if (/^\w+$/.test(name)) continue;
        if (!existsSync(name.startsWith('lib/') ? name : `lib/schemas/${name}`))
          missing.push(`${row.segment}: schema ${name}`);
      }
      // Integration tests unless the word "unit" or "e2e" stands before the name (it holds for the
      // names after it).
      let kind = 'integration';
      for (const part of row.tests.split(',')) {
        const prefix = /^\s*(unit|e2e)\s/.exec(part);
        if (prefix) kind = prefix[1];
        for (const name of ticked(part))
          if (!existsSync(`tests/${kind}/${name}.test.ts`)) missing.push(`${row.segment}: test ${kind}/${name}`);
      }
    }
    expect(missing).toEqual([]);
  });
});
