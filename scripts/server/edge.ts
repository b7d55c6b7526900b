// "The edge": our own small HTTP server around Next's request handler (Next's documented custom
// server). Everything that must hold for every response, whether Next rendered it now or serves it
// from its cache, happens here, outside rendering:
// - the client's IP address from the socket and TRUSTED_PROXIES, into a header it always overwrites;
// - requests with NUL or invalid UTF-8 in the URL or a text body: 400; bodies over the limit: 413;
//   unsafe methods from another site (Origin / Sec-Fetch-Site): 403;
// - a fresh CSP nonce per HTML response, stamped onto the <script> tags as they stream, and the
//   security headers (CSP, HSTS and Secure cookies when APP_URL is https);
// - a 5xx caused by an unreachable database becomes a 503 page (or JSON) that needs no database;
// - compression (Next's own is switched off in next.config.js: it would compress before stamping);
// - Cache-Control: public pages may be micro-cached by a proxy, signed-in ones never
//   (lib/edge/cache-control.ts);
// - the response cache: a public page Next answered from its full-route cache is answered again
//   here, without Next, while that cache entry is current (lib/edge/response-cache.ts).
import http, { IncomingMessage, type ServerResponse } from 'node:http';
import compression from 'compression';
import { CLIENT_IP_HEADER, markEdgeActive, parseTrustedProxies, resolveClientIp, type TrustedProxies } from '../../lib/edge/client-ip.ts';
import { sanitizeAuthRequest } from '../../lib/edge/auth-callback.ts';
import { edgeCacheControl, hasSessionCookie, isSignedInPath } from '../../lib/edge/cache-control.ts';
import { checkRequestBody, checkRequestTarget } from '../../lib/edge/input.ts';
import { createNonce, createNonceStamper, stampAt, type NonceStamper } from '../../lib/edge/nonce.ts';
import { createPaintFirstRewriter, type PaintFirstRewriter } from '../../lib/edge/paint-first.ts';
import { cachedApiRoute, cachedRoute, loggedSearchVisit } from '../../lib/edge/cached-routes.ts';
import {
  answeringEntry,
  createResponseCache,
  EDGE_CACHE_HEADER,
  maxBytesFromEnv,
  responseCacheKey,
  type ResponseCache,
  type StoredResponse,
} from '../../lib/edge/response-cache.ts';
import { searchVisited } from '../../lib/search/search-hits.ts';
import { createRenderLimiter, rendersPerRequest } from '../../lib/edge/render-limit.ts';
import { isDatabaseDown, requestStateStorage, type EdgeRequestState } from '../../lib/edge/request-state.ts';
import { edgeErrorResponse, type EdgeError, type EdgeResponse } from '../../lib/edge/responses.ts';
import { contentSecurityPolicy, nonDocumentPolicy, STRICT_TRANSPORT_SECURITY } from '../../lib/edge/security-headers.ts';

/** Request bodies larger than this are refused with 413 (Next's server actions allow 1 MB too). */
export const DEFAULT_BODY_LIMIT_BYTES = 1024 * 1024;

// Issue 12 adds uploads (sign language video): give such a path its own limit here and raise
// Next's `serverActions.bodySizeLimit` (next.config.js) to match.
export const BODY_LIMITS: { pattern: RegExp; bytes: number }[] = [];

