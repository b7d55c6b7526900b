// Outgoing e-mail. Every mail is recorded in OutboxEmail; with SMTP settings it is also sent at
// once (sentAt or error recorded), without them it waits there and admins read it at /admin/outbox.
import 'server-only';
import nodemailer from 'nodemailer';
import { db } from '@/lib/db';
import { getEnv } from '@/lib/env';

export interface MailInput {
  to: string;
  subject: string;
  text: string;
  kind?: string;
  refId?: string;
}

let transport: nodemailer.Transporter | undefined;

function getTransport(): nodemailer.Transporter | null {
  const env = getEnv();
  if (!env.SMTP_HOST) return null;
  transport ??= nodemailer.createTransport({
    host: env.SMTP_HOST,
    port: env.SMTP_PORT ?? 587,
    secure: env.SMTP_SECURE === 'true',
    auth: env.SMTP_USER ? { user: env.SMTP_USER, pass: env.SMTP_PASSWORD ?? '' } : undefined,
  });
  return transport;
}

export async function sendMail({ to, subject, text, kind = 'generic', refId }: MailInput): Promise<{ id: string; isSent: boolean }> {
  const row = await db.outboxEmail.create({ data: { to, subject, text, kind, refId }, select: { id: true } });
  const smtp = getTransport();
  if (!smtp) return { id: row.id, isSent: false };
  try {
    await smtp.sendMail({ from: getEnv().SMTP_FROM, to, subject, text });
    await db.outboxEmail.update({ where: { id: row.id }, data: { sentAt: new Date() } });
    return { id: row.id, isSent: true };
  } catch (error) {
    // Recorded for the outbox page; the message of an SMTP error holds no secret.
    await db.outboxEmail.update({ where: { id: row.id }, data: { error: String((error as Error).message ?? error).slice(0, 500) } });
    return { id: row.id, isSent: false };
  }
}

export function appUrl(path: string): string {
  return new URL(path, getEnv().NEXTAUTH_URL ?? getEnv().APP_URL).toString();
}
