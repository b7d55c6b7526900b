import { describe, expect, it } from 'vitest';
import { parseRange } from '@/lib/http/range';

describe('parseRange (RFC 9110 byte ranges)', () => {
  const size = 1000;
  it('reads closed, open and suffix ranges', () => {
    expect(parseRange('bytes=0-99', size)).toEqual({ start: 0, end: 99 });
    expect(parseRange('bytes=500-', size)).toEqual({ start: 500, end: 999 });
    expect(parseRange('bytes=-10', size)).toEqual({ start: 990, end: 999 });
    expect(parseRange('bytes=-5000', size)).toEqual({ start: 0, end: 999 });
  });
  it('clamps the end to the last byte', () => {
    expect(parseRange('bytes=900-5000', size)).toEqual({ start: 900, end: 999 });
  });
  it('refuses ranges that start beyond the end', () => {
    expect(parseRange('bytes=1000-', size)).toBe('unsatisfiable');
    expect(parseRange('bytes=2000-3000', size)).toBe('unsatisfiable');
    expect(parseRange('bytes=-0', size)).toBe('unsatisfiable');
  });
  it('ignores what it does not serve: no header, other units, several ranges, reversed ranges', () => {
    expect(parseRange(null, size)).toBeNull();
    expect(parseRange('items=0-1', size)).toBeNull();
    expect(parseRange('bytes=0-1,5-6', size)).toBeNull();
    expect(parseRange('bytes=50-10', size)).toBeNull();
    expect(parseRange('bytes=-', size)).toBeNull();
  });
});
