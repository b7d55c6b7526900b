// The list's recipients as CSV for a mail merge (Excel in Germany: UTF-8 with BOM, semicolons).
// Coordinators only (checked by the data function); the download is audited.
import { getCurrentUser } from '@/lib/auth/session';
import { exportDistributionList } from '@/lib/data/distribution-lists/export-distribution-list';
import { recipientsCsv } from '@/lib/data/distribution-lists/recipient-files';
import { contentDisposition } from '@/lib/format/csv';
import { getAdminT } from '@/lib/i18n/admin';
import { downloadResponse, refusal } from '@/lib/http/download';
import { slugify } from '@/lib/schemas/slug';

export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  const { id } = await params;
  try {
    const { list, resolution } = await exportDistributionList({ actor: await getCurrentUser(), id, format: 'csv' });
    const t = await getAdminT('DistributionLists');
    const body = recipientsCsv(resolution.recipients, {
      email: t('csvEmail'),
      name: t('csvName'),
      role: t('csvRole'),
      organization: t('csvOrganization'),
      phone: t('csvPhone'),
      mobile: t('csvMobile'),
      kind: t('csvKind'),
      mailbox: t('kindMailbox'),
      contact: t('csvContact'),
    });
    return downloadResponse(body, { contentType: 'text/csv; charset=utf-8', disposition: contentDisposition(`verteiler-${slugify(list.name)}.csv`) });
  } catch (error) {
    return refusal(error);
  }
}
