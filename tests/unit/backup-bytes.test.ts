// A backup copies COPY output byte for byte: a chunk that ends inside a UTF-8 character (which
// happens with Arabic, Cyrillic or Persian words when the database sends small chunks under load)
// must not turn into U+FFFD. This made the backup round trip fail now and then on the search
// vocabulary's words.
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { copyBytes } from '@/scripts/db/backup';

async function* chunks(bytes: Buffer, size: number): AsyncIterable<Buffer> {
  for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
}

describe('backup: COPY bytes', () => {
  it('keeps characters split across chunks intact', async () => {
    const text = 'عمل\tробота\tکار\tÄrger 🧭\n';
    const bytes = Buffer.from(text, 'utf8');
    for (const size of [1, 2, 3, 5, 7]) {
      const target = new PassThrough();
      const received: Buffer[] = [];
      target.on('data', (chunk: Buffer) => received.push(chunk));
      await copyBytes(chunks(bytes, size), target);
      target.end();
      expect(Buffer.concat(received).toString('utf8'), `chunks of ${size}`).toBe(text);
    }
  });
});
