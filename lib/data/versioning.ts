// Optimistic locking: UPDATE ... WHERE id AND version; nobody's edit is overwritten silently.
// A refused save reports what the others changed since the caller's version (from the audit log).
import 'server-only';
import type { Prisma } from '@/lib/generated/prisma/client';
import { db } from '@/lib/db';
import { AppError, validationError, type FieldErrors } from '@/lib/errors';
import { TRANSACTION_OPTIONS } from './access';
import { getConflictChanges } from './audit-log';
import { currentReview } from './review-context';

export class VersionConflict extends Error {}

export async function inTransaction<T>(
  run: (tx: Prisma.TransactionClient) => Promise<T>,
  conflict?: { entityType: string; entityId: string; version: number },
): Promise<T> {
  // Inside an approval (lib/data/change-requests.ts) the write joins the approval's transaction, so
  // that the change and the request's new status commit or roll back together.
  const review = currentReview();
  try {
    return review ? await run(review.tx) : await db.$transaction(run, TRANSACTION_OPTIONS);
  } catch (error) {
    if (error instanceof VersionConflict && conflict) {
      const changes = await getConflictChanges({ entityType: conflict.entityType, entityId: conflict.entityId, sinceVersion: conflict.version });
      const latest = await currentVersion(conflict.entityType, conflict.entityId);
      throw new AppError('CONFLICT', undefined, { changes, currentVersion: latest });
    }
    if ((error as { code?: string }).code === 'P2002') throw new AppError('CONFLICT', 'Ein Eintrag mit diesen Angaben existiert bereits.');
    throw error;
  }
}

async function currentVersion(entityType: string, id: string): Promise<number | undefined> {
  const select = { version: true } as const;
  switch (entityType) {
    case 'Organization':
      return (await db.organization.findUnique({ where: { id }, select }))?.version;
    case 'Service':
      return (await db.service.findUnique({ where: { id }, select }))?.version;
    case 'Location':
      return (await db.location.findUnique({ where: { id }, select }))?.version;
    case 'ContactPerson':
      return (await db.contactPerson.findUnique({ where: { id }, select }))?.version;
    case 'Project':
      return (await db.project.findUnique({ where: { id }, select }))?.version;
    case 'Event':
      return (await db.event.findUnique({ where: { id }, select }))?.version;
    default:
      return undefined;
  }
}

export function parseInput<T>(
  schema: { safeParse(input: unknown): { success: true; data: T } | { success: false; error: { issues: { path: PropertyKey[]; message: string }[] } } },
  input: unknown,
): T {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  const fieldErrors: FieldErrors = {};
  for (const issue of parsed.error.issues) {
    const key = issue.path.length ? String(issue.path[0]) : '_form';
    (fieldErrors[key] ??= []).push(issue.message);
  }
  throw validationError(fieldErrors);
}

export function isUuid(value: unknown): value is string {
  return typeof value === 'string' && /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value);
}

export function assertUuid(value: unknown): asserts value is string {
  if (!isUuid(value)) throw new AppError('NOT_FOUND');
}

export function withoutUndefined<T extends Record<string, unknown>>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
