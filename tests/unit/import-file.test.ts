// Reading import files as spreadsheet programs write them: the encodings and delimiter hints of
// Excel's CSV and text formats end up as the same table.
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { parseImportFile } from '@/lib/import/parse-file';

const TEXT = 'Name;Ort;Telefon\r\n"Müller, Beratung";Tangerhütte;03931 1\r\nStraße „Süd“ €;Stendal;2\r\n';
const HEADERS = ['Name', 'Ort', 'Telefon'];
const ROWS = [
  ['Müller, Beratung', 'Tangerhütte', '03931 1'],
  ['Straße „Süd“ €', 'Stendal', '2'],
];

describe('parseImportFile', () => {
  it('reads UTF-8 with and without BOM, Windows-1252, comma and tab alike', async () => {
    const variants = [
      Buffer.from(TEXT),
      Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(TEXT)]),
      iconv.encode(TEXT, 'windows-1252'),
      Buffer.from(TEXT.replaceAll(';', ',')),
      Buffer.from(TEXT.replaceAll(';', '\t')),
    ];
    for (const bytes of variants) {
      const table = await parseImportFile(bytes, 'liste.csv');
      expect(table).toMatchObject({ headers: HEADERS, rows: ROWS, firstRow: 2 });
    }
  });

  it('honours Excel’s "sep=" first line; row numbers still count it', async () => {
    const table = await parseImportFile(Buffer.from(`sep=;\r\n${TEXT}`), 'liste.csv');
    expect(table).toMatchObject({ delimiter: ';', headers: HEADERS, rows: ROWS, firstRow: 3 });
    const comma = await parseImportFile(Buffer.from(`SEP=,\n${TEXT.replaceAll(';', ',')}`), 'liste.csv');
    expect(comma).toMatchObject({ delimiter: ',', headers: HEADERS, rows: ROWS });
  });

  it('reads Excel’s "Unicode-Text" (UTF-16 with byte order mark, tab-separated)', async () => {
    const tabbed = TEXT.replaceAll(';', '\t');
    const little = await parseImportFile(iconv.encode(`\ufeff${tabbed}`, 'utf-16le'), 'liste.txt');
    expect(little).toMatchObject({ encoding: 'utf-16le', delimiter: '\t', headers: HEADERS, rows: ROWS });
    const big = await parseImportFile(iconv.encode(`\ufeff${tabbed}`, 'utf-16be'), 'liste.txt');
    expect(big).toMatchObject({ encoding: 'utf-16be', headers: HEADERS, rows: ROWS });
  });
});
