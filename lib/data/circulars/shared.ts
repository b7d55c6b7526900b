import 'server-only';
import type { Prisma } from '@/lib/generated/prisma/client';
import { AppError } from '@/lib/errors';

export const CIRCULAR_ENTITY = 'Circular';

// Drafts may be edited; once queued a circular is a record of what was sent.
export async function findDraft(tx: Prisma.TransactionClient, id: string) {
  const circular = await tx.circular.findUnique({ where: { id }, select: { id: true, status: true, version: true, listId: true, subject: true, body: true } });
  if (!circular) throw new AppError('NOT_FOUND');
  if (circular.status !== 'DRAFT') throw new AppError('CONFLICT', 'Dieses Rundschreiben wurde schon versandt und kann nicht mehr geändert werden.');
  return circular;
}
