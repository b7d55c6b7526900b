// The only place that creates the Prisma client.
import 'server-only';
import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import { isDatabaseUnavailableError } from '@/lib/db-errors';
import { reportDatabaseAvailable, reportDatabaseUnavailable } from '@/lib/edge/request-state';
import { Prisma, PrismaClient } from '@/lib/generated/prisma/client';
import { getEnv } from '@/lib/env';

// Timeouts, so that a stopped or stalled database makes a page fail within seconds (the edge server
// then answers 503) instead of hanging: connecting, a statement on the server, and the client's own
// wait for an answer (a stopped server never enforces its statement_timeout).
const DATABASE_TIMEOUTS = {
  connectMs: 3_000,
  // Waiting for a free connection of the pool is load, not an outage: it may take longer.
  poolWaitMs: 15_000,
  statementMs: 5_000,
  queryMs: 6_000,
  idleInTransactionMs: 10_000,
};
// After the database could not be reached, further queries fail at once for this long instead of
// each waiting for its own timeout; the first query after it tries again (and closes the breaker).
const FAIL_FAST_MS = 2_000;

const breaker = { openUntil: 0 };

function unavailableNow(): Error {
  // Shaped like a refused connection, so that Prisma's driver adapter reports it as such.
  return Object.assign(new Error('Datenbank nicht erreichbar (kurz nach einem Fehler, neuer Versuch in Kürze).'), {
    code: 'ECONNREFUSED',
    syscall: 'connect',
    errno: -111,
  });
}

// The server did not answer or refused the connection. A full pool, a statement timeout or too
// many connections are load: the request still gets a 503, but others keep trying.
function isConnectionFailure(error: unknown): boolean {
  const err = error as { code?: string; message?: string };
  return !['57014', '53300'].includes(err.code ?? '') && !/timeout exceeded when trying to connect/i.test(err.message ?? '');
}

// `provesAvailable`: only an answer from the server says it is back. The pool hands out an idle
// connection without asking the server, so a successful connect() must not close the breaker nor
// report the database available (it made a stalled database look healthy, and a search's 5xx then
// went out as a 500 instead of the 503 page).
function observe<T>(promise: Promise<T>, provesAvailable: boolean): Promise<T> {
  return promise.then(
    (result) => {
      if (provesAvailable) {
        breaker.openUntil = 0;
        reportDatabaseAvailable();
      }
      return result;
    },
    (error: unknown) => {
      if (isDatabaseUnavailableError(error)) {
        if (isConnectionFailure(error)) breaker.openUntil = Date.now() + FAIL_FAST_MS;
        reportDatabaseUnavailable();
      }
      throw error;
    },
  );
}

// Each new connection gives up after connectMs, however long the pool lets callers wait.
class TimedClient extends pg.Client {
  constructor(config?: pg.ClientConfig) {
    super({ ...config, connectionTimeoutMillis: DATABASE_TIMEOUTS.connectMs });
  }
}

// A pg pool that records whether the database answers and fails fast while it does not.
class GuardedPool extends pg.Pool {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  override query(...args: any[]): any {
    if (typeof args[args.length - 1] === 'function') return (super.query as (...a: unknown[]) => unknown)(...args);
    if (Date.now() < breaker.openUntil) {
      reportDatabaseUnavailable();
      return Promise.reject(unavailableNow());
    }
    return observe((super.query as (...a: unknown[]) => Promise<unknown>)(...args), true);
  }

  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  override connect(...args: any[]): any {
    if (typeof args[0] === 'function') return (super.connect as (...a: unknown[]) => unknown)(...args);
    if (Date.now() < breaker.openUntil) {
      reportDatabaseUnavailable();
      return Promise.reject(unavailableNow());
    }
    return observe(super.connect(), false);
  }
}

function createPool(connectionString: string, max = 10, extra: pg.PoolConfig = {}): pg.Pool {
  const pool = new GuardedPool({
    ...extra,
    connectionString,
    max,
    Client: TimedClient,
    connectionTimeoutMillis: DATABASE_TIMEOUTS.poolWaitMs,
    statement_timeout: DATABASE_TIMEOUTS.statementMs,
    query_timeout: DATABASE_TIMEOUTS.queryMs,
    idle_in_transaction_session_timeout: DATABASE_TIMEOUTS.idleInTransactionMs,
    keepAlive: true,
  });
  // An idle connection that breaks (database restarted) is dropped by the pool; no crash.
  pool.on('error', () => reportDatabaseUnavailable());
  return pool;
}

const globalForPrisma = globalThis as unknown as { prisma?: PrismaClient; searchPool?: pg.Pool };

function getClient(): PrismaClient {
  if (!globalForPrisma.prisma) {
    const pool = createPool(getEnv().DATABASE_URL);
    const adapter = new PrismaPg(pool, { disposeExternalPool: true });
    // One client per process: dev hot reload would otherwise open a new pool on every change.
    globalForPrisma.prisma = new PrismaClient({ adapter });
  }
  return globalForPrisma.prisma;
}

// The directory search's statements (queryRows) run on a few long-lived connections of their
// own. A PostgreSQL connection compiles the search's PL/pgSQL functions, loads the text-search
// dictionaries and plans each inner statement on its first calls: 25-30 ms for the first search
// on a new connection, about 1 ms more for the next four (measured at 10,000 entries). On the
// shared pool a search lands on whichever connection a page's parallel queries released last, and
// idle connections close after 10 s, so that visitors kept paying that. Four connections that stay
// open keep those plans; `allowExitOnIdle` still lets scripts and tests end.
function getSearchPool(): pg.Pool {
  if (!globalForPrisma.searchPool) {
    globalForPrisma.searchPool = createPool(getEnv().DATABASE_URL, 4, { idleTimeoutMillis: 0, allowExitOnIdle: true });
  }
  return globalForPrisma.searchPool;
}

async function disconnect(client: PrismaClient): Promise<void> {
  const searchPool = globalForPrisma.searchPool;
  globalForPrisma.searchPool = undefined;
  await Promise.all([client.$disconnect(), searchPool?.end()]);
}

// Created on first use, not on import: `next build` imports pages without a database.
export const db: PrismaClient = new Proxy({} as PrismaClient, {
  get(_target, property) {
    const client = getClient();
    // Disconnecting ends the search's connections too.
    if (property === '$disconnect') return () => disconnect(client);
    const value = Reflect.get(client, property, client);
    return typeof value === 'function' ? value.bind(client) : value;
  },
});

// A read-only statement on the search's pool (same timeouts, breaker and error reports), without
// Prisma's query interpreter: about 0.5 ms less per statement (measured 0.3 vs 0.8-1.0 ms for
// SELECT 1). Only for the directory search's two statements per search (issue 11 point 6), whose
// budget is 10 ms. Values come back as pg gives them: int8 as a string, float8 as a number.
// `name`: a statement whose text never changes is prepared once per connection under this name
// (no parsing and planning per call; 0.3-0.5 ms less per search, measured).
export async function queryRows<Row>(query: Prisma.Sql, name?: string): Promise<Row[]> {
  const values = query.values as unknown[];
  const result = await getSearchPool().query(name ? { name, text: query.text, values } : { text: query.text, values });
  return result.rows as Row[];
}
