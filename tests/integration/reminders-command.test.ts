import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { createOrganization, createUser } from '../factories';
import { getTestDb, testDatabaseUrl } from '../setup/db';

const run = promisify(execFile);

async function runReminders(): Promise<string> {
  const { stdout } = await run('npx', ['tsx', '--conditions=react-server', 'scripts/reminders.ts'], {
    env: { ...process.env, DATABASE_URL: testDatabaseUrl(), SMTP_HOST: '' },
    timeout: 60_000,
  });
  return stdout;
}

describe('npm run reminders', () => {
  const overdueIds: string[] = [];

  beforeAll(async () => {
    const longAgo = new Date(Date.now() - 400 * 24 * 3600 * 1000);
    const a = await createOrganization({ lastVerifiedAt: longAgo, email: 'a@example.org' });
    const b = await createOrganization({ lastVerifiedAt: null, createdAt: longAgo, email: 'b@example.org' });
    const partner = await createUser({ email: 'partner-b@example.org' });
    await getTestDb().membership.create({ data: { userId: partner.id, organizationId: b.id } });
    overdueIds.push(a.id, b.id);
    await createOrganization({ lastVerifiedAt: new Date(), email: 'fresh@example.org' });
  });

  it('sends each overdue entry exactly one reminder when run twice in a row', async () => {
    const first = await runReminders();
    const second = await runReminders();
    expect(first).toContain('Erinnerungen verschickt: 2 Einträge, 2 E-Mails.');
    expect(second).toContain('Erinnerungen verschickt: 0 Einträge, 0 E-Mails.');
    expect(second).toContain('Übersprungen (in den letzten 14 Tagen schon erinnert): 2');

    const outbox = await getTestDb().outboxEmail.findMany({ where: { kind: 'verification-reminder' } });
    expect(outbox.map((mail) => mail.refId).sort()).toEqual([...overdueIds].sort());
    expect(outbox.map((mail) => mail.to).sort()).toEqual(['a@example.org', 'partner-b@example.org']);
  }, 120_000);
});
