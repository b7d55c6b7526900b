// The public-visibility rules of lib/data/visibility.ts as SQL fragments, for the raw ranking
// queries that Prisma's query builder cannot express. Keep both in step: the leak tests in
// tests/integration/public-leaks.test.ts check pages, API, sitemap and suggestions against them.
import { Prisma } from '@/lib/generated/prisma/client';

// `o` is the organization alias.
export const publicOrganizationSql = Prisma.sql`o."status" = 'PUBLISHED' AND o."deletedAt" IS NULL`;

// `c` is the contact alias.
export const publicContactSql = Prisma.sql`c."visibility" = 'PUBLIC' AND c."consentGivenAt" IS NOT NULL
  AND c."consentWithdrawnAt" IS NULL AND c."deletedAt" IS NULL`;
