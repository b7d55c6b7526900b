// The edge's limit on per-request renders (lib/edge/render-limit.ts): searches, filters and APIs
// wait for a slot in arrival order; a request whose client left while it waited is never started.
import { describe, expect, it } from 'vitest';
import { createRenderLimiter, rendersPerRequest } from '@/lib/edge/render-limit';

function deferred(): { promise: Promise<void>; resolve: () => void } {
  let resolve = () => {};
  const promise = new Promise<void>((done) => (resolve = done));
  return { promise, resolve };
}

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('rendersPerRequest', () => {
  it('searches, filters and the APIs; not cached pages, their RSC requests, files or posts', () => {
    expect(rendersPerRequest('GET', '/de/akteure?q=Beratung')).toBe(true);
    expect(rendersPerRequest('GET', '/de/akteure?thema=beratung&_rsc=abc')).toBe(true);
    expect(rendersPerRequest('GET', '/api/v1/organizations')).toBe(true);
    expect(rendersPerRequest('HEAD', '/api/hsds/organizations?page=2')).toBe(true);
    expect(rendersPerRequest('GET', '/de/akteure')).toBe(false);
    expect(rendersPerRequest('GET', '/de')).toBe(false);
    expect(rendersPerRequest('GET', '/de/netzwerk?_rsc=1x2y')).toBe(false);
    expect(rendersPerRequest('GET', '/_next/static/chunks/app.js?v=1')).toBe(false);
    expect(rendersPerRequest('POST', '/de/akteure?q=x')).toBe(false);
  });
});

describe('createRenderLimiter', () => {
  it('runs at most the limit at once, the others in arrival order', async () => {
    const limiter = createRenderLimiter(2);
    const order: number[] = [];
    const gates = [deferred(), deferred(), deferred(), deferred()];
    const runs = gates.map((gate, index) =>
      limiter.run(
        () => false,
        async () => {
          order.push(index);
          await gate.promise;
        },
      ),
    );
    await tick();
    expect(order).toEqual([0, 1]);
    expect([limiter.active, limiter.waiting]).toEqual([2, 2]);
    gates[1].resolve();
    await tick();
    expect(order).toEqual([0, 1, 2]);
    for (const gate of gates) gate.resolve();
    expect(await Promise.all(runs)).toEqual([true, true, true, true]);
    expect([limiter.active, limiter.waiting]).toEqual([0, 0]);
  });

  it('never starts a request whose client left while it waited, and frees slots of failed tasks', async () => {
    const limiter = createRenderLimiter(1);
    const gate = deferred();
    const started: string[] = [];
    const first = limiter.run(() => false, async () => {
      started.push('first');
      await gate.promise;
      throw new Error('render failed');
    });
    let gone = false;
    const abandoned = limiter.run(() => gone, async () => void started.push('abandoned'));
    const later = limiter.run(() => false, async () => void started.push('later'));
    gone = true;
    gate.resolve();
    await expect(first).rejects.toThrow('render failed');
    expect(await abandoned).toBe(false);
    expect(await later).toBe(true);
    expect(started).toEqual(['first', 'later']);
    expect([limiter.active, limiter.waiting]).toEqual([0, 0]);
  });

  it('refuses a limit below one', () => {
    expect(() => createRenderLimiter(0)).toThrow();
    expect(() => createRenderLimiter(Number.NaN)).toThrow();
  });
});
