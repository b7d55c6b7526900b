// The visitor's IP address, for rate limits and logs. The edge server (scripts/server/edge.ts)
// computes it from the TCP socket and, only behind proxies named in TRUSTED_PROXIES, from
// X-Forwarded-For, and always overwrites CLIENT_IP_HEADER with it. App code reads it with
// clientIp() and nothing else: a client cannot choose its own address.
import net from 'node:net';

export const CLIENT_IP_HEADER = 'x-netzwerk-client-ip';
const UNKNOWN_IP = 'unbekannt';

// Set by the edge server in its own process. The app runs in the same process (a custom server
// around Next's request handler), so the header is only believed when the edge put it there; under
// a bare `next start` a client could send the header itself.
const EDGE_MARK = Symbol.for('netzwerk.edge.active');

export function markEdgeActive(): void {
  (globalThis as Record<symbol, unknown>)[EDGE_MARK] = true;
}

function isEdgeActive(): boolean {
  return (globalThis as Record<symbol, unknown>)[EDGE_MARK] === true;
}

type HeaderSource = Headers | Record<string, string | string[] | undefined> | undefined | null;

function readHeader(headers: HeaderSource, name: string): string | undefined {
  if (!headers) return undefined;
  if (typeof (headers as Headers).get === 'function') return (headers as Headers).get(name) ?? undefined;
  const value = (headers as Record<string, string | string[] | undefined>)[name];
  return Array.isArray(value) ? value[0] : value;
}

/** The one way app code learns the client's IP address ("unbekannt" when not served by the edge). */
export function clientIp(headers: HeaderSource): string {
  if (!isEdgeActive()) return UNKNOWN_IP;
  const value = readHeader(headers, CLIENT_IP_HEADER)?.trim();
  return value && net.isIP(value) ? value : UNKNOWN_IP;
}

/** "::ffff:192.0.2.1" and "192.0.2.1" are one client. */
function normalizeIp(address: string | undefined): string | undefined {
  if (!address) return undefined;
  let value = address.trim();
  // "[2001:db8::1]:1234" and "192.0.2.1:1234" as some proxies write them.
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(value);
  if (bracketed) value = bracketed[1];
  else if (/^\d{1,3}(\.\d{1,3}){3}:\d+$/.test(value)) value = value.slice(0, value.lastIndexOf(':'));
  const mapped = /^::ffff:(\d{1,3}(\.\d{1,3}){3})$/i.exec(value);
  if (mapped) value = mapped[1];
  return net.isIP(value) ? value.toLowerCase() : undefined;
}

export interface TrustedProxies {
  contains(address: string): boolean;
  readonly isEmpty: boolean;
}

/**
 * TRUSTED_PROXIES: comma-separated addresses or CIDR ranges of the reverse proxies in front of the
 * app (e.g. "127.0.0.1,::1" for nginx on the same machine, "10.0.0.0/8"), or "loopback".
 * Empty (the default): no proxy is trusted and X-Forwarded-For is ignored.
 */
export function parseTrustedProxies(value: string | undefined): TrustedProxies {
  const list = new net.BlockList();
  let count = 0;
  for (const raw of (value ?? '').split(',').map((part) => part.trim()).filter(Boolean)) {
    if (raw === 'loopback') {
      list.addSubnet('127.0.0.0', 8, 'ipv4');
      list.addAddress('::1', 'ipv6');
      count++;
      continue;
    }
    const [address, prefix, extra] = raw.split('/');
    const normalized = normalizeIp(address);
    const family = normalized ? (net.isIPv4(normalized) ? 'ipv4' : 'ipv6') : undefined;
    const bits = prefix === undefined ? undefined : Number(prefix);
    const maxBits = family === 'ipv4' ? 32 : 128;
    if (!normalized || !family || extra !== undefined || (bits !== undefined && !(Number.isInteger(bits) && bits >= 0 && bits <= maxBits))) {
      throw new Error(`TRUSTED_PROXIES: "${raw}" ist keine IP-Adresse und kein CIDR-Bereich (z. B. 127.0.0.1 oder 10.0.0.0/8).`);
    }
    if (bits === undefined) list.addAddress(normalized, family);
    else list.addSubnet(normalized, bits, family);
    count++;
  }
  return {
    isEmpty: count === 0,
    contains(address: string) {
      const normalized = normalizeIp(address);
      if (!normalized) return false;
      return list.check(normalized, net.isIPv4(normalized) ? 'ipv4' : 'ipv6');
    },
  };
}

/**
 * The client's address: the socket's peer unless that peer is a trusted proxy; then the right-most
 * X-Forwarded-For hop that is not a trusted proxy (each proxy appends the address it saw, so
 * everything left of the last untrusted hop was written by the client and proves nothing).
 */
export function resolveClientIp({
  socketAddress,
  forwardedFor,
  trusted,
}: {
  socketAddress: string | undefined;
  forwardedFor: string | string[] | undefined;
  trusted: TrustedProxies;
}): string {
  const peer = normalizeIp(socketAddress);
  if (!peer) return UNKNOWN_IP;
  if (trusted.isEmpty || !trusted.contains(peer)) return peer;
  const hops = (Array.isArray(forwardedFor) ? forwardedFor.join(',') : (forwardedFor ?? ''))
    .split(',')
    .map((hop) => hop.trim())
    .filter(Boolean);
  let nearest = peer;
  for (let index = hops.length - 1; index >= 0; index--) {
    const hop = normalizeIp(hops[index]);
    // Garbage in the header: our own proxy never writes it, so the hop we trust last is the answer.
    if (!hop) return nearest;
    if (!trusted.contains(hop)) return hop;
    nearest = hop;
  }
  return nearest;
}
