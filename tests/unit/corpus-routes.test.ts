// The malformed-input corpus reaches every public page, route handler and API under app/: a route
// added later without an entry in tests/e2e/support/corpus-routes.ts fails here.
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ADMIN_AREAS, CORPUS_ROUTES, ROUTE_FILE } from '../e2e/support/corpus-routes.ts';

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.posix.join(dir, entry.name);
    return entry.isDirectory() ? filesUnder(full) : [full];
  });
}

describe('malformed-input corpus routes', () => {
  const routeFiles = filesUnder('app')
    .filter((file) => ROUTE_FILE.test(file))
    .filter((file) => !ADMIN_AREAS.some((area) => area.test(file)))
    .sort();

  it('finds the pages, the APIs and the sign-in routes', () => {
    expect(routeFiles).toEqual(expect.arrayContaining(['app/[locale]/(public)/akteure/page.tsx', 'app/api/hsds/datapackage.zip/route.ts', 'app/api/v1/services/route.ts', 'app/api/auth/[...nextauth]/route.ts']));
  });

  it('has an entry for every public page and route, and none for a file that is gone', () => {
    const covered = CORPUS_ROUTES.map((route) => route.file).sort();
    expect({ missing: routeFiles.filter((file) => !covered.includes(file)) }).toEqual({ missing: [] });
    expect({ gone: covered.filter((file) => !routeFiles.includes(file)) }).toEqual({ gone: [] });
  });

  it('puts the payload into a path segment wherever the route has one', () => {
    for (const route of CORPUS_ROUTES) {
      if (/\[[^\]]+\]/.test(route.file.replace(/^app\/\[locale\]/, ''))) expect(route.segment, route.file).toContain('{v}');
      expect(route.params.length, route.file).toBeGreaterThan(0);
    }
  });
});
