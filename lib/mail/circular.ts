// Circulars through SMTP: the app's SMTP settings (lib/env.ts), one message per recipient with the
// text as plain text and as HTML (rendered from Markdown without raw HTML), the attachments, and an
// opt-out link in the text and in the List-Unsubscribe headers (RFC 2369, one click: RFC 8058).
// Kept apart from lib/mail/send.ts: circulars are sent by the background sender, not the outbox.
import 'server-only';
import nodemailer from 'nodemailer';
import type Mail from 'nodemailer/lib/mailer';
import { getEnv } from '@/lib/env';
import { renderMarkdown } from '@/lib/markdown/render';

export interface CircularTransport {
  sendMail(message: Mail.Options): Promise<unknown>;
  close?(): void;
}

export function isCircularSendingConfigured(): boolean {
  return Boolean(getEnv().SMTP_HOST);
}

// A pooled connection for one run of the sender (closed at the end of the run).
export function createCircularTransport(): CircularTransport | null {
  const env = getEnv();
  if (!env.SMTP_HOST) return null;
  return nodemailer.createTransport({
    host: env.SMTP_HOST,
    port: env.SMTP_PORT ?? 587,
    secure: env.SMTP_SECURE === 'true',
    auth: env.SMTP_USER ? { user: env.SMTP_USER, pass: env.SMTP_PASSWORD ?? '' } : undefined,
    pool: true,
    maxConnections: 2,
  });
}

// The mail template's fixed texts (German: the network's working language).
export const CIRCULAR_MAIL_TEXTS = {
  footer: 'Rundschreiben des Netzwerks Integration Stendal, versandt von {sender}. Sie erhalten es als Kontakt im Netzwerk.',
  optOut: 'Keine Rundschreiben mehr erhalten',
};

export interface CircularMessageInput {
  to: { email: string; name: string | null };
  subject: string;
  body: string;
  replyTo: string | null;
  senderName: string;
  optOutUrl: string;
  oneClickUrl: string;
  attachments: { filename: string; contentType: string; content: Buffer }[];
  texts: { footer: string; optOut: string };
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

export function buildCircularMessage(input: CircularMessageInput): Mail.Options {
  const footer = input.texts.footer.replace('{sender}', input.senderName);
  const footerText = `--\n${footer}\n${input.texts.optOut}: ${input.optOutUrl}`;
  const html = `<!doctype html><html lang="de"><head><meta charset="utf-8"><title>${escapeHtml(input.subject)}</title></head><body style="font-family:sans-serif;line-height:1.5;max-width:40em">${renderMarkdown(input.body, { topHeadingLevel: 1 })}<hr><p style="font-size:0.9em;color:#334155">${escapeHtml(footer)}<br><a href="${escapeHtml(input.optOutUrl)}">${escapeHtml(input.texts.optOut)}</a></p></body></html>`;
  return {
    from: getEnv().SMTP_FROM,
    to: input.to.name ? { name: input.to.name, address: input.to.email } : input.to.email,
    replyTo: input.replyTo ?? undefined,
    subject: input.subject,
    text: `${input.body}\n\n${footerText}\n`,
    html,
    attachments: input.attachments.map((a) => ({ filename: a.filename, contentType: a.contentType, content: a.content })),
    headers: {
      'List-Unsubscribe': `<${input.oneClickUrl}>`,
      'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
      // Fewer out-of-office replies to a mail sent to many.
      Precedence: 'bulk',
    },
  };
}
