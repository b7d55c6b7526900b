// User management for coordinators: list, change role, assign organizations, (de)activate.
// Role changes and deactivation end the user's sessions at once (lib/data/auth/sessions.ts).
import 'server-only';
import { endUserSessions } from '@/lib/data/auth/sessions';
import { db } from '@/lib/db';
import { AppError, validationError } from '@/lib/errors';
import type { Actor } from '@/lib/permissions';
import { userUpdateSchema } from '@/lib/schemas/auth';
import { organizationScope, requireScopeAll } from './access';
import { diffChanges, writeAudit } from './audit';
import { assertUuid, parseInput } from './versioning';

export async function listUsers({ actor }: { actor: Actor | null }) {
  requireScopeAll(actor, 'user.read');
  const users = await db.user.findMany({
    orderBy: [{ isActive: 'desc' }, { name: 'asc' }],
    select: {
      id: true,
      name: true,
      email: true,
      role: true,
      isActive: true,
      lastLoginAt: true,
      memberships: { select: { organization: { select: { id: true, name: true } } } },
    },
  });
  return users.map(({ memberships, ...user }) => ({ ...user, organizations: memberships.map((m) => m.organization) }));
}

export async function getUser({ actor, id }: { actor: Actor | null; id: string }) {
  requireScopeAll(actor, 'user.read');
  assertUuid(id);
  const user = await db.user.findUnique({
    where: { id },
    select: { id: true, name: true, email: true, role: true, isActive: true, lastLoginAt: true, totpEnabledAt: true, memberships: { select: { organizationId: true } } },
  });
  if (!user) throw new AppError('NOT_FOUND');
  const { memberships, ...rest } = user;
  return { ...rest, organizationIds: memberships.map((m) => m.organizationId) };
}

export async function updateUser({ actor, id, input }: { actor: Actor | null; id: string; input: unknown }) {
  const admin = requireScopeAll(actor, 'user.manage');
  assertUuid(id);
  const data = parseInput(userUpdateSchema, input);
  const organizationIds = data.organizationIds ?? [];
  if (id === admin.id && (data.role !== 'ADMIN' || !data.isActive)) {
    throw validationError({ role: ['Sie können sich nicht selbst die Koordinationsrolle entziehen oder sich deaktivieren.'] });
  }
  return db.$transaction(async (tx) => {
    const before = await tx.user.findUnique({ where: { id }, select: { role: true, isActive: true, name: true, memberships: { select: { organizationId: true } } } });
    if (!before) throw new AppError('NOT_FOUND');
    if (organizationIds.length) {
      const found = await tx.organization.count({ where: { id: { in: organizationIds } } });
      if (found !== new Set(organizationIds).size) throw validationError({ organizationIds: ['Bitte wählen Sie Organisationen aus der Liste.'] });
    }
    const changes = diffChanges(
      { role: before.role, isActive: before.isActive, organizationIds: before.memberships.map((m) => m.organizationId) },
      { role: data.role, isActive: data.isActive, organizationIds },
    );
    if (Object.keys(changes).length === 0) return { changed: false };
    const endsSessions = Boolean(changes.role || changes.isActive);
    await tx.user.update({ where: { id }, data: { role: data.role, isActive: data.isActive } });
    if (endsSessions) await endUserSessions(tx, id);
    await tx.membership.deleteMany({ where: { userId: id, organizationId: { notIn: organizationIds } } });
    await tx.membership.createMany({ data: organizationIds.map((organizationId) => ({ userId: id, organizationId })), skipDuplicates: true });
    await writeAudit(tx, { actor: admin, action: 'UPDATE', entityType: 'User', entityId: id, changes });
    return { changed: true };
  });
}

// The people who maintain one organization (its "Team" page): visible to its partners and to
// coordinators. Only names and e-mail addresses, no account details.
export async function listOrganizationMembers({ actor, organizationId }: { actor: Actor | null; organizationId: string }) {
  const scope = organizationScope(actor, 'organization.read');
  assertUuid(organizationId);
  const org = await db.organization.findFirst({ where: { AND: [{ id: organizationId, deletedAt: null }, scope] }, select: { id: true } });
  if (!org) throw new AppError('NOT_FOUND');
  const memberships = await db.membership.findMany({
    where: { organizationId },
    orderBy: { user: { name: 'asc' } },
    select: { createdAt: true, user: { select: { id: true, name: true, email: true, isActive: true } } },
  });
  return memberships.map((m) => ({ ...m.user, memberSince: m.createdAt }));
}
