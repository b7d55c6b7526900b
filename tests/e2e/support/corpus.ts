// The injection and malformed-input corpus (finding 6, acceptance of issue 10). Each payload is
// either text (a JS string, percent-encoded into URLs and UTF-8 in bodies) or raw bytes written
// percent-encoded (invalid UTF-8 cannot be a JS string). XSS payloads set window.__xss or open a
// dialog when they run; the tests check that none ever does.
export interface Payload {
  name: string;
  text?: string;
  /** Percent-encoded bytes, for what a JS string cannot hold (invalid UTF-8). */
  encoded?: string;
  isXss?: boolean;
}

const xss = [
  '<script>window.__xss=1</script>',
  '"><script>window.__xss=1</script>',
  "'><script>window.__xss=1</script>",
  '<img src=x onerror="window.__xss=1">',
  '<svg onload="window.__xss=1">',
  '<svg><script>window.__xss=1</script></svg>',
  'javascript:window.__xss=1',
  '<a href="javascript:window.__xss=1">x</a>',
  '<iframe src="javascript:window.__xss=1"></iframe>',
  '<body onload="window.__xss=1">',
  '<details open ontoggle="window.__xss=1">',
  '<input autofocus onfocus="window.__xss=1">',
  '<math><mtext><table><mglyph><style><img src=x onerror="window.__xss=1">',
  '</textarea><script>window.__xss=1</script>',
  '</title><script>window.__xss=1</script>',
  '</script><script>window.__xss=1</script>',
  '<scr<script>ipt>window.__xss=1</script>',
  '<ScRiPt>window.__xss=1</sCrIpT>',
  '<script src="data:text/javascript,window.__xss=1"></script>',
  '<object data="javascript:window.__xss=1"></object>',
  '<embed src="javascript:window.__xss=1">',
  '<meta http-equiv="refresh" content="0;url=javascript:window.__xss=1">',
  '<base href="javascript:window.__xss=1//">',
  '<form action="javascript:window.__xss=1"><button>x</button></form>',
  '<div style="background:url(javascript:window.__xss=1)">',
  '${window.__xss=1}',
  '{{constructor.constructor("window.__xss=1")()}}',
  '\\u003cscript\\u003ewindow.__xss=1\\u003c/script\\u003e',
  '&lt;script&gt;window.__xss=1&lt;/script&gt;',
  '<img src=x onerror=alert(1)>',
  '"onmouseover="window.__xss=1',
  '<!--<script>window.__xss=1</script>-->',
  '＜script＞window.__xss=1＜/script＞',
  '<noscript><p title="</noscript><img src=x onerror=window.__xss=1>">',
].map((text, index): Payload => ({ name: `xss-${index + 1}`, text, isXss: true }));

const sql = [
  "' OR '1'='1",
  "' OR 1=1 --",
  "'; DROP TABLE \"Organization\"; --",
  "'); DELETE FROM \"User\"; --",
  '1; SELECT pg_sleep(5)',
  "' || pg_sleep(5) || '",
  "1' AND (SELECT count(*) FROM \"User\") > 0 --",
  "' UNION SELECT \"passwordHash\" FROM \"User\" --",
  '" OR ""="',
  "\\'; SELECT 1; --",
  "$$; SELECT 1; $$",
  "E'\\\\x00'",
  "%' AND 1=1 AND '%'='",
  '_%_%_%',
  'a & b | !c <-> d:*',
  '((((((((((a',
  "'::regclass",
  'NULL',
  '\\N',
  '; COPY "User" TO \'/tmp/x\'; --',
].map((text, index): Payload => ({ name: `sql-${index + 1}`, text }));

const nul: Payload[] = [
  { name: 'nul-middle', text: 'a\u0000b' },
  { name: 'nul-only', text: '\u0000' },
  { name: 'nul-many', text: '\u0000\u0000\u0000' },
  { name: 'nul-end', text: 'Beratung\u0000' },
  { name: 'nul-xss', text: '\u0000<script>window.__xss=1</script>', isXss: false },
  { name: 'nul-sql', text: "'\u0000; DROP TABLE \"User\"; --" },
  { name: 'nul-percent-text', text: '%00' },
];

