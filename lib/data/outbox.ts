// The outbox: every e-mail the application wrote (sent or waiting for SMTP settings). lib/mail/send.ts
// records each mail here (text already without secrets) and then marks it sent or failed.
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

export async function recordOutboxEmail(data: { to: string; subject: string; text: string; kind: string; refId?: string }): Promise<string> {
  const row = await db.outboxEmail.create({ data, select: { id: true } });
  return row.id;
}

export async function markOutboxEmail(id: string, result: { sentAt: Date } | { error: string }): Promise<void> {
  await db.outboxEmail.update({ where: { id }, data: result });
}
