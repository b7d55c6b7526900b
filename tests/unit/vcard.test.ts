// vCard injection (issue 10, finding 7): a corpus of hostile names, roles and addresses, each card
// checked with the strict RFC 6350 parser `vcard4` and on the raw octets: one card, only the
// properties we wrote, values round-trip, no bare CR or LF, no line over 75 octets.
// Two shortcomings of vcard4 4.0.5 are worked around, not hidden: it unescapes `\\n` in the wrong
// order (so values are compared with an RFC 6350 decoder of the raw lines), and it splits cards at
// "BEGIN:VCARD<CRLF>" anywhere in a line (so a value that ends in a card marker is checked by the
// RFC structure checks here only; it cannot start a card for a parser that reads lines).
import { parse } from 'vcard4';
import { describe, expect, it } from 'vitest';
import { escapeText, foldLine, toVcard, type VcardInput } from '@/lib/format/vcard';
import { toE164, toTelHref } from '@/lib/format/phone';

const INJECTIONS = [
  'Anna\rTEL:+49 666 666\rEMAIL:boese@example.org',
  'Anna\nTEL:+49 666 666',
  'Anna\r\nEND:VCARD\r\nBEGIN:VCARD\r\nVERSION:4.0\r\nFN:Fake\r\nTEL:+49 666',
  'Anna\r\n TEL:+49 666',
  'Anna\u2028TEL:+49 666',
  'Anna\u2029EMAIL:x@example.org',
  'Anna\u0085TEL:+49 666',
  'Anna\u000BTEL:1',
  'Anna\u000CTEL:1',
  'Anna\u0000TEL:1',
  'Anna\u001B[31mRot',
  'END:VCARD',
  'BEGIN:VCARD',
  'FN:Zweiter Name',
  'Anna;TYPE=cell:+49 666',
  'Anna:TEL:666',
  'Müller, Anna; Dr.',
  'O\\Brien',
  'Trailing\\',
  'Back\\nslash-n literal',
  '\\,\\;\\\\',
  ';;;;;;',
  ',,,,',
  '"Anna" \'B\'',
  '   Leerzeichen   ',
  '\tTab\tName',
  'Ayşe Yılmaz',
  'محمد الأحمد',
  'Олена Шевченко',
  'Ärzt*innen Übersetzungsbüro Öğretmen',
  '\u202EgnpJ.exe\u202C Name',
  'Zero\u200BWidth\u200DJoiner',
  'Emoji 👩🏽‍⚕️ Ärztin',
  '\uD800 lone surrogate',
  'lone low \uDC00 surrogate',
  'e\u0301\u0301\u0301 combining',
];

// Names whose folding points fall inside multi-octet characters and escape sequences.
const FOLDING = [
  'a'.repeat(70) + 'äöü€😀',
  'ä'.repeat(40),
  '€'.repeat(30),
  '😀'.repeat(25),
  ('x,'.repeat(40)),
  ('\\'.repeat(80)),
  ('y;'.repeat(50)),
  'b'.repeat(68) + '\\,;' + 'c'.repeat(10),
  'Sehr langer Name '.repeat(30),
  'ب'.repeat(120),
];

const NAMES = [...INJECTIONS, ...FOLDING, ...INJECTIONS.map((value) => `${value} ${FOLDING[0]}`)];

// Other fields get the hostile values too (roles, e-mail, phone, address, organization).
const CASES: VcardInput[] = [
  ...NAMES.map((name) => ({ name, role: 'Migrationsberatung', organization: 'Caritas (Beispiel)', email: 'kontakt@example.org', phone: '03931 123456' })),
  ...INJECTIONS.map((value) => ({
    name: null,
    role: value,
    organization: value,
    email: `x@example.org\r\nTEL:${value}`,
    phone: `0393\r1\nTEL:+49 666 ${value}`,
    mobile: value,
    address: { street: value, postalCode: '39576', city: value },
    languages: ['ar', `de\r\nTEL:666`, 'uk'],
    website: `https://example.org/${encodeURIComponent(value.toWellFormed())}\r\nTEL:666`,
  })),
  { name: 'Normal Name', role: 'Beratung', organization: 'JMD', website: 'javascript:alert(1)', url: 'https://example.org/akteure/jmd' },
];

// What a text value must come back as after parsing: every line break a LF, controls gone.
function expectedText(value: string): string {
  return value
    .replace(/\r\n|[\r\n\u2028\u2029\u0085\u000B\u000C]/g, '\n')
    .replace(/[\u0000-\u0008\u000E-\u001F\u007F\u0080-\u0084\u0086-\u009F]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '');
}

type Parsed = { property: string; value: unknown; parameters: Record<string, unknown> };

// RFC 6350 3.4: exactly these escapes exist; decoded in one pass.
function unescapeText(value: string): string {
  return value.replace(/\\([\\,;nN])/g, (_, char: string) => (char === 'n' || char === 'N' ? '\n' : char));
}

// Property name and raw value of every unfolded content line (our parameters contain no colon).
function contentLines(card: string): { property: string; value: string }[] {
  return card
    .replace(/\r\n /g, '')
    .split('\r\n')
    .filter(Boolean)
    .map((line) => {
      const colon = line.indexOf(':');
      return { property: line.slice(0, colon).split(';')[0], value: line.slice(colon + 1) };
    });
}

const CARD_MARKER_AT_END = /(BEGIN|END):VCARD$/i;

function parseStrict(card: string): Parsed[] {
  const result = parse(card);
  expect(Array.isArray(result), 'genau eine Karte').toBe(false);
  return (result as { parsedVcard: Parsed[] }).parsedVcard;
}

