// deploy/nginx.conf in front of the production server (Debian's /usr/sbin/nginx): the shipped
// file passes `nginx -t`; run with test ports, a temp cache folder and a self-signed certificate
// made here, it serves build output and fonts with immutable caching, passes compressed HTML,
// micro-caches public pages for at most 10 s (X-Cache-Status), and never stores signed-in pages
// or answers to a request with a session cookie.
import { execFileSync, spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import https from 'node:https';
import type { IncomingHttpHeaders } from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { E2E_ADMIN } from './support/accounts.ts';
import { baseUrl, signIn } from './support/http.ts';
import { freePort } from './support/server.ts';
import { nextTotpCode } from './support/sign-in.ts';

const NGINX = '/usr/sbin/nginx';
const SHIPPED = readFileSync(path.resolve(import.meta.dirname, '../../deploy/nginx.conf'), 'utf8');

let dir: string;
let nginx: ChildProcess | undefined;
let httpsPort: number;
let nginxLog = '';

/** Replaces `from` (must occur) in `text`. */
function swap(text: string, from: string | RegExp, to: string): string {
  const found = typeof from === 'string' ? text.includes(from) : from.test(text);
  expect(found, `deploy/nginx.conf enthält ${String(from)} nicht mehr: Test anpassen`).toBe(true);
  return text.replace(from, to);
}

/** The site file inside a main configuration whose files all live in `dir`. */
function mainConfig(site: string): string {
  const siteFile = path.join(dir, `site-${Math.random().toString(36).slice(2)}.conf`);
  writeFileSync(siteFile, site);
  const temp = (name: string) => path.join(dir, 'temp', name);
  return [
    // As root the workers would run as "nobody", who cannot write the temp folder.
    process.getuid?.() === 0 ? 'user root;' : '',
    `pid ${path.join(dir, 'nginx.pid')};`,
    `error_log ${path.join(dir, 'error.log')} warn;`,
    'events { worker_connections 256; }',
    'http {',
    '  include /etc/nginx/mime.types;',
    '  access_log off;',
    `  client_body_temp_path ${temp('body')}; proxy_temp_path ${temp('proxy')};`,
    `  fastcgi_temp_path ${temp('fastcgi')}; uwsgi_temp_path ${temp('uwsgi')}; scgi_temp_path ${temp('scgi')};`,
    `  include ${siteFile};`,
    '}',
  ].join('\n');
}

function withCertificates(site: string): string {
  site = swap(site, '/etc/ssl/certs/netzwerk.pem', path.join(dir, 'cert.pem'));
  site = swap(site, '/etc/ssl/private/netzwerk.key', path.join(dir, 'key.pem'));
  // Not the system's cache folder (nginx -t creates it).
  return swap(site, '/var/cache/nginx/netzwerk', path.join(dir, 'cache'));
}

interface Answer {
  status: number;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

// A German browser (the language of a page is in its address; no answer depends on this header).
function get(target: string, headers: Record<string, string> = {}): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const request = https.request(
      { host: '127.0.0.1', port: httpsPort, path: target, headers: { Host: 'localhost', 'Accept-Language': 'de-DE,de;q=0.9', ...headers }, rejectUnauthorized: false, servername: 'localhost', agent: false },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks) }));
        response.on('error', reject);
      },
    );
    request.on('error', reject);
    request.end();
  });
}

async function waitForPort(port: number): Promise<void> {
  const deadline = Date.now() + 15_000;
  while (Date.now() < deadline) {
    if (nginx?.exitCode !== null && nginx?.exitCode !== undefined) throw new Error(`nginx hat sich beendet:\n${nginxLog}`);
    const open = await new Promise<boolean>((resolve) => {
      const socket = net.connect(port, '127.0.0.1', () => {
        socket.end();
        resolve(true);
      });
      socket.on('error', () => resolve(false));
    });
    if (open) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`nginx lauscht nach 15 s nicht auf ${port}:\n${nginxLog}`);
}

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'netzwerk-nginx-'));
  for (const name of ['body', 'proxy', 'fastcgi', 'uwsgi', 'scgi']) mkdirSync(path.join(dir, 'temp', name), { recursive: true });
  execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '1', '-subj', '/CN=localhost',
    '-keyout', path.join(dir, 'key.pem'), '-out', path.join(dir, 'cert.pem')], { stdio: 'ignore' });

  const app = new URL(baseUrl());
  const httpPort = await freePort();
  httpsPort = await freePort();
  let site = withCertificates(SHIPPED);
  site = swap(site, 'server 127.0.0.1:3000;', `server 127.0.0.1:${app.port};`);
  site = swap(site, /^\s*listen 80;$/m, `    listen 127.0.0.1:${httpPort};`);
  site = swap(site, /^\s*listen \[::\]:80;\n/m, '');
  site = swap(site, /^\s*listen 443 ssl http2;$/m, `    listen 127.0.0.1:${httpsPort} ssl http2;`);
  site = swap(site, /^\s*listen \[::\]:443 ssl http2;\n/m, '');
  const config = path.join(dir, 'nginx.conf');
  writeFileSync(config, mainConfig(site));
  nginx = spawn(NGINX, ['-c', config, '-p', `${dir}/`, '-g', 'daemon off;'], { stdio: ['ignore', 'pipe', 'pipe'] });
  nginx.stdout?.on('data', (chunk: Buffer) => (nginxLog += chunk.toString('utf8')));
  nginx.stderr?.on('data', (chunk: Buffer) => (nginxLog += chunk.toString('utf8')));
  await waitForPort(httpsPort);
});

