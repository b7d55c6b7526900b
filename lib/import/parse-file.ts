// Reading an uploaded table: CSV (semicolon, comma or tab; UTF-8, Windows-1252 or, from Excel's
// "Unicode-Text", UTF-16 with byte order mark) with csv-parse (decoded with iconv-lite), XLSX with exceljs. No hand-written parser: this file only picks the encoding
// and the delimiter and turns cells into text.
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';

const MAX_IMPORT_ROWS = 5000;
const MAX_IMPORT_COLUMNS = 100;
const MAX_CELL_LENGTH = 10_000;

export interface ParsedTable {
  format: 'csv' | 'xlsx';
  encoding: string | null;
  delimiter: string | null;
  headers: string[];
  rows: string[][];
  // Row number (as a spreadsheet counts) of rows[0].
  firstRow: number;
}

export class ImportFileError extends Error {
  constructor(readonly code: 'empty' | 'unreadable' | 'tooManyRows' | 'tooManyColumns' | 'noHeader') {
    super(code);
  }
}

// Excel saves "CSV (Trennzeichen-getrennt)" in Windows-1252, "CSV UTF-8" with a byte order mark.
// Windows-1252 through iconv-lite: Node 20's TextDecoder('windows-1252') decodes it as Latin-1,
// which turns "€", "„" and "“" into control characters.
function decode(bytes: Buffer): { text: string; encoding: string } {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'utf-8' };
  // Excel's "Unicode-Text" (tab-separated) is UTF-16 little-endian with a byte order mark.
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: iconv.decode(bytes.subarray(2), 'utf-16le'), encoding: 'utf-16le' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: iconv.decode(bytes.subarray(2), 'utf-16be'), encoding: 'utf-16be' };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    return { text: iconv.decode(bytes, 'windows-1252'), encoding: 'windows-1252' };
  }
}

function parseCsv(text: string, delimiter: string, to?: number): string[][] {
  return parse(text, { delimiter, relax_column_count: true, relax_quotes: true, skip_empty_lines: false, to_line: to }) as string[][];
}

// The delimiter that splits the first lines into the most columns, the same number in each.
function detectDelimiter(text: string): string {
  let best = { delimiter: ';', score: -1 };
  for (const delimiter of [';', ',', '\t']) {
    try {
      const sample = parseCsv(text, delimiter, 20);
      if (!sample.length) continue;
      const width = sample[0].length;
      const consistent = sample.filter((row) => row.length === width).length / sample.length;
      const score = width > 1 ? width * consistent : 0;
      if (score > best.score) best = { delimiter, score };
    } catch {
      // Not this delimiter.
    }
  }
  return best.delimiter;
}

function cellText(cell: ExcelJS.Cell): string {
  const value = cell.value;
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object' && 'result' in value) {
    const result = (value as { result?: unknown }).result;
    return result instanceof Date ? result.toISOString().slice(0, 10) : String(result ?? '');
  }
  return cell.text ?? '';
}

async function parseXlsx(bytes: Buffer): Promise<string[][]> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    throw new ImportFileError('unreadable');
  }
  const sheet = workbook.worksheets.find((ws) => ws.state === 'visible') ?? workbook.worksheets[0];
  if (!sheet) throw new ImportFileError('empty');
  const rows: string[][] = [];
  sheet.eachRow({ includeEmpty: true }, (row, rowNumber) => {
    if (rowNumber > MAX_IMPORT_ROWS + 2) throw new ImportFileError('tooManyRows');
    const cells: string[] = [];
    for (let column = 1; column <= Math.min(row.cellCount, MAX_IMPORT_COLUMNS + 1); column++) cells.push(cellText(row.getCell(column)));
    rows[rowNumber - 1] = cells;
  });
  return Array.from(rows, (row) => row ?? []);
}

export async function parseImportFile(bytes: Buffer, filename: string): Promise<ParsedTable> {
  if (!bytes.length) throw new ImportFileError('empty');
  const isZip = bytes[0] === 0x50 && bytes[1] === 0x4b;
  let format: ParsedTable['format'];
  let encoding: string | null = null;
  let delimiter: string | null = null;
  let table: string[][];
  if (isZip || /\.xlsx$/i.test(filename)) {
    format = 'xlsx';
    table = await parseXlsx(bytes);
  } else {
    format = 'csv';
    const decoded = decode(bytes);
    encoding = decoded.encoding;
    // Excel writes and honours a first line "sep=;" naming the delimiter. It is blanked, not
    // removed, so that row numbers in errors still match the file.
    const sepLine = /^sep=(.)\r?\n/i.exec(decoded.text);
    const text = sepLine ? decoded.text.slice(sepLine[0].length - 1) : decoded.text;
    delimiter = sepLine ? sepLine[1] : detectDelimiter(text);
    try {
      table = parseCsv(text, delimiter);
    } catch {
      throw new ImportFileError('unreadable');
    }
  }
  const clean = table.map((row) => row.map((cell) => String(cell ?? '').replace(/\r\n?/g, '\n').trim().slice(0, MAX_CELL_LENGTH)));
  // Trailing empty rows and columns are what spreadsheets leave behind.
  while (clean.length && clean[clean.length - 1].every((cell) => cell === '')) clean.pop();
  const headerIndex = clean.findIndex((row) => row.some((cell) => cell !== ''));
  if (headerIndex < 0) throw new ImportFileError('empty');
  let width = clean[headerIndex].length;
  while (width > 0 && clean[headerIndex][width - 1] === '') width -= 1;
  if (width === 0) throw new ImportFileError('noHeader');
  if (width > MAX_IMPORT_COLUMNS) throw new ImportFileError('tooManyColumns');
  const headers = clean[headerIndex].slice(0, width).map((header, index) => header || `Spalte ${index + 1}`);
  // Empty rows inside the table are kept (as empty rows) so that row numbers match the file.
  const rows = clean.slice(headerIndex + 1).map((row) => Array.from({ length: width }, (_, i) => row[i] ?? ''));
  if (rows.length > MAX_IMPORT_ROWS) throw new ImportFileError('tooManyRows');
  return { format, encoding, delimiter, headers, rows, firstRow: headerIndex + 2 };
}
