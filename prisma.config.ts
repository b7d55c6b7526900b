import { defineConfig } from 'prisma/config';

// The CLI is only used for `prisma generate` here (see docs/architecture.md): migrations are
// applied by scripts/db/migrate.ts, so no datasource URL is required at generate time.
export default defineConfig({
  schema: 'prisma/schema.prisma',
  migrations: { path: 'prisma/migrations', seed: 'tsx prisma/seed.ts' },
  datasource: { url: process.env.DATABASE_URL ?? 'postgresql://localhost:5432/unused' },
});
