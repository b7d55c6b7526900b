// Faults: the database stalls (every PostgreSQL process stopped with SIGSTOP) or dies (SIGKILL).
// Dynamic pages answer a 503 page in the visitor's language with the coordination office's phone
// and e-mail within seconds, the APIs JSON 503 with Retry-After, pages whose data is cached keep
// answering, and everything recovers without restarting the app. Own PostgreSQL and app instance:
// the shared test server must not be stopped.
import type { ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDatabase } from '../../prisma/seed.ts';
import { releaseSignalHandlers, startEmbeddedPostgres, type EmbeddedDatabase } from '../../scripts/db/embedded.ts';
import { applyMigrations } from '../../scripts/db/migrate.ts';
import { E2E_ADMIN } from './support/accounts.ts';
import { isAlive, signalTree, waitFor } from './support/processes.ts';
import { childEnv, freePort, openLog, startAppProcess, stopProcessGroup, waitUntilReady } from './support/server.ts';

const PHONE = '03931 60-7040';
const EMAIL = 'Integration@landkreis-stendal.de';
// Connect 3 s, query 6 s (lib/db.ts) plus rendering: a stalled database answers within this.
const STALL_ANSWER_MS = 12_000;

let database: EmbeddedDatabase;
let app: ChildProcess | undefined;
let base = '';
let stalled = false;

async function get(pathname: string, init?: RequestInit): Promise<{ status: number; ms: number; body: string; headers: Headers }> {
  const started = Date.now();
  const response = await fetch(`${base}${pathname}`, { ...init, signal: AbortSignal.timeout(30_000) });
  const body = await response.text();
  return { status: response.status, ms: Date.now() - started, body, headers: response.headers };
}

const unique = () => randomBytes(4).toString('hex');

beforeAll(async () => {
  const dataDir = path.join(os.tmpdir(), `netzwerk-faults-${process.pid}-${unique()}`);
  database = await startEmbeddedPostgres({ dataDir, isEphemeral: true, database: 'faults', port: 55610 });
  // This worker stops and starts the server itself; the library must not exit the process.
  releaseSignalHandlers();
  await applyMigrations({ url: database.url });
  await seedDatabase({ url: database.url, adminEmail: E2E_ADMIN.email, adminPassword: E2E_ADMIN.password, log: () => {} });
  const port = await freePort();
  base = `http://localhost:${port}`;
  const tail: string[] = [];
  app = startAppProcess(port, childEnv({ DATABASE_URL: database.url, APP_URL: base, NEXTAUTH_SECRET: randomBytes(32).toString('hex') }), openLog(), tail);
  await waitUntilReady(base, app, tail);
  // Warm the data cache of the pages that should survive an outage.
  for (const pathname of ['/de', '/de/akteure', '/ar/akteure', '/de/akteure/jobcenter', '/de/impressum']) expect((await get(pathname)).status).toBe(200);
}, 120_000);

afterAll(async () => {
  if (stalled) signalTree(database.pid()!, 'SIGCONT');
  if (app) await stopProcessGroup(app);
  await database?.stop();
});

async function expectUnavailablePages(label: string): Promise<number[]> {
  const times: number[] = [];
  const titles: Record<string, RegExp> = {
    de: /nicht erreichbar/,
    en: /unavailable/,
    ar: /غير متاحة/,
    uk: /недоступна/,
    ru: /недоступна/,
  };
  for (const [locale, title] of Object.entries(titles)) {
    // A search is rendered per request and reads the database.
    const page = await get(`/${locale}/akteure?q=ausfall-${unique()}`);
    times.push(page.ms);
    expect(page.status, `${label} ${locale}`).toBe(503);
    expect(page.headers.get('retry-after')).toMatch(/^\d+$/);
    expect(page.body).toContain(`<html lang="${locale}" dir="${locale === 'ar' ? 'rtl' : 'ltr'}">`);
    expect(page.body).toMatch(title);
    expect(page.body).toContain(PHONE);
    expect(page.body).toContain(EMAIL);
  }
  for (const api of [`/api/v1/organizations?q=ausfall-${unique()}`, `/api/v1/suggestions?q=${unique()}`, '/api/hsds/organizations?page=2']) {
    const response = await get(api);
    times.push(response.ms);
    expect(response.status, `${label} ${api}`).toBe(503);
    expect(response.headers.get('content-type')).toContain('application/json');
    expect(Number(response.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(JSON.parse(response.body)).toMatchObject({ code: 'SERVICE_UNAVAILABLE', contact: { phone: PHONE, email: EMAIL } });
  }
  return times;
}

async function expectRecovery(label: string): Promise<number> {
  const { ms } = await waitFor(
    `${label}: Suche wieder erreichbar`,
    async () => ((await get(`/de/akteure?q=beratung-${unique()}`)).status === 200 ? true : undefined),
    30_000,
  );
  expect((await get('/api/v1/organizations?q=beratung')).status).toBe(200);
  return ms;
}

describe('database faults', () => {
  it('stalled database (SIGSTOP): 503 within seconds, cached pages answer, recovery after SIGCONT', async () => {
    signalTree(database.pid()!, 'SIGSTOP');
    stalled = true;
    const times = await expectUnavailablePages('stalled');
    expect(Math.max(...times)).toBeLessThan(STALL_ANSWER_MS);
    for (const cached of ['/de', '/de/akteure/jobcenter', '/de/impressum']) {
      const page = await get(cached);
      expect(page.status, cached).toBe(200);
    }
    signalTree(database.pid()!, 'SIGCONT');
    stalled = false;
    const recovery = await expectRecovery('stalled');
    console.log(`[faults] Datenbank angehalten: 503 nach höchstens ${Math.max(...times)} ms (Median ${times.sort((a, b) => a - b)[Math.floor(times.length / 2)]} ms); wieder da nach ${recovery} ms.`);
  }, 180_000);

  it('killed database (SIGKILL): 503 at once, recovery when it runs again, without restarting the app', async () => {
    signalTree(database.pid()!, 'SIGKILL');
    await waitFor('PostgreSQL beendet', async () => (isAlive(database.pid()!) ? undefined : true), 10_000);
    const times = await expectUnavailablePages('killed');
    expect(Math.max(...times)).toBeLessThan(5_000);
    expect((await get('/de')).status).toBe(200);
    await database.restart();
    const recovery = await expectRecovery('killed');
    console.log(`[faults] Datenbank beendet: 503 nach höchstens ${Math.max(...times)} ms; nach dem Neustart wieder da nach ${recovery} ms.`);
  }, 180_000);
});
