// The answers the edge gives itself (400, 403, 405, 413, 503) carry the same protective headers as
// Next's pages: a policy that runs no script and forbids framing, nosniff, no caching.
import { describe, expect, it } from 'vitest';
import { edgeErrorResponse, type EdgeError } from '@/lib/edge/responses';
import { nonDocumentPolicy } from '@/lib/edge/security-headers';

const ERRORS: EdgeError[] = ['nul', 'encoding', 'malformed', 'crossSite', 'tooLarge', 'methodNotAllowed', 'unavailable'];

describe('edge responses', () => {
  for (const error of ERRORS) {
    for (const [target, accept] of [['/ar/akteure?q=x', 'text/html'], ['/api/v1/organizations', 'application/json']] as const) {
      it(`${error} on ${target}: CSP without script, no framing, nosniff, no-store`, () => {
        const { headers } = edgeErrorResponse(error, { target, accept, limitBytes: 1024 * 1024 });
        const policy = headers['Content-Security-Policy'] ?? '';
        expect(policy).toContain("default-src 'none'");
        expect(policy).toContain("frame-ancestors 'none'");
        expect(policy).not.toMatch(/script-src/);
        expect(headers['X-Content-Type-Options']).toBe('nosniff');
        expect(headers['X-Frame-Options']).toBe('DENY');
        expect(headers['Cache-Control']).toBe('no-store');
      });
    }
  }

  it('gives non-HTML documents a policy that allows nothing, but not what a page embeds', () => {
    for (const type of ['application/json', 'application/geo+json; charset=utf-8', 'text/plain', 'text/vcard; charset=utf-8', 'application/zip', 'application/xml', 'text/csv', undefined]) {
      expect(nonDocumentPolicy(type), String(type)).toBe("default-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'");
    }
    for (const type of ['image/png', 'image/svg+xml', 'video/mp4', 'font/woff2', 'text/css; charset=utf-8', 'application/javascript; charset=UTF-8', 'application/pdf']) {
      expect(nonDocumentPolicy(type), type).toBeUndefined();
    }
  });
});
