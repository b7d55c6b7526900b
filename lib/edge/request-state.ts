// What the app tells the edge server about the request it is answering: whether the database was
// unreachable, and which full-route cache entries answered it (lib/next-cache-handler.mjs records
// them for the edge's response cache, lib/edge/response-cache.ts). The edge runs Next's handler inside this AsyncLocalStorage; both live in one process
// but in different module graphs (tsx and Next's bundle), so the storage is kept on globalThis.
import { AsyncLocalStorage } from 'node:async_hooks';

/** A page-level entry of Next's full-route cache, as lib/next-cache-handler.mjs records it; opaque here. */
export interface PageEntryRef {
  key: string;
  entry: object;
  extraTags: string[];
  /** get(): the request was answered from it; set(): the request rendered and stored it. */
  via: 'get' | 'set';
}

export interface EdgeRequestState {
  databaseUnavailable: boolean;
  pageEntries?: PageEntryRef[];
}

interface DatabaseHealth {
  lastFailureAt: number;
  lastSuccessAt: number;
}

const STORAGE = Symbol.for('netzwerk.edge.requestState');
const HEALTH = Symbol.for('netzwerk.edge.databaseHealth');
const holder = globalThis as unknown as { [STORAGE]?: AsyncLocalStorage<EdgeRequestState>; [HEALTH]?: DatabaseHealth };

export function requestStateStorage(): AsyncLocalStorage<EdgeRequestState> {
  return (holder[STORAGE] ??= new AsyncLocalStorage<EdgeRequestState>());
}

function health(): DatabaseHealth {
  return (holder[HEALTH] ??= { lastFailureAt: 0, lastSuccessAt: 0 });
}

export function reportDatabaseUnavailable(): void {
  health().lastFailureAt = Date.now();
  const state = requestStateStorage().getStore();
  if (state) state.databaseUnavailable = true;
}

export function reportDatabaseAvailable(): void {
  health().lastSuccessAt = Date.now();
}

/** True while the last database contact failed and that failure is at most `withinMs` old. */
export function isDatabaseDown(withinMs: number, now = Date.now()): boolean {
  const { lastFailureAt, lastSuccessAt } = health();
  return lastFailureAt > lastSuccessAt && now - lastFailureAt <= withinMs;
}
