// The edge's response cache (lib/edge/response-cache.ts) in front of a stand-in for Next that
// answers from the real full-route cache handler (lib/next-cache-handler.mjs, expiry by the shared
// clock in PostgreSQL): a page Next answered from its cache is answered again by the edge without
// Next, with its own nonce and otherwise Next's headers, until the entry behind it is expired,
// replaced or past its revalidate time; personal and Next-internal requests always reach Next.
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { expireCache, pageTag } from '@/lib/cache';
import { createEdgeHandler } from '@/scripts/server/edge';

interface Handler {
  get(key: string, ctx: object): Promise<{ value: { html: string; headers: Record<string, string> } } | null>;
  set(key: string, data: object | null, ctx: object): Promise<void>;
}
type HandlerClass = new () => Handler;

const PAGE_CTX = { kind: 'APP_PAGE', isRoutePPREnabled: false, isFallback: false };
const TAG = pageTag(`edge-${Math.random().toString(36).slice(2)}`);

let Handler: HandlerClass;
let state: { pool: { end(): Promise<void> } | null };
let content = 'Fassung 1';
let revalidate: number | false = false;
let nextCalls = 0;
let setCookie = false;

// Like Next: a HIT from the cache handler, else a render that is stored (MISS).
async function next(req: IncomingMessage, res: ServerResponse): Promise<void> {
  nextCalls++;
  const handler = new Handler();
  const key = req.url!;
  res.setHeader('X-Frame-Options', 'DENY');
  res.setHeader('Vary', 'rsc, next-router-state-tree, next-router-prefetch');
  res.setHeader('Content-Type', 'text/html; charset=utf-8');
  if (setCookie) res.setHeader('Set-Cookie', 'NEXT_LOCALE=de; Path=/');
  const cached = await handler.get(key, PAGE_CTX);
  if (cached) {
    res.setHeader('x-nextjs-cache', 'HIT');
    res.end(cached.value.html);
    return;
  }
  const html = `<!DOCTYPE html><html><head><link rel="preload" as="script" href="/a.js"/><script src="/a.js"></script></head><body><p>${content}</p><script>self.x=1</script></body></html>`;
  await handler.set(key, { kind: 'APP_PAGE', html, rscData: Buffer.from(html), headers: { 'x-next-cache-tags': TAG }, status: 200 }, { ...PAGE_CTX, cacheControl: { revalidate, expire: undefined } });
  res.setHeader('x-nextjs-cache', 'MISS');
  res.end(html);
}

const servers: http.Server[] = [];

async function startEdge(): Promise<string> {
  const server = http.createServer(createEdgeHandler({ handle: next, appUrl: 'http://localhost' }));
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

async function get(base: string, path: string, init: RequestInit = {}) {
  const before = nextCalls;
  const response = await fetch(base + path, { redirect: 'manual', ...init });
  const body = await response.text();
  return { response, body, byEdge: nextCalls === before, edgeHeader: response.headers.get('x-edge-cache') };
}

let base = '';

beforeAll(async () => {
  const global = globalThis as { __nisPageCache?: unknown };
  delete global.__nisPageCache;
  vi.resetModules();
  const instance = '@/lib/next-cache-handler.mjs?edge-response-cache';
  Handler = ((await import(/* @vite-ignore */ instance)) as { default: HandlerClass }).default;
  state = global.__nisPageCache as typeof state;
  base = await startEdge();
});

afterAll(async () => {
  for (const server of servers) server.closeAllConnections();
  await Promise.all(servers.map((server) => new Promise((resolve) => server.close(resolve))));
  await state?.pool?.end();
});

const path = (name: string) => `/de/${name}-${Math.random().toString(36).slice(2)}`;
const nonceOf = (response: Response) => /'nonce-([^']+)'/.exec(response.headers.get('content-security-policy') ?? '')?.[1];

