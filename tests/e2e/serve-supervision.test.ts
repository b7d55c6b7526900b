// `npm start` (scripts/serve.ts) on its own embedded PostgreSQL: a database process that dies is
// started again by the server, and the server exits cleanly (code 0, database stopped) on SIGTERM
// and on Ctrl-C (SIGINT), also right after the database died.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { SERVER_NODE_FLAGS } from '../../scripts/server/node-flags.mjs';
import { E2E_ADMIN } from './support/accounts.ts';
import { isAlive, postmasterPid, waitFor } from './support/processes.ts';
import { childEnv, freePort } from './support/server.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const dataDir = path.join(os.tmpdir(), `netzwerk-serve-${process.pid}-${randomBytes(4).toString('hex')}`);
const started: ChildProcess[] = [];

interface Serve {
  child: ChildProcess;
  url: string;
  output: string[];
  exit: Promise<{ code: number | null; signal: NodeJS.Signals | null; ms: number }>;
  signalAt: { time: number };
}

async function startServe(): Promise<Serve> {
  const port = await freePort();
  const env = childEnv({
    EMBEDDED_DATA_DIR: dataDir,
    ADMIN_EMAIL: E2E_ADMIN.email,
    ADMIN_PASSWORD: E2E_ADMIN.password,
    NEXTAUTH_SECRET: randomBytes(32).toString('hex'),
    APP_URL: `http://localhost:${port}`,
  });
  delete env.DATABASE_URL;
  delete env.NODE_ENV;
  const child = spawn(process.execPath, [...SERVER_NODE_FLAGS, 'scripts/server/run.mjs', 'scripts/serve.ts', 'start', '-p', String(port)], {
    cwd: ROOT,
    env: env as NodeJS.ProcessEnv,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  started.push(child);
  const output: string[] = [];
  const signalAt = { time: 0 };
  child.stdout!.on('data', (chunk: Buffer) => output.push(...chunk.toString('utf8').split('\n').filter(Boolean)));
  child.stderr!.on('data', (chunk: Buffer) => output.push(...chunk.toString('utf8').split('\n').filter(Boolean)));
  const exit = new Promise<{ code: number | null; signal: NodeJS.Signals | null; ms: number }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal, ms: Date.now() - signalAt.time })),
  );
  const url = `http://localhost:${port}`;
  await waitFor(
    'npm start antwortet',
    async () => {
      if (child.exitCode !== null) throw new Error(`npm start beendet: ${output.slice(-10).join(' | ')}`);
      const response = await fetch(`${url}/de`, { signal: AbortSignal.timeout(5_000) }).catch(() => undefined);
      return response?.status === 200 ? true : undefined;
    },
    120_000,
    500,
  );
  return { child, url, output, exit, signalAt };
}

async function searchAnswers(url: string): Promise<true | undefined> {
  const response = await fetch(`${url}/de/akteure?q=beratung-${randomBytes(3).toString('hex')}`, { signal: AbortSignal.timeout(10_000) });
  return response.status === 200 ? true : undefined;
}

afterAll(() => {
  for (const child of started) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  const pid = postmasterPid(dataDir);
  if (pid && isAlive(pid)) process.kill(pid, 'SIGKILL');
  rmSync(dataDir, { recursive: true, force: true });
});

describe('npm start with the embedded database', () => {
  it('restarts a killed database, then exits cleanly on SIGTERM right after the database died again', async () => {
    const serve = await startServe();
    expect((await fetch(`${serve.url}/de`)).status).toBe(200);

    const first = postmasterPid(dataDir)!;
    process.kill(first, 'SIGKILL');
    const { ms: restartMs } = await waitFor('Datenbank neu gestartet', async () => {
      const pid = postmasterPid(dataDir);
      return pid && pid !== first && isAlive(pid) ? pid : undefined;
    }, 30_000);
    const { ms: recoveryMs } = await waitFor('Suche antwortet wieder', () => searchAnswers(serve.url), 30_000);
    expect(serve.output.join('\n')).toMatch(/Die eingebettete Datenbank wurde beendet .*Neustart/);
    console.log(`[serve] Datenbank nach kill -9 neu gestartet nach ${restartMs} ms, Seiten wieder da nach weiteren ${recoveryMs} ms.`);

    const second = postmasterPid(dataDir)!;
    process.kill(second, 'SIGKILL');
    serve.signalAt.time = Date.now();
    serve.child.kill('SIGTERM');
    const exit = await serve.exit;
    console.log(`[serve] SIGTERM nach dem Tod der Datenbank: Exit-Code ${exit.code} nach ${exit.ms} ms.`);
    expect(exit).toMatchObject({ code: 0, signal: null });
    expect(exit.ms).toBeLessThan(15_000);
    const left = postmasterPid(dataDir);
    expect(left === undefined || !isAlive(left), 'no PostgreSQL left running').toBe(true);
  }, 240_000);

  it('stops the app and the database on Ctrl-C (SIGINT)', async () => {
    const serve = await startServe();
    expect((await fetch(`${serve.url}/de`)).status).toBe(200);
    const pid = postmasterPid(dataDir)!;
    serve.signalAt.time = Date.now();
    serve.child.kill('SIGINT');
    const exit = await serve.exit;
    console.log(`[serve] SIGINT: Exit-Code ${exit.code} nach ${exit.ms} ms.`);
    expect(exit).toMatchObject({ code: 0, signal: null });
    expect(isAlive(pid)).toBe(false);
  }, 240_000);
});
