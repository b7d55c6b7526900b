// vCard 4.0 (RFC 6350) for one contact person. Every value comes from a form, so nothing may end a
// line, a property or the card: line breaks of every kind (CR LF, a bare CR, a bare LF, U+2028,
// U+2029, NEL, vertical tab, form feed) become the escaped `\n` of a text value, other control
// characters are dropped, and `\`, `,` and `;` are escaped (RFC 6350 3.4). Lines are folded at
// 75 octets without splitting a UTF-8 character or an escape sequence (RFC 6350 3.2).
import { toE164 } from './phone';

export interface VcardInput {
  name: string | null;
  role: string;
  organization: string;
  email?: string | null;
  phone?: string | null;
  mobile?: string | null;
  website?: string | null;
  address?: { street?: string | null; postalCode?: string | null; city?: string | null } | null;
  languages?: string[];
  url?: string | null;
}

const LINE_BREAKS = /\r\n|[\r\n\u2028\u2029\u0085\u000B\u000C]/g;
// C0 and C1 controls except the line breaks handled above, DEL, and unpaired surrogates.
const CONTROLS = /[\u0000-\u0008\u000E-\u001F\u007F\u0080-\u0084\u0086-\u009F]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

// A TEXT value (also one component of a structured value such as N or ADR).
/** @internal Exported for its tests. */
export function escapeText(value: string): string {
  return value
    .replace(LINE_BREAKS, '\n')
    .replace(CONTROLS, '')
    .replace(/\\/g, '\\\\')
    .replace(/\n/g, '\\n')
    .replace(/,/g, '\\,')
    .replace(/;/g, '\\;');
}

// A URI value is not escaped; one that is not a plain http(s) URL is left out.
function uriValue(value: string | null | undefined): string | null {
  if (!value) return null;
  const cleaned = value.replace(LINE_BREAKS, '').replace(CONTROLS, '').trim();
  try {
    const url = new URL(cleaned);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.toString() : null;
  } catch {
    return null;
  }
}

const LANGUAGE_TAG = /^[a-z]{2,3}(-[A-Za-z0-9]{1,8})*$/;

// Splits a content line into chunks of at most 75 octets (the first) and 74 octets plus the
// leading space (the others). Escape sequences (`\n`, `\,`, ...) and characters stay whole.
/** @internal Exported for its tests. */
export function foldLine(line: string): string {
  if (Buffer.byteLength(line, 'utf8') <= 75) return line;
  const units = line.match(/\\.|[\s\S]/gu) ?? [];
  const parts: string[] = [];
  let current = '';
  let currentBytes = 0;
  for (const unit of units) {
    const bytes = Buffer.byteLength(unit, 'utf8');
    const limit = parts.length === 0 ? 75 : 74;
    if (currentBytes + bytes > limit) {
      parts.push(current);
      current = '';
      currentBytes = 0;
    }
    current += unit;
    currentBytes += bytes;
  }
  parts.push(current);
  return parts.join('\r\n ');
}

export function toVcard(input: VcardInput): string {
  const lines = ['BEGIN:VCARD', 'VERSION:4.0'];
  const name = input.name?.trim() || null;
  const displayName = name ?? `${input.role} – ${input.organization}`;
  lines.push(`FN:${escapeText(displayName)}`);
  if (name) {
    const parts = name.split(/\s+/);
    const family = parts.length > 1 ? parts[parts.length - 1] : name;
    const given = parts.length > 1 ? parts.slice(0, -1).join(' ') : '';
    lines.push(`N:${escapeText(family)};${escapeText(given)};;;`);
  }
  lines.push(`ORG:${escapeText(input.organization)}`);
  lines.push(`TITLE:${escapeText(input.role)}`);
  if (input.email) lines.push(`EMAIL;TYPE=work:${escapeText(input.email)}`);
  // A valid number as a tel: URI in E.164 (phones dial it from abroad too); anything else as text.
  const tel = (type: string, phone: string) => {
    const e164 = toE164(phone);
    return e164 ? `TEL;TYPE=${type};VALUE=uri:tel:${e164}` : `TEL;TYPE=${type};VALUE=text:${escapeText(phone)}`;
  };
  if (input.phone) lines.push(tel('work,voice', input.phone));
  if (input.mobile) lines.push(tel('cell', input.mobile));
  if (input.address && (input.address.street || input.address.city)) {
    const a = input.address;
    lines.push(`ADR;TYPE=work:;;${escapeText(a.street ?? '')};${escapeText(a.city ?? '')};;${escapeText(a.postalCode ?? '')};Deutschland`);
  }
  const languages = (input.languages ?? []).filter((language) => LANGUAGE_TAG.test(language));
  for (const [index, language] of languages.entries()) lines.push(`LANG;PREF=${index + 1}:${language}`);
  const url = uriValue(input.website) ?? uriValue(input.url);
  if (url) lines.push(`URL:${url}`);
  lines.push('END:VCARD');
  return lines.map(foldLine).join('\r\n') + '\r\n';
}
