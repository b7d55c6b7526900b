// Mail in the e2e suite: the global setup (server.ts) runs a real SMTP server (npm smtp-server) and
// the production server sends to it; every mail received is written as JSON into E2E_MAIL_DIR,
// where tests read it. Mail is never read back from the outbox (it keeps no links).
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { inject } from 'vitest';
import { linkIn, type CapturedMail } from '../../setup/smtp-capture.ts';

export type { CapturedMail };

// Every mail the e2e server sent so far, oldest first.
export function allMails(): CapturedMail[] {
  const directory = inject('E2E_MAIL_DIR');
  return readdirSync(directory)
    .filter((name) => name.endsWith('.json'))
    .sort()
    .map((name) => JSON.parse(readFileSync(path.join(directory, name), 'utf8')) as CapturedMail);
}

// The newest mail to `to` (optionally whose subject matches), waiting up to 10 s for it to arrive.
export async function waitForMail(to: string, subject?: RegExp): Promise<CapturedMail> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const mails = allMails().filter((mail) => mail.to.includes(to.toLowerCase()) && (!subject || subject.test(mail.subject)));
    if (mails.length) return mails[mails.length - 1];
    if (Date.now() > deadline) throw new Error(`Keine E-Mail an ${to}${subject ? ` (${subject})` : ''} angekommen.`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

export { linkIn };
