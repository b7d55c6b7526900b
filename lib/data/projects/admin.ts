// The admin area's reads of projects and events: coordinators see all; partners those of their
// organizations (lead or partner of a project, organizer of an event), to propose new ones and
// changes. The permission is the where clause; a record outside it is simply not found.
import 'server-only';
import type { Prisma } from '@/lib/generated/prisma/client';
import { db } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { utcToBerlinLocal } from '@/lib/format/berlin-time';
import { scopeOf, type Actor } from '@/lib/permissions';
import { toFormValues, type FormValues } from '@/lib/schemas/common';
import { assertActor, organizationScope } from '../access';
import { assertUuid } from '../versioning';
import { publicOrganizationWhere } from '../visibility';

/** Whether the actor edits directly (coordinators) or proposes (partners). */
export function editsDirectly(actor: Actor, kind: 'project' | 'event'): boolean {
  return scopeOf(actor, kind === 'project' ? 'project.edit' : 'event.edit') === 'all';
}

// The organizations whose records the actor may see here: all for coordinators, else their own.
function ownIds(actor: Actor | null, kind: 'project' | 'event'): string[] | null {
  assertActor(actor);
  if (editsDirectly(actor, kind)) return null;
  const scope = organizationScope(actor, 'organization.propose');
  return (scope.id as { in: string[] } | undefined)?.in ?? [];
}

function projectWhere(actor: Actor | null): Prisma.ProjectWhereInput {
  const ids = ownIds(actor, 'project');
  return ids === null
    ? { deletedAt: null }
    : { deletedAt: null, OR: [{ leadOrganizationId: { in: ids } }, { partners: { some: { organizationId: { in: ids } } } }] };
}

function eventWhere(actor: Actor | null): Prisma.EventWhereInput {
  const ids = ownIds(actor, 'event');
  return ids === null ? { deletedAt: null } : { deletedAt: null, organizerId: { in: ids } };
}

export async function listAdminProjects({ actor }: { actor: Actor | null }) {
  return db.project.findMany({
    where: projectWhere(actor),
    orderBy: [{ updatedAt: 'desc' }],
    select: { id: true, slug: true, title: true, status: true, isPublished: true, leadOrganization: { select: { name: true } } },
  });
}

export async function listAdminEvents({ actor }: { actor: Actor | null }) {
  return db.event.findMany({
    where: eventWhere(actor),
    orderBy: [{ startsAt: 'desc' }],
    select: { id: true, slug: true, title: true, startsAt: true, endsAt: true, isPublished: true, isCancelled: true, organizer: { select: { name: true } } },
  });
}

/** A project as its form shows it, with its version and the organization a partner proposes for. */
export async function getAdminProject({ actor, id }: { actor: Actor | null; id: string }): Promise<{ id: string; slug: string; version: number; isPublished: boolean; leadOrganizationId: string; values: FormValues }> {
  assertUuid(id);
  const row = await db.project.findFirst({
    where: { AND: [{ id }, projectWhere(actor)] },
    select: {
      id: true, slug: true, title: true, summary: true, leadOrganizationId: true, startsOn: true, endsOn: true, status: true, funding: true, results: true,
      contactPersonId: true, isPublished: true, version: true, partners: { select: { organizationId: true } }, terms: { select: { termId: true } },
    },
  });
  if (!row) throw new AppError('NOT_FOUND');
  const { partners, terms, version, id: projectId, slug, ...rest } = row;
  return {
    id: projectId,
    slug,
    version,
    isPublished: row.isPublished,
    leadOrganizationId: row.leadOrganizationId,
    values: toFormValues({ ...rest, partnerOrganizationIds: partners.map((p) => p.organizationId), termIds: terms.map((t) => t.termId) }),
  };
}

export async function getAdminEvent({ actor, id }: { actor: Actor | null; id: string }): Promise<{ id: string; slug: string; version: number; isPublished: boolean; organizerId: string; values: FormValues }> {
  assertUuid(id);
  const row = await db.event.findFirst({
    where: { AND: [{ id }, eventWhere(actor)] },
    select: {
      id: true, slug: true, title: true, description: true, startsAt: true, endsAt: true, organizerId: true, locationId: true, placeName: true,
      placeAddress: true, town: true, onlineUrl: true, languageCodes: true, isFree: true, cost: true, registrationRequired: true, registrationInfo: true,
      registrationUrl: true, registrationUntil: true, isCancelled: true, isPublished: true, version: true, terms: { select: { termId: true } },
    },
  });
  if (!row) throw new AppError('NOT_FOUND');
  const { terms, version, id: eventId, slug, startsAt, endsAt, registrationUntil, ...rest } = row;
  const local = (value: Date | null) => (value ? utcToBerlinLocal(value) : '');
  return {
    id: eventId,
    slug,
    version,
    isPublished: row.isPublished,
    organizerId: row.organizerId,
    values: { ...toFormValues({ ...rest, termIds: terms.map((t) => t.termId) }), startsAt: local(startsAt), endsAt: local(endsAt), registrationUntil: local(registrationUntil) },
  };
}

/** The choices of the project and event forms. Partners choose among their own and the public entries. */
export async function listProjectEventOptions({ actor }: { actor: Actor | null }) {
  assertActor(actor);
  const ids = ownIds(actor, 'project');
  const organizationWhere: Prisma.OrganizationWhereInput = ids === null ? { deletedAt: null } : { OR: [{ id: { in: ids }, deletedAt: null }, publicOrganizationWhere] };
  const [organizations, terms, languages, contacts, locations] = await Promise.all([
    db.organization.findMany({ where: organizationWhere, orderBy: { name: 'asc' }, select: { id: true, name: true } }),
    db.taxonomyTerm.findMany({ where: { kind: { in: ['TOPIC', 'TARGET_GROUP'] } }, orderBy: [{ sortOrder: 'asc' }, { label: 'asc' }], select: { id: true, kind: true, label: true } }),
    db.language.findMany({ where: { isActive: true }, orderBy: [{ sortOrder: 'asc' }, { nameDe: 'asc' }], select: { code: true, nameDe: true } }),
    // Only contacts the public may see can be named on a public project page.
    db.contactPerson.findMany({
      where: { deletedAt: null, visibility: 'PUBLIC', consentGivenAt: { not: null }, consentWithdrawnAt: null, organization: organizationWhere },
      orderBy: [{ organization: { name: 'asc' } }, { role: 'asc' }],
      select: { id: true, role: true, name: true, organization: { select: { name: true } } },
    }),
    db.location.findMany({
      where: { deletedAt: null, organization: ids === null ? { deletedAt: null } : { id: { in: ids }, deletedAt: null } },
      orderBy: [{ organization: { name: 'asc' } }, { name: 'asc' }],
      select: { id: true, name: true, street: true, city: true, organization: { select: { name: true } } },
    }),
  ]);
  return {
    organizations: organizations.map((o) => ({ value: o.id, label: o.name })),
    topics: terms.filter((t) => t.kind === 'TOPIC').map((t) => ({ value: t.id, label: t.label })),
    targetGroups: terms.filter((t) => t.kind === 'TARGET_GROUP').map((t) => ({ value: t.id, label: t.label })),
    languages: languages.map((l) => ({ value: l.code, label: l.nameDe })),
    contacts: contacts.map((c) => ({ value: c.id, label: `${c.organization.name}: ${c.name ? `${c.name} (${c.role})` : c.role}` })),
    locations: locations.map((l) => ({ value: l.id, label: `${l.organization.name}: ${[l.name, l.street, l.city].filter(Boolean).join(', ')}` })),
  };
}