export function bodyLimitFor(pathname: string): number {
  return BODY_LIMITS.find((limit) => limit.pattern.test(pathname))?.bytes ?? DEFAULT_BODY_LIMIT_BYTES;
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

// Endpoints that only answer some methods; anything else gets 405 here instead of an exception
// inside the library behind them (next-auth throws for GET on the credentials callback).
const METHOD_RULES: { pattern: RegExp; allow: string[] }[] = [{ pattern: /^\/api\/auth\/callback\/credentials\/?$/, allow: ['POST'] }];

// After refusing a body, read (and drop) at most this much of it: closing the connection with
// unread bytes makes the client's TCP stack discard our answer (RST).
const DRAIN_LIMIT_BYTES = 64 * 1024 * 1024;
const DRAIN_TIMEOUT_MS = 30_000;
// A failure this recent counts as "the database is down" for a 5xx that carries no flag itself.
const DATABASE_DOWN_WINDOW_MS = 10_000;

export type NextHandler = (req: IncomingMessage, res: ServerResponse) => Promise<void>;

export interface EdgeOptions {
  handle: NextHandler;
  appUrl: string;
  trustedProxies?: string;
  isDev?: boolean;
  // MAP_TILE_URL: its host may serve images (the actor page's map tiles).
  mapTileUrl?: string;
  // RENDER_CONCURRENCY: searches, filters and API calls rendered at once (lib/edge/render-limit.ts).
  renderConcurrency?: number;
  // EDGE_CACHE_MAX_MB in bytes (lib/edge/response-cache.ts); 0 switches the response cache off.
  responseCacheMaxBytes?: number;
  // Next's script chunks run after the first frame (lib/edge/paint-first.ts); production, public pages only.
  // false only to measure the difference (EDGE_PAINT_FIRST=0, docs/performance.md "Lighthouse").
  paintFirst?: boolean;
}

// Per-request renders at once by default. Two cores finish 4 searches no later than 8, and each
// render holds its result in memory (bench at 10,000 entries: peak RSS 455 MB with 4, 508 with 8).
// The app's database pool (10 connections) leaves room for the cached pages' reads.
const DEFAULT_RENDER_CONCURRENCY = 4;

// A search, filter or API call that proxy.ts serves from a cached twin route (lib/edge/cached-routes.ts)
// does not wait for a render slot: a hit is as cheap as any cached page, and Next renders a miss
// once for all requests of the same key. Without this, repeated searches queued behind 4 slots.
function hasCachedTwin(pathname: string, target: string, conditional: boolean): boolean {
  const queryStart = target.indexOf('?');
  const search = queryStart === -1 ? '' : target.slice(queryStart);
  return cachedRoute(pathname, search) !== null || cachedApiRoute(pathname, search, conditional) !== null;
}

type Writer = (chunk?: unknown, encoding?: unknown, callback?: unknown) => unknown;

function sendEdgeResponse(res: ServerResponse, response: EdgeResponse, { close = false } = {}): void {
  if (res.headersSent) {
    res.end();
    return;
  }
  for (const name of res.getHeaderNames()) res.removeHeader(name);
  for (const [name, value] of Object.entries(response.headers)) res.setHeader(name, value);
  if (close) res.setHeader('Connection', 'close');
  res.statusCode = response.status;
  res.end(response.body);
}

function isSameSite(req: IncomingMessage, appOrigin: string): boolean {
  const origin = req.headers.origin;
  const fetchSite = req.headers['sec-fetch-site'];
  if (fetchSite === 'cross-site' || fetchSite === 'same-site') return false;
  if (origin === undefined) return true;
  if (origin === appOrigin) return true;
  try {
    // Behind a proxy the Host header is the public host (proxy_set_header Host $host).
    return new URL(origin).host === req.headers.host;
  } catch {
    // "null" (sandboxed frames, some redirects) and garbage are not our site.
    return false;
  }
}

/** Reads the body up to `limit` bytes; undefined when it is larger. */
function readBody(req: IncomingMessage, res: ServerResponse, limit: number): Promise<Buffer | undefined> {
  // The client waits for "100 Continue" before it sends the body (server 'checkContinue').
  if (/100-continue/i.test(req.headers.expect ?? '')) res.writeContinue();
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        req.off('data', onData);
        req.pause();
        resolve(undefined);
        return;
      }
      chunks.push(chunk);
    };
    req.on('data', onData);
    req.once('end', () => resolve(Buffer.concat(chunks)));
    req.once('error', reject);
  });
}

