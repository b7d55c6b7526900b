// next-auth answers 500 to a callbackUrl (query or cookie) it cannot parse; the edge hands it only
// values it accepts (lib/edge/auth-callback.ts). The corpus proves it end to end
// (tests/e2e/malformed-input.test.ts, route app/api/auth/[...nextauth]).
import { describe, expect, it } from 'vitest';
import { sanitizeAuthRequest } from '@/lib/edge/auth-callback';

const ORIGIN = 'https://netzwerk.example';

describe('sanitizeAuthRequest', () => {
  it('keeps a same-origin path (percent-encoded) and drops everything else from the query', () => {
    const target = (value: string) => sanitizeAuthRequest(`/api/auth/session?callbackUrl=${encodeURIComponent(value)}&x=1`, undefined, ORIGIN).target;
    expect(target('/de/admin?a=b')).toBe('/api/auth/session?x=1&callbackUrl=%2Fde%2Fadmin%3Fa%3Db');
    expect(target('/😀')).toBe('/api/auth/session?x=1&callbackUrl=%2F%25F0%259F%2598%2580');
    expect(target(`${ORIGIN}/de`)).toBe('/api/auth/session?x=1&callbackUrl=%2Fde');
    for (const bad of ['x', '1e309', '<script>', 'é', '/\\evil.example', '//evil.example', 'https://evil.example/', 'javascript:alert(1)', '']) {
      expect(target(bad), bad).toBe('/api/auth/session?x=1');
    }
    expect(sanitizeAuthRequest('/api/auth/csrf?callbackUrl=a&callbackUrl=b', undefined, ORIGIN).target).toBe('/api/auth/csrf');
  });

  it('drops a callback cookie next-auth would refuse or could not write back, keeps the others', () => {
    const cookie = (value: string) => sanitizeAuthRequest('/api/auth/session', `a=1; next-auth.callback-url=${value}; b=2`, ORIGIN).cookie;
    expect(cookie(encodeURIComponent(`${ORIGIN}/de/admin`))).toBe(`a=1; next-auth.callback-url=${encodeURIComponent(`${ORIGIN}/de/admin`)}; b=2`);
    expect(cookie('%2Fde')).toBe('a=1; next-auth.callback-url=%2Fde; b=2');
    for (const bad of ['x', '1e309', '%F0%9F%98%80', '%2F%F0%9F%98%80', '%ZZ', '']) expect(cookie(bad), bad).toBe('a=1; b=2');
    expect(sanitizeAuthRequest('/api/auth/session', '__Secure-next-auth.callback-url=x', ORIGIN).cookie).toBe('');
  });

  it('passes next-auth’s error codes, drops any other error value', () => {
    expect(sanitizeAuthRequest('/api/auth/error?error=CredentialsSignin', undefined, ORIGIN).target).toBe('/api/auth/error?error=CredentialsSignin');
    for (const bad of ['😀', 'a b', '<x>', '1', 'é']) expect(sanitizeAuthRequest(`/api/auth/signin?error=${encodeURIComponent(bad)}&x=1`, undefined, ORIGIN).target, bad).toBe('/api/auth/signin?x=1');
  });

  it('leaves every other path alone', () => {
    expect(sanitizeAuthRequest('/de/anmelden?callbackUrl=x', 'next-auth.callback-url=x', ORIGIN)).toEqual({ target: '/de/anmelden?callbackUrl=x', cookie: 'next-auth.callback-url=x' });
    expect(sanitizeAuthRequest('/api/authx?callbackUrl=x', undefined, ORIGIN).target).toBe('/api/authx?callbackUrl=x');
  });
});
