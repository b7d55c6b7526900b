// `npm run circulars`: sends circulars that are still queued (for example after a restart in the
// middle of a send). The app sends in its own background, so this is only a safety net for cron;
// running it next to the app is safe: senders claim recipients with FOR UPDATE SKIP LOCKED.
// Runs with `--conditions=react-server` so that the data layer's `server-only` guard accepts it.
import { applyMigrations } from './db/migrate.ts';
import { exitWithError, resolveDatabase } from './db/resolve.ts';

async function main(): Promise<void> {
  const database = await resolveDatabase();
  try {
    await applyMigrations({ url: database.url });
    process.env.DATABASE_URL = database.url;
    const { isCircularSendingConfigured } = await import('../lib/mail/circular.ts');
    if (!isCircularSendingConfigured()) {
      console.log('Kein Mailserver eingerichtet (SMTP_HOST): Rundschreiben werden nicht versandt.');
      return;
    }
    const { processCircularQueue } = await import('../lib/data/circulars/process-circular-queue.ts');
    const result = await processCircularQueue();
    console.log(`Rundschreiben: ${result.sent} zugestellt, ${result.failed} abgewiesen, ${result.skipped} ausgelassen, ${result.retrying} später erneut.`);
    const { db } = await import('../lib/db.ts');
    await db.$disconnect();
  } finally {
    await database.stop();
  }
}

main().catch(exitWithError);
