// The public read cache (lib/data/public-cache.ts) with its expiry in PostgreSQL (lib/cache.ts):
// one database read per key until an edit expires one of its tags; only the tags an edit names;
// two app instances on one database agree on the next call; a read under way during an edit is
// never served afterwards; no wall clock decides; db:restore and the seed expire everything.
// A second "instance" is a second copy of the module with its own process state (vi.resetModules).
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DIRECTORY_TAG, ENTRIES_TAG, entryTags, expireCache, organizationTag, pageTag } from '@/lib/cache';
import { db } from '@/lib/db';
import { cachedPublicRead } from '@/lib/data/public-cache';
import { expireAllCaches } from '@/scripts/db/expire-caches';

type CacheModule = typeof import('@/lib/data/public-cache');
type OrganizationsModule = typeof import('@/lib/data/organizations');

let counter = 0;
let database = 'v1';

beforeEach(() => {
  vi.stubEnv('NEXT_RUNTIME', 'nodejs');
  database = 'v1';
});
afterEach(() => {
  vi.unstubAllEnvs();
  vi.useRealTimers();
});

function reader(tags: Parameters<typeof cachedPublicRead>[2] = [DIRECTORY_TAG], module: Pick<CacheModule, 'cachedPublicRead'> = { cachedPublicRead }) {
  const read = vi.fn(async (slug: string) => ({ slug, value: database, at: new Date(0) }));
  return { read, cached: module.cachedPublicRead(read, [`test-${++counter}`], tags) };
}

// A second app instance: the same modules, evaluated again with their own process state.
async function secondInstance<T>(path: string): Promise<T> {
  const global = globalThis as { __nisPublicCache?: unknown };
  const first = global.__nisPublicCache;
  delete global.__nisPublicCache;
  vi.resetModules();
  try {
    return (await import(/* @vite-ignore */ path)) as T;
  } finally {
    global.__nisPublicCache = first;
  }
}

