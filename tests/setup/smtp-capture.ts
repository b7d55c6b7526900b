// A real SMTP server for tests (npm smtp-server) on a free loopback port: the application sends
// its mails there exactly as it would to the county's mail server, and the tests read what
// arrived. Mail is never read back from the database (the outbox keeps only a redacted copy).
import { createHash } from 'node:crypto';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export interface CapturedMail {
  from: string;
  to: string[];
  subject: string;
  text: string;
  // Attachments by name and content hash (JSON-friendly, for the e2e mail files).
  attachments: { filename: string; sha256: string }[];
  // iCalendar attachments (text/calendar) as text, for meeting invitations (issue 14).
  calendars?: string[];
  receivedAt: string;
}

export interface SmtpCapture {
  host: string;
  port: number;
  mails: CapturedMail[];
  close: () => Promise<void>;
}

export async function startSmtpCapture({ onMail }: { onMail?: (mail: CapturedMail) => void } = {}): Promise<SmtpCapture> {
  const mails: CapturedMail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    // The mail is stored before the client hears "250 OK", so once sendMail() resolves in the
    // application the test can read it.
    onData(stream, session, callback) {
      simpleParser(stream)
        .then((parsed) => {
          const mail: CapturedMail = {
            from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
            to: session.envelope.rcptTo.map((rcpt) => rcpt.address.toLowerCase()),
            subject: parsed.subject ?? '',
            text: parsed.text ?? '',
            attachments: parsed.attachments.map((a) => ({ filename: a.filename ?? '', sha256: createHash('sha256').update(a.content).digest('hex') })),
            calendars: parsed.attachments.filter((a) => a.contentType.startsWith('text/calendar')).map((a) => a.content.toString('utf8')),
            receivedAt: new Date().toISOString(),
          };
          mails.push(mail);
          onMail?.(mail);
          callback();
        })
        .catch((error: Error) => callback(error));
    },
  });
  const host = '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, host, () => resolve());
  });
  const address = server.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    host,
    port,
    mails,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

// The link in a mail whose path matches `pathPattern`, e.g. /\/einladung\?token=/.
export function linkIn(mail: CapturedMail, pathPattern: RegExp): URL {
  const link = [...mail.text.matchAll(/https?:\/\/\S+/g)].map((match) => match[0]).find((url) => pathPattern.test(url));
  if (!link) throw new Error(`Kein Link ${pathPattern} in der E-Mail „${mail.subject}“:\n${mail.text}`);
  return new URL(link);
}
