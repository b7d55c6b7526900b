// Paint first, then run the framework: rewrites the HTML of a page so that Next's script chunks are
// downloaded as before but run only after the browser has painted the page's first frame
// (docs/performance.md "Lighthouse").
//
// Why: Next (React's Fizz) writes its chunks as `<script src="/_next/static/…" async>`. They arrive
// while the page is still waiting for its CSS, and each one runs as soon as it is there: Next's and
// React's start (module instantiation, RSC payload decoding, hydration) keeps the main thread busy
// exactly when the first frame is due. Chromium's compositor cannot draw before the first commit,
// so it leaves the display compositor's BeginFrames unanswered, which then treats the renderer as
// unresponsive and offers it frames only once a second (GoogleChrome/lighthouse#17148): the page,
// which was ready after ~250 ms, appears after 1.3-2.3 s, and Lighthouse counts every script before
// that paint into LCP. A slow phone shows the server-rendered page sooner, too.
//
// How: each such tag becomes a one-line inline script that queues the chunk. The first one also
// carries the loader: once the browser reports the first contentful paint it inserts the queued
// chunks as async scripts, and every chunk queued later at once. A hidden page (background tab,
// prerendering) has no frame to wait for and starts at once; a timer starts it anyway should no
// paint come. The chunks are not preloaded: a download streams into V8's background compiler
// (eagerly, with the compile hint of scripts/perf/compile-hints.ts), and on a 2-core machine that
// took the CPU from the first frame's layout (an Arabic search page: 65 ms instead of ~20, enough
// for the throttling above). The chunks run in the page's order (async=false: downloaded in
// parallel, run in order), with Turbopack's runtime last: as async scripts they ran in the order they
// arrived, and when the runtime and Next's main files ran before a page chunk had come, React
// rendered the tree again and again until it came (2,800-3,300 scheduler tasks, 0.9-1.2 s of
// script in Chromium traces when the last page chunk came 1.2 s late; 8-12 tasks in order). The inline scripts get the CSP nonce like any other tag
// (nonce.ts); the scripts they insert are allowed by 'strict-dynamic'. Scripts written any other
// way (inline, module, with other attributes, from elsewhere) stay as they are.
//
// Streams: a tag cut between chunks is held back until it is complete. As in nonce.ts, every
// "<script" in Next's HTML is a real tag (React escapes "<" in text and attributes, Next writes it
// as \u003c inside its inline payloads).

import { heldBackStream } from './nonce.ts';

const CHUNK_PREFIX = '/_next/static/';
const QUEUE = 'self.__nisPaintFirst';
// Should no frame come (a page hidden right after it started loading), the chunks run after this.
const PAINT_FIRST_FALLBACK_MS = 3_000;

// Controls a tap on which needs the app, not the browser: every button that does not submit or reset
// its form, an <input type="button">, role="button" without a link, and anything marked
// data-needs-js. Links and submit buttons work without the app and are left to the browser.
const NEEDS_APP = 'button,input[type=button],[role=button]:not([href]),[data-needs-js]';
// While a tap waits for the app: how often the loader looks whether React has hydrated, and for
// how long at most (the app failed: the taps are dropped, as they would have been without it).
const REPLAY_POLL_MS = 25;
const REPLAY_POLL_MAX = 2_400;
// Turbopack's runtime chunk (the last of Next's root main files): it starts the app, so it runs after
// every other queued chunk (see start() below).
const RUNTIME_CHUNK = String(/\/turbopack-[^/]*\.js/);

// start() inserts the queued chunks and makes every later push insert its chunk at once. It runs when
// the browser reports the first contentful paint (a paint entry is delivered once the frame is
// presented; where there are none, two animation frames later), at once for a hidden page, on the
// visitor's first input (pointerdown, touchstart, keydown, focusin), and after the fallback time in
// any case.
//
// No early tap is lost: until React has hydrated the page, a click (also the one a key press on a
// focused button makes) on a control that needs the app is held in the capture phase before
// anything sees it, and replayed with element.click() once it has (each control once: a second
// impatient tap on a toggle should not close it again). "Hydrated": React's root on `document`
// (Next's hydrateRoot(document), whose container key starts with __reactContainer$) no longer
// marked dehydrated; should React's internals change, a root counts as soon as it exists, and React
// then hydrates synchronously for the replayed click itself (react-dom's dispatchEvent).
const LOADER =
  `(function(w,d){var q=w.__nisPaintFirst=w.__nisPaintFirst||[],go=0,up=0,held=[],tries=0,P=w.PerformanceObserver,` +
  `I=["pointerdown","touchstart","keydown","focusin"],O={capture:true,passive:true},R=${RUNTIME_CHUNK};` +
  `function add(a){var s=d.createElement("script");s.src=a[0];if(a[1])s.integrity=a[1];if(a[2]!=null)s.crossOrigin=a[2];s.async=false;d.head.appendChild(s)}` +
  `function start(){if(go)return;go=1;I.forEach(function(t){w.removeEventListener(t,start,O)});q.filter(function(a){return !R.test(a[0])}).concat(q.filter(function(a){return R.test(a[0])})).forEach(add);q.push=function(a){add(a);return 0}}` +
  `function app(){if(up)return 1;var k=Object.keys(d).filter(function(n){return n.indexOf("__reactContainer$")===0})[0],r=k&&d[k],m=r&&r.stateNode&&r.stateNode.current&&r.stateNode.current.memoizedState;return up=k&&!(m&&m.isDehydrated)?1:0}` +
  `function replay(){if(!app()){if(++tries<${REPLAY_POLL_MAX})setTimeout(replay,${REPLAY_POLL_MS});else held=[];return}var h=held;held=[];h.forEach(function(e){if(e.isConnected)e.click()})}` +
  `I.forEach(function(t){w.addEventListener(t,start,O)});` +
  `w.addEventListener("click",function(v){if(up||app())return;var e=v.target&&v.target.closest&&v.target.closest(${JSON.stringify(NEEDS_APP)});` +
  `if(!e||e.disabled||e.form&&(e.type==="submit"||e.type==="reset")&&!e.hasAttribute("data-needs-js"))return;` +
  `v.preventDefault();v.stopImmediatePropagation();start();if(held.indexOf(e)<0&&held.push(e)===1)replay()},true);` +
  `if(d.visibilityState!=="visible")start();` +
  `else{setTimeout(start,${PAINT_FIRST_FALLBACK_MS});` +
  `if(P&&P.supportedEntryTypes&&P.supportedEntryTypes.indexOf("paint")>=0)new P(function(l,o){if(l.getEntriesByName("first-contentful-paint").length){o.disconnect();start()}}).observe({type:"paint",buffered:true});` +
  `else w.requestAnimationFrame(function(){w.requestAnimationFrame(function(){setTimeout(start,0)})})}})(self,document);`;