describe('toVcard', () => {
  it(`survives the corpus (${CASES.length} cards) under the strict parser`, () => {
    const failures: string[] = [];
    for (const input of CASES) {
      const card = toVcard(input);
      const label = JSON.stringify(input.name ?? input.role).slice(0, 60);
      try {
        // Raw octets: CRLF line ends only, no physical line over 75 octets, one card.
        expect(card.endsWith('\r\n')).toBe(true);
        expect(card.replace(/\r\n/g, '')).not.toMatch(/[\r\n\u2028\u2029\u0085\u000B\u000C\u0000]/);
        for (const line of card.slice(0, -2).split('\r\n')) expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75);
        const unfolded = card.replace(/\r\n /g, '').split('\r\n').filter(Boolean);
        expect(unfolded.filter((line) => line === 'BEGIN:VCARD')).toHaveLength(1);
        expect(unfolded.filter((line) => line === 'END:VCARD')).toHaveLength(1);

        const lines = contentLines(card);
        const valuesEndingInMarker = lines.some((line) => line.property !== 'BEGIN' && line.property !== 'END' && CARD_MARKER_AT_END.test(line.value));
        const properties: Parsed[] = valuesEndingInMarker ? lines.slice(2, -1).map((line) => ({ property: line.property, value: line.value, parameters: {} })) : parseStrict(card);
        const names = properties.map((p) => p.property);
        expect(lines.slice(2, -1).map((line) => line.property)).toEqual(names);
        const expected = ['FN', ...(input.name?.trim() ? ['N'] : []), 'ORG', 'TITLE'];
        if (input.email) expected.push('EMAIL');
        if (input.phone) expected.push('TEL');
        if (input.mobile) expected.push('TEL');
        if (input.address) expected.push('ADR');
        expected.push(...(input.languages ?? []).filter((l) => /^[a-z]{2,3}$/.test(l)).map(() => 'LANG'));
        if (/^https?:/.test(input.website ?? '') || input.url) expected.push('URL');
        expect(names).toEqual(expected);

        const value = (property: string) => unescapeText(lines.find((line) => line.property === property)!.value);
        expect(value('FN')).toBe(expectedText(input.name?.trim() || `${input.role} – ${input.organization}`));
        expect(value('TITLE')).toBe(expectedText(input.role));
        expect(value('ORG')).toBe(expectedText(input.organization));
        if (input.email) expect(value('EMAIL')).toBe(expectedText(input.email));
        // A valid number as a tel: URI in E.164, anything else as the typed text.
        const phones = lines.filter((line) => line.property === 'TEL').map((line) => unescapeText(line.value));
        expect(phones).toEqual([input.phone, input.mobile].filter(Boolean).map((v) => (toE164(v!) ? `tel:${toE164(v!)}` : expectedText(v!))));
      } catch (error) {
        failures.push(`${label}: ${(error as Error).message.split('\n')[0]}`);
      }
    }
    expect(failures).toEqual([]);
  });

  it('writes a valid number as a tel: URI in E.164 (German without a country code)', () => {
    const card = toVcard({ name: 'A B', role: 'R', organization: 'O', phone: '03931 60-7040', mobile: '+48 12 345 67 89' });
    expect(card).toContain('TEL;TYPE=work,voice;VALUE=uri:tel:+493931607040\r\n');
    expect(card).toContain('TEL;TYPE=cell;VALUE=uri:tel:+48123456789\r\n');
    expect(toVcard({ name: 'A', role: 'R', organization: 'O', phone: 'Zentrale' })).toContain('TEL;TYPE=work,voice;VALUE=text:Zentrale\r\n');
  });

  it('turns a bare CR in a name into an escaped line break instead of a new property', () => {
    const card = toVcard({ name: 'Anna\rTEL:+49 666', role: 'Beratung', organization: 'JMD' });
    expect(card).toContain('FN:Anna\\nTEL:+49 666\r\n');
    expect(parseStrict(card).filter((p) => p.property === 'TEL')).toEqual([]);
  });

  it('leaves out URLs that are not http(s) and language codes that are not codes', () => {
    const card = toVcard({ name: 'A B', role: 'R', organization: 'O', website: 'javascript:alert(1)', languages: ['ar', 'x\r\nTEL:1'] });
    expect(card).not.toContain('javascript');
    expect(card).not.toContain('TEL');
    expect(card).toContain('LANG;PREF=1:ar\r\n');
  });
});

describe('escapeText and foldLine', () => {
  it('escapes backslash, comma, semicolon and every line break', () => {
    expect(escapeText('a\\b,c;d\ne\rf\r\ng\u2028h')).toBe('a\\\\b\\,c\\;d\\ne\\nf\\ng\\nh');
  });

  it('folds at 75 octets without splitting a character or an escape sequence', () => {
    const line = `FN:${'€'.repeat(24)}\\n${'ä'.repeat(40)}`;
    const folded = foldLine(line);
    for (const physical of folded.split('\r\n')) expect(Buffer.byteLength(physical, 'utf8')).toBeLessThanOrEqual(75);
    expect(folded.replace(/\r\n /g, '')).toBe(line);
    expect(folded.split('\r\n ').every((part) => !part.endsWith('\\') || part.endsWith('\\\\'))).toBe(true);
  });
});

describe('tel: links', () => {
  it('dial E.164, checked by libphonenumber-js with Germany as the default region', () => {
    expect(toTelHref('03931 60-7040')).toBe('tel:+493931607040');
    expect(toTelHref('(0391) 567-0')).toBe('tel:+493915670');
    expect(toTelHref('0049 3931 607040')).toBe('tel:+493931607040');
    expect(toTelHref('+48 12 345 67 89')).toBe('tel:+48123456789');
    expect(toE164('0000 100 200')).toBeNull();
    expect(toE164('Zentrale')).toBeNull();
  });
});