// Next reads the body from the request stream; the original one is consumed, so it gets a copy
// that replays the checked bytes. Same socket, headers and URL.
function replayRequest(req: IncomingMessage, body: Buffer): IncomingMessage {
  const copy = new IncomingMessage(req.socket);
  copy.method = req.method;
  copy.url = req.url;
  copy.httpVersion = req.httpVersion;
  copy.httpVersionMajor = req.httpVersionMajor;
  copy.httpVersionMinor = req.httpVersionMinor;
  copy.headers = { ...req.headers, 'content-length': String(body.length) };
  delete copy.headers['transfer-encoding'];
  copy.rawHeaders = Object.entries(copy.headers).flatMap(([name, value]) =>
    (Array.isArray(value) ? value : [value ?? '']).flatMap((item) => [name, item]),
  );
  copy.complete = true;
  // Never touch the socket: the bytes are all here.
  copy._read = () => {};
  copy.push(body);
  copy.push(null);
  return copy;
}

// The connection stays usable once the rest of the body is read; an endless or huge one is cut.
function drain(req: IncomingMessage): void {
  let drained = 0;
  const timer = setTimeout(() => req.destroy(), DRAIN_TIMEOUT_MS);
  timer.unref();
  req.on('data', (chunk: Buffer) => {
    drained += chunk.length;
    if (drained > DRAIN_LIMIT_BYTES) req.destroy();
  });
  req.once('end', () => clearTimeout(timer));
  req.once('close', () => clearTimeout(timer));
  req.resume();
}

function addSecureToCookies(value: number | string | string[] | undefined): string[] | undefined {
  if (value === undefined) return undefined;
  const cookies = Array.isArray(value) ? value : [String(value)];
  return cookies.map((cookie) => (/;\s*secure\s*(;|$)/i.test(cookie) ? cookie : `${cookie}; Secure`));
}

// Next may leave an empty Set-Cookie list behind (it merges the proxy's cookies into every response).
function setsCookie(res: ServerResponse): boolean {
  const value = res.getHeader('set-cookie');
  return Array.isArray(value) ? value.some((cookie) => cookie !== '') : value !== undefined && String(value) !== '';
}

function isHtml(res: ServerResponse): boolean {
  return /^text\/html\b/i.test(String(res.getHeader('content-type') ?? ''));
}

interface ResponseContext {
  target: string;
  accept?: string;
  state: EdgeRequestState;
  isHttps: boolean;
  isDev: boolean;
  paintFirst: boolean;
  mapTileUrl?: string;
  // A server action call: Next hands the decoded body to the action, which then fails on arguments
  // of the wrong type or shape. Such a 5xx is the client's malformed request: 400.
  isAction: boolean;
  method: string;
  pathname: string;
  hasSession: boolean;
  // The response cache's key for this request (null: it may not be kept).
  cacheKey: string | null;
  responseCache: ResponseCache;
}

const NEXT_CACHE_HEADER = 'x-nextjs-cache';

// The body of an answer the response cache may keep, collected unstamped as Next writes it.
interface Capture {
  status: number;
  headers: Record<string, string | number | string[]>;
  isHtml: boolean;
  nextCache: string;
  chunks: Buffer[];
  size: number;
}

function toBuffer(chunk: unknown, encoding: unknown): Buffer {
  if (Buffer.isBuffer(chunk)) return chunk;
  if (chunk instanceof Uint8Array) return Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
  return Buffer.from(String(chunk), typeof encoding === 'string' ? (encoding as BufferEncoding) : 'utf8');
}

// Whether an answer qualifies for the response cache (besides its request's key): a 200 from Next's
// full-route cache (HIT, or the MISS that stored it), public, setting no cookie.
function capturable(res: ServerResponse, status: number, context: ResponseContext): boolean {
  if (context.cacheKey === null || context.method !== 'GET' || status !== 200) return false;
  const nextCache = res.getHeader(NEXT_CACHE_HEADER);
  if (nextCache !== 'HIT' && nextCache !== 'MISS') return false;
  const cacheControl = String(res.getHeader('cache-control') ?? '');
  return /(?:^|,)\s*public\s*(?:,|$)/i.test(cacheControl) && !/private|no-store/i.test(cacheControl) && !setsCookie(res);
}