const SCRIPT_TAG = /<script\b([^>]*)><\/script>/gi;
const ATTRIBUTE = /\s+([a-zA-Z][a-zA-Z0-9-]*)(?:="([^"]*)")?/y;
// React marks the end of the shell with an id on its bootstrap script (`id="_R_"`, for
// `<link rel="expect">`): it moves to the inline script that takes the tag's place.
const ALLOWED = new Set(['src', 'async', 'crossorigin', 'integrity', 'id']);

// The entities React writes into attribute values (escapeTextForBrowser).
const ENTITIES: Record<string, string> = { amp: '&', quot: '"', '#x27': "'", '#39': "'", lt: '<', gt: '>' };

function decodeAttribute(value: string): string {
  return value.replace(/&(amp|quot|#x27|#39|lt|gt);/g, (_, name: string) => ENTITIES[name]);
}

/** The attributes of an opening tag's attribute text, or undefined when it is not plain `name="value"` pairs. */
function parseAttributes(text: string): Map<string, string> | undefined {
  const attributes = new Map<string, string>();
  let at = 0;
  while (at < text.length) {
    ATTRIBUTE.lastIndex = at;
    const match = ATTRIBUTE.exec(text);
    if (!match) return text.slice(at).trim() === '' || text.slice(at).trim() === '/' ? attributes : undefined;
    attributes.set(match[1].toLowerCase(), match[2] ?? '');
    at = ATTRIBUTE.lastIndex;
  }
  return attributes;
}

/** The attributes of a script tag to defer (async, one of Next's chunks, nothing else set), else undefined. */
function deferrable(attributeText: string): Map<string, string> | undefined {
  const attributes = parseAttributes(attributeText);
  if (!attributes || !attributes.has('async') || !attributes.get('src')?.startsWith(CHUNK_PREFIX)) return undefined;
  for (const name of attributes.keys()) if (!ALLOWED.has(name)) return undefined;
  return attributes;
}

function jsString(value: string): string {
  return JSON.stringify(value).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}

export interface PaintFirstRewriter {
  push(chunk: Buffer): Buffer;
  end(): Buffer;
}

export function createPaintFirstRewriter(): PaintFirstRewriter {
  let loaderWritten = false;

  const replace = (text: string) =>
    text.replace(SCRIPT_TAG, (tag, attributeText: string) => {
      const attributes = deferrable(attributeText);
      if (!attributes) return tag;
      const src = attributes.get('src')!;
      const integrity = attributes.get('integrity');
      const crossOrigin = attributes.get('crossorigin');
      const entry = [jsString(decodeAttribute(src)), integrity !== undefined ? jsString(decodeAttribute(integrity)) : 'null', crossOrigin !== undefined ? jsString(decodeAttribute(crossOrigin)) : 'null'];
      const id = attributes.get('id');
      const loader = loaderWritten ? '' : LOADER;
      loaderWritten = true;
      return `<script${id !== undefined ? ` id="${id}"` : ''}>${loader}(${QUEUE}=${QUEUE}||[]).push([${entry.join(',')}])</script>`;
    });

  // Where the text must be cut: the start of a <script> tag that may still become one to rewrite.
  const heldBackFrom = (text: string) => {
    const lower = text.toLowerCase();
    const start = lower.lastIndexOf('<script');
    if (start !== -1) {
      const close = text.indexOf('>', start);
      if (close === -1) return start;
      if (deferrable(text.slice(start + '<script'.length, text[close - 1] === '/' ? close - 1 : close)) && lower.indexOf('</script>', close) === -1) return start;
    }
    const last = text.lastIndexOf('<');
    if (last !== -1 && text.length - last < '<script'.length && '<script'.startsWith(lower.slice(last))) return last;
    return text.length;
  };

  return heldBackStream(heldBackFrom, replace);
}
