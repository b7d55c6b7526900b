// Database access for tests: a Prisma client for the current test file's own database (see
// integration.ts, which sets DATABASE_URL) and a way to empty it between tests.
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from '@/lib/generated/prisma/client';

const KEY = Symbol.for('netzwerk.tests.prisma');
const holder = globalThis as unknown as { [KEY]?: PrismaClient };

export function testDatabaseUrl(): string {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error('DATABASE_URL fehlt: getTestDb() gibt es nur im Projekt "integration".');
  return url;
}

export function getTestDb(): PrismaClient {
  holder[KEY] ??= new PrismaClient({ adapter: new PrismaPg({ connectionString: testDatabaseUrl(), max: 4 }) });
  return holder[KEY];
}

export async function closeTestDb(): Promise<void> {
  const client = holder[KEY];
  delete holder[KEY];
  await client?.$disconnect();
}

// Empties every table but the migration history. TRUNCATE fires no row triggers, so the
// append-only audit log can be emptied too.
export async function resetDb(): Promise<void> {
  const db = getTestDb();
  const tables = await db.$queryRaw<{ name: string }[]>`
    SELECT format('%I', tablename) AS name FROM pg_tables
     WHERE schemaname = 'public' AND tablename <> '_prisma_migrations'`;
  if (tables.length === 0) return;
  await db.$executeRawUnsafe(`TRUNCATE ${tables.map((t) => t.name).join(', ')} RESTART IDENTITY CASCADE`);
}
