// Three projects: `unit` (pure logic, no database), `integration` (real PostgreSQL, one database
// per test file) and `e2e` (production build in Chromium, files one after another).
// Run: `npx vitest run --project unit --project integration` and `npx vitest run --project e2e`.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const root = path.dirname(fileURLToPath(import.meta.url));

export default defineConfig({
  resolve: {
    alias: [
      // A regex, so that scoped packages such as `@prisma/client` are left alone.
      { find: /^@\//, replacement: `${root}/` },
      { find: /^server-only$/, replacement: path.join(root, 'tests/setup/server-only-stub.ts') },
    ],
  },
  test: {
    // Each project sets its own files; none run from the root project.
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          environment: 'node',
          include: ['tests/unit/**/*.test.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'integration',
          environment: 'node',
          include: ['tests/integration/**/*.test.ts'],
          globalSetup: ['tests/setup/global-db.ts'],
          setupFiles: ['tests/setup/integration.ts'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          environment: 'node',
          include: ['tests/e2e/**/*.test.ts'],
          globalSetup: ['tests/e2e/support/server.ts'],
          setupFiles: ['tests/e2e/support/setup.ts'],
          // One browser and one server: files run one after another.
          fileParallelism: false,
          // Generous: a first request to a page renders it (and may query the database) on a
          // loaded two-core machine, and the admin journeys run axe on a dozen pages (about 3 s each).
          // The global setup (build, server start) has no timeout.
          testTimeout: 180_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
