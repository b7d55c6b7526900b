// The background sender. Any number of app instances (and `npm run circulars`) may run it at the
// same time: each claims a few deliveries with FOR UPDATE SKIP LOCKED and marks them SENDING in the
// same statement, so no two senders get the same recipient. A sender that died mid-batch leaves
// rows SENDING; after STALE_MINUTES another sender takes them over (at-least-once for exactly
// those few mails). Temporary SMTP errors are retried up to MAX_ATTEMPTS; a refusal (5xx) is a
// bounce and recorded with the server's answer.
import 'server-only';
import { db } from '@/lib/db';
import { appUrl } from '@/lib/mail/send';
import { buildCircularMessage, CIRCULAR_MAIL_TEXTS, createCircularTransport, type CircularTransport } from '@/lib/mail/circular';
import { createOptOutToken } from './opt-out';

const STALE_MINUTES = 10;
const RETRY_AFTER_SECONDS = 60;
const MAX_ATTEMPTS = 3;

interface ClaimedRow {
  id: string;
  circularId: string;
  email: string;
  name: string | null;
  contactPersonId: string | null;
  organizationId: string | null;
  attempts: number;
}

async function claim(batchSize: number): Promise<ClaimedRow[]> {
  return db.$queryRaw<ClaimedRow[]>`
    UPDATE "CircularDelivery" AS d
       SET "status" = 'SENDING', "claimedAt" = now(), "attempts" = d."attempts" + 1
     WHERE d."id" IN (
       SELECT x."id"
         FROM "CircularDelivery" x
         JOIN "Circular" c ON c."id" = x."circularId"
        WHERE c."status" = 'QUEUED'
          AND ((x."status" = 'PENDING' AND (x."claimedAt" IS NULL OR x."claimedAt" < now() - make_interval(secs => ${RETRY_AFTER_SECONDS})))
               OR (x."status" = 'SENDING' AND x."claimedAt" < now() - make_interval(mins => ${STALE_MINUTES})))
        ORDER BY c."queuedAt", x."email"
        LIMIT ${batchSize}
          FOR UPDATE OF x SKIP LOCKED)
    RETURNING d."id", d."circularId", d."email", d."name", d."contactPersonId", d."organizationId", d."attempts"`;
}

type Outcome = { status: 'SENT' } | { status: 'FAILED' | 'SKIPPED'; error: string } | { status: 'PENDING'; error: string };

// One final state per delivery; the circular's counters move only with it.
async function record(row: ClaimedRow, outcome: Outcome): Promise<void> {
  await db.$transaction(async (tx) => {
    const updated = await tx.circularDelivery.updateMany({
      where: { id: row.id, status: 'SENDING' },
      data:
        outcome.status === 'SENT'
          ? { status: 'SENT', sentAt: new Date(), error: null }
          : outcome.status === 'PENDING'
            ? { status: 'PENDING', claimedAt: new Date(), error: outcome.error }
            : { status: outcome.status, error: outcome.error },
    });
    if (updated.count !== 1) return;
    const counter = { SENT: 'sentCount', FAILED: 'failedCount', SKIPPED: 'skippedCount', PENDING: null }[outcome.status];
    if (counter) await tx.circular.update({ where: { id: row.circularId }, data: { [counter]: { increment: 1 } } });
  });
}

// Still allowed to receive it? An opt-out or a withdrawal after queueing is respected.
async function isBlocked(row: ClaimedRow): Promise<boolean> {
  const [contacts, organizations] = await Promise.all([
    db.contactPerson.count({
      where: {
        OR: [
          ...(row.contactPersonId ? [{ id: row.contactPersonId, OR: [{ deletedAt: { not: null } }, { consentWithdrawnAt: { not: null } }, { mailingOptOutAt: { not: null } }] }] : []),
          { email: { equals: row.email, mode: 'insensitive' }, OR: [{ consentWithdrawnAt: { not: null } }, { mailingOptOutAt: { not: null } }] },
        ],
      },
    }),
    db.organization.count({ where: { email: { equals: row.email, mode: 'insensitive' }, mailingOptOutAt: { not: null } } }),
  ]);
  return contacts + organizations > 0;
}

