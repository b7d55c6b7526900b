// Public reads are cached (lib/data/public-cache.ts) under the current generation of their tags;
// every write that a visitor could see expires a tag by raising its generation, so that the change
// is public at once. The generations live in this server process (globalThis, because Next bundles
// each route separately); a restart begins with an empty cache.
export const DIRECTORY_TAG = 'directory';
export const PAGES_TAG = 'pages';

export type CacheTag = typeof DIRECTORY_TAG | typeof PAGES_TAG;

const generations: Map<CacheTag, number> = ((globalThis as { __nisCacheGenerations?: Map<CacheTag, number> }).__nisCacheGenerations ??= new Map());

export function cacheGeneration(tag: CacheTag): number {
  return generations.get(tag) ?? 0;
}

export function expireCache(tags: CacheTag[] = [DIRECTORY_TAG]): void {
  for (const tag of tags) generations.set(tag, cacheGeneration(tag) + 1);
}