describe('the edge response cache', () => {
  it('answers a page Next served from its cache itself, with a fresh nonce and the headers of Next\'s HIT', async () => {
    const page = path('seite');
    const miss = await get(base, page);
    expect(miss.response.headers.get('x-nextjs-cache')).toBe('MISS');
    // The MISS that stored the entry is kept: the next request does not reach Next.
    const first = await get(base, page);
    expect(first).toMatchObject({ byEdge: true, edgeHeader: 'HIT' });

    // A second edge (a restart of the edge's memory) next to the same full-route cache: Next's own
    // HIT first, then the edge's copy of it; byte for byte the same but for the nonce.
    const other = await startEdge();
    const fromNext = await get(other, page);
    expect(fromNext).toMatchObject({ byEdge: false, edgeHeader: null });
    expect(fromNext.response.headers.get('x-nextjs-cache')).toBe('HIT');
    const fromEdge = await get(other, page);
    expect(fromEdge).toMatchObject({ byEdge: true, edgeHeader: 'HIT' });

    const nonces = [nonceOf(fromNext.response), nonceOf(fromEdge.response), nonceOf(first.response)];
    expect(new Set(nonces).size).toBe(3);
    expect(fromEdge.body).toContain(`<script nonce="${nonces[1]}" src="/a.js">`);
    expect(fromEdge.body).toContain(`<link nonce="${nonces[1]}" rel="preload"`);
    expect(fromEdge.body.replaceAll(nonces[1]!, 'N')).toBe(fromNext.body.replaceAll(nonces[0]!, 'N'));
    const headers = (response: Response, nonce: string) =>
      Object.fromEntries([...response.headers].filter(([name]) => name !== 'date' && name !== 'x-edge-cache').map(([name, value]) => [name, value.replaceAll(nonce, 'N')]));
    expect(headers(fromEdge.response, nonces[1]!)).toEqual(headers(fromNext.response, nonces[0]!));
    expect(fromEdge.response.headers.get('cache-control')).toBe('public, s-maxage=10, stale-while-revalidate=30');

    // HEAD is answered from the GET's copy.
    const head = await get(base, page, { method: 'HEAD' });
    expect(head).toMatchObject({ byEdge: true, edgeHeader: 'HIT', body: '' });
  });

  it('sends the next request after an expiry to Next, which shows the edit', async () => {
    const page = path('bearbeitet');
    content = 'Fassung 1';
    await get(base, page);
    expect((await get(base, page)).byEdge).toBe(true);
    content = 'Fassung 2';
    await expireCache([TAG]);
    const after = await get(base, page);
    expect(after).toMatchObject({ byEdge: false, edgeHeader: null });
    expect(after.body).toContain('Fassung 2');
    const again = await get(base, page);
    expect(again).toMatchObject({ byEdge: true, edgeHeader: 'HIT' });
    expect(again.body).toContain('Fassung 2');
  });

  it('stops at the entry\'s revalidate time (Next serves it stale and renders it again)', async () => {
    const page = path('zeit');
    revalidate = 1;
    try {
      await get(base, page);
      expect((await get(base, page)).byEdge).toBe(true);
      await new Promise((resolve) => setTimeout(resolve, 1_100));
      expect((await get(base, page)).byEdge).toBe(false);
    } finally {
      revalidate = false;
    }
  });

  it('never answers signed-in, conditional, range or Next-internal requests, nor keeps answers that set a cookie', async () => {
    const page = path('umgehen');
    await get(base, page);
    expect((await get(base, page)).byEdge).toBe(true);
    const bypassing: Record<string, string>[] = [
      { cookie: 'next-auth.session-token=abc' },
      { cookie: '__Secure-next-auth.session-token.0=abc' },
      { cookie: '__prerender_bypass=1' },
      { rsc: '1' },
      { 'next-router-prefetch': '1' },
      { 'next-router-state-tree': '%5B%5D' },
      { 'if-none-match': 'W/"x"' },
      { range: 'bytes=0-10' },
    ];
    for (const headers of bypassing) {
      expect((await get(base, page, { headers })).byEdge, JSON.stringify(headers)).toBe(false);
    }
    expect((await get(base, `${page}?_rsc=abc`)).byEdge).toBe(false);
    expect((await get(base, page, { method: 'POST', body: 'x', headers: { 'content-type': 'text/plain' } })).byEdge).toBe(false);

    const personal = path('keks');
    setCookie = true;
    try {
      await get(base, personal);
      await get(base, personal);
      expect((await get(base, personal)).byEdge).toBe(false);
    } finally {
      setCookie = false;
    }
  });
});
