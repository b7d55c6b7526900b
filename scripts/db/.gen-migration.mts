import { execSync } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { startEmbeddedPostgres } from './embedded.ts';
import { diffSchemaSql } from './schema-engine.ts';
const from = execSync('git show HEAD:prisma/schema.prisma', { encoding: 'utf8' });
const db = await startEmbeddedPostgres({ dataDir: path.join(os.tmpdir(), `gen-mig-${process.pid}`), isEphemeral: true, database: 'postgres', port: 56100 });
try {
  process.stdout.write(await diffSchemaSql(db.url, from));
} finally {
  await db.stop();
}
process.exit(0);
