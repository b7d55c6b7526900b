// What the public may see of projects and events, once: published, not deleted, and led or
// organized by a public entry. Partner organizations, locations and contacts are shown only when
// they are public themselves (lib/data/visibility.ts). Drafts and pending proposals never match:
// a proposal is a ChangeRequest row, not a Project or Event, until a coordinator approves it.
import type { Prisma } from '@/lib/generated/prisma/client';
import { publicOrganizationWhere } from '../visibility';

export const publicProjectWhere = {
  isPublished: true,
  deletedAt: null,
  leadOrganization: publicOrganizationWhere,
} satisfies Prisma.ProjectWhereInput;

export const publicEventWhere = {
  isPublished: true,
  deletedAt: null,
  organizer: publicOrganizationWhere,
} satisfies Prisma.EventWhereInput;
