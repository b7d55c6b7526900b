// Issue 12 point 4: Next's script chunks run after the first frame (lib/edge/paint-first.ts). The
// rewrite must find every chunk tag however the HTML is cut, and leave everything else alone.
import { describe, expect, it } from 'vitest';
import { createNonceStamper } from '@/lib/edge/nonce';
import { createPaintFirstRewriter } from '@/lib/edge/paint-first';

const html = Buffer.from(
  '<!DOCTYPE html><html><head><link rel="preload" as="script" fetchPriority="low" href="/_next/static/chunks/boot.js"/>' +
    '<script src="/_next/static/chunks/a.js" async=""></script><script src="/_next/static/chunks/b.js?v=1&amp;x=2" async=""></script>' +
    '<title>Grüße – مرحبا</title></head><body><p>&lt;script src=&quot;/_next/static/x.js&quot; async&gt;</p>' +
    '<script>self.__next_f.push([1,"\\u003cscript src=\\"/_next/static/y.js\\" async=\\"\\"\\u003e\\u003c/script\\u003e"])</script>' +
    '<script src="/_next/static/chunks/c.js" async="" crossorigin="anonymous" integrity="sha384-abc"></script>' +
    '<script src="/other.js" async=""></script><script src="/_next/static/chunks/sync.js"></script>' +
    '<script src="/_next/static/chunks/module.js" async="" type="module"></script><scripts></scripts>' +
    '<script src="/_next/static/chunks/boot.js" id="_R_" async=""></script></body></html>',
);

function rewriteInChunks(input: Buffer, size: number): string {
  const rewriter = createPaintFirstRewriter();
  const out: Buffer[] = [];
  for (let index = 0; index < input.length; index += size) out.push(rewriter.push(input.subarray(index, index + size)));
  out.push(rewriter.end());
  return Buffer.concat(out).toString('utf8');
}

describe('createPaintFirstRewriter', () => {
  const whole = rewriteInChunks(html, html.length);

  it("turns each of Next's async chunk tags into a queue entry, without a preload", () => {
    for (const src of ['/_next/static/chunks/a.js', '/_next/static/chunks/boot.js']) {
      expect(whole).toContain(`(self.__nisPaintFirst=self.__nisPaintFirst||[]).push(["${src}",null,null])</script>`);
      expect(whole).not.toContain(`<script src="${src}"`);
    }
    // Only React's own preload of the bootstrap script, none added.
    expect(whole.match(/rel="preload"/g)).toHaveLength(1);
    // Attribute entities decoded for the script; SRI and CORS carried over.
    expect(whole).toContain('push(["/_next/static/chunks/b.js?v=1&x=2",null,null])');
    expect(whole).toContain('push(["/_next/static/chunks/c.js","sha384-abc","anonymous"])');
    // React's end-of-shell marker stays in place, on the inline script.
    expect(whole).toContain('<script id="_R_">(self.__nisPaintFirst');
  });

  it('writes the loader once, into the first entry, and leaves every other tag and text alone', () => {
    expect(whole.match(/first-contentful-paint/g)).toHaveLength(1);
    expect(whole.indexOf('first-contentful-paint')).toBeLessThan(whole.indexOf('chunks/a.js",null'));
    for (const kept of [
      '<script src="/other.js" async=""></script>',
      '<script src="/_next/static/chunks/sync.js"></script>',
      '<script src="/_next/static/chunks/module.js" async="" type="module"></script>',
      '<p>&lt;script src=&quot;/_next/static/x.js&quot; async&gt;</p>',
      '\\u003cscript src=\\"/_next/static/y.js\\" async=\\"\\"\\u003e',
      '<scripts></scripts>',
      'Grüße – مرحبا',
    ]) {
      expect(whole).toContain(kept);
    }
    expect(whole.match(/<script src=/g)).toHaveLength(3);
  });

  it('gives the same HTML at every chunk size', () => {
    for (let size = 1; size <= 24; size++) expect(rewriteInChunks(html, size), `size ${size}`).toBe(whole);
  });

  it('leaves a page without chunk tags byte for byte unchanged', () => {
    const plain = Buffer.from('<html><body><script>self.x=1</script><p>Beratung <scr</p></body></html>');
    expect(rewriteInChunks(plain, 5)).toBe(plain.toString('utf8'));
  });

  it('needs no "<" in what it writes into inline scripts, and its tags get the nonce', () => {
    const hostile = Buffer.from('<script src="/_next/static/chunks/x.js?a=&lt;/script&gt;" async=""></script>');
    const rewritten = rewriteInChunks(hostile, hostile.length);
    expect(rewritten).toContain('push(["/_next/static/chunks/x.js?a=\\u003c/script>",null,null])');
    const stamper = createNonceStamper('bm9uY2U=');
    const stamped = Buffer.concat([stamper.push(Buffer.from(rewritten)), stamper.end()]).toString('utf8');
    expect(stamped.match(/<script nonce="bm9uY2U="/g)).toHaveLength(1);
  });
});
