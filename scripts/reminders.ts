// `npm run reminders`: e-mails a "still correct?" link for every overdue entry, and reminds the
// invitees of tomorrow's meetings (once each). Safe to run as
// often as a scheduler likes (cron, systemd timer): no entry gets a second reminder within 14 days.
// Runs with `--conditions=react-server` so that the data layer's `server-only` guard accepts it.
import { applyMigrations } from './db/migrate.ts';
import { exitWithError, resolveDatabase } from './db/resolve.ts';

async function main(): Promise<void> {
  const database = await resolveDatabase();
  try {
    await applyMigrations({ url: database.url });
    process.env.DATABASE_URL = database.url;
    const { sendVerificationReminders } = await import('../lib/data/verification.ts');
    const { sent, skipped } = await sendVerificationReminders({ actor: 'system' });
    console.log(`Erinnerungen verschickt: ${sent.length} Einträge, ${sent.reduce((n, entry) => n + entry.recipients.length, 0)} E-Mails.`);
    const recent = skipped.filter((entry) => entry.reason === 'recently-reminded').length;
    const noRecipient = skipped.filter((entry) => entry.reason === 'no-recipient').length;
    if (recent) console.log(`Übersprungen (in den letzten 14 Tagen schon erinnert): ${recent}`);
    if (noRecipient) console.log(`Ohne Empfänger*in (keine Partner*innen, keine E-Mail-Adresse): ${noRecipient}`);
    // Meetings (issue 14): one reminder per invitee the day before.
    const { sendMeetingReminders } = await import('../lib/data/meetings/send-meeting-reminders.ts');
    const meetings = await sendMeetingReminders({ actor: 'system' });
    console.log(`Erinnerungen an Treffen morgen: ${meetings.sent} E-Mails zu ${meetings.meetings} Treffen${meetings.failed ? `, ${meetings.failed} nicht zugestellt` : ''}.`);
    const { db } = await import('../lib/db.ts');
    await db.$disconnect();
  } finally {
    await database.stop();
  }
}

main().catch(exitWithError);