// Wraps writeHead/write/end of one response. Installed after compression, so Next's bytes are
// stamped first and compressed afterwards.
function patchResponse(res: ServerResponse, context: ResponseContext): void {
  const originalWriteHead = res.writeHead.bind(res) as (status: number, message?: string) => ServerResponse;
  const originalWrite = res.write.bind(res) as Writer;
  const originalEnd = res.end.bind(res) as Writer;
  let stamper: NonceStamper | undefined;
  let rewriter: PaintFirstRewriter | undefined;
  let isReplaced = false;
  let capture: Capture | undefined;
  const collect = (chunk: unknown, encoding: unknown) => {
    if (!capture || chunk === undefined || chunk === null) return;
    const bytes = toBuffer(chunk, encoding);
    capture.size += bytes.length;
    if (capture.size > context.responseCache.maxEntryBytes) capture = undefined;
    else capture.chunks.push(bytes);
  };
  const keep = () => {
    if (!capture || context.cacheKey === null) return;
    const ref = answeringEntry(context.state, capture.nextCache);
    if (!ref) return;
    context.responseCache.store(context.cacheKey, {
      status: capture.status,
      headers: capture.headers,
      body: Buffer.concat(capture.chunks, capture.size),
      isHtml: capture.isHtml,
      ref,
    });
    capture = undefined;
  };

  res.writeHead = function writeHead(status: number, ...rest: unknown[]): ServerResponse {
    let message: string | undefined;
    let headers: unknown;
    if (typeof rest[0] === 'string') [message, headers] = rest as [string, unknown];
    else headers = rest[0];
    if (Array.isArray(headers)) {
      for (let index = 0; index + 1 < headers.length; index += 2) res.appendHeader(String(headers[index]), headers[index + 1] as string);
    } else if (headers && typeof headers === 'object') {
      for (const [name, value] of Object.entries(headers)) if (value !== undefined) res.setHeader(name, value as string);
    }

    const isDatabaseFailure = status >= 500 && (context.state.databaseUnavailable || isDatabaseDown(DATABASE_DOWN_WINDOW_MS));
    if (isDatabaseFailure || (status >= 500 && context.isAction)) {
      // Whatever Next wanted to send: the visitor gets the 503 page, which needs no database, or
      // the 400 for a malformed action call (the server log keeps Next's error).
      isReplaced = true;
      if (!isDatabaseFailure) console.error(`Server-Aktion mit fehlerhafter Anfrage (${context.target}): ${status} -> 400`);
      const response = edgeErrorResponse(isDatabaseFailure ? 'unavailable' : 'malformed', { target: context.target, accept: context.accept });
      for (const name of res.getHeaderNames()) res.removeHeader(name);
      for (const [name, value] of Object.entries(response.headers)) res.setHeader(name, value);
      if (context.isHttps) res.setHeader('Strict-Transport-Security', STRICT_TRANSPORT_SECURITY);
      originalWriteHead(response.status);
      originalEnd(response.body);
      return res;
    }

    const cacheControl = edgeCacheControl({
      method: context.method,
      pathname: context.pathname,
      hasSession: context.hasSession,
      status,
      contentType: String(res.getHeader('content-type') ?? ''),
      setsCookie: setsCookie(res),
    });
    if (cacheControl) res.setHeader('Cache-Control', cacheControl);

    if (context.isHttps) {
      res.setHeader('Strict-Transport-Security', STRICT_TRANSPORT_SECURITY);
      const cookies = addSecureToCookies(res.getHeader('set-cookie'));
      // Node's own setHeader: Next wraps res.setHeader to merge the proxy's cookies back in, which
      // would send each cookie twice, once without Secure.
      if (cookies) http.ServerResponse.prototype.setHeader.call(res, 'Set-Cookie', cookies);
    }
    // A 304 carries no body: the browser keeps the stored page together with its stored CSP.
    if (status !== 304 && status !== 204 && isHtml(res)) {
      const nonce = createNonce();
      stamper = createNonceStamper(nonce);
      // Public pages only: the signed-in areas' forms and buttons keep Next's scripts as they are.
      if (context.paintFirst && !context.isDev && !isSignedInPath(context.pathname)) rewriter = createPaintFirstRewriter();
      res.setHeader('Content-Security-Policy', contentSecurityPolicy({ nonce, isDev: context.isDev, isHttps: context.isHttps, mapTileUrl: context.mapTileUrl }));
      // The body changes length; a strong validator of the unstamped bytes would be wrong too.
      res.removeHeader('Content-Length');
      const etag = res.getHeader('etag');
      if (typeof etag === 'string' && !etag.startsWith('W/')) res.setHeader('ETag', `W/${etag}`);
    } else if (status !== 304 && !res.hasHeader('content-security-policy')) {
      // JSON, XML, vCards, files and redirects: a policy that allows nothing (see security-headers).
      // Never on a 304: its headers would replace those of the stored page.
      const policy = nonDocumentPolicy(String(res.getHeader('content-type') ?? '') || undefined);
      if (policy) res.setHeader('Content-Security-Policy', policy);
    }
    if (capturable(res, status, context)) {
      const headers = res.getHeaders() as Capture['headers'];
      const nextCache = String(headers[NEXT_CACHE_HEADER]);
      delete headers[NEXT_CACHE_HEADER];
      if (stamper) delete headers['content-security-policy'];
      capture = { status, headers, isHtml: stamper !== undefined, nextCache, chunks: [], size: 0 };
    }
    return originalWriteHead(status, message);
  } as typeof res.writeHead;

  res.write = function write(chunk: unknown, encoding?: unknown, callback?: unknown): boolean {
    const done = typeof encoding === 'function' ? encoding : callback;
    if (isReplaced) {
      if (typeof done === 'function') process.nextTick(done as () => void);
      return true;
    }
    if (!res.headersSent) res.writeHead(res.statusCode);
    if (isReplaced) return true;
    if (!stamper || chunk === undefined || chunk === null) {
      collect(chunk, encoding);
      return originalWrite(chunk, encoding, callback) as boolean;
    }
    // HTML: rewritten first (the response cache keeps the rewritten, unstamped bytes), then stamped.
    let bytes = toBuffer(chunk, encoding);
    if (rewriter) bytes = rewriter.push(bytes);
    collect(bytes, undefined);
    const out = stamper.push(bytes);
    if (out.length === 0) {
      if (typeof done === 'function') process.nextTick(done as () => void);
      return true;
    }
    return originalWrite(out, typeof done === 'function' ? done : undefined) as boolean;
  } as typeof res.write;

  res.end = function end(chunk?: unknown, encoding?: unknown, callback?: unknown): ServerResponse {
    if (typeof chunk === 'function') [chunk, encoding, callback] = [undefined, undefined, chunk];
    else if (typeof encoding === 'function') [encoding, callback] = [undefined, encoding];
    if (isReplaced) {
      if (typeof callback === 'function') process.nextTick(callback as () => void);
      return res;
    }
    if (!res.headersSent) res.writeHead(res.statusCode);
    if (isReplaced) return res;
    if (!stamper) {
      collect(chunk, encoding);
      keep();
      return originalEnd(chunk, encoding, callback) as ServerResponse;
    }
    let bytes = chunk === undefined || chunk === null ? Buffer.alloc(0) : toBuffer(chunk, encoding);
    if (rewriter) bytes = Buffer.concat([rewriter.push(bytes), rewriter.end()]);
    collect(bytes, undefined);
    keep();
    return originalEnd(Buffer.concat([stamper.push(bytes), stamper.end()]), callback) as ServerResponse;
  } as typeof res.end;
}

