// vCard 4.0 (RFC 6350) for one contact person. Values are escaped; lines are folded at 75 octets.
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

function escapeValue(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/\n/g, '\\n').replace(/,/g, '\\,').replace(/;/g, '\\;');
}

function fold(line: string): string {
  const bytes = Buffer.from(line, 'utf8');
  if (bytes.length <= 75) return line;
  const parts: string[] = [];
  let current = '';
  for (const char of line) {
    if (Buffer.byteLength(current + char, 'utf8') > (parts.length === 0 ? 75 : 74)) {
      parts.push(current);
      current = '';
    }
    current += char;
  }
  parts.push(current);
  return parts.join('\r\n ');
}

export function toVcard(input: VcardInput): string {
  const lines = ['BEGIN:VCARD', 'VERSION:4.0'];
  const displayName = input.name ?? `${input.role} – ${input.organization}`;
  lines.push(`FN:${escapeValue(displayName)}`);
  if (input.name) {
    const parts = input.name.trim().split(/\s+/);
    const family = parts.length > 1 ? parts[parts.length - 1] : input.name;
    const given = parts.length > 1 ? parts.slice(0, -1).join(' ') : '';
    lines.push(`N:${escapeValue(family)};${escapeValue(given)};;;`);
  }
  lines.push(`ORG:${escapeValue(input.organization)}`);
  lines.push(`TITLE:${escapeValue(input.role)}`);
  if (input.email) lines.push(`EMAIL;TYPE=work:${escapeValue(input.email)}`);
  if (input.phone) lines.push(`TEL;TYPE=work,voice;VALUE=text:${escapeValue(input.phone)}`);
  if (input.mobile) lines.push(`TEL;TYPE=cell;VALUE=text:${escapeValue(input.mobile)}`);
  if (input.address && (input.address.street || input.address.city)) {
    const a = input.address;
    lines.push(`ADR;TYPE=work:;;${escapeValue(a.street ?? '')};${escapeValue(a.city ?? '')};;${escapeValue(a.postalCode ?? '')};Deutschland`);
  }
  for (const [index, language] of (input.languages ?? []).entries()) lines.push(`LANG;PREF=${index + 1}:${language}`);
  if (input.website) lines.push(`URL:${escapeValue(input.website)}`);
  else if (input.url) lines.push(`URL:${escapeValue(input.url)}`);
  lines.push('END:VCARD');
  return lines.map(fold).join('\r\n') + '\r\n';
}
