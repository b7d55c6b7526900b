// Visitor reports ("Fehler melden"): anyone may send one; coordinators handle them; partners see
// the reports about their own organizations.
import 'server-only';
import { createHmac } from 'node:crypto';
import { getAuthSecret } from '@/lib/auth/secret';
import { db } from '@/lib/db';
import { AppError } from '@/lib/errors';
import type { Actor } from '@/lib/permissions';
import type { FeedbackInput } from '@/lib/schemas/feedback';
import { childScope, requireScopeAll } from './access';
import { writeAudit } from './audit';
import { publicOrganizationWhere } from './visibility';

/** @internal Exported for its unit test. */
export const FEEDBACK_LIMIT_PER_HOUR = 5;

// The IP itself is never stored: a keyed hash is enough to count reports per sender.
function hashIp(ip: string): string {
  return createHmac('sha256', getAuthSecret()).update(`feedback:${ip}`).digest('hex');
}

export type FeedbackOutcome = { status: 'received' } | { status: 'rate-limited' } | { status: 'not-found' };

export async function createFeedback({
  input,
  ip,
  locale,
  now = new Date(),
}: {
  input: FeedbackInput;
  ip: string;
  locale: string;
  now?: Date;
}): Promise<FeedbackOutcome> {
  // A filled honeypot looks like success to the bot, and nothing is stored.
  if (input.website) return { status: 'received' };
  const organization = await db.organization.findFirst({
    where: { ...publicOrganizationWhere, slug: input.organizationSlug },
    select: { id: true },
  });
  if (!organization) return { status: 'not-found' };
  const ipHash = hashIp(ip);
  const recent = await db.feedback.count({
    where: { ipHash, createdAt: { gt: new Date(now.getTime() - 60 * 60 * 1000) } },
  });
  if (recent >= FEEDBACK_LIMIT_PER_HOUR) return { status: 'rate-limited' };
  await db.feedback.create({
    data: { organizationId: organization.id, message: input.message, email: input.email ?? null, locale, ipHash, createdAt: now },
  });
  return { status: 'received' };
}

export async function listFeedback({
  actor,
  status,
  take = 50,
}: {
  actor: Actor | null;
  status?: 'OPEN' | 'DONE';
  take?: number;
}) {
  const scope = childScope(actor, 'feedback.read');
  return db.feedback.findMany({
    where: { ...(status ? { status } : {}), ...scope },
    orderBy: { createdAt: 'desc' },
    take,
    select: {
      id: true,
      message: true,
      email: true,
      locale: true,
      status: true,
      createdAt: true,
      handledAt: true,
      note: true,
      handledBy: { select: { name: true } },
      organization: { select: { id: true, name: true, slug: true } },
    },
  });
}

export async function setFeedbackStatus({
  actor,
  id,
  status,
  note,
}: {
  actor: Actor | null;
  id: string;
  status: 'OPEN' | 'DONE';
  note?: string | null;
}) {
  requireScopeAll(actor, 'feedback.handle');
  return db.$transaction(async (tx) => {
    const before = await tx.feedback.findUnique({ where: { id }, select: { status: true, note: true, organizationId: true } });
    if (!before) throw new AppError('NOT_FOUND');
    const updated = await tx.feedback.update({
      where: { id },
      data: {
        status,
        note: note === undefined ? before.note : note,
        handledById: status === 'DONE' ? actor!.id : null,
        handledAt: status === 'DONE' ? new Date() : null,
      },
      select: { id: true, status: true },
    });
    await writeAudit(tx, {
      actor: actor!,
      action: 'UPDATE',
      entityType: 'Feedback',
      entityId: id,
      organizationId: before.organizationId,
      changes: { status: { before: before.status, after: status } },
    });
    return updated;
  });
}
