// Runs before each integration test file: gives the file its own database, cloned from the
// migrated template, and points DATABASE_URL at it before any app module reads the environment.
// It also starts a real SMTP server for the file and points SMTP_HOST/SMTP_PORT at it, so every
// mail the application sends arrives there (tests/integration/helpers/mail.ts reads them).
import { afterAll, inject } from 'vitest';
import { closeTestDb } from './db.ts';
import { createDatabase, dropDatabase, randomDatabaseName } from './databases.ts';
import { startSmtpCapture, type SmtpCapture } from './smtp-capture.ts';

const adminUrl = inject('testDatabaseAdminUrl');
const name = randomDatabaseName(`t_${process.env.VITEST_POOL_ID ?? process.env.VITEST_WORKER_ID ?? '0'}`);

process.env.DATABASE_URL = await createDatabase(adminUrl, name, inject('testTemplateDatabase'));

const smtp = await startSmtpCapture();
(globalThis as unknown as { [key: symbol]: SmtpCapture })[Symbol.for('netzwerk.tests.smtp')] = smtp;
process.env.SMTP_HOST = smtp.host;
process.env.SMTP_PORT = String(smtp.port);

afterAll(async () => {
  await closeTestDb();
  // lib/db.ts keeps its client on globalThis (for dev hot reload); close it so that the next file
  // in this worker creates a new one for its own database.
  const appGlobal = globalThis as unknown as { prisma?: { $disconnect: () => Promise<void> } };
  await appGlobal.prisma?.$disconnect();
  delete appGlobal.prisma;
  await smtp.close();
  await dropDatabase(adminUrl, name);
});
