// "Is your entry still correct?": overdue entries, reminder e-mails with a single-use link, and
// confirming that link without signing in.
import 'server-only';
import { db } from '@/lib/db';
import type { Actor } from '@/lib/permissions';
import { createToken, hashToken, isWellFormedToken } from '@/lib/auth/tokens';
import { DEFAULT_ADMIN_LOCALE, isAdminLocale, type AdminLocale } from '@/lib/i18n/admin-locales';
import { appUrl, sendMail } from '@/lib/mail/send';
import { verificationReminderMail } from '@/lib/mail/templates/verification-reminder';
import { organizationScope, requireScopeAll } from './access';
import { writeOrganizationAudit } from './audit';
import { findOverdueOrganizationIds } from './freshness';

const VERIFICATION_LINK_DAYS = 30;
export const REMINDER_COOLDOWN_DAYS = 14;
const DAY_MS = 24 * 60 * 60 * 1000;

async function findOverdueIds({ now, organizationIds }: { now: Date; organizationIds?: string[] }): Promise<string[]> {
  const ids = await findOverdueOrganizationIds({ now, isPublishedOnly: true });
  return organizationIds ? ids.filter((id) => organizationIds.includes(id)) : ids;
}

export async function listOverdueOrganizations({ actor, now = new Date() }: { actor: Actor | null; now?: Date }) {
  const scope = organizationScope(actor, 'dashboard.read');
  const ids = await findOverdueIds({ now, organizationIds: Object.keys(scope).length ? actor!.organizationIds : undefined });
  return db.organization.findMany({
    where: { id: { in: ids } },
    orderBy: [{ lastVerifiedAt: { sort: 'asc', nulls: 'first' } }, { name: 'asc' }],
    select: {
      id: true,
      slug: true,
      name: true,
      lastVerifiedAt: true,
      reviewIntervalMonths: true,
      createdAt: true,
      verificationRequests: { orderBy: { createdAt: 'desc' }, take: 1, select: { createdAt: true, usedAt: true } },
    },
  });
}

// Partners of the entry who can sign in (in their admin language); else the entry's functional address.
async function findRecipients(organizationId: string): Promise<{ email: string; locale: AdminLocale }[]> {
  const organization = await db.organization.findUnique({
    where: { id: organizationId },
    select: {
      email: true,
      memberships: { where: { user: { isActive: true } }, select: { user: { select: { email: true, locale: true } } } },
    },
  });
  if (!organization) return [];
  const partners = organization.memberships.map(({ user }) => ({ email: user.email, locale: isAdminLocale(user.locale) ? user.locale : DEFAULT_ADMIN_LOCALE }));
  return partners.length ? partners : organization.email ? [{ email: organization.email, locale: DEFAULT_ADMIN_LOCALE }] : [];
}

export interface ReminderResult {
  sent: { organizationId: string; recipients: string[] }[];
  skipped: { organizationId: string; reason: 'recently-reminded' | 'no-recipient' }[];
}

