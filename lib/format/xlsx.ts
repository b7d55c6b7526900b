// Tables as an XLSX workbook (exceljs): one sheet per table, a bold and frozen header row. Cells
// are written as values, never as formulas, so text starting with "=" stays text.
import ExcelJS from 'exceljs';

export async function toXlsx(sheets: { name: string; header: string[]; rows: (string | number | boolean | null)[][] }[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Netzwerk Integration Stendal';
  for (const sheet of sheets) {
    const ws = workbook.addWorksheet(sheet.name.slice(0, 31));
    ws.addRow(sheet.header).font = { bold: true };
    for (const row of sheet.rows) ws.addRow(row.map((cell) => (typeof cell === 'boolean' ? (cell ? 'ja' : 'nein') : cell)));
    ws.views = [{ state: 'frozen', ySplit: 1 }];
    ws.columns.forEach((column) => {
      column.width = 22;
    });
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
