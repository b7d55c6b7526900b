// The mails this test file's application sent, as a real SMTP server received them
// (started for every integration file by tests/setup/integration.ts).
import { linkIn, type CapturedMail, type SmtpCapture } from '../../setup/smtp-capture.ts';

export type { CapturedMail };

function capture(): SmtpCapture {
  const smtp = (globalThis as unknown as { [key: symbol]: SmtpCapture | undefined })[Symbol.for('netzwerk.tests.smtp')];
  if (!smtp) throw new Error('Kein Test-SMTP-Server: nur im Projekt "integration" verfügbar.');
  return smtp;
}

function mailbox(): CapturedMail[] {
  return capture().mails;
}

export function clearMailbox(): void {
  capture().mails.length = 0;
}

export function mailsTo(address: string): CapturedMail[] {
  return mailbox().filter((mail) => mail.to.includes(address.toLowerCase()));
}

export function lastMailTo(address: string): CapturedMail {
  const mails = mailsTo(address);
  if (!mails.length) throw new Error(`Keine E-Mail an ${address} (erhalten: ${mailbox().map((m) => m.to.join(',')).join('; ') || 'keine'})`);
  return mails[mails.length - 1];
}

// The token of the link in the mail whose path matches `pathPattern` (query `token=` or last path segment).
export function tokenIn(mail: CapturedMail, pathPattern: RegExp): string {
  const url = linkIn(mail, pathPattern);
  return url.searchParams.get('token') ?? url.pathname.split('/').pop()!;
}
