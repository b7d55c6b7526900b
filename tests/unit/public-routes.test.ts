// Every public page and route under app/ is in the visibility tests' table, so a new output cannot
// go without the checks that it shows nothing hidden (tests/fixtures/public-outputs.ts).
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { NON_PUBLIC_AREAS, PUBLIC_OUTPUT_FILE, PUBLIC_OUTPUTS } from '../fixtures/public-outputs.ts';

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.posix.join(dir, entry.name);
    return entry.isDirectory() ? filesUnder(full) : [full];
  });
}

describe('public outputs', () => {
  const publicFiles = filesUnder('app')
    .filter((file) => PUBLIC_OUTPUT_FILE.test(file))
    .filter((file) => !NON_PUBLIC_AREAS.some((area) => area.test(file)))
    .sort();

  it('finds the app’s public pages and routes', () => {
    expect(publicFiles).toContain('app/[locale]/(public)/akteure/[slug]/page.tsx');
    expect(publicFiles).toContain('app/api/hsds/organizations/[id]/route.ts');
    expect(publicFiles).not.toContain('app/[locale]/admin/page.tsx');
  });

  it('are each checked by the visibility tests, and the table names no file that is gone', () => {
    const covered = PUBLIC_OUTPUTS.map((output) => output.file).sort();
    expect({ missingInTable: publicFiles.filter((file) => !covered.includes(file)) }).toEqual({ missingInTable: [] });
    expect({ goneFromApp: covered.filter((file) => !publicFiles.includes(file)) }).toEqual({ goneFromApp: [] });
  });

  it('call every handler and metadata route directly, and request every page', () => {
    for (const output of PUBLIC_OUTPUTS) {
      expect(output.kind === 'page' ? output.load : typeof output.load, output.file).toBe(output.kind === 'page' ? undefined : 'function');
      expect(output.kind).toBe(/page\.tsx$/.test(output.file) ? 'page' : output.kind);
    }
  });
});
