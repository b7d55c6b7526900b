// Issue 12 point 4: Next's script chunks run after the first frame (lib/edge/paint-first.ts). The
// rewrite must find every chunk tag however the HTML is cut, and leave everything else alone.
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { createNonceStamper } from '@/lib/edge/nonce';
import { createPaintFirstRewriter } from '@/lib/edge/paint-first';

const html = Buffer.from(
  '<!DOCTYPE html><html><head><link rel="preload" as="script" fetchPriority="low" href="/_next/static/chunks/boot.js"/>' +
    '<script src="/_next/static/chunks/a.js" async=""></script><script src="/_next/static/chunks/b.js?v=1&amp;x=2" async=""></script>' +
    '<title>Grüße – مرحبا</title></head><body><p>&lt;script src=&quot;/_next/static/x.js&quot; async&gt;</p>' +
    '<script>self.__next_f.push([1,"\\u003cscript src=\\"/_next/static/y.js\\" async=\\"\\"\\u003e\\u003c/script\\u003e"])</script>' +
    '<script src="/_next/static/chunks/c.js" async="" crossorigin="anonymous" integrity="sha384-abc"></script>' +
    '<script src="/other.js" async=""></script><script src="/_next/static/chunks/sync.js"></script>' +
    '<script src="/_next/static/chunks/module.js" async="" type="module"></script><scripts></scripts>' +
    '<script src="/_next/static/chunks/boot.js" id="_R_" async=""></script></body></html>',
);

function rewriteInChunks(input: Buffer, size: number): string {
  const rewriter = createPaintFirstRewriter();
  const out: Buffer[] = [];
  for (let index = 0; index < input.length; index += size) out.push(rewriter.push(input.subarray(index, index + size)));
  out.push(rewriter.end());
  return Buffer.concat(out).toString('utf8');
}

describe('createPaintFirstRewriter', () => {
  const whole = rewriteInChunks(html, html.length);

  it("turns each of Next's async chunk tags into a queue entry, without a preload", () => {
    for (const src of ['/_next/static/chunks/a.js', '/_next/static/chunks/boot.js']) {
      expect(whole).toContain(`(self.__nisPaintFirst=self.__nisPaintFirst||[]).push(["${src}",null,null])</script>`);
      expect(whole).not.toContain(`<script src="${src}"`);
    }
    // Only React's own preload of the bootstrap script, none added.
    expect(whole.match(/rel="preload"/g)).toHaveLength(1);
    // Attribute entities decoded for the script; SRI and CORS carried over.
    expect(whole).toContain('push(["/_next/static/chunks/b.js?v=1&x=2",null,null])');
    expect(whole).toContain('push(["/_next/static/chunks/c.js","sha384-abc","anonymous"])');
    // React's end-of-shell marker stays in place, on the inline script.
    expect(whole).toContain('<script id="_R_">(self.__nisPaintFirst');
  });

  it('writes the loader once, into the first entry, and leaves every other tag and text alone', () => {
    expect(whole.match(/first-contentful-paint/g)).toHaveLength(1);
    expect(whole.indexOf('first-contentful-paint')).toBeLessThan(whole.indexOf('chunks/a.js",null'));
    for (const kept of [
      '<script src="/other.js" async=""></script>',
      '<script src="/_next/static/chunks/sync.js"></script>',
      '<script src="/_next/static/chunks/module.js" async="" type="module"></script>',
      '<p>&lt;script src=&quot;/_next/static/x.js&quot; async&gt;</p>',
      '\\u003cscript src=\\"/_next/static/y.js\\" async=\\"\\"\\u003e',
      '<scripts></scripts>',
      'Grüße – مرحبا',
    ]) {
      expect(whole).toContain(kept);
    }
    expect(whole.match(/<script src=/g)).toHaveLength(3);
  });

  it('gives the same HTML at every chunk size', () => {
    for (let size = 1; size <= 24; size++) expect(rewriteInChunks(html, size), `size ${size}`).toBe(whole);
  });

  it('leaves a page without chunk tags byte for byte unchanged', () => {
    const plain = Buffer.from('<html><body><script>self.x=1</script><p>Beratung <scr</p></body></html>');
    expect(rewriteInChunks(plain, 5)).toBe(plain.toString('utf8'));
  });

  it('needs no "<" in what it writes into inline scripts, and its tags get the nonce', () => {
    const hostile = Buffer.from('<script src="/_next/static/chunks/x.js?a=&lt;/script&gt;" async=""></script>');
    const rewritten = rewriteInChunks(hostile, hostile.length);
    expect(rewritten).toContain('push(["/_next/static/chunks/x.js?a=\\u003c/script>",null,null])');
    const stamper = createNonceStamper('bm9uY2U=');
    const stamped = Buffer.concat([stamper.push(Buffer.from(rewritten)), stamper.end()]).toString('utf8');
    expect(stamped.match(/<script nonce="bm9uY2U="/g)).toHaveLength(1);
  });
});