afterAll(async () => {
  if (nginx?.pid && nginx.exitCode === null) {
    const exited = new Promise((resolve) => nginx!.once('exit', resolve));
    nginx.kill('SIGQUIT');
    await exited;
  }
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('deploy/nginx.conf', () => {
  it('passes nginx -t as shipped (only the certificate and cache paths replaced)', () => {
    const config = path.join(dir, 'shipped.conf');
    writeFileSync(config, mainConfig(withCertificates(SHIPPED)));
    const check = spawnSync(NGINX, ['-t', '-c', config, '-p', `${dir}/`], { encoding: 'utf8' });
    expect(check.stderr).toContain('test is successful');
    expect(check.status).toBe(0);
  });

  it('serves build output and fonts with immutable caching', async () => {
    const page = await get('/de');
    expect(page.status).toBe(200);
    const html = page.body.toString('utf8');
    const script = /\/_next\/static\/[^"'\s]+\.js/.exec(html)?.[0];
    const font = /\/fonts\/[^"'\s]+\.woff2/.exec(html)?.[0];
    expect(script, 'no script of the build on /de').toBeTruthy();
    expect(font, 'no preloaded font on /de').toBeTruthy();
    for (const asset of [script!, font!]) {
      const answer = await get(asset);
      expect(answer.status, asset).toBe(200);
      expect(answer.headers['cache-control'], asset).toBe('public, max-age=31536000, immutable');
      // Stored by nginx too: the second request does not reach the app.
      expect((await get(asset)).headers['x-cache-status'], asset).toBe('HIT');
    }
  });

  it('passes HTML compressed', async () => {
    const answer = await get('/de/akteure', { 'Accept-Encoding': 'gzip' });
    expect(answer.status).toBe(200);
    expect(answer.headers['content-encoding']).toBe('gzip');
    expect(answer.headers['content-type']).toMatch(/^text\/html/);
  });

  it('micro-caches a public page for at most 10 seconds', async () => {
    // A page no other test of this file asks for, so the first request is a miss.
    const target = '/de/impressum';
    const first = await get(target);
    expect(first.status).toBe(200);
    expect(first.headers['cache-control']).toBe('public, s-maxage=10, stale-while-revalidate=30');
    expect(first.headers['x-cache-status']).toBe('MISS');
    const second = await get(target);
    expect(second.headers['x-cache-status']).toBe('HIT');
    // The very same bytes (nonce included) come from the cache.
    expect(second.body.equals(first.body)).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 11_000));
    const later = await get(target);
    expect(later.headers['x-cache-status']).toBe('EXPIRED');
    expect(later.body.equals(first.body)).toBe(false);
  });

  it('never stores signed-in pages or answers to a session', async () => {
    // A sign-in page: private even without a session.
    for (let index = 0; index < 2; index++) {
      const answer = await get('/de/anmelden');
      expect(answer.status).toBe(200);
      expect(answer.headers['cache-control']).toBe('private, no-store');
      expect(answer.headers['x-cache-status']).not.toBe('HIT');
    }

    const { cookies } = await signIn(E2E_ADMIN.email, E2E_ADMIN.password, { code: await nextTotpCode(E2E_ADMIN) });
    expect(cookies).toMatch(/next-auth\.session-token=/);
    for (const target of ['/de/admin', '/de/admin/organisationen']) {
      for (let index = 0; index < 2; index++) {
        const answer = await get(target, { Cookie: cookies });
        expect(answer.status, target).toBe(200);
        expect(answer.headers['cache-control'], target).toBe('private, no-store');
        expect(answer.headers['x-cache-status'], target).toBe('BYPASS');
      }
    }

    // A public page asked for with a session: fresh from the app, private, and not stored for others.
    const target = '/de/koordinierungsstelle';
    const signedIn = await get(target, { Cookie: cookies });
    expect(signedIn.headers['x-cache-status']).toBe('BYPASS');
    expect(signedIn.headers['cache-control']).toBe('private, no-store');
    const anonymous = await get(target);
    expect(anonymous.headers['x-cache-status']).toBe('MISS');
    expect(anonymous.headers['cache-control']).toBe('public, s-maxage=10, stale-while-revalidate=30');

    // A browser in another language than the page gets the same public page, without a cookie
    // (next-intl's language cookie is off, lib/i18n/routing.ts), stored for the next visitor.
    const target2 = '/de/barrierefreiheit';
    const english = await get(target2, { 'Accept-Language': 'en' });
    expect(english.headers['set-cookie']).toBeUndefined();
    expect(english.headers['cache-control']).toBe('public, s-maxage=10, stale-while-revalidate=30');
    expect(english.headers['x-cache-status']).toBe('MISS');
    expect((await get(target2)).headers['x-cache-status']).toBe('HIT');
  });
});
