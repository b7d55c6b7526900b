import 'server-only';
import { db } from '@/lib/db';
import { AppError } from '@/lib/errors';
import type { Actor } from '@/lib/permissions';
import { requireScopeAll } from '../access';
import { resolveRecipients } from '../distribution-lists/resolve-recipients';
import { distributionListSelect, toDefinition } from '../distribution-lists/shared';
import { assertUuid } from '../versioning';

const progressSelect = {
  id: true,
  status: true,
  recipientCount: true,
  sentCount: true,
  failedCount: true,
  skippedCount: true,
  queuedAt: true,
  finishedAt: true,
} as const;

export async function getCircular({ actor, id }: { actor: Actor | null; id: string }) {
  requireScopeAll(actor, 'circular.send');
  assertUuid(id);
  const circular = await db.circular.findUnique({
    where: { id },
    select: {
      ...progressSelect,
      listId: true,
      listName: true,
      subject: true,
      body: true,
      version: true,
      createdByName: true,
      queuedByName: true,
      replyTo: true,
      createdAt: true,
      attachments: { orderBy: { createdAt: 'asc' }, select: { id: true, filename: true, size: true, contentType: true } },
      deliveries: { orderBy: [{ status: 'asc' }, { email: 'asc' }], select: { id: true, email: true, name: true, organizationName: true, status: true, sentAt: true, error: true, attempts: true } },
    },
  });
  if (!circular) throw new AppError('NOT_FOUND');
  // A draft shows whom it would reach now.
  let draftRecipientCount: number | null = null;
  if (circular.status === 'DRAFT' && circular.listId) {
    const list = await db.distributionList.findUnique({ where: { id: circular.listId }, select: distributionListSelect });
    draftRecipientCount = list ? (await resolveRecipients(toDefinition(list))).recipients.length : 0;
  }
  return { ...circular, draftRecipientCount };
}

export async function getCircularProgress({ actor, id }: { actor: Actor | null; id: string }) {
  requireScopeAll(actor, 'circular.send');
  assertUuid(id);
  const circular = await db.circular.findUnique({ where: { id }, select: progressSelect });
  if (!circular) throw new AppError('NOT_FOUND');
  const done = circular.sentCount + circular.failedCount + circular.skippedCount;
  return { ...circular, pending: Math.max(0, circular.recipientCount - done) };
}

export async function listCirculars({ actor, listId }: { actor: Actor | null; listId?: string }) {
  requireScopeAll(actor, 'circular.send');
  if (listId) assertUuid(listId);
  return db.circular.findMany({
    where: listId ? { listId } : {},
    orderBy: [{ createdAt: 'desc' }],
    take: 200,
    select: { ...progressSelect, subject: true, listId: true, listName: true, createdByName: true, queuedByName: true, createdAt: true },
  });
}
