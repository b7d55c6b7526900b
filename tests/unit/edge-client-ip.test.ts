// Finding 3: the client's IP address is the socket's peer; X-Forwarded-For counts only behind
// proxies named in TRUSTED_PROXIES, and then only its right-most untrusted hop.
import { afterEach, describe, expect, it } from 'vitest';
import { CLIENT_IP_HEADER, clientIp, markEdgeActive, parseTrustedProxies, resolveClientIp } from '@/lib/edge/client-ip';

const none = parseTrustedProxies(undefined);

describe('resolveClientIp', () => {
  it('ignores X-Forwarded-For when no proxy is trusted (the default)', () => {
    expect(resolveClientIp({ socketAddress: '198.51.100.7', forwardedFor: '203.0.113.1', trusted: none })).toBe('198.51.100.7');
    expect(resolveClientIp({ socketAddress: '::ffff:127.0.0.1', forwardedFor: '1.2.3.4', trusted: none })).toBe('127.0.0.1');
  });

  it('ignores X-Forwarded-For from a peer that is not a trusted proxy', () => {
    const trusted = parseTrustedProxies('10.0.0.1');
    expect(resolveClientIp({ socketAddress: '198.51.100.7', forwardedFor: '203.0.113.1', trusted })).toBe('198.51.100.7');
  });

  it('takes the right-most untrusted hop behind trusted proxies', () => {
    const trusted = parseTrustedProxies('127.0.0.1, 10.0.0.0/8');
    // The client wrote "6.6.6.6" itself; nginx appended the address it saw (203.0.113.9).
    expect(resolveClientIp({ socketAddress: '127.0.0.1', forwardedFor: '6.6.6.6, 203.0.113.9', trusted })).toBe('203.0.113.9');
    // Two proxies: the inner one (10.1.2.3) is trusted too.
    expect(resolveClientIp({ socketAddress: '127.0.0.1', forwardedFor: '6.6.6.6, 203.0.113.9, 10.1.2.3', trusted })).toBe('203.0.113.9');
    // Several headers are one list.
    expect(resolveClientIp({ socketAddress: '127.0.0.1', forwardedFor: ['6.6.6.6', '2001:db8::5'], trusted })).toBe('2001:db8::5');
  });

  it('falls back to the nearest trusted hop when the header is missing or garbage', () => {
    const trusted = parseTrustedProxies('loopback');
    expect(resolveClientIp({ socketAddress: '::1', forwardedFor: undefined, trusted })).toBe('::1');
    expect(resolveClientIp({ socketAddress: '127.0.0.1', forwardedFor: 'nonsense', trusted })).toBe('127.0.0.1');
    expect(resolveClientIp({ socketAddress: '127.0.0.1', forwardedFor: '127.0.0.2', trusted })).toBe('127.0.0.2');
  });

  it('rejects TRUSTED_PROXIES entries that are no address or range', () => {
    expect(() => parseTrustedProxies('nginx')).toThrow(/TRUSTED_PROXIES/);
    expect(() => parseTrustedProxies('10.0.0.0/33')).toThrow(/TRUSTED_PROXIES/);
    expect(parseTrustedProxies('2001:db8::/32').contains('2001:db8:1::1')).toBe(true);
  });
});

describe('clientIp', () => {
  const key = Symbol.for('netzwerk.edge.active');
  afterEach(() => {
    delete (globalThis as Record<symbol, unknown>)[key];
  });

  it('believes only the edge server’s header, never X-Forwarded-For or X-Real-IP', () => {
    const headers = new Headers({ 'x-forwarded-for': '6.6.6.6', 'x-real-ip': '7.7.7.7' });
    expect(clientIp(headers)).toBe('unbekannt');
    markEdgeActive();
    expect(clientIp(headers)).toBe('unbekannt');
    headers.set(CLIENT_IP_HEADER, '198.51.100.7');
    expect(clientIp(headers)).toBe('198.51.100.7');
    expect(clientIp({ [CLIENT_IP_HEADER]: 'not-an-ip' })).toBe('unbekannt');
  });

  it('ignores the header when the app runs without the edge server', () => {
    expect(clientIp(new Headers({ [CLIENT_IP_HEADER]: '198.51.100.7' }))).toBe('unbekannt');
  });
});
