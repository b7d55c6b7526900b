// Permission checks as `where` clauses, so that a record outside the caller's scope is simply not
// found (no separate check that could be forgotten or raced).
import 'server-only';
import type { Prisma } from '@/lib/generated/prisma/client';
import { AppError } from '@/lib/errors';
import { organizationFilter, scopeOf, type Actor, type Permission } from '@/lib/permissions';

// The one guard for "signed in": every data function that is not public starts with it (directly
// or through organizationScope / requireScopeAll).
export function assertActor(actor: Actor | null | undefined): asserts actor is Actor {
  if (!actor) throw new AppError('UNAUTHENTICATED');
}

// Throws when the permission is not granted at all; otherwise the filter on Organization.
export function organizationScope(actor: Actor | null | undefined, permission: Permission): Prisma.OrganizationWhereInput {
  assertActor(actor);
  const filter = organizationFilter(actor, permission);
  if (!filter) throw new AppError('FORBIDDEN');
  return filter;
}

// The same filter for records below an organization (they all carry organizationId).
export function childScope(
  actor: Actor | null | undefined,
  permission: Permission,
): { organization?: { is: Prisma.OrganizationWhereInput } } {
  const filter = organizationScope(actor, permission);
  return Object.keys(filter).length ? { organization: { is: filter } } : {};
}

export function requireScopeAll(actor: Actor | null | undefined, permission: Permission): Actor {
  assertActor(actor);
  if (scopeOf(actor, permission) !== 'all') throw new AppError('FORBIDDEN');
  return actor;
}

export const TRANSACTION_OPTIONS = { maxWait: 15_000, timeout: 20_000 } as const;