const encoding: Payload[] = [
  { name: 'utf8-ff', encoded: '%FF' },
  { name: 'utf8-fe', encoded: 'a%FEb' },
  { name: 'utf8-lead-only', encoded: '%C3' },
  { name: 'utf8-bad-continuation', encoded: '%C3%28' },
  { name: 'utf8-truncated-3', encoded: '%E2%82' },
  { name: 'utf8-lone-continuation', encoded: '%80' },
  { name: 'utf8-overlong-slash', encoded: '%C0%AF' },
  { name: 'utf8-overlong-nul', encoded: '%C0%80' },
  { name: 'utf8-high-surrogate', encoded: '%ED%A0%80' },
  { name: 'utf8-low-surrogate', encoded: '%ED%BF%BF' },
  { name: 'utf8-beyond-unicode', encoded: '%F4%90%80%80' },
  { name: 'utf8-five-bytes', encoded: '%F8%88%80%80%80' },
  { name: 'latin1-umlaut', encoded: 'Gr%FC%DFe' },
  { name: 'cesu8-pair', encoded: '%ED%A0%BD%ED%B8%80' },
];

const unicode: Payload[] = [
  { name: 'rtl-override', text: 'abc\u202Eexe.txt' },
  { name: 'zero-width', text: 'Be\u200Bra\u200Ctung\uFEFF' },
  { name: 'emoji', text: '🧭🇩🇪👩🏽‍⚕️' },
  { name: 'combining', text: 'e\u0301\u0301\u0301\u0301\u0301' },
  { name: 'arabic', text: 'استشارة الهجرة' },
  { name: 'astral', text: '𝔅𝔢𝔯𝔞𝔱𝔲𝔫𝔤' },
  { name: 'control-chars', text: '\u0001\u0007\u001b[31m\u007f' },
  { name: 'crlf-injection', text: 'x\r\nSet-Cookie: pwned=1' },
  { name: 'long-word', text: 'Donaudampfschifffahrtsgesellschaftskapitän'.repeat(20) },
  { name: 'whitespace', text: ' \t\n\u00a0\u3000 ' },
];

// Wrong types and values outside every enum, mostly for the named parameters they target.
const values: Payload[] = [
  { name: 'empty', text: '' },
  { name: 'negative', text: '-1' },
  { name: 'zero', text: '0' },
  { name: 'huge-number', text: '99999999999999999999999' },
  { name: 'float', text: '1.5' },
  { name: 'exponent', text: '1e309' },
  { name: 'nan', text: 'NaN' },
  { name: 'boolean-ish', text: 'maybe' },
  { name: 'unknown-enum', text: 'DOES_NOT_EXIST' },
  { name: 'json-object', text: '{"$gt":""}' },
  { name: 'json-array', text: '["a","b"]' },
  { name: 'proto', text: '__proto__' },
  { name: 'path-traversal', text: '../../../../etc/passwd' },
  { name: 'encoded-traversal', text: '..%2F..%2Fetc%2Fpasswd' },
  { name: 'url', text: 'https://evil.example/' },
  { name: 'protocol-relative', text: '//evil.example' },
  { name: 'long-10k', text: 'ä'.repeat(5_000) },
];

export const PAYLOADS: Payload[] = [...xss, ...sql, ...nul, ...encoding, ...unicode, ...values];

/** For a URL: percent-encoded. */
export function urlValue(payload: Payload): string {
  return payload.encoded ?? encodeURIComponent(payload.text ?? '');
}

/** For a body: the bytes. */
export function bytesOf(payload: Payload): Buffer {
  if (payload.encoded !== undefined) {
    const bytes: number[] = [];
    for (let index = 0; index < payload.encoded.length; index++) {
      if (payload.encoded[index] === '%') {
        bytes.push(Number.parseInt(payload.encoded.slice(index + 1, index + 3), 16));
        index += 2;
      } else bytes.push(payload.encoded.charCodeAt(index));
    }
    return Buffer.from(bytes);
  }
  return Buffer.from(payload.text ?? '', 'utf8');
}
