// The anonymous search log for searches served from the full-route cache. A cached search page
// does not render, so it cannot log itself: proxy.ts reports every visit of a search page
// (`searchVisited`) and the page, whenever it renders, reports its result count
// (`searchRendered`, with the function that writes the log entry for its query and result count).
// The visit is logged as the page's latest render in this process saw it, which is the page the
// visitor got from this process's cache; a first visit waits for that render. Proxy and pages are bundled
// separately but run in one Node.js process: the state lives on globalThis.
// Pure module (no database, no Next.js): the page passes the log write in.

type Log = () => Promise<void>;

interface State {
  logs: Map<string, Log>;
  waiting: Map<string, ((log: Log) => void)[]>;
}

// Bounded: the least recently rendered searches are forgotten first (their next visit waits for
// the render that then follows anyway, or is not logged if the page stays cached that long).
const MAX_SEARCHES = 20_000;
// A visit whose page is not in this process's cache waits this long for its render.
const RENDER_WAIT_MS = 30_000;
// A visit of a known search is logged after this delay, so that a render it caused (the entry was
// expired by an edit) reports the count the visitor saw.
const SETTLE_MS = 1_000;

const state: State = ((globalThis as { __nisSearchHits?: State }).__nisSearchHits ??= { logs: new Map(), waiting: new Map() });

const keyOf = (locale: string, search: string) => `${locale}?${search}`;

/** The page rendered a search (canonical search string); `log` writes one entry as it showed it. */
export function searchRendered(locale: string, search: string, log: Log): void {
  const key = keyOf(locale, search);
  state.logs.delete(key);
  state.logs.set(key, log);
  if (state.logs.size > MAX_SEARCHES) state.logs.delete(state.logs.keys().next().value!);
  const waiting = state.waiting.get(key);
  state.waiting.delete(key);
  for (const resolve of waiting ?? []) resolve(log);
}

function rendered(key: string, ms: number): Promise<Log | undefined> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      const list = state.waiting.get(key)?.filter((waiter) => waiter !== done);
      if (list?.length) state.waiting.set(key, list);
      else state.waiting.delete(key);
      resolve(undefined);
    }, ms);
    timer.unref?.();
    const done = (log: Log) => {
      clearTimeout(timer);
      resolve(log);
    };
    state.waiting.set(key, [...(state.waiting.get(key) ?? []), done]);
  });
}

/** A visitor asked for a search page (the canonical search); resolves once it is logged. */
export async function searchVisited(locale: string, search: string, settleMs = SETTLE_MS, waitMs = RENDER_WAIT_MS): Promise<void> {
  const key = keyOf(locale, search);
  let log: Log | undefined;
  if (state.logs.has(key)) {
    await new Promise((resolve) => setTimeout(resolve, settleMs).unref?.());
    log = state.logs.get(key);
  } else {
    log = await rendered(key, waitMs);
  }
  await log?.().catch((error: unknown) => console.error('Suchprotokoll: nicht geschrieben', error));
}
