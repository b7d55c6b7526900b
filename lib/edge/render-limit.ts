// At most a few requests that render per request (searches, filters, the APIs) run at once; the
// others wait in arrival order, and one whose client has gone meanwhile is never started.
// Why: Next starts every request at once and cannot stop a render whose client left. Under more
// load than the server can answer (32 clients searching 10,000 entries), clients give up, ask
// again, and the abandoned renders pile up: each holds its search result, so memory grew past
// 700 MB while nothing was answered. Cached pages, static files and posts never wait here.

/** Requests that Next probably renders per request: GET/HEAD with search parameters, or an API. */
export function rendersPerRequest(method: string, target: string): boolean {
  if (method !== 'GET' && method !== 'HEAD') return false;
  const queryStart = target.indexOf('?');
  const pathname = queryStart === -1 ? target : target.slice(0, queryStart);
  if (pathname.startsWith('/_next/')) return false;
  if (pathname.startsWith('/api/')) return true;
  if (queryStart === -1) return false;
  // A client-side navigation's RSC request (?_rsc=…) of a cached page is served from the cache.
  const names = [...new URLSearchParams(target.slice(queryStart + 1)).keys()];
  return names.some((name) => name !== '_rsc');
}

export interface RenderLimiter {
  /**
   * Runs `task` once fewer than the limit run; resolves false without running it when `isGone()`
   * says the client left while it waited.
   */
  run(isGone: () => boolean, task: () => Promise<void>): Promise<boolean>;
  readonly active: number;
  readonly waiting: number;
}

export function createRenderLimiter(limit: number): RenderLimiter {
  if (!Number.isInteger(limit) || limit < 1) throw new Error(`Ungültige Grenze gleichzeitiger Anfragen: ${limit}`);
  let active = 0;
  const queue: (() => void)[] = [];
  const next = () => {
    const wake = queue.shift();
    if (wake) wake();
    else active--;
  };
  return {
    async run(isGone, task) {
      // A finished task hands its slot to the next waiting one (active stays the same).
      if (active < limit) active++;
      else await new Promise<void>((resolve) => queue.push(resolve));
      if (isGone()) {
        next();
        return false;
      }
      try {
        await task();
      } finally {
        next();
      }
      return true;
    },
    get active() {
      return active;
    },
    get waiting() {
      return queue.length;
    },
  };
}
