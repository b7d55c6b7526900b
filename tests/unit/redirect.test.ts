// The one redirect check (issue 10, finding 2). Property style: every payload is judged by what a
// browser would do with it, not by a list of expected strings: whatever sameOriginPath() lets
// through must resolve, by the WHATWG URL parser (the browser's), to our own origin, and so must
// every way a browser could read it after tabs/newlines are dropped or backslashes are turned
// into slashes.
import { describe, expect, it } from 'vitest';
import { safeRedirectPath, sameOriginPath } from '@/lib/auth/redirect';

const ORIGIN = 'http://localhost:3000';
const HOSTS = ['evil.example', 'evil.example:443', '127.0.0.1', 'user@evil.example', 'xn--80ak6aa92e.com'];

// Prefixes that try to leave the path (each combined with each host and suffix below).
const PREFIXES = [
  '//', '///', '////', '/\\', '\\/', '\\\\', '/\\/', '/\t/', '/\n/', '/\r/', '/\t\\', ' //', '\t//', '/ /',
  '%2F%2F', '/%2F', '/%5C', '%5C%5C', '/%252F', '/%255C', '/%09/', '/%0a/', '/%0d/', '/%00/', '/%E2%80%8B/',
  'http://', 'https://', 'HTTPS://', '//\u3000', '/\u200B/', '/\uFEFF/', '/\u2028/', '/\u00A0/', '\u0000//',
  'javascript:', 'JaVaScRiPt:', 'data:text/html,', 'vbscript:', 'http:', 'https:', '/.//', '/./\\', '/..//', '/%2e%2e//',
];
const SUFFIXES = ['', '/x', '/de/admin', '?a=b', '#frag', '/%2F'];

const payloads: string[] = [];
for (const prefix of PREFIXES) for (const host of HOSTS) for (const suffix of SUFFIXES) payloads.push(`${prefix}${host}${suffix}`);
payloads.push(
  'javascript:alert(1)',
  'data:text/html,<script>alert(1)</script>',
  'https://localhost:3000@evil.example/',
  'http://localhost:3000.evil.example/',
  'http://evil.example/http://localhost:3000/',
  '/de/admin\u0000',
  '',
  ' ',
  '%',
  '/%',
  '/%zz',
  'x'.repeat(5000),
);

// What a lenient browser might make of a string: as is, without ASCII tab/newline, with
// backslashes as slashes, and percent-decoded once (some frameworks decode before redirecting).
function browserReadings(value: string): string[] {
  const readings = [value, value.replace(/[\t\n\r]/g, ''), value.replace(/\\/g, '/'), value.replace(/[\t\n\r]/g, '').replace(/\\/g, '/')];
  try {
    const decoded = decodeURIComponent(value);
    readings.push(decoded, decoded.replace(/[\t\n\r]/g, '').replace(/\\/g, '/'));
  } catch {
    // Not decodable: the browser keeps it encoded.
  }
  return readings;
}

function landsOnOrigin(value: string): boolean {
  return browserReadings(value).every((reading) => {
    try {
      return new URL(reading, ORIGIN).origin === ORIGIN;
    } catch {
      return true;
    }
  });
}

describe('sameOriginPath', () => {
  it(`lets nothing through that a browser could resolve to another host (${payloads.length} payloads)`, () => {
    const leaks = payloads.filter((payload) => {
      const result = sameOriginPath(payload, ORIGIN);
      return result !== null && !landsOnOrigin(result);
    });
    expect(leaks).toEqual([]);
  });

  it('refuses every payload that tries to leave the path', () => {
    const accepted = payloads.filter((payload) => sameOriginPath(payload, ORIGIN) !== null && !/^(https?:\/\/localhost:3000)?\/[^/\\]/i.test(payload));
    expect(accepted).toEqual([]);
  });

  it('refuses the reported payloads', () => {
    for (const payload of ['/\\evil.example/x', '/\t/evil.example', '//x', '%2F%5Cevil.example', '/%5Cevil.example', '/\\/evil.example', 'https://evil.example/de/admin']) {
      expect(sameOriginPath(payload, ORIGIN), JSON.stringify(payload)).toBeNull();
    }
  });

  it('keeps ordinary same-origin targets, with query and fragment', () => {
    expect(sameOriginPath('/de/admin')).toBe('/de/admin');
    expect(sameOriginPath('/de/admin/organisationen?q=caritas%20stendal&seite=2#liste')).toBe('/de/admin/organisationen?q=caritas%20stendal&seite=2#liste');
    expect(sameOriginPath('/de/einladung?token=abc_DEF-123&lang=en')).toBe('/de/einladung?token=abc_DEF-123&lang=en');
    expect(sameOriginPath('/en/anmelden?abgemeldet=1&lang=en')).toBe('/en/anmelden?abgemeldet=1&lang=en');
    expect(sameOriginPath('/de/akteure/caf%C3%A9')).toBe('/de/akteure/caf%C3%A9');
  });

  it('accepts absolute URLs only on our own origin, and returns them as a path', () => {
    expect(sameOriginPath('http://localhost:3000/de/admin/konto?x=1', ORIGIN)).toBe('/de/admin/konto?x=1');
    expect(sameOriginPath('http://localhost:3000/de/admin', undefined)).toBeNull();
    expect(sameOriginPath('https://localhost:3000/de/admin', ORIGIN)).toBeNull();
    expect(sameOriginPath('http://localhost:3001/de/admin', ORIGIN)).toBeNull();
    expect(sameOriginPath('http://user:pw@localhost:3000/de/admin', ORIGIN)).toBeNull();
  });

  it('normalizes dot segments without escaping the origin', () => {
    expect(sameOriginPath('/de/admin/../konto')).toBe('/de/konto');
    expect(sameOriginPath('/../../etc/passwd')).toBe('/etc/passwd');
    expect(sameOriginPath('/.//evil.example')).toBeNull();
  });

  it('refuses non-strings', () => {
    for (const value of [undefined, null, 42, ['/de/admin'], { toString: () => '/de/admin' }]) expect(sameOriginPath(value)).toBeNull();
  });
});

describe('safeRedirectPath', () => {
  it('falls back to the admin start page, or to the given fallback', () => {
    expect(safeRedirectPath('//evil.example')).toBe('/de/admin');
    expect(safeRedirectPath(undefined, { fallback: '/de' })).toBe('/de');
    expect(safeRedirectPath('/de/admin/konto')).toBe('/de/admin/konto');
  });
});
