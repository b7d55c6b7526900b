// The export download: XLSX with one sheet per table, or CSV of one table (UTF-8 with BOM,
// semicolons). The parameters are the export form's (GET, so the filter stays in the URL).
// Coordinators only; every export is audited by the data function.
import { getCurrentUser } from '@/lib/auth/session';
import { exportDirectory } from '@/lib/data/export/export-directory';
import { isAppError } from '@/lib/errors';
import { contentDisposition, toExcelCsv } from '@/lib/format/csv';
import { toXlsx } from '@/lib/format/xlsx';
import { downloadResponse, refusal } from '@/lib/http/download';
import { exportQuerySchema } from '@/lib/schemas/export';

const SHEET_NAMES = { organizations: 'Organisationen', services: 'Angebote', locations: 'Standorte', contacts: 'Kontakte', hours: 'Sprechzeiten' } as const;

function params(url: URL): Record<string, string | string[]> {
  const result: Record<string, string | string[]> = {};
  for (const key of new Set(url.searchParams.keys())) {
    const values = url.searchParams.getAll(key);
    result[key] = key === 'tables' ? values : values[0];
  }
  return result;
}

export async function GET(request: Request): Promise<Response> {
  const url = new URL(request.url);
  const { format, tables, includeInternal, ...query } = exportQuerySchema.parse(params(url));
  try {
    const sheets = await exportDirectory({ actor: await getCurrentUser(), query, tables, includeInternal, format });
    const date = new Date().toISOString().slice(0, 10);
    if (format === 'csv') {
      const [sheet] = sheets;
      return downloadResponse(toExcelCsv(sheet.header, sheet.rows), { contentType: 'text/csv; charset=utf-8', disposition: contentDisposition(`${SHEET_NAMES[sheet.table].toLowerCase()}-${date}.csv`) });
    }
    const body = await toXlsx(sheets.map((sheet) => ({ name: SHEET_NAMES[sheet.table], header: sheet.header, rows: sheet.rows })));
    return downloadResponse(body, { contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', disposition: contentDisposition(`verzeichnis-${date}.xlsx`) });
  } catch (error) {
    // Field errors of the form (no table, several tables as CSV): back to the form.
    if (isAppError(error) && error.code === 'VALIDATION') {
      const back = new URL('/de/admin/export', request.url);
      url.searchParams.forEach((value, key) => back.searchParams.append(key, value));
      back.searchParams.set('fehler', 'tabellen');
      return Response.redirect(back, 303);
    }
    return refusal(error);
  }
}