function smtpError(error: unknown): { text: string; isPermanent: boolean } {
  const e = error as { responseCode?: number; code?: string; response?: string; message?: string };
  const text = `${e.response ?? e.message ?? String(error)}`.replace(/\s+/g, ' ').slice(0, 500);
  const isPermanent = (typeof e.responseCode === 'number' && e.responseCode >= 500) || e.code === 'EENVELOPE';
  return { text, isPermanent };
}

type LoadedCircular = {
  subject: string;
  body: string;
  replyTo: string | null;
  createdByName: string;
  attachments: { filename: string; contentType: string; content: Buffer }[];
};

async function loadCircular(id: string): Promise<LoadedCircular | null> {
  const row = await db.circular.findUnique({
    where: { id },
    select: { subject: true, body: true, replyTo: true, createdByName: true, attachments: { orderBy: { createdAt: 'asc' }, select: { filename: true, contentType: true, content: true } } },
  });
  if (!row) return null;
  return { ...row, attachments: row.attachments.map((a) => ({ ...a, content: Buffer.from(a.content) })) };
}

async function finishDoneCirculars(): Promise<void> {
  await db.$executeRaw`
    UPDATE "Circular" c SET "status" = 'DONE', "finishedAt" = now(), "updatedAt" = now()
     WHERE c."status" = 'QUEUED'
       AND NOT EXISTS (SELECT 1 FROM "CircularDelivery" d WHERE d."circularId" = c."id" AND d."status" IN ('PENDING', 'SENDING'))`;
}

export interface QueueRunResult {
  sent: number;
  failed: number;
  skipped: number;
  retrying: number;
}

export async function processCircularQueue({
  transport: given,
  batchSize = 10,
  maxBatches = 10_000,
}: { transport?: CircularTransport | null; batchSize?: number; maxBatches?: number } = {}): Promise<QueueRunResult> {
  const result: QueueRunResult = { sent: 0, failed: 0, skipped: 0, retrying: 0 };
  const transport = given === undefined ? createCircularTransport() : given;
  if (!transport) return result;
  const circulars = new Map<string, LoadedCircular | null>();
  try {
    for (let batch = 0; batch < maxBatches; batch++) {
      const rows = await claim(batchSize);
      if (!rows.length) break;
      for (const row of rows) {
        if (!circulars.has(row.circularId)) circulars.set(row.circularId, await loadCircular(row.circularId));
        const circular = circulars.get(row.circularId);
        if (!circular) continue;
        if (await isBlocked(row)) {
          await record(row, { status: 'SKIPPED', error: 'Abgemeldet oder Einwilligung widerrufen' });
          result.skipped += 1;
          continue;
        }
        const token = createOptOutToken(row.contactPersonId ? { kind: 'contact', id: row.contactPersonId } : { kind: 'organization', id: row.organizationId! });
        try {
          await transport.sendMail(
            buildCircularMessage({
              to: { email: row.email, name: row.name },
              subject: circular.subject,
              body: circular.body,
              replyTo: circular.replyTo,
              senderName: circular.createdByName,
              optOutUrl: appUrl(`/de/rundschreiben/abbestellen/${token}`),
              oneClickUrl: appUrl(`/api/circulars/opt-out/${token}`),
              attachments: circular.attachments,
              texts: CIRCULAR_MAIL_TEXTS,
            }),
          );
          await record(row, { status: 'SENT' });
          result.sent += 1;
        } catch (error) {
          const { text, isPermanent } = smtpError(error);
          if (isPermanent || row.attempts >= MAX_ATTEMPTS) {
            await record(row, { status: 'FAILED', error: text });
            result.failed += 1;
          } else {
            await record(row, { status: 'PENDING', error: text });
            result.retrying += 1;
          }
        }
      }
    }
    await finishDoneCirculars();
  } finally {
    if (given === undefined) transport.close?.();
  }
  return result;
}