// Sends one reminder per overdue entry, never a second one within REMINDER_COOLDOWN_DAYS, so the
// scheduled command can run as often as it likes. `actor` null means the scheduled command.
export async function sendVerificationReminders({
  actor,
  organizationIds,
  now = new Date(),
}: {
  actor: Actor | null | 'system';
  organizationIds?: string[];
  now?: Date;
}): Promise<ReminderResult> {
  if (actor !== 'system') requireScopeAll(actor, 'verification.sendReminders');
  const result: ReminderResult = { sent: [], skipped: [] };
  for (const organizationId of await findOverdueIds({ now, organizationIds })) {
    const recipients = await findRecipients(organizationId);
    if (recipients.length === 0) {
      result.skipped.push({ organizationId, reason: 'no-recipient' });
      continue;
    }
    const { token, tokenHash } = createToken();
    const expiresAt = new Date(now.getTime() + VERIFICATION_LINK_DAYS * DAY_MS);
    const cooldownStart = new Date(now.getTime() - REMINDER_COOLDOWN_DAYS * DAY_MS);
    // The cooldown check and the insert happen under a row lock on the organization, so two
    // runs at the same moment cannot both send.
    const created = await db.$transaction(async (tx) => {
      const [organization] = await tx.$queryRaw<{ name: string }[]>`
        SELECT "name" FROM "Organization" WHERE "id" = ${organizationId}::uuid FOR UPDATE`;
      const recent = await tx.verificationRequest.count({ where: { organizationId, createdAt: { gt: cooldownStart } } });
      if (!organization || recent > 0) return null;
      await tx.verificationRequest.create({
        data: {
          organizationId,
          tokenHash,
          sentTo: recipients.map((recipient) => recipient.email).join(', '),
          expiresAt,
          createdAt: now,
          createdById: actor === 'system' || !actor ? null : actor.id,
        },
      });
      return organization;
    });
    if (!created) {
      result.skipped.push({ organizationId, reason: 'recently-reminded' });
      continue;
    }
    const content = { organizationName: created.name, confirmUrl: appUrl(`/de/bestaetigen/${token}`), editUrl: appUrl(`/de/admin/organisationen/${organizationId}`), expiresAt };
    for (const recipient of recipients) {
      await sendMail({ to: recipient.email, ...verificationReminderMail(recipient.locale, content), kind: 'verification-reminder', refId: organizationId });
    }
    result.sent.push({ organizationId, recipients: recipients.map((recipient) => recipient.email) });
  }
  return result;
}

export type VerificationOutcome =
  | { status: 'confirmed'; organizationId: string; organizationName: string; organizationSlug: string }
  | { status: 'invalid' | 'expired' | 'used' };

// What the link page shows before the click (no change yet: mail scanners open links too).
export async function inspectVerificationToken({ token, now = new Date() }: { token: string; now?: Date }) {
  if (!isWellFormedToken(token)) return { status: 'invalid' as const };
  const request = await db.verificationRequest.findUnique({
    where: { tokenHash: hashToken(token) },
    select: { usedAt: true, expiresAt: true, organization: { select: { id: true, name: true, deletedAt: true } } },
  });
  if (!request || request.organization.deletedAt) return { status: 'invalid' as const };
  if (request.usedAt) return { status: 'used' as const };
  if (request.expiresAt <= now) return { status: 'expired' as const };
  return { status: 'valid' as const, organizationName: request.organization.name, organizationId: request.organization.id };
}

export async function confirmVerification({ token, now = new Date() }: { token: string; now?: Date }): Promise<VerificationOutcome> {
  if (!isWellFormedToken(token)) return { status: 'invalid' };
  return db.$transaction(async (tx) => {
    const request = await tx.verificationRequest.findUnique({
      where: { tokenHash: hashToken(token) },
      select: { id: true, sentTo: true, usedAt: true, expiresAt: true, organizationId: true },
    });
    if (!request) return { status: 'invalid' as const };
    if (request.usedAt) return { status: 'used' as const };
    if (request.expiresAt <= now) return { status: 'expired' as const };
    // Only the first of two simultaneous clicks updates the row.
    const claimed = await tx.verificationRequest.updateMany({ where: { id: request.id, usedAt: null }, data: { usedAt: now } });
    if (claimed.count !== 1) return { status: 'used' as const };
    const before = await tx.organization.findFirst({
      where: { id: request.organizationId, deletedAt: null },
      select: { lastVerifiedAt: true, name: true, slug: true },
    });
    if (!before) return { status: 'invalid' as const };
    await tx.organization.update({
      where: { id: request.organizationId },
      data: { lastVerifiedAt: now, verifiedById: null },
    });
    const byLink = { id: null, name: `Bestätigung per E-Mail-Link (${request.sentTo})` };
    await writeOrganizationAudit(tx, byLink, request.organizationId, 'VERIFY', {
      lastVerifiedAt: { before: before.lastVerifiedAt?.toISOString() ?? null, after: now.toISOString() },
    });
    return { status: 'confirmed' as const, organizationId: request.organizationId, organizationName: before.name, organizationSlug: before.slug };
  });
}
