// Runs before each integration test file: gives the file its own database, cloned from the
// migrated template, and points DATABASE_URL at it before any app module reads the environment.
import { afterAll, inject } from 'vitest';
import { closeTestDb } from './db.ts';
import { createDatabase, dropDatabase, randomDatabaseName } from './databases.ts';

const adminUrl = inject('testDatabaseAdminUrl');
const name = randomDatabaseName(`t_${process.env.VITEST_POOL_ID ?? process.env.VITEST_WORKER_ID ?? '0'}`);

process.env.DATABASE_URL = await createDatabase(adminUrl, name, inject('testTemplateDatabase'));

afterAll(async () => {
  await closeTestDb();
  // lib/db.ts keeps its client on globalThis (for dev hot reload); close it so that the next file
  // in this worker creates a new one for its own database.
  const appGlobal = globalThis as unknown as { prisma?: { $disconnect: () => Promise<void> } };
  await appGlobal.prisma?.$disconnect();
  delete appGlobal.prisma;
  await dropDatabase(adminUrl, name);
});
