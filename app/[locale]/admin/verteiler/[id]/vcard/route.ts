// All recipients of the list as one vCard 4.0 file (lib/format/vcard.ts). Coordinators only; audited.
import { getCurrentUser } from '@/lib/auth/session';
import { exportDistributionList } from '@/lib/data/distribution-lists/export-distribution-list';
import { recipientsVcard } from '@/lib/data/distribution-lists/recipient-files';
import { contentDisposition } from '@/lib/format/csv';
import { getAdminT } from '@/lib/i18n/admin';
import { downloadResponse, refusal } from '@/lib/http/download';
import { slugify } from '@/lib/schemas/slug';

export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  const { id } = await params;
  try {
    const { list, resolution } = await exportDistributionList({ actor: await getCurrentUser(), id, format: 'vcard' });
    const t = await getAdminT('DistributionLists');
    const body = recipientsVcard(resolution.recipients, { mailboxRole: t('kindMailbox') });
    return downloadResponse(Buffer.from(body, 'utf8'), { contentType: 'text/vcard; charset=utf-8', disposition: contentDisposition(`verteiler-${slugify(list.name)}.vcf`) });
  } catch (error) {
    return refusal(error);
  }
}
