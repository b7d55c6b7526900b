// Files made from a list's recipients: CSV for a mail merge and one vCard 4.0 file with all of
// them (lib/format/vcard.ts writes each card).
import { toExcelCsv } from '@/lib/format/csv';
import { toVcard } from '@/lib/format/vcard';
import type { Recipient } from './resolve-recipients';

export interface RecipientCsvLabels {
  email: string;
  name: string;
  role: string;
  organization: string;
  phone: string;
  mobile: string;
  kind: string;
  mailbox: string;
  contact: string;
}

export function recipientsCsv(recipients: Recipient[], labels: RecipientCsvLabels): Buffer {
  return toExcelCsv(
    [labels.email, labels.name, labels.role, labels.organization, labels.phone, labels.mobile, labels.kind],
    recipients.map((r) => [r.email, r.name, r.role, r.organizationName, r.phone, r.mobile, r.kind === 'mailbox' ? labels.mailbox : labels.contact]),
  );
}

export function recipientsVcard(recipients: Recipient[], { mailboxRole }: { mailboxRole: string }): string {
  return recipients
    .map((r) =>
      toVcard({
        name: r.name,
        role: r.role ?? mailboxRole,
        organization: r.organizationName,
        email: r.email,
        phone: r.phone,
        mobile: r.mobile,
        website: r.website,
      }),
    )
    .join('');
}