// The loader itself, run in a stand-in for the browser: the chunks start on the first input, and a
// click on a control that needs the app, made before React has hydrated, is held and replayed.
// (Which elements the selector matches is the browser's business: tests/e2e/early-tap.test.ts.)
describe('the loader', () => {
  type Listener = (event: FakeEvent) => void;
  interface FakeEvent {
    target: FakeElement;
    prevented: boolean;
    stopped: boolean;
    preventDefault(): void;
    stopImmediatePropagation(): void;
  }
  interface FakeElement {
    tag: string;
    type?: string;
    role?: string;
    href?: string;
    needsJs?: boolean;
    form?: object;
    isConnected: boolean;
    clicks: number;
    closest(selector: string): FakeElement | null;
    hasAttribute(name: string): boolean;
    click(): void;
  }

  function element(fields: Partial<FakeElement> & { tag: string }, clickHandler: (self: FakeElement) => void): FakeElement {
    const self: FakeElement = {
      isConnected: true,
      clicks: 0,
      ...fields,
      // The selector of NEEDS_APP, spelt out for these stand-ins.
      closest: (selector) => {
        expect(selector).toBe('button,input[type=button],[role=button]:not([href]),[data-needs-js]');
        const needsApp = self.tag === 'button' || (self.tag === 'input' && self.type === 'button') || (self.role === 'button' && !self.href) || self.needsJs === true;
        return needsApp ? self : null;
      },
      hasAttribute: (name) => name === 'data-needs-js' && self.needsJs === true,
      click: () => clickHandler(self),
    };
    return self;
  }

  const TWO_CHUNKS = '<script src="/_next/static/chunks/a.js" async=""></script><script src="/_next/static/chunks/b.js" async=""></script>';

  function boot(visibilityState = 'visible', html = TWO_CHUNKS) {
    const listeners = new Map<string, Listener[]>();
    const timers: { at: number; run: () => void }[] = [];
    let now = 0;
    const inserted: string[] = [];
    const asyncFlags: boolean[] = [];
    const document: Record<string, unknown> = {
      visibilityState,
      createElement: () => ({}),
      head: {
        appendChild: (script: { src: string; async: boolean }) => {
          inserted.push(script.src);
          asyncFlags.push(script.async);
        },
      },
    };
    const self = {
      addEventListener: (type: string, listener: Listener) => listeners.set(type, [...(listeners.get(type) ?? []), listener]),
      removeEventListener: (type: string, listener: Listener) => listeners.set(type, (listeners.get(type) ?? []).filter((l) => l !== listener)),
      requestAnimationFrame: () => 0,
    };
    // Runs the timers due within `ms`, earliest first, also those they set meanwhile.
    const advance = (ms: number) => {
      const end = now + ms;
      for (;;) {
        const due = timers.filter((timer) => timer.at <= end).sort((a, b) => a.at - b.at)[0];
        if (!due) break;
        timers.splice(timers.indexOf(due), 1);
        now = due.at;
        due.run();
      }
      now = end;
    };
    const setTimeout = (run: () => void, ms: number) => timers.push({ at: now + ms, run });
    const page = rewriteInChunks(Buffer.from(html), 1000);
    for (const [, code] of page.matchAll(/<script>(.*?)<\/script>/g)) runInNewContext(code, { self, document, setTimeout, Object });
    // A click as the browser dispatches it: our capture listener first, then (unless stopped) the page.
    const click = (target: FakeElement) => {
      const event: FakeEvent = {
        target,
        prevented: false,
        stopped: false,
        preventDefault: () => (event.prevented = true),
        stopImmediatePropagation: () => (event.stopped = true),
      };
      for (const listener of listeners.get('click') ?? []) listener(event);
      if (!event.stopped) target.clicks++;
      return event;
    };
    const input = (type: string) => (listeners.get(type) ?? []).forEach((listener) => listener({} as FakeEvent));
    // What Next's hydrateRoot(document) leaves on the document, before and after hydration.
    const hydrate = (isDehydrated: boolean) => {
      document['__reactContainer$abc'] = { stateNode: { current: { memoizedState: { isDehydrated } } } };
    };
    return { inserted, asyncFlags, click, input, advance, hydrate };
  }

  it("runs the chunks in the page's order with Turbopack's runtime last", () => {
    // Next writes its root main files (runtime last) before the page's chunks.
    const page = boot(
      'visible',
      '<script src="/_next/static/chunks/main.js" async=""></script><script src="/_next/static/chunks/turbopack-0abc.js" async=""></script>' +
        '<script src="/_next/static/chunks/page.js" async=""></script>',
    );
    page.input('pointerdown');
    expect(page.inserted).toEqual(['/_next/static/chunks/main.js', '/_next/static/chunks/page.js', '/_next/static/chunks/turbopack-0abc.js']);
    // async=false: downloaded in parallel, run in the order inserted.
    expect(page.asyncFlags).toEqual([false, false, false]);
  });

  it('starts the chunks on the first input, before any paint, and only once', () => {
    for (const type of ['pointerdown', 'touchstart', 'keydown', 'focusin']) {
      const page = boot();
      expect(page.inserted).toEqual([]);
      page.input(type);
      expect(page.inserted, type).toEqual(['/_next/static/chunks/a.js', '/_next/static/chunks/b.js']);
      page.input('pointerdown');
      page.advance(5_000);
      expect(page.inserted).toHaveLength(2);
    }
    const hidden = boot('hidden');
    expect(hidden.inserted).toHaveLength(2);
    const idle = boot();
    idle.advance(3_000);
    expect(idle.inserted).toHaveLength(2);
  });

  it('holds a click on a control that needs the app until React has hydrated, then replays it once', () => {
    const page = boot();
    const opened: string[] = [];
    const map = element({ tag: 'button', type: 'button' }, (self) => opened.push('map') && page.click(self));
    const first = page.click(map);
    expect(first.prevented && first.stopped).toBe(true);
    expect(page.inserted).toHaveLength(2);
    // A second, impatient tap on the same toggle is not replayed again.
    page.click(map);
    page.advance(100);
    page.hydrate(true);
    page.advance(100);
    expect(opened).toEqual([]);
    page.hydrate(false);
    page.advance(25);
    expect(opened).toEqual(['map']);
    expect(map.clicks).toBe(1);
    // Once hydrated, clicks pass untouched.
    expect(page.click(map).prevented).toBe(false);
  });

  it('leaves links, submit and reset buttons of a form, and plain elements to the browser', () => {
    const page = boot();
    const form = {};
    for (const target of [
      element({ tag: 'a', href: '/en' }, () => {}),
      element({ tag: 'a', href: '/en', role: 'button' }, () => {}),
      element({ tag: 'button', type: 'submit', form }, () => {}),
      element({ tag: 'button', type: 'reset', form }, () => {}),
      element({ tag: 'input', type: 'submit', form }, () => {}),
      element({ tag: 'p' }, () => {}),
    ]) {
      const event = page.click(target);
      expect(event.prevented || event.stopped, JSON.stringify(target)).toBe(false);
    }
    for (const target of [
      element({ tag: 'button', type: 'submit' }, () => {}),
      element({ tag: 'input', type: 'button', form }, () => {}),
      element({ tag: 'div', role: 'button' }, () => {}),
      element({ tag: 'button', type: 'submit', form, needsJs: true }, () => {}),
    ]) {
      expect(page.click(target).prevented, JSON.stringify(target)).toBe(true);
    }
  });

  it('drops held clicks when the app never comes, instead of polling for ever', () => {
    const page = boot();
    const replayed: string[] = [];
    page.click(element({ tag: 'button', type: 'button' }, () => replayed.push('late')));
    page.advance(61_000);
    page.hydrate(false);
    page.advance(1_000);
    expect(replayed).toEqual([]);
  });
});
