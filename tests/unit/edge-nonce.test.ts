// Finding 8: the nonce is stamped onto every script tag, however the HTML is cut into chunks.
import { describe, expect, it } from 'vitest';
import { createNonce, createNonceStamper, nonceSlots, stampAt } from '@/lib/edge/nonce';
import { contentSecurityPolicy } from '@/lib/edge/security-headers';

const html = Buffer.from(
  '<!DOCTYPE html><html><head><link rel="preload" as="script" href="/a.js"/><script src="/a.js" async=""></script>' +
    '<title>Grüße – مرحبا</title></head><body><p>&lt;script&gt; is text</p><noscript>x</noscript>' +
    '<script>self.__next_f.push([1,"\\u003cscript\\u003e"])</script><SCRIPT>1</SCRIPT><scripts></scripts></body></html>',
);

function stampInChunks(input: Buffer, size: number, nonce: string): string {
  const stamper = createNonceStamper(nonce);
  const out: Buffer[] = [];
  for (let index = 0; index < input.length; index += size) out.push(stamper.push(input.subarray(index, index + size)));
  out.push(stamper.end());
  return Buffer.concat(out).toString('utf8');
}

describe('createNonceStamper', () => {
  it('stamps every <script> and <link> tag and nothing else, at every chunk size', () => {
    const nonce = createNonce();
    const expected = stampInChunks(html, html.length, nonce);
    expect(expected.match(/<script nonce=/gi)).toHaveLength(3);
    expect(expected).toContain(`<link nonce="${nonce}" rel="preload"`);
    expect(expected).toContain('<scripts></scripts>');
    expect(expected).toContain('Grüße – مرحبا');
    expect(expected.replaceAll(` nonce="${nonce}"`, '')).toBe(html.toString('utf8'));
    for (let size = 1; size <= 16; size++) expect(stampInChunks(html, size, nonce)).toBe(expected);
  });

  it('makes a fresh, unguessable nonce each time', () => {
    const nonces = new Set(Array.from({ length: 100 }, () => createNonce()));
    expect(nonces.size).toBe(100);
    expect([...nonces][0]).toMatch(/^[A-Za-z0-9+/]{24}$/);
  });
});

describe('contentSecurityPolicy', () => {
  it('allows scripts only by nonce, never eval or inline, and forbids framing', () => {
    const policy = contentSecurityPolicy({ nonce: 'abc', isHttps: true });
    const scriptSrc = policy.split('; ').find((directive) => directive.startsWith('script-src'));
    expect(scriptSrc).toBe("script-src 'nonce-abc' 'strict-dynamic' 'self'");
    expect(policy).not.toMatch(/unsafe-eval/);
    expect(policy).toContain("frame-ancestors 'none'");
    expect(policy).toContain("object-src 'none'");
    expect(policy).toContain('upgrade-insecure-requests');
  });
});

describe('contentSecurityPolicy: map tiles', () => {
  const directive = (policy: string, name: string) => policy.split('; ').find((entry) => entry.startsWith(`${name} `));

  it('allows images from the configured tile host only, OpenStreetMap by default', () => {
    expect(directive(contentSecurityPolicy({ nonce: 'n' }), 'img-src')).toBe("img-src 'self' data: blob: https://tile.openstreetmap.org");
    const own = contentSecurityPolicy({ nonce: 'n', mapTileUrl: 'https://karten.example.org:8443/tiles/{z}/{x}/{y}.png?key=1' });
    expect(directive(own, 'img-src')).toBe("img-src 'self' data: blob: https://karten.example.org:8443");
    expect(own).not.toContain('openstreetmap');
    // {s}: each subdomain, not a wildcard.
    const sub = contentSecurityPolicy({ nonce: 'n', mapTileUrl: 'https://{s}.tiles.example.org/{z}/{x}/{y}.png' });
    expect(directive(sub, 'img-src')).toBe(
      "img-src 'self' data: blob: https://a.tiles.example.org https://b.tiles.example.org https://c.tiles.example.org",
    );
    // Tiles are images: no other directive widens.
    expect(directive(sub, 'connect-src')).toBe("connect-src 'self'");
    expect(directive(sub, 'script-src')).toBe("script-src 'nonce-n' 'strict-dynamic' 'self'");
  });

  it('adds nothing for an unusable or hostile tile URL', () => {
    for (const bad of ['https://*.example.org/{z}/{x}/{y}.png', 'javascript:alert(1)//{z}/{x}/{y}', 'https://a.example.org/tiles', "https://x.org/{z}/{x}/{y}; script-src *", 'nicht-url {z}{x}{y}']) {
      expect(directive(contentSecurityPolicy({ nonce: 'n', mapTileUrl: bad }), 'img-src'), bad).toBe("img-src 'self' data: blob:");
    }
  });
});

describe('nonceSlots and stampAt (the edge response cache)', () => {
  it('splice the nonce in exactly where the streaming stamper puts it', () => {
    const slots = nonceSlots(html);
    expect(slots).toHaveLength(4);
    for (const nonce of [createNonce(), createNonce()]) {
      expect(stampAt(html, slots, nonce).toString('utf8')).toBe(stampInChunks(html, 7, nonce));
    }
    expect(stampAt(Buffer.from('<p>no tags</p>'), nonceSlots(Buffer.from('<p>no tags</p>')), createNonce()).toString()).toBe('<p>no tags</p>');
  });
});
