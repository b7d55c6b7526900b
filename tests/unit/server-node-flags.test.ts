// `npm start` (package.json) cannot import the server's heap flags, so it spells them out: it must
// start the server with exactly the flags the benchmark and the end-to-end tests use
// (scripts/server/node-flags.mjs), or the memory measured is not the memory served.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { SERVER_NODE_FLAGS } from '../../scripts/server/node-flags.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

describe('heap flags of the production server', () => {
  it('npm start passes the same flags as the benchmark and the e2e server', () => {
    const { scripts } = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
    expect(scripts.start).toBe(`node ${SERVER_NODE_FLAGS.join(' ')} scripts/server/run.mjs scripts/serve.ts start`);
  });

  it('limits the old space and the young generation', () => {
    expect(SERVER_NODE_FLAGS.some((flag) => /^--max-old-space-size=\d+$/.test(flag))).toBe(true);
    expect(SERVER_NODE_FLAGS.some((flag) => /^--max-semi-space-size=\d+$/.test(flag))).toBe(true);
  });
});