interface HitContext {
  isHttps: boolean;
  isDev: boolean;
  mapTileUrl?: string;
}

// An answer from the response cache: the stored headers, Next's HIT marker, a fresh nonce and CSP
// for HTML, compressed as any other answer.
function sendStored(res: ServerResponse, stored: StoredResponse, context: HitContext): void {
  for (const [name, value] of Object.entries(stored.headers)) if (value !== undefined) res.setHeader(name, value);
  res.setHeader(NEXT_CACHE_HEADER, 'HIT');
  res.setHeader(EDGE_CACHE_HEADER, 'HIT');
  let body = stored.body;
  if (stored.isHtml) {
    const nonce = createNonce();
    res.setHeader('Content-Security-Policy', contentSecurityPolicy({ nonce, isDev: context.isDev, isHttps: context.isHttps, mapTileUrl: context.mapTileUrl }));
    body = stampAt(stored.body, stored.slots, nonce);
  }
  res.writeHead(stored.status);
  res.end(body);
}

export function createEdgeHandler(options: EdgeOptions): (req: IncomingMessage, res: ServerResponse) => void {
  const trusted: TrustedProxies = parseTrustedProxies(options.trustedProxies);
  const appOrigin = new URL(options.appUrl).origin;
  const isHttps = appOrigin.startsWith('https:');
  const isDev = options.isDev ?? false;
  const paintFirst = options.paintFirst ?? true;
  const compress = compression();
  const limiter = createRenderLimiter(options.renderConcurrency ?? DEFAULT_RENDER_CONCURRENCY);
  const responseCache = createResponseCache(options.responseCacheMaxBytes ?? maxBytesFromEnv(process.env.EDGE_CACHE_MAX_MB));
  markEdgeActive();

  return (req, res) => {
    const arrivedAt = performance.now();
    void (async () => {
      const target = req.url ?? '/';
      let continued = false;
      const accept = req.headers.accept;
      const fail = (error: EdgeError, extra: { limitBytes?: number; unread?: boolean } = {}) => {
        const response = edgeErrorResponse(error, { target, accept, limitBytes: extra.limitBytes });
        if (isHttps) response.headers['Strict-Transport-Security'] = STRICT_TRANSPORT_SECURITY;
        // A client still waiting for "100 Continue" never sends the body: close the connection.
        // Any other one is sending it: read and drop it, so that it receives this answer.
        const isWaitingForContinue = extra.unread === true && /100-continue/i.test(req.headers.expect ?? '') && !continued;
        sendEdgeResponse(res, response, { close: isWaitingForContinue });
        if (extra.unread && !isWaitingForContinue) drain(req);
      };

      // Whatever the client sent in our internal header is replaced, always.
      req.headers[CLIENT_IP_HEADER] = resolveClientIp({
        socketAddress: req.socket.remoteAddress,
        forwardedFor: req.headers['x-forwarded-for'],
        trusted,
      });

      const targetProblem = checkRequestTarget(target);
      if (targetProblem) return fail(targetProblem, { unread: !SAFE_METHODS.has(req.method ?? 'GET') });

      const pathname = target.split('?')[0];
      const hasSession = hasSessionCookie(req.headers.cookie);
      const cacheKey = responseCacheKey(req, target, hasSession);
      if (cacheKey !== null) {
        const stored = await responseCache.lookup(cacheKey, arrivedAt);
        if (stored) {
          // The proxy does not see this request: the search log counts the visit here, by its rule.
          const queryStart = target.indexOf('?');
          const visit = loggedSearchVisit(pathname, queryStart === -1 ? '' : target.slice(queryStart), req.method ?? 'GET', req.headers['sec-fetch-dest']);
          if (visit) void searchVisited(visit.locale, visit.search);
          compress(req as never, res as never, () => {});
          return sendStored(res, stored, { isHttps, isDev, mapTileUrl: options.mapTileUrl });
        }
      }
      // next-auth answers 500 to a callbackUrl (query or cookie) it cannot parse: it gets only safe ones.
      const auth = sanitizeAuthRequest(target, req.headers.cookie, appOrigin);
      req.url = auth.target;
      if (auth.cookie === undefined || auth.cookie === '') delete req.headers.cookie;
      else req.headers.cookie = auth.cookie;
      const methodRule = METHOD_RULES.find((rule) => rule.pattern.test(pathname));
      if (methodRule && !methodRule.allow.includes(req.method ?? 'GET')) return fail('methodNotAllowed', { unread: !SAFE_METHODS.has(req.method ?? 'GET') });

      let request = req;
      let isAction = req.headers['next-action'] !== undefined;
      if (!SAFE_METHODS.has(req.method ?? 'GET')) {
        if (!isSameSite(req, appOrigin)) return fail('crossSite', { unread: true });
        const limit = bodyLimitFor(pathname);
        const declared = Number(req.headers['content-length'] ?? 0);
        if (declared > limit) return fail('tooLarge', { limitBytes: limit, unread: true });
        // Expecting "100 Continue" with a declared size over the limit: refused before any byte.
        continued = /100-continue/i.test(req.headers.expect ?? '');
        const body = await readBody(req, res, limit);
        if (body === undefined) return fail('tooLarge', { limitBytes: limit, unread: true });
        // Without JavaScript a form posts the action's id as a field ($ACTION_ID_..., $ACTION_REF_...).
        isAction ||= /^multipart\/form-data|^application\/x-www-form-urlencoded/i.test(req.headers['content-type'] ?? '') && body.includes('$ACTION_');
        const bodyProblem = checkRequestBody(req.headers['content-type'], body, { isAction });
        if (bodyProblem) return fail(bodyProblem);
        request = replayRequest(req, body);
      }

      const state: EdgeRequestState = { databaseUnavailable: false };
      compress(req as never, res as never, () => {});
      patchResponse(res, {
        target,
        accept,
        state,
        isHttps,
        isDev,
        paintFirst,
        isAction,
        method: req.method ?? 'GET',
        pathname,
        hasSession,
        mapTileUrl: options.mapTileUrl,
        cacheKey,
        responseCache,
      });
      const handle = () => requestStateStorage().run(state, () => options.handle(request, res));
      if (!rendersPerRequest(req.method ?? 'GET', target) || hasCachedTwin(pathname, target, req.headers['if-none-match'] !== undefined)) {
        return await handle();
      }
      // Waits for a slot; a client that left meanwhile is not rendered for (its socket is gone).
      await limiter.run(() => res.destroyed || req.socket.destroyed, handle);
    })().catch((error: unknown) => {
      console.error('Edge-Fehler:', error);
      if (!res.headersSent) {
        res.statusCode = 500;
        res.setHeader('Content-Type', 'text/plain; charset=utf-8');
        res.end('Interner Fehler.');
      } else {
        res.destroy();
      }
    });
  };
}

