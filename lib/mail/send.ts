// Outgoing e-mail. The real mail goes only to SMTP; the outbox (OutboxEmail, /admin/postausgang)
// keeps a copy for the coordinators in which every secret (a link with a token) is replaced by a
// note, so neither the database, a backup nor a coordinator ever holds a working reset or
// invitation link. Without SMTP settings:
// - development and tests: the complete mail is written as an .eml file into the git-ignored
//   .data/mail/ folder, for the developer on this machine (the log names the file, not the link);
// - production: the mail cannot be delivered; the outbox records that, the secret is dropped.
import 'server-only';
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import nodemailer from 'nodemailer';
import { markOutboxEmail, recordOutboxEmail } from '@/lib/data/outbox';
import { getEnv } from '@/lib/env';

export interface MailMessage {
  subject: string;
  text: string;
  // Parts of `text` that must never be stored (links with tokens).
  secrets?: string[];
}

interface MailAttachment {
  filename: string;
  content: string | Buffer;
  contentType: string;
}

export interface MailInput extends MailMessage {
  to: string;
  kind?: string;
  refId?: string;
  // Sent with the mail; the outbox keeps only the text (attachments hold no secrets but are not stored).
  attachments?: MailAttachment[];
}

/** @internal Exported for its tests. */
export const REDACTED_LINK_NOTE = '[Persönlicher Link – nur in der E-Mail an die Empfänger*in, aus Sicherheitsgründen hier nicht gespeichert]';

// A token as lib/auth/tokens.ts makes them (43 characters base64url), in a link's path or query.
const TOKEN_LINK = /https?:\/\/[^\s<>"]*?(?:[?&][\w-]*token=[^\s&#<>"]+|\/[A-Za-z0-9_-]{43}(?=[/?#\s<>"]|$))[^\s<>"]*/g;

// The text as it may be stored: declared secrets and, as a safety net, any link that carries a
// token are replaced by a note.
/** @internal Exported for its tests. */
export function redactSecrets(text: string, secrets: string[] = []): string {
  let redacted = text;
  for (const secret of secrets.filter(Boolean).sort((a, b) => b.length - a.length)) {
    redacted = redacted.split(secret).join(REDACTED_LINK_NOTE);
  }
  return redacted.replace(TOKEN_LINK, REDACTED_LINK_NOTE);
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

// Tests that run without SMTP (a child process started without it) write to the temp folder, not
// into the working copy.
/** @internal Exported for its tests. */
export function localMailDirectory(): string {
  return getEnv().NODE_ENV === 'test' ? path.join(os.tmpdir(), 'netzwerk-mail') : path.join(process.cwd(), '.data', 'mail');
}

// Development without SMTP: the whole mail as a file only the local developer reads.
async function writeLocalMail(id: string, mail: { from: string; to: string; subject: string; text: string; attachments?: MailAttachment[] }): Promise<string> {
  const built = await nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' }).sendMail(mail);
  const directory = localMailDirectory();
  mkdirSync(directory, { recursive: true });
  const file = path.join(directory, `${new Date().toISOString().replace(/[:.]/g, '-')}-${id}.eml`);
  writeFileSync(file, built.message as Buffer, { mode: 0o600 });
  return file.startsWith(process.cwd()) ? path.relative(process.cwd(), file) : file;
}

export async function sendMail({ to, subject, text, secrets, kind = 'generic', refId, attachments }: MailInput): Promise<{ id: string; isSent: boolean }> {
  const env = getEnv();
  const stored = redactSecrets(text, secrets);
  const row = { id: await recordOutboxEmail({ to, subject, text: stored, kind, refId }) };
  const mail = { from: env.SMTP_FROM, to, subject, text, ...(attachments?.length ? { attachments } : {}) };
  const smtp = getTransport();
  if (!smtp) {
    if (env.NODE_ENV === 'production') {
      console.warn(`E-Mail (${kind}) an ${to} nicht verschickt: SMTP ist nicht eingerichtet.`);
      await markOutboxEmail(row.id, { error: 'Nicht verschickt: SMTP ist nicht eingerichtet (SMTP_HOST).' });
      return { id: row.id, isSent: false };
    }
    const file = await writeLocalMail(row.id, mail);
    console.info(`E-Mail (${kind}) an ${to} ohne SMTP gespeichert: ${file}`);
    await markOutboxEmail(row.id, { error: `Nicht verschickt (kein SMTP eingerichtet); zum Entwickeln gespeichert als ${file}.` });
    return { id: row.id, isSent: false };
  }
  try {
    await smtp.sendMail(mail);
    await markOutboxEmail(row.id, { sentAt: new Date() });
    return { id: row.id, isSent: true };
  } catch (error) {
    // Recorded for the outbox page; the message of an SMTP error holds no secret.
    await markOutboxEmail(row.id, { error: redactSecrets(String((error as Error).message ?? error), secrets).slice(0, 500) });
    return { id: row.id, isSent: false };
  }
}

// For answers that must not take longer when a mail goes out (the address has an account) than
// when none does: the mail is handed over after the caller has answered.
export function sendMailInBackground(input: MailInput): void {
  sendMail(input).catch((error: unknown) => console.error(`E-Mail (${input.kind ?? 'generic'}) konnte nicht verarbeitet werden:`, error));
}

export function appUrl(path: string): string {
  return new URL(path, getEnv().NEXTAUTH_URL ?? getEnv().APP_URL).toString();
}
