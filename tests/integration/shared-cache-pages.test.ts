// Next's full-route cache handler (lib/next-cache-handler.mjs) with the expiry in PostgreSQL: a
// cached page is served until an edit expires one of its tags (the tags its reads reported, in
// x-next-cache-tags), and only then; another instance on the same database agrees on its next
// request; a render racing an edit is not stored as fresh; the seed/restore epoch drops everything.
// Next creates one handler per request: so does this test. A second "instance" is a second copy
// of the module with its own process state.
import { afterAll, describe, expect, it, vi } from 'vitest';
import { DIRECTORY_TAG, entryTags, expireCache, organizationTag, pageTag } from '@/lib/cache';
import { db } from '@/lib/db';
import { EXPIRE_ALL_SQL } from '@/scripts/db/expire-caches';

interface Handler {
  get(key: string, ctx: object): Promise<{ value: { html?: string } } | null>;
  set(key: string, data: object | null, ctx: object): Promise<void>;
}
type HandlerClass = new () => Handler;

let counter = 0;
// Every instance's state, to close its database pool at the end.
const states: { pool: { end(): Promise<void> } | null }[] = [];
const PAGE_CTX = { kind: 'APP_PAGE', isRoutePPREnabled: false, isFallback: false };

async function loadInstance(): Promise<HandlerClass> {
  const global = globalThis as { __nisPageCache?: unknown };
  delete global.__nisPageCache;
  vi.resetModules();
  const loaded = (await import(/* @vite-ignore */ `@/lib/next-cache-handler.mjs?instance=${++counter}`)) as { default: HandlerClass };
  states.push(global.__nisPageCache as (typeof states)[number]);
  return loaded.default;
}

function page(html: string, tags: string[]) {
  return { kind: 'APP_PAGE', html, rscData: Buffer.from(html), headers: { 'x-next-cache-tags': [...tags, '_N_T_/layout'].join(',') }, status: 200 };
}

// One request that misses, renders and stores (the clock is read at the miss, before rendering).
async function render(Handler: HandlerClass, key: string, html: string, tags: string[], during?: () => Promise<void>): Promise<void> {
  const handler = new Handler();
  expect(await handler.get(key, PAGE_CTX)).toBeNull();
  await during?.();
  await handler.set(key, page(html, tags), { ...PAGE_CTX, cacheControl: { revalidate: false, expire: undefined } });
}

async function served(Handler: HandlerClass, key: string): Promise<string | null> {
  return (await new Handler().get(key, PAGE_CTX))?.value.html ?? null;
}

const key = (name: string) => `/de/${name}-${counter}-${Math.random()}`;

afterAll(async () => {
  await Promise.all(states.map((state) => state.pool?.end()));
});

describe('the full-route cache handler with the expiry in PostgreSQL', () => {
  it('serves a page until one of its tags expires; an edit to one entry leaves other pages cached', async () => {
    const Handler = await loadInstance();
    const [pageA, pageAr, pageB, list, impressum] = [key('a'), key('a-ar'), key('b'), key('akteure'), key('impressum')];
    await render(Handler, pageA, 'A', [organizationTag('a')]);
    await render(Handler, pageAr, 'A ar', [organizationTag('a')]);
    await render(Handler, pageB, 'B', [organizationTag('b')]);
    await render(Handler, list, 'Liste', [DIRECTORY_TAG]);
    await render(Handler, impressum, 'Impressum', [pageTag('impressum')]);
    for (const [path, html] of [[pageA, 'A'], [pageAr, 'A ar'], [pageB, 'B'], [list, 'Liste'], [impressum, 'Impressum']]) {
      expect(await served(Handler, path)).toBe(html);
    }
    await expireCache(entryTags('a'));
    expect(await served(Handler, pageA)).toBeNull();
    expect(await served(Handler, pageAr)).toBeNull();
    expect(await served(Handler, list)).toBeNull();
    expect(await served(Handler, pageB)).toBe('B');
    expect(await served(Handler, impressum)).toBe('Impressum');
  });

  it('two instances on one database: an expiry by either shows on the other at its next request', async () => {
    const one = await loadInstance();
    const oneState = (globalThis as { __nisPageCache?: unknown }).__nisPageCache;
    const two = await loadInstance();
    const twoState = (globalThis as { __nisPageCache?: unknown }).__nisPageCache;
    expect(twoState).not.toBe(oneState);
    const path = key('zwei-instanzen');
    // Each instance keeps its own copy (its state is on globalThis while it runs).
    const as = async <T,>(state: unknown, run: () => Promise<T>) => {
      (globalThis as { __nisPageCache?: unknown }).__nisPageCache = state;
      return run();
    };
    await as(oneState, () => render(one, path, 'eins', [organizationTag('x')]));
    await as(twoState, () => render(two, path, 'zwei', [organizationTag('x')]));
    expect(await as(twoState, () => served(two, path))).toBe('zwei');
    await expireCache([organizationTag('x')]);
    expect(await as(oneState, () => served(one, path))).toBeNull();
    expect(await as(twoState, () => served(two, path))).toBeNull();
  });

  it('a render that raced an edit is not stored as fresh', async () => {
    const Handler = await loadInstance();
    const path = key('rennen');
    // The edit commits after the request read the clock and before its render is stored.
    await render(Handler, path, 'alt', [organizationTag('rennen')], () => expireCache(entryTags('rennen')));
    expect(await served(Handler, path)).toBeNull();
    await render(Handler, path, 'neu', [organizationTag('rennen')]);
    expect(await served(Handler, path)).toBe('neu');
  });

  it('data entries (unstable_cache, fetch) expire by their own tags', async () => {
    const Handler = await loadInstance();
    const path = key('daten');
    const ctx = { kind: 'FETCH', tags: [pageTag('daten')], softTags: [] };
    const handler = new Handler();
    expect(await handler.get(path, ctx)).toBeNull();
    await handler.set(path, { kind: 'FETCH', data: { headers: {}, body: '"x"', status: 200, url: '' }, revalidate: false }, ctx);
    expect(await new Handler().get(path, ctx)).not.toBeNull();
    await expireCache([pageTag('daten')]);
    expect(await new Handler().get(path, ctx)).toBeNull();
  });

  it('db:restore and the seed (a new epoch) drop every page', async () => {
    const Handler = await loadInstance();
    const path = key('epoche');
    await render(Handler, path, 'vorher', ['unrelated-tag']);
    expect(await served(Handler, path)).toBe('vorher');
    await db.$executeRawUnsafe(EXPIRE_ALL_SQL);
    expect(await served(Handler, path)).toBeNull();
  });

  it('stores nothing for a request that never read the clock', async () => {
    const Handler = await loadInstance();
    const path = key('ohne-uhr');
    await new Handler().set(path, page('x', []), PAGE_CTX);
    expect(await served(Handler, path)).toBeNull();
  });
});
