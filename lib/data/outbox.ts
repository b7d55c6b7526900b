// The outbox: every e-mail the application wrote (sent or waiting for SMTP settings).
import 'server-only';
import { db } from '@/lib/db';
import type { Actor } from '@/lib/permissions';
import { requireScopeAll } from './access';

export async function listOutbox({ actor, limit = 100 }: { actor: Actor | null; limit?: number }) {
  requireScopeAll(actor, 'outbox.read');
  return db.outboxEmail.findMany({
    orderBy: { createdAt: 'desc' },
    take: Math.min(limit, 500),
    select: { id: true, to: true, subject: true, text: true, kind: true, sentAt: true, error: true, createdAt: true },
  });
}
