import 'server-only';
import { db } from '@/lib/db';
import type { Actor } from '@/lib/permissions';
import { writeAudit } from '../audit';
import { getDistributionListWithRecipients } from './get-distribution-list';
import { DISTRIBUTION_LIST_ENTITY } from './shared';

export type ListExportFormat = 'csv' | 'vcard';

// The recipients for a download (CSV for a mail merge, vCard file). Personal data leaves the app:
// who downloaded which list, in which format and how many addresses is audited.
export async function exportDistributionList({ actor, id, format }: { actor: Actor | null; id: string; format: ListExportFormat }) {
  const result = await getDistributionListWithRecipients({ actor, id });
  await writeAudit(db, {
    actor: actor!,
    action: 'EXPORT',
    entityType: DISTRIBUTION_LIST_ENTITY,
    entityId: id,
    changes: { format: { before: null, after: format }, recipients: { before: null, after: result.resolution.recipients.length } },
  });
  return result;
}
