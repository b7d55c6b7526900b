import { describe, expect, it } from 'vitest';
import { sniffVideoType } from '@/lib/schemas/sign-language';

const bytes = (...values: (number | string)[]) =>
  new Uint8Array(values.flatMap((value) => (typeof value === 'string' ? [...value].map((c) => c.charCodeAt(0)) : [value])));

describe('sniffVideoType', () => {
  it('recognizes MP4 by its ftyp box', () => {
    expect(sniffVideoType(bytes(0, 0, 0, 0x20, 'ftyp', 'isom', 0, 0, 2, 0))).toBe('video/mp4');
  });
  it('recognizes WebM by the EBML header with the webm doc type', () => {
    expect(sniffVideoType(bytes(0x1a, 0x45, 0xdf, 0xa3, 0x9f, 0x42, 0x86, 0x81, 0x01, 0x42, 0x82, 0x84, 'webm'))).toBe('video/webm');
  });
  it('refuses everything else, Matroska without webm included', () => {
    expect(sniffVideoType(bytes(0x1a, 0x45, 0xdf, 0xa3, 0x9f, 0x42, 0x82, 0x88, 'matroska'))).toBeNull();
    expect(sniffVideoType(bytes('%PDF-1.7 trailer'))).toBeNull();
    expect(sniffVideoType(bytes(0x89, 'PNG', 13, 10, 26, 10, 0, 0, 0, 13))).toBeNull();
    expect(sniffVideoType(new Uint8Array())).toBeNull();
  });
});
