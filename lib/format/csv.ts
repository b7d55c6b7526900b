// CSV as Excel in Germany opens it with a double click: UTF-8 with byte order mark (else umlauts
// break), semicolons (the German list separator), CRLF line ends, fields with a separator, quote or
// line break quoted. Values that a spreadsheet would run as a formula (=, +, -, @, tab, CR at the
// start) get a leading apostrophe (OWASP "CSV injection"), so a contact named "=HYPERLINK(...)"
// stays text. Written with csv-stringify, no hand-made quoting.
import { stringify } from 'csv-stringify/sync';

export type CsvValue = string | number | boolean | null | undefined | Date;

const FORMULA_START = /^[=+\-@\t\r]/;

function neutralizeFormula(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

function cell(value: CsvValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'boolean') return value ? 'ja' : 'nein';
  if (typeof value === 'number') return String(value);
  return neutralizeFormula(value);
}

export function toExcelCsv(header: string[], rows: CsvValue[][]): Buffer {
  const text = stringify([header.map(cell), ...rows.map((row) => row.map(cell))], {
    bom: true,
    delimiter: ';',
    record_delimiter: 'windows',
    quoted_match: /[\r\n]/,
  });
  return Buffer.from(text, 'utf8');
}

// A file name for Content-Disposition: ASCII fallback plus the UTF-8 name (RFC 6266/5987).
export function contentDisposition(filename: string): string {
  const ascii = filename
    .replace(/[äÄ]/g, 'ae')
    .replace(/[öÖ]/g, 'oe')
    .replace(/[üÜ]/g, 'ue')
    .replace(/ß/g, 'ss')
    .replace(/[^\x20-\x7e]/g, '_')
    .replace(/["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(filename)}`;
}
