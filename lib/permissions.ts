// Role -> permission map. Pure (no database): data functions turn a scope into a `where` clause.
//   'all'     every record
//   'own'     records of organizations the user is a member of
//   'trusted' like 'own', but only organizations marked isTrusted (partner edits publish directly)
//   'none'    refused
// PARTNER edits of untrusted organizations become change requests (issue 5): 'organization.propose'.
import type { Role } from '@/lib/generated/prisma/enums';

export type Scope = 'all' | 'own' | 'trusted' | 'none';

/** @internal Exported for its unit test. */
export const PERMISSIONS = {
  'dashboard.read': { ADMIN: 'all', PARTNER: 'own' },
  'organization.read': { ADMIN: 'all', PARTNER: 'own' },
  'organization.create': { ADMIN: 'all', PARTNER: 'none' },
  // Direct edits of an organization and everything under it.
  'organization.update': { ADMIN: 'all', PARTNER: 'trusted' },
  // Proposing an edit for review (issue 5).
  'organization.propose': { ADMIN: 'all', PARTNER: 'own' },
  'organization.publish': { ADMIN: 'all', PARTNER: 'none' },
  // Fields that shape the network rather than one entry (COORDINATOR_ONLY_ORGANIZATION_FIELDS).
  'organization.setCoordinatorFields': { ADMIN: 'all', PARTNER: 'none' },
  'organization.delete': { ADMIN: 'all', PARTNER: 'none' },
  'organization.setTrusted': { ADMIN: 'all', PARTNER: 'none' },
  'organization.verify': { ADMIN: 'all', PARTNER: 'own' },
  // "Still correct?" e-mails to the partners of overdue entries.
  'verification.sendReminders': { ADMIN: 'all', PARTNER: 'none' },
  'audit.read': { ADMIN: 'all', PARTNER: 'own' },
  'audit.restore': { ADMIN: 'all', PARTNER: 'none' },
  'changeRequest.review': { ADMIN: 'all', PARTNER: 'none' },
  'feedback.read': { ADMIN: 'all', PARTNER: 'own' },
  'feedback.handle': { ADMIN: 'all', PARTNER: 'none' },
  'contact.exportPersonalData': { ADMIN: 'all', PARTNER: 'none' },
  // Erasure of a contact person's data (GDPR Art. 17), everywhere it is mentioned.
  'contact.erasePersonalData': { ADMIN: 'all', PARTNER: 'none' },
  'user.read': { ADMIN: 'all', PARTNER: 'none' },
  'user.manage': { ADMIN: 'all', PARTNER: 'none' },
  // Partners may invite colleagues for their own organizations (issue 5).
  'invitation.create': { ADMIN: 'all', PARTNER: 'own' },
  'invitation.revoke': { ADMIN: 'all', PARTNER: 'own' },
  'outbox.read': { ADMIN: 'all', PARTNER: 'none' },
  'page.edit': { ADMIN: 'all', PARTNER: 'none' },
  'taxonomy.edit': { ADMIN: 'all', PARTNER: 'none' },
  'language.edit': { ADMIN: 'all', PARTNER: 'none' },
  // The search vocabulary (issue 11): concepts and their words.
  'vocabulary.edit': { ADMIN: 'all', PARTNER: 'none' },
  'searchLog.read': { ADMIN: 'all', PARTNER: 'none' },
  // Contact management and data exchange (issue 13): the coordination office only.
  'distributionList.manage': { ADMIN: 'all', PARTNER: 'none' },
  'circular.send': { ADMIN: 'all', PARTNER: 'none' },
  'directory.import': { ADMIN: 'all', PARTNER: 'none' },
  'directory.export': { ADMIN: 'all', PARTNER: 'none' },
  // The network's meetings (issue 14): coordinators plan them; members see those their
  // organizations are invited to, propose agenda items and work on their organization's tasks.
  'meeting.manage': { ADMIN: 'all', PARTNER: 'none' },
  'meeting.read': { ADMIN: 'all', PARTNER: 'own' },
  'meeting.proposeAgenda': { ADMIN: 'all', PARTNER: 'own' },
  'meetingTask.update': { ADMIN: 'all', PARTNER: 'own' },
  // The list of network members with their network-internal contacts (signed-in members only).
  'network.readMembers': { ADMIN: 'all', PARTNER: 'own' },
  // Projects and public events (issue 14): coordinators edit directly; partners propose through
  // review ('organization.propose' for the lead organization or the organizer).
  'project.edit': { ADMIN: 'all', PARTNER: 'none' },
  'event.edit': { ADMIN: 'all', PARTNER: 'none' },
  // The yearly report for the funder (issue 14 point 5): figures of the whole network, so the
  // coordination office only.
  'report.read': { ADMIN: 'all', PARTNER: 'none' },
} as const satisfies Record<string, Record<Role, Scope>>;

export type Permission = keyof typeof PERMISSIONS;

export interface Actor {
  id: string;
  name: string;
  email: string;
  role: Role;
  // Organizations the user is a member of (PARTNER); empty for most coordinators.
  organizationIds: string[];
}

export function scopeOf(actor: Pick<Actor, 'role'> | null | undefined, permission: Permission): Scope {
  if (!actor) return 'none';
  return PERMISSIONS[permission][actor.role] ?? 'none';
}

// Whether the actor may act on one organization; `isTrusted` only matters for a 'trusted' scope.
export function can(
  actor: Actor | null | undefined,
  permission: Permission,
  organization?: { id: string; isTrusted?: boolean },
): boolean {
  const scope = scopeOf(actor, permission);
  if (scope === 'all') return true;
  if (scope === 'none' || !actor) return false;
  if (!organization) return actor.organizationIds.length > 0;
  if (!actor.organizationIds.includes(organization.id)) return false;
  return scope === 'own' || organization.isTrusted === true;
}

// What a permission allows, as a filter on Organization (null = nothing).
export function organizationFilter(
  actor: Actor | null | undefined,
  permission: Permission,
): { id?: { in: string[] }; isTrusted?: true } | null {
  const scope = scopeOf(actor, permission);
  if (scope === 'all') return {};
  if (scope === 'none' || !actor) return null;
  const filter: { id: { in: string[] }; isTrusted?: true } = { id: { in: actor.organizationIds } };
  if (scope === 'trusted') filter.isTrusted = true;
  return filter;
}
