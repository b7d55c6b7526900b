// The public read cache: one database read per key until an edit expires its tag; an edit that
// happens while a read is under way is never hidden by that read's (older) result; no clock decides.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DIRECTORY_TAG, expireCache, PAGES_TAG } from '@/lib/cache';
import { cachedPublicRead } from '@/lib/data/public-cache';

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

function reader(tags = [DIRECTORY_TAG] as Parameters<typeof cachedPublicRead>[2]) {
  const read = vi.fn(async (slug: string) => ({ slug, value: database, at: new Date(0) }));
  return { read, cached: cachedPublicRead(read, [`test-${++counter}`], tags) };
}

describe('cachedPublicRead', () => {
  it('reads the database once per key and hands out JSON copies', async () => {
    const { read, cached } = reader();
    const first = await cached('a');
    first.value = 'changed by a caller';
    expect(await cached('a')).toEqual({ slug: 'a', value: 'v1', at: new Date(0).toISOString() });
    await cached('b');
    expect(read).toHaveBeenCalledTimes(2);
  });

  it('shows an edit at once after its tag expires, and only for that tag', async () => {
    const directory = reader([DIRECTORY_TAG]);
    const pages = reader([PAGES_TAG]);
    await directory.cached('a');
    await pages.cached('a');
    database = 'v2';
    expect((await directory.cached('a')).value).toBe('v1');
    expireCache([DIRECTORY_TAG]);
    expect((await directory.cached('a')).value).toBe('v2');
    expect((await pages.cached('a')).value).toBe('v1');
    expect(pages.read).toHaveBeenCalledTimes(1);
  });

  it('never serves a read that was under way when the tag expired', async () => {
    let release: () => void = () => {};
    const read = vi.fn(async () => {
      const seen = database;
      if (read.mock.calls.length === 1) await new Promise<void>((resolve) => (release = resolve));
      return seen;
    });
    const cached = cachedPublicRead(read, [`test-${++counter}`], [DIRECTORY_TAG]);
    const slow = cached();
    database = 'v2';
    expireCache([DIRECTORY_TAG]);
    release();
    expect(await slow).toBe('v1');
    expect(await cached()).toBe('v2');
  });

  it('expires whatever the wall clock does after the server started', async () => {
    const { cached } = reader();
    await cached('a');
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(Date.now() + 10 * 60_000);
    database = 'v2';
    expireCache();
    expect((await cached('a')).value).toBe('v2');
  });

  it('shares one read between concurrent requests and forgets failed reads', async () => {
    const read = vi.fn(async () => {
      if (read.mock.calls.length === 1) throw new Error('database down');
      return database;
    });
    const cached = cachedPublicRead(read, [`test-${++counter}`], [DIRECTORY_TAG]);
    await expect(Promise.all([cached(), cached()])).rejects.toThrow('database down');
    expect(read).toHaveBeenCalledTimes(1);
    expect(await cached()).toBe('v1');
  });

  it('reads directly outside the Next.js server (tests, scripts)', async () => {
    vi.unstubAllEnvs();
    const { read, cached } = reader();
    await cached('a');
    await cached('a');
    expect(read).toHaveBeenCalledTimes(2);
  });
});
