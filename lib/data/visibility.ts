// What the public may see, defined once and used by every public read (pages, API, sitemap,
// search, exports): published and not deleted organizations; contacts only when public, with
// consent recorded and not withdrawn.
import type { Prisma } from '@/lib/generated/prisma/client';

export const publicOrganizationWhere = {
  status: 'PUBLISHED',
  deletedAt: null,
} satisfies Prisma.OrganizationWhereInput;

export const publicContactWhere = {
  visibility: 'PUBLIC',
  consentGivenAt: { not: null },
  consentWithdrawnAt: null,
  deletedAt: null,
} satisfies Prisma.ContactPersonWhereInput;

export const publicServiceWhere = { deletedAt: null } satisfies Prisma.ServiceWhereInput;
export const publicLocationWhere = { deletedAt: null } satisfies Prisma.LocationWhereInput;