describe('cachedPublicRead with the expiry in PostgreSQL', () => {
  it('reads the database once per key and hands out JSON copies', async () => {
    const { read, cached } = reader();
    const first = await cached('a');
    first.value = 'changed by a caller';
    expect(await cached('a')).toEqual({ slug: 'a', value: 'v1', at: new Date(0).toISOString() });
    await cached('b');
    expect(read).toHaveBeenCalledTimes(2);
  });

  it('shows an edit at once after one of its tags expires, and only there', async () => {
    const entryA = reader([organizationTag('a')]);
    const entryB = reader([organizationTag('b')]);
    const list = reader([DIRECTORY_TAG]);
    const page = reader([pageTag('impressum')]);
    for (const r of [entryA, entryB, list, page]) await r.cached('x');
    database = 'v2';
    await expireCache(entryTags('a'));
    expect((await entryA.cached('x')).value).toBe('v2');
    expect((await list.cached('x')).value).toBe('v2');
    expect((await entryB.cached('x')).value).toBe('v1');
    expect((await page.cached('x')).value).toBe('v1');
    await expireCache([pageTag('impressum')]);
    expect((await page.cached('x')).value).toBe('v2');
    expect((await entryB.cached('x')).value).toBe('v1');
    // Vocabulary edits: every entry and every list.
    await expireCache(entryTags(null));
    expect((await entryB.cached('x')).value).toBe('v2');
  });

  it('tags computed from the result; a read of an entry carries the tag of all entries', async () => {
    const read = vi.fn(async (id: string) => ({ id, value: database }));
    const cached = cachedPublicRead(read, [`test-${++counter}`], (result) => [organizationTag(result.id)]);
    await cached('c');
    database = 'v2';
    await expireCache([organizationTag('d')]);
    expect((await cached('c')).value).toBe('v1');
    await expireCache([ENTRIES_TAG]);
    expect((await cached('c')).value).toBe('v2');
    database = 'v3';
    await expireCache([organizationTag('c')]);
    expect((await cached('c')).value).toBe('v3');
    expect(read).toHaveBeenCalledTimes(3);
  });

  it('two instances on one database: an edit expired on one shows on the other at the next call', async () => {
    const other = await secondInstance<CacheModule>('@/lib/data/public-cache');
    expect(other.cachedPublicRead).not.toBe(cachedPublicRead);
    const key = [`shared-${++counter}`];
    const readHere = vi.fn(async () => database);
    const readThere = vi.fn(async () => database);
    const here = cachedPublicRead(readHere, key, [organizationTag('e')]);
    const there = other.cachedPublicRead(readThere, key, [organizationTag('e')]);
    expect([await here(), await there()]).toEqual(['v1', 'v1']);
    database = 'v2';
    // Each instance keeps its copy until the shared expiry.
    expect([await here(), await there()]).toEqual(['v1', 'v1']);
    await expireCache(entryTags('e'));
    expect([await there(), await here()]).toEqual(['v2', 'v2']);
    expect(readHere).toHaveBeenCalledTimes(2);
    expect(readThere).toHaveBeenCalledTimes(2);
  });

  it('keeps at most PUBLIC_CACHE_MAX_MB of values: the least recently used go first, a huge one is not kept', async () => {
    // 0.002 MB: 2,097 characters of JSON; a quarter of it (524) is the largest value kept.
    vi.stubEnv('PUBLIC_CACHE_MAX_MB', '0.002');
    const small = await secondInstance<CacheModule>('@/lib/data/public-cache');
    const read = vi.fn(async (key: string) => `${key}:${'x'.repeat(440)}`);
    const cached = small.cachedPublicRead(read, [`bounded-${++counter}`], [DIRECTORY_TAG]);
    // Four values (about 1,800 characters) fit; "a" is used again, so "b" is the oldest.
    for (const key of ['a', 'b', 'c', 'd', 'a']) await cached(key);
    expect(read).toHaveBeenCalledTimes(4);
    await cached('e');
    read.mockClear();
    for (const key of ['a', 'c', 'd', 'e']) await cached(key);
    expect(read).not.toHaveBeenCalled();
    await cached('b');
    expect(read).toHaveBeenCalledTimes(1);

    const huge = vi.fn(async () => 'x'.repeat(600));
    const cachedHuge = small.cachedPublicRead(huge, [`bounded-${++counter}`], [DIRECTORY_TAG]);
    expect(await cachedHuge()).toHaveLength(600);
    await cachedHuge();
    expect(huge).toHaveBeenCalledTimes(2);
  });

  it('never serves a read that was under way when its tag expired', async () => {
    let release: () => void = () => {};
    const read = vi.fn(async () => {
      const seen = database;
      if (read.mock.calls.length === 1) await new Promise<void>((resolve) => (release = resolve));
      return seen;
    });
    const cached = cachedPublicRead(read, [`test-${++counter}`], [DIRECTORY_TAG]);
    const slow = cached();
    await vi.waitFor(() => expect(read).toHaveBeenCalledTimes(1), { timeout: 15_000 });
    database = 'v2';
    await expireCache([DIRECTORY_TAG]);
    release();
    expect(await slow).toBe('v1');
    expect(await cached()).toBe('v2');
  });

  it('expires whatever the wall clock does', async () => {
    const { cached } = reader();
    await cached('a');
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(Date.now() - 10 * 60_000);
    database = 'v2';
    await expireCache([DIRECTORY_TAG]);
    expect((await cached('a')).value).toBe('v2');
  });

  it('shares a read under way with later calls and forgets failed reads', async () => {
    // A call that arrives while the read is under way gets its result (shared, or stored by then):
    // never a second database read. Deterministic: the test decides when the read finishes.
    let finish: (value: string) => void = () => {};
    const slow = vi.fn(() => new Promise<string>((resolve) => (finish = resolve)));
    const shared = cachedPublicRead(slow, [`test-${++counter}`], [DIRECTORY_TAG]);
    const first = shared();
    await vi.waitFor(() => expect(slow).toHaveBeenCalledTimes(1), { timeout: 15_000 });
    const second = shared();
    finish('v1');
    expect(await Promise.all([first, second])).toEqual(['v1', 'v1']);
    expect(await shared()).toBe('v1');
    expect(slow).toHaveBeenCalledTimes(1);

    // A failed read is not kept: the next call reads again.
    const failing = vi.fn(async () => {
      if (failing.mock.calls.length === 1) throw new Error('database down');
      return database;
    });
    const cached = cachedPublicRead(failing, [`test-${++counter}`], [DIRECTORY_TAG]);
    await expect(cached()).rejects.toThrow('database down');
    expect(await cached()).toBe('v1');
    expect(failing).toHaveBeenCalledTimes(2);
  });

  it('db:restore and the seed expire everything, in every instance', async () => {
    const other = await secondInstance<CacheModule>('@/lib/data/public-cache');
    const here = reader([organizationTag('f')]);
    const there = reader([pageTag('g')], other);
    await here.cached('a');
    await there.cached('a');
    database = 'v2';
    await expireAllCaches({ url: process.env.DATABASE_URL!, root: '/nonexistent' });
    expect((await here.cached('a')).value).toBe('v2');
    expect((await there.cached('a')).value).toBe('v2');
  });

  it('reads directly outside the Next.js server (tests, scripts)', async () => {
    vi.unstubAllEnvs();
    const { read, cached } = reader();
    await cached('a');
    await cached('a');
    expect(read).toHaveBeenCalledTimes(2);
  });
});

