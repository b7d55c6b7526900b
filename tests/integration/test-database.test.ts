// The harness itself: each file has its own database, the app's client (lib/db.ts) uses it, and
// resetDb() empties it.
import { describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { getTestDb, resetDb, testDatabaseUrl } from '../setup/db.ts';
import { createOrganization, createService } from '../factories/index.ts';

describe('test database', () => {
  it('is this file’s own clone of the template, and lib/db.ts connects to it', async () => {
    const name = new URL(testDatabaseUrl()).pathname.slice(1);
    expect(name).toMatch(/^t_\d+_[0-9a-f]{10}$/);
    const [{ current }] = await db.$queryRaw<{ current: string }[]>`SELECT current_database() AS current`;
    expect(current).toBe(name);
  });

  it('is shared by the factories and the app client', async () => {
    const org = await createOrganization({ name: 'Sichtbarkeit (Beispiel)' });
    expect(await db.organization.findUnique({ where: { id: org.id }, select: { name: true } })).toEqual({
      name: 'Sichtbarkeit (Beispiel)',
    });
  });

  it('is emptied by resetDb() except for the migration history', async () => {
    await createService();
    await resetDb();
    const test = getTestDb();
    expect(await test.organization.count()).toBe(0);
    expect(await test.service.count()).toBe(0);
    const [{ count }] = await test.$queryRaw<{ count: bigint }[]>`SELECT count(*) FROM "_prisma_migrations"`;
    expect(count).toBeGreaterThan(0n);
  });
});
