// Applying a reviewed change request re-runs the very data function a coordinator's own save uses
// (same validation, version check and audit). To make the approval atomic, that function must run
// inside the approval's transaction, and its audit rows must name the change request. Rather than
// threading a transaction parameter through every data function, the approval opens one
// transaction and publishes it here; `inTransaction` joins it and `writeAudit` reads the request id.
import 'server-only';
import { AsyncLocalStorage } from 'node:async_hooks';
import type { Prisma } from '@/lib/generated/prisma/client';

export interface ReviewContext {
  tx: Prisma.TransactionClient;
  changeRequestId: string;
}

const storage = new AsyncLocalStorage<ReviewContext>();

export function currentReview(): ReviewContext | undefined {
  return storage.getStore();
}

export function runInReview<T>(context: ReviewContext, run: () => Promise<T>): Promise<T> {
  return storage.run(context, run);
}
