// Finding 6: NUL characters, invalid UTF-8 and lone surrogates are refused at the edge, in URLs and
// in every kind of text body, before the app (or PostgreSQL) sees them.
import { describe, expect, it } from 'vitest';
import { checkRequestBody, checkRequestTarget } from '@/lib/edge/input';

function multipart(fields: [string, string | Buffer, string?][]): { type: string; body: Buffer } {
  const boundary = '----x7';
  const parts = fields.map(([name, value, filename]) =>
    Buffer.concat([
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"${filename ? `; filename="${filename}"` : ''}\r\n\r\n`),
      Buffer.isBuffer(value) ? value : Buffer.from(value),
      Buffer.from('\r\n'),
    ]),
  );
  return { type: `multipart/form-data; boundary=${boundary}`, body: Buffer.concat([...parts, Buffer.from(`--${boundary}--\r\n`)]) };
}

describe('checkRequestTarget', () => {
  it.each([
    ['/de/akteure?q=a%00b', 'nul'],
    ['/api/v1/organizations?q=%00', 'nul'],
    ['/de/akteure%00', 'nul'],
    ['/de/akteure?q=%ff', 'encoding'],
    ['/de/akteure?q=%ed%a0%80', 'encoding'], // a UTF-8 encoded lone surrogate
    ['/de/akteure?q=%c3', 'encoding'],
    ['/de/akteure/%ff', 'encoding'],
    ['/de/akteure?q=\u00ff', 'encoding'], // a raw byte 0xff in the request line
  ])('%s -> %s', (target, problem) => {
    expect(checkRequestTarget(target)).toBe(problem);
  });

  it.each(['/de/akteure?q=Beratung+Stendal', '/de/akteure?q=%C3%BCbersetzung', '/de/akteure?q=100%', '/ar/akteure?q=%D8%B9%D8%B1%D8%A8', '/de?q=%zz'])(
    'accepts %s',
    (target) => {
      expect(checkRequestTarget(target)).toBeNull();
    },
  );
});

describe('checkRequestBody', () => {
  it('checks urlencoded fields after decoding', () => {
    const type = 'application/x-www-form-urlencoded';
    expect(checkRequestBody(type, Buffer.from('message=a%00b'))).toBe('nul');
    expect(checkRequestBody(type, Buffer.from('message=%ed%b0%80'))).toBe('encoding');
    expect(checkRequestBody(type, Buffer.from('message=Gr%C3%BC%C3%9Fe+aus+Stendal'))).toBeNull();
  });

  it('checks every text field of a multipart body but not files', () => {
    expect(checkRequestBody(...Object.values(multipart([['message', 'a\u0000b']])) as [string, Buffer])).toBe('nul');
    expect(checkRequestBody(...(Object.values(multipart([['message', Buffer.from([0x61, 0xc3, 0x28])]])) as [string, Buffer]))).toBe('encoding');
    expect(checkRequestBody(...(Object.values(multipart([['upload', Buffer.from([0, 0xff, 0]), 'video.mp4']])) as [string, Buffer]))).toBeNull();
    expect(checkRequestBody(...(Object.values(multipart([['message', 'Grüße'], ['email', 'a@b.de']])) as [string, Buffer]))).toBeNull();
  });

  it('finds NUL and lone surrogates hidden in JSON escapes of action arguments', () => {
    const { type, body } = multipart([['0', '["$K1","\\u0000"]']]);
    expect(checkRequestBody(type, body)).toBe('nul');
    expect(checkRequestBody('text/plain;charset=UTF-8', Buffer.from('["\\ud800"]'))).toBe('encoding');
    expect(checkRequestBody('application/json', Buffer.from('{"name":"\\udc00x"}'))).toBe('encoding');
    // An escaped backslash is text, not an escape: a visitor may type "\u0000".
    expect(checkRequestBody('text/plain', Buffer.from('["\\\\u0000"]'))).toBeNull();
    const typed = multipart([['message', '\\u0000 and \\ud800 typed by hand']]);
    expect(checkRequestBody(typed.type, typed.body)).toBeNull();
  });

  it('refuses bodies that are not what they claim to be', () => {
    expect(checkRequestBody('application/json', Buffer.from('{no json'))).toBe('malformed');
    expect(checkRequestBody('text/plain', Buffer.from('no json'), { isAction: true })).toBe('malformed');
    expect(checkRequestBody('multipart/form-data', Buffer.from('--x\r\n'))).toBe('malformed');
    expect(checkRequestBody('multipart/form-data; boundary=x', Buffer.from('garbage'))).toBe('malformed');
    expect(checkRequestBody('multipart/form-data; boundary=x', Buffer.from('--x\r\nno headers end'))).toBe('malformed');
  });
});
