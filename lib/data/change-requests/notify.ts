// The proposer learns the outcome by e-mail, in their admin language.
import 'server-only';
import { isAdminLocale, DEFAULT_ADMIN_LOCALE } from '@/lib/i18n/admin-locales';
import { appUrl, sendMail } from '@/lib/mail/send';
import { changeRequestReviewedMail } from '@/lib/mail/templates/change-request-reviewed';
import type { Actor } from '@/lib/permissions';
import type { PendingRequest } from './pending';
import { requestSubject } from './present';

export async function notifyProposer(request: PendingRequest, status: 'APPROVED' | 'REJECTED', reviewer: Actor, comment: string | null): Promise<void> {
  const recipient = request.createdBy;
  if (!recipient?.isActive) return;
  const locale = isAdminLocale(recipient.locale) ? recipient.locale : DEFAULT_ADMIN_LOCALE;
  const mail = changeRequestReviewedMail(locale, {
    recipientName: recipient.name,
    organizationName: request.organization.name,
    change: requestSubject(locale, request.entityType, request.action),
    reviewerName: reviewer.name,
    isApproved: status === 'APPROVED',
    comment,
    url: appUrl(`/de/admin/aenderungen/${request.id}`),
  });
  await sendMail({ to: recipient.email, ...mail, kind: 'change-request', refId: request.id });
}