export interface AppServer {
  server: http.Server;
  url: string;
  close: () => Promise<void>;
}

/** Next in this process behind the edge, listening on `port` (0: any free port). */
export async function startAppServer({
  dir,
  port,
  hostname = 'localhost',
  isDev,
  appUrl,
  trustedProxies,
  mapTileUrl,
  renderConcurrency,
  paintFirst,
}: {
  dir: string;
  port: number;
  hostname?: string;
  isDev: boolean;
  appUrl: string;
  trustedProxies?: string;
  mapTileUrl?: string;
  renderConcurrency?: number;
  paintFirst?: boolean;
}): Promise<AppServer> {
  const { default: next } = await import('next');
  // Next is told 'localhost' whatever address we listen on: its router builds the request's own
  // origin from this name, while the proxy's URLs (proxy.ts) carry 'localhost'; with another name
  // a rewrite (the directory's cached twin) looked foreign and was proxied over the network to
  // localhost, which fails when we listen on 127.0.0.1 only (`npm start -H 127.0.0.1`: 500).
  const app = next({ dev: isDev, dir, hostname: 'localhost', port });
  await app.prepare();
  const handler = createEdgeHandler({ handle: app.getRequestHandler() as NextHandler, appUrl, trustedProxies, isDev, mapTileUrl, renderConcurrency, paintFirst });
  const server = http.createServer(handler);
  // Bodies announced with "Expect: 100-continue" are only asked for once the checks passed
  // (readBody); an oversized one is refused without the client sending it.
  server.on('checkContinue', handler);
  // Dev: hot reload (webpack-hmr) runs over WebSocket upgrades.
  const upgrade = app.getUpgradeHandler();
  server.on('upgrade', (req, socket, head) => void upgrade(req, socket, head));
  // Slow clients may not hold connections open forever.
  server.requestTimeout = 60_000;
  server.headersTimeout = 20_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, hostname === 'localhost' ? undefined : hostname, () => resolve());
  });
  const address = server.address();
  const actualPort = typeof address === 'object' && address ? address.port : port;
  return {
    server,
    url: `http://${hostname}:${actualPort}`,
    close: async () => {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeIdleConnections();
        // In-flight requests get a moment; then the rest is cut.
        setTimeout(() => {
          server.closeAllConnections();
          resolve();
        }, 5_000).unref();
      });
      await app.close().catch(() => {});
    },
  };
}
