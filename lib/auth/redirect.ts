// The one check for redirect targets taken from input (callbackUrl of sign-in and sign-out,
// next-auth's redirect callback): only paths on our own origin pass. Browsers are lenient in ways
// that turn innocent-looking paths into another host: `//evil`, `/\evil`, `/\t/evil` (tabs and
// newlines are dropped), `/%5Cevil` after a decode elsewhere. So anything with a backslash, a
// control or invisible character, or a second leading slash is refused, before and after
// percent-decoding, and the result must still resolve to our origin.

export const DEFAULT_AFTER_SIGN_IN = '/de/admin';

const MAX_LENGTH = 2000;
const PROBE_ORIGIN = 'http://redirect-check.invalid';
// As sent: no control, format (bidi, zero-width) or unassigned characters, no space of any kind
// (a real URL encodes them), no backslash.
const FORBIDDEN_CHARACTERS = /[\p{C}\p{Z}\\]/u;
// After percent-decoding: an encoded space in a query is fine, the rest is not.
const FORBIDDEN_DECODED = /[\p{Cc}\p{Cf}\p{Co}\p{Cn}\p{Zl}\p{Zp}\\]/u;

function startsAsPath(value: string): boolean {
  return value.startsWith('/') && !value.startsWith('//');
}

function isPlainPath(value: string): boolean {
  return startsAsPath(value) && !FORBIDDEN_CHARACTERS.test(value);
}

function isPlainDecodedPath(value: string): boolean {
  return startsAsPath(value) && !FORBIDDEN_DECODED.test(value);
}

// Percent-decoded until stable (at most a few rounds); null when the encoding is broken.
function decodedForms(value: string): string[] | null {
  const forms = [value];
  let current = value;
  for (let round = 0; round < 4; round++) {
    let next: string;
    try {
      next = decodeURIComponent(current);
    } catch {
      return null;
    }
    if (next === current) return forms;
    forms.push(next);
    current = next;
  }
  // Still changing after four rounds: nobody encodes a real path like that.
  return null;
}

// A same-origin path (with query and fragment) for `input`, or null. Absolute URLs are accepted
// only on `origin` (next-auth passes those) and come back as a path.
export function sameOriginPath(input: unknown, origin?: string): string | null {
  if (typeof input !== 'string' || input.length === 0 || input.length > MAX_LENGTH) return null;
  let candidate = input;
  if (!candidate.startsWith('/')) {
    if (!origin || FORBIDDEN_CHARACTERS.test(candidate)) return null;
    let absolute: URL;
    try {
      absolute = new URL(candidate);
    } catch {
      return null;
    }
    if (absolute.origin !== new URL(origin).origin || absolute.username || absolute.password) return null;
    candidate = absolute.pathname + absolute.search + absolute.hash;
  }
  const forms = decodedForms(candidate);
  if (!forms || !isPlainPath(candidate) || !forms.every(isPlainDecodedPath)) return null;
  let resolved: URL;
  try {
    resolved = new URL(candidate, PROBE_ORIGIN);
  } catch {
    return null;
  }
  if (resolved.origin !== PROBE_ORIGIN) return null;
  const path = resolved.pathname + resolved.search + resolved.hash;
  // Dot segments could have produced `//` again ("/./\/x" is refused above; "/.//x" is not).
  return isPlainPath(path) ? path : null;
}

export function safeRedirectPath(input: unknown, { fallback = DEFAULT_AFTER_SIGN_IN, origin }: { fallback?: string; origin?: string } = {}): string {
  return sameOriginPath(input, origin) ?? fallback;
}
