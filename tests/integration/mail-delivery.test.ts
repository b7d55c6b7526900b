// Where a mail goes (issue 10, finding 4): with SMTP only to the mail server, the outbox keeps a
// copy without secrets; without SMTP in development into a local .eml file for the developer; in
// production nowhere, and the secret is dropped rather than stored.
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { REDACTED_LINK_NOTE, redactSecrets } from '@/lib/mail/send';
import { getTestDb, resetDb } from '../setup/db.ts';
import { clearMailbox, lastMailTo } from './helpers/mail.ts';

const db = getTestDb();
const TOKEN = 'Abc_def-GHIjklMNOpqrSTUvwxYZ0123456789abcde';
const LINK = `http://localhost:3000/de/passwort-zuruecksetzen?token=${TOKEN}`;

const originalCwd = process.cwd();
let directory: string;

beforeEach(async () => {
  await resetDb();
  clearMailbox();
  directory = mkdtempSync(path.join(os.tmpdir(), 'mail-delivery-'));
});

afterEach(() => {
  process.chdir(originalCwd);
  vi.unstubAllEnvs();
  vi.resetModules();
  rmSync(directory, { recursive: true, force: true });
});

// lib/env.ts reads the environment once per module instance: a fresh one for each setting.
async function freshSend(env: Record<string, string>) {
  for (const [key, value] of Object.entries(env)) vi.stubEnv(key, value);
  vi.resetModules();
  return import('@/lib/mail/send');
}

describe('sending mail', () => {
  it('with SMTP: the recipient gets the link, the outbox only a note', async () => {
    const { sendMail } = await import('@/lib/mail/send');
    await sendMail({ to: 'r@example.org', subject: 'Passwort', text: `Link:\n${LINK}\nEnde`, secrets: [LINK], kind: 'password-reset' });
    expect(lastMailTo('r@example.org').text).toContain(LINK);
    const row = await db.outboxEmail.findFirstOrThrow();
    expect(row.text).toBe(`Link:\n${REDACTED_LINK_NOTE}\nEnde`);
    expect(row.sentAt).not.toBeNull();
  });

  it('without SMTP in development: the whole mail as .eml under .data/mail, the outbox and the log without the link', async () => {
    process.chdir(directory);
    const info = vi.spyOn(console, 'info').mockImplementation(() => {});
    const { sendMail } = await freshSend({ SMTP_HOST: '', NODE_ENV: 'development' });
    await sendMail({ to: 'dev@example.org', subject: 'Einladung', text: `Bitte hier:\n${LINK}`, secrets: [LINK], kind: 'invitation' });
    const files = readdirSync(path.join(directory, '.data', 'mail'));
    expect(files).toHaveLength(1);
    const eml = readFileSync(path.join(directory, '.data', 'mail', files[0]), 'utf8');
    expect(eml).toContain('To: dev@example.org');
    expect(eml.replace(/=\r?\n/g, '')).toContain(TOKEN);
    const row = await db.outboxEmail.findFirstOrThrow();
    expect(row.text).not.toContain(TOKEN);
    expect(row.error).toContain('.data/mail/');
    expect(JSON.stringify(info.mock.calls)).not.toContain(TOKEN);
  });

  it('without SMTP in production: nothing is delivered, the secret is nowhere, not even in a file', async () => {
    process.chdir(directory);
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const { sendMail } = await freshSend({ SMTP_HOST: '', NODE_ENV: 'production', NEXTAUTH_SECRET: 'ein-langes-geheimnis-fuer-den-test' });
    const result = await sendMail({ to: 'prod@example.org', subject: 'Einladung', text: `Bitte hier:\n${LINK}`, secrets: [LINK], kind: 'invitation' });
    expect(result.isSent).toBe(false);
    expect(existsSync(path.join(directory, '.data'))).toBe(false);
    const row = await db.outboxEmail.findFirstOrThrow();
    expect(row.text).not.toContain(TOKEN);
    expect(row.error).toMatch(/SMTP ist nicht eingerichtet/);
    expect(JSON.stringify(warn.mock.calls)).not.toContain(TOKEN);
  });
});

describe('redactSecrets', () => {
  it('replaces declared secrets and, as a safety net, any link that carries a token', () => {
    const text = [
      'Erklärt: https://example.org/x?id=5',
      `Vergessen zu melden: https://example.org/de/bestaetigen/${TOKEN}`,
      `Auch: https://example.org/de/einladung?lang=en&token=${TOKEN}`,
      'Kein Token: https://example.org/de/admin/aenderungen/6f1c2a4e-1b2c-4d3e-8f90-123456789abc',
    ].join('\n');
    const redacted = redactSecrets(text);
    expect(redacted).not.toContain(TOKEN);
    expect(redacted).toContain('https://example.org/x?id=5');
    expect(redacted).toContain('https://example.org/de/admin/aenderungen/6f1c2a4e-1b2c-4d3e-8f90-123456789abc');
    expect(redacted.split(REDACTED_LINK_NOTE)).toHaveLength(3);
  });
});