describe('the actor page read, two instances', () => {
  it('publish, archive and a withdrawn contact: the other instance shows each at once; other entries stay cached', async () => {
    const [one, two] = await Promise.all([
      db.organization.create({ data: { name: 'Beispiel Eins', slug: `beispiel-eins-${counter}`, status: 'DRAFT' }, select: { id: true, slug: true } }),
      db.organization.create({ data: { name: 'Beispiel Zwei', slug: `beispiel-zwei-${counter}`, status: 'PUBLISHED' }, select: { id: true, slug: true } }),
    ]);
    const contact = await db.contactPerson.create({
      data: { organizationId: one.id, role: 'Beratung', name: 'Erika Beispiel (Beispieldaten)', visibility: 'PUBLIC', consentGivenAt: new Date() },
      select: { id: true },
    });
    const a = await import('@/lib/data/organizations');
    const b = await secondInstance<OrganizationsModule>('@/lib/data/organizations');
    const pageOn = (instance: OrganizationsModule, slug: string) => instance.getPublicOrganizationPage({ slug, locale: 'de' });

    expect(await pageOn(b, one.slug)).toBeNull();
    expect((await pageOn(b, two.slug))?.name.value).toBe('Beispiel Zwei');

    // Publish on instance A (write, then the action's expiry).
    await db.organization.update({ where: { id: one.id }, data: { status: 'PUBLISHED' } });
    await expireCache(entryTags(one.id));
    expect(JSON.stringify((await pageOn(b, one.slug))?.contacts)).toContain('Erika Beispiel (Beispieldaten)');
    expect((await pageOn(a, one.slug))?.name.value).toBe('Beispiel Eins');

    // Withdrawn consent: gone from the page on both.
    const { withdrawConsent } = await import('@/lib/data/personal-data');
    const { createAdminActor } = await import('./helpers/admin-actors');
    const { organizationId } = await withdrawConsent({ actor: await createAdminActor(), contactId: contact.id });
    expect(organizationId).toBe(one.id);
    await expireCache(entryTags(organizationId));
    expect((await pageOn(b, one.slug))?.contacts).toEqual([]);
    expect((await pageOn(a, one.slug))?.contacts).toEqual([]);

    // An edit to entry one leaves entry two's cached page alone (written here without expiry,
    // so only a cached copy can still show the old name).
    await db.organization.update({ where: { id: two.id }, data: { name: 'Beispiel Zwei, umbenannt' } });
    await db.organization.update({ where: { id: one.id }, data: { status: 'ARCHIVED' } });
    await expireCache(entryTags(one.id));
    expect(await pageOn(b, one.slug)).toBeNull();
    expect(await pageOn(a, one.slug)).toBeNull();
    expect((await pageOn(b, two.slug))?.name.value).toBe('Beispiel Zwei');
    await expireCache(entryTags(two.id));
    expect((await pageOn(b, two.slug))?.name.value).toBe('Beispiel Zwei, umbenannt');
  });
});
