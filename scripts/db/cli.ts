// `npm run db:migrate` and `npm run db:seed`, against DATABASE_URL or the embedded database.
import { seedDatabase } from '../../prisma/seed.ts';
import { applyMigrations } from './migrate.ts';
import { exitWithError, resolveDatabase } from './resolve.ts';

const command = process.argv[2];

async function main(): Promise<void> {
  if (command !== 'migrate' && command !== 'seed') {
    throw new Error('Aufruf: tsx scripts/db/cli.ts migrate|seed');
  }
  const database = await resolveDatabase();
  try {
    const applied = await applyMigrations({ url: database.url, log: (line) => console.log(line) });
    if (command === 'migrate' && applied.length === 0) console.log('Datenbank ist auf dem neuesten Stand.');
    if (command === 'seed') {
      await seedDatabase({
        url: database.url,
        adminEmail: process.env.ADMIN_EMAIL,
        adminPassword: process.env.ADMIN_PASSWORD,
        log: (line) => console.log(line),
      });
    }
  } finally {
    await database.stop();
  }
}

main().catch(exitWithError);
