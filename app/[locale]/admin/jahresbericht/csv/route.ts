// The yearly report as one CSV file (Excel in Germany: UTF-8 with BOM, semicolons): every table of
// the page with its caption and header, in the admin's language. Coordinators only (checked by the
// data function); a wrong year is a 400 with the reason, never a 500.
import { getCurrentUser } from '@/lib/auth/session';
import { getYearlyReport } from '@/lib/data/reports/yearly-report';
import { contentDisposition, toExcelCsv } from '@/lib/format/csv';
import { downloadResponse, refusal } from '@/lib/http/download';
import { adminTranslator, getAdminLocale } from '@/lib/i18n/admin';
import { buildReportTables, reportCsvRows, type ReportT } from '@/lib/reports/yearly-tables';

export async function GET(request: Request): Promise<Response> {
  const year = new URL(request.url).searchParams.get('jahr') ?? undefined;
  try {
    const report = await getYearlyReport({ actor: await getCurrentUser(), year });
    const locale = await getAdminLocale();
    const t = adminTranslator(locale, 'YearlyReport') as unknown as ReportT;
    const { header, rows } = reportCsvRows(report, buildReportTables(report, t, locale), t);
    const filename = locale === 'en' ? `annual-report-${report.year}.csv` : `jahresbericht-${report.year}.csv`;
    return downloadResponse(toExcelCsv(header, rows), { contentType: 'text/csv; charset=utf-8', disposition: contentDisposition(filename) });
  } catch (error) {
    return refusal(error);
  }
}
