// Checks every request's URL and body before the app sees it: text must be valid UTF-8 without NUL
// characters. PostgreSQL refuses NUL in text (the app answered 500), and invalid UTF-8 or lone
// surrogates would otherwise be stored as replacement characters. Pure functions: unit-tested.

export type InputProblem = 'nul' | 'encoding' | 'malformed';

const utf8 = new TextDecoder('utf-8', { fatal: true });

function isValidUtf8(bytes: Uint8Array): boolean {
  try {
    utf8.decode(bytes);
    return true;
  } catch {
    return false;
  }
}

const HEX = /^[0-9a-fA-F]{2}$/;

/**
 * Percent-decodes like the WHATWG URL parser (an invalid "%zz" stays as it is) and, for query
 * strings and form bodies, "+" as space; returns the bytes.
 */
function percentDecode(text: string, plusAsSpace: boolean): Buffer {
  const bytes: number[] = [];
  for (let index = 0; index < text.length; index++) {
    const char = text[index];
    if (char === '%' && HEX.test(text.slice(index + 1, index + 3))) {
      bytes.push(Number.parseInt(text.slice(index + 1, index + 3), 16));
      index += 2;
    } else if (char === '+' && plusAsSpace) {
      bytes.push(0x20);
    } else {
      const code = char.charCodeAt(0);
      // Node hands us the raw request line as latin1: one char per byte.
      bytes.push(code & 0xff);
    }
  }
  return Buffer.from(bytes);
}

function checkBytes(bytes: Uint8Array): InputProblem | null {
  if (bytes.includes(0)) return 'nul';
  return isValidUtf8(bytes) ? null : 'encoding';
}

/** The request target as Node received it (path and query, latin1). */
export function checkRequestTarget(target: string): InputProblem | null {
  const queryStart = target.indexOf('?');
  const path = queryStart === -1 ? target : target.slice(0, queryStart);
  const query = queryStart === -1 ? '' : target.slice(queryStart + 1);
  const raw = Buffer.from(target, 'latin1');
  const problem = checkBytes(raw) ?? checkBytes(percentDecode(path, false));
  if (problem) return problem;
  return checkFormUrlEncoded(query);
}

function checkFormUrlEncoded(text: string): InputProblem | null {
  for (const pair of text.split('&')) {
    if (!pair) continue;
    const problem = checkBytes(percentDecode(pair, true));
    if (problem) return problem;
  }
  return null;
}

// A JSON text (React's encoded action arguments, JSON APIs): NUL or a lone surrogate may hide in
// escapes such as \u0000 or \ud800, which only a parser sees.
function checkJsonValue(value: unknown): InputProblem | null {
  if (typeof value === 'string') {
    if (value.includes('\u0000')) return 'nul';
    return value.isWellFormed() ? null : 'encoding';
  }
  if (Array.isArray(value)) {
    for (const item of value) {
      const problem = checkJsonValue(item);
      if (problem) return problem;
    }
    return null;
  }
  if (value && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      const problem = checkJsonValue(key) ?? checkJsonValue(item);
      if (problem) return problem;
    }
  }
  return null;
}

function checkText(bytes: Uint8Array, { isJson }: { isJson: boolean | 'maybe' }): InputProblem | null {
  const problem = checkBytes(bytes);
  if (problem) return problem;
  if (!isJson) return null;
  const text = Buffer.from(bytes).toString('utf8');
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return isJson === true ? 'malformed' : null;
  }
  return checkJsonValue(parsed);
}

function parameter(contentType: string, name: string): string | undefined {
  const match = new RegExp(`;\\s*${name}\\s*=\\s*(?:"([^"]*)"|([^;\\s]*))`, 'i').exec(contentType);
  return match ? (match[1] ?? match[2]) : undefined;
}

function checkMultipart(body: Buffer, contentType: string): InputProblem | null {
  const boundary = parameter(contentType, 'boundary');
  if (!boundary || boundary.length > 200) return 'malformed';
  const delimiter = Buffer.from(`--${boundary}`, 'latin1');
  let position = body.indexOf(delimiter);
  if (position === -1) return body.length === 0 ? null : 'malformed';
  for (;;) {
    position += delimiter.length;
    // "--" after the delimiter closes the body.
    if (body[position] === 0x2d && body[position + 1] === 0x2d) return null;
    if (body[position] !== 0x0d || body[position + 1] !== 0x0a) return 'malformed';
    const headersEnd = body.indexOf('\r\n\r\n', position, 'latin1');
    if (headersEnd === -1) return 'malformed';
    const next = body.indexOf(Buffer.concat([Buffer.from('\r\n'), delimiter]), headersEnd);
    if (next === -1) return 'malformed';
    const headerBytes = body.subarray(position + 2, headersEnd);
    const headerProblem = checkBytes(headerBytes);
    if (headerProblem) return headerProblem;
    const headers = headerBytes.toString('utf8');
    const disposition = /^content-disposition:(.*)$/im.exec(headers)?.[1] ?? '';
    const name = parameter(`;${disposition}`, 'name');
    if (name === undefined) return 'malformed';
    const isFile = parameter(`;${disposition}`, 'filename') !== undefined;
    if (!isFile) {
      // React's encoded arguments come as numbered JSON parts next to the form's own fields.
      const problem = checkText(body.subarray(headersEnd + 4, next), { isJson: /^\d+$/.test(name) ? 'maybe' : false });
      if (problem) return problem;
    }
    position = next + 2;
  }
}

/** A request body by its Content-Type; files in multipart bodies are not text and stay unchecked. */
export function checkRequestBody(contentType: string | undefined, body: Buffer, { isAction = false } = {}): InputProblem | null {
  const type = (contentType ?? '').split(';')[0].trim().toLowerCase();
  if (body.length === 0) return null;
  switch (type) {
    case 'application/x-www-form-urlencoded':
      return checkBytes(body) ?? checkFormUrlEncoded(body.toString('latin1'));
    case 'multipart/form-data':
      return checkMultipart(body, contentType ?? '');
    case 'application/json':
      return checkText(body, { isJson: true });
    case 'text/plain':
    case '':
      // A server action called from the page sends its arguments as JSON text.
      return checkText(body, { isJson: isAction ? true : 'maybe' });
    default:
      // Binary uploads (none yet) are passed on unchecked.
      return type.startsWith('text/') ? checkText(body, { isJson: false }) : null;
  }
}
