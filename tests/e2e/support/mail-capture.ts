// For the e2e global setup (server.ts): a real SMTP server whose mails are written as JSON files
// into a fresh directory, which the tests read (support/mail.ts). No vitest import: runs in the
// main process.
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startSmtpCapture } from '../../setup/smtp-capture.ts';

export async function startE2eMailCapture() {
  const directory = path.join(os.tmpdir(), `netzwerk-e2e-mail-${process.pid}-${Date.now()}`);
  mkdirSync(directory, { recursive: true });
  let count = 0;
  const smtp = await startSmtpCapture({
    onMail: (mail) => writeFileSync(path.join(directory, `${String(++count).padStart(5, '0')}.json`), JSON.stringify(mail)),
  });
  return { directory, env: { SMTP_HOST: smtp.host, SMTP_PORT: String(smtp.port) }, close: smtp.close };
}

