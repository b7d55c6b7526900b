// The import template as CSV (for Excel) or XLSX. Coordinators only.
import { getCurrentUser } from '@/lib/auth/session';
import { requireScopeAll } from '@/lib/data/access';
import { contentDisposition } from '@/lib/format/csv';
import { downloadResponse, refusal } from '@/lib/http/download';
import { templateCsv, templateXlsx } from '@/lib/import/template';

export async function GET(_request: Request, { params }: { params: Promise<{ format: string }> }): Promise<Response> {
  const { format } = await params;
  try {
    requireScopeAll(await getCurrentUser(), 'directory.import');
    if (format === 'csv') return downloadResponse(templateCsv(), { contentType: 'text/csv; charset=utf-8', disposition: contentDisposition('import-vorlage.csv') });
    if (format === 'xlsx') {
      return downloadResponse(await templateXlsx(), {
        contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        disposition: contentDisposition('import-vorlage.xlsx'),
      });
    }
    return new Response('Nicht gefunden.', { status: 404 });
  } catch (error) {
    return refusal(error);
  }
}
