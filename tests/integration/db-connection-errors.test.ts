// Real failed connections, through node-postgres and through Prisma's driver adapter (what the
// app uses), each turned into the one-line German message a person can act on.
import net from 'node:net';
import pg from 'pg';
import { PrismaPg } from '@prisma/adapter-pg';
import { describe, expect, inject, it } from 'vitest';
import { PrismaClient } from '@/lib/generated/prisma/client';
import { describeDatabaseError } from '@/lib/db-errors';

const adminUrl = inject('testDatabaseAdminUrl');

async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

function withUrl(change: (url: URL) => void): string {
  const url = new URL(adminUrl);
  change(url);
  return url.toString();
}

async function pgFailure(url: string): Promise<unknown> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5_000 });
  try {
    await client.connect();
  } catch (error) {
    return error;
  } finally {
    await client.end().catch(() => {});
  }
  throw new Error(`Verbindung zu ${url} hätte scheitern sollen`);
}

async function prismaFailure(url: string): Promise<unknown> {
  const prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: url, connectionTimeoutMillis: 5_000 }) });
  try {
    await prisma.user.findFirst();
  } catch (error) {
    return error;
  } finally {
    await prisma.$disconnect();
  }
  throw new Error(`Abfrage über ${url} hätte scheitern sollen`);
}

const cases = [
  {
    what: 'a closed port on 127.0.0.1',
    url: async () => `postgresql://postgres:postgres@127.0.0.1:${await closedPort()}/netzwerk`,
    expected: (host: string) => `Datenbank nicht erreichbar: ${host} nimmt keine Verbindungen an. Läuft PostgreSQL dort?`,
  },
  {
    what: 'the test server with a wrong password',
    url: async () => withUrl((url) => (url.password = 'falsches-passwort')),
    expected: (host: string) =>
      `Anmeldung an der Datenbank ${host} fehlgeschlagen: Benutzername oder Passwort in DATABASE_URL ist falsch.`,
  },
  {
    what: 'a database that does not exist',
    url: async () => withUrl((url) => (url.pathname = '/gibt_es_nicht')),
    expected: (host: string) =>
      `Die Datenbank in DATABASE_URL gibt es auf ${host} nicht. Legen Sie sie an oder korrigieren Sie den Namen.`,
  },
];

describe.each(cases)('connecting to $what', ({ url: makeUrl, expected }) => {
  it('is explained in one line for node-postgres errors', async () => {
    const url = await makeUrl();
    expect(describeDatabaseError(await pgFailure(url), url)).toBe(expected(new URL(url).host));
  });

  it('is explained in one line for Prisma errors', async () => {
    const url = await makeUrl();
    expect(describeDatabaseError(await prismaFailure(url), url)).toBe(expected(new URL(url).host));
  });
});
