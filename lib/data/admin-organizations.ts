// Organizations in the admin area: list, read, create, edit (optimistic locking), publish,
// archive, soft delete and restore. Every write is audited in the same transaction.
import 'server-only';
import type { Prisma } from '@/lib/generated/prisma/client';
import { db } from '@/lib/db';
import { AppError, validationError } from '@/lib/errors';
import { scopeOf, type Actor } from '@/lib/permissions';
import { organizationInputSchema, withoutCoordinatorOnlyFields, type OrganizationInput, type OrganizationListQuery } from '@/lib/schemas/organization';
import { hasKeywordInput, keywordFieldValues, KEYWORD_FIELDS, mergeKeywords, type KeywordField } from '@/lib/schemas/keywords';
import { slugify } from '@/lib/schemas/slug';
import { organizationFieldsSelect } from './field-selects';
import { organizationScope } from './access';
import { diffChanges, snapshot, writeOrganizationAudit } from './audit';
import { withLabels } from './audit-labels';
import { findOverdueOrganizationIds } from './freshness';
import { scheduleFieldsSelect } from './field-selects';
import { assertUuid, inTransaction, parseInput, VersionConflict, withoutUndefined } from './versioning';

type Tx = Prisma.TransactionClient;

const PAGE_SIZE = 25;

const scalarSelect = {
  id: true,
  slug: true,
  ...organizationFieldsSelect,
  isCoordinationOffice: true,
  status: true,
  version: true,
  isTrusted: true,
} as const;

// The keyword fields of a post (only those it contains: a partial form changes no other language).
// A cleared language (null, e.g. restored from "empty") is an empty list, as stored.
function keywordInput(input: Partial<OrganizationInput>): Partial<Record<KeywordField, string[]>> {
  return withoutUndefined(Object.fromEntries(KEYWORD_FIELDS.map((field) => [field, input[field] === null ? [] : input[field]])));
}

function filledKeywords(input: Partial<OrganizationInput>) {
  return Object.fromEntries(Object.entries(keywordInput(input)).filter(([, words]) => words.length));
}

function toData(input: Partial<OrganizationInput>) {
  const { topicIds: _topicIds, keywords_de: _de, keywords_en: _en, keywords_ar: _ar, keywords_uk: _uk, keywords_ru: _ru, ...scalars } = input;
  return withoutUndefined({
    ...scalars,
    description: scalars.description === null ? '' : scalars.description,
    reviewIntervalMonths: scalars.reviewIntervalMonths === null ? 12 : scalars.reviewIntervalMonths,
    sortOrder: scalars.sortOrder === null ? 0 : scalars.sortOrder,
  });
}

export async function checkOrganizationReferences(tx: Tx, input: Partial<OrganizationInput>, selfId?: string): Promise<void> {
  const errors: Record<string, string[]> = {};
  if (input.categoryId) {
    const found = await tx.taxonomyTerm.count({ where: { id: input.categoryId, kind: 'CATEGORY' } });
    if (!found) errors.categoryId = ['Bitte wählen Sie einen Bereich aus der Liste.'];
  }
  if (input.parentId) {
    const found = await tx.organization.count({ where: { id: input.parentId, deletedAt: null } });
    if (!found || input.parentId === selfId) errors.parentId = ['Bitte wählen Sie eine andere Organisation.'];
  }
  if (input.topicIds?.length) {
    const found = await tx.taxonomyTerm.count({ where: { id: { in: input.topicIds } } });
    if (found !== new Set(input.topicIds).size) errors.topicIds = ['Bitte wählen Sie Themen aus der Liste.'];
  }
  if (Object.keys(errors).length) throw validationError(errors);
}

export async function uniqueSlug(tx: Tx, name: string, organizationId?: string): Promise<string> {
  const base = slugify(name);
  for (let index = 1; index < 1000; index++) {
    const candidate = index === 1 ? base : `${base}-${index}`;
    const [org, redirect] = await Promise.all([
      tx.organization.findUnique({ where: { slug: candidate }, select: { id: true } }),
      tx.slugRedirect.findUnique({ where: { slug: candidate }, select: { organizationId: true } }),
    ]);
    const isTakenByOther = (org && org.id !== organizationId) || (redirect && redirect.organizationId !== organizationId);
    if (!isTakenByOther) return candidate;
  }
  throw new AppError('CONFLICT', 'Für diesen Namen konnte keine Adresse erzeugt werden.');
}

// The admin list's filter (also used by the export, so that it exports what the list shows).
export async function adminOrganizationWhere(scope: Prisma.OrganizationWhereInput, query: OrganizationListQuery): Promise<{ where: Prisma.OrganizationWhereInput; outdatedIds: string[] }> {
  const and: Prisma.OrganizationWhereInput[] = [scope, { deletedAt: null }];
  if (query.q) {
    and.push({
      OR: [
        { name: { contains: query.q, mode: 'insensitive' } },
        { shortName: { contains: query.q, mode: 'insensitive' } },
        { email: { contains: query.q, mode: 'insensitive' } },
        { searchText: { contains: query.q.toLowerCase() } },
      ],
    });
  }
  if (query.status) and.push({ status: query.status });
  if (query.categoryId) and.push({ categoryId: query.categoryId });
  if (query.hasPendingChanges) and.push({ changeRequests: { some: { status: 'PENDING' } } });
  const outdatedIds = await listOutdatedOrganizationIds();
  if (query.isOutdated) and.push({ id: { in: outdatedIds } });
  return { where: { AND: and }, outdatedIds };
}

export async function listAdminOrganizations({ actor, query = {} }: { actor: Actor | null; query?: OrganizationListQuery }) {
  const scope = organizationScope(actor, 'organization.read');
  const { where, outdatedIds } = await adminOrganizationWhere(scope, query);
  const dir = query.dir ?? (query.sort === 'updatedAt' ? 'desc' : 'asc');
  const orderBy: Prisma.OrganizationOrderByWithRelationInput[] =
    query.sort === 'updatedAt'
      ? [{ updatedAt: dir }]
      : query.sort === 'status'
        ? [{ status: dir }, { name: 'asc' }]
        : query.sort === 'lastVerifiedAt'
          ? [{ lastVerifiedAt: { sort: dir, nulls: 'first' } }, { name: 'asc' }]
          : [{ name: dir }];
  const total = await db.organization.count({ where });
  const pageCount = Math.max(1, Math.ceil(total / PAGE_SIZE));
  const page = Math.min(query.page ?? 1, pageCount);
  const rows = await db.organization.findMany({
    where,
    orderBy,
    skip: (page - 1) * PAGE_SIZE,
    take: PAGE_SIZE,
    select: {
      id: true,
      slug: true,
      name: true,
      status: true,
      updatedAt: true,
      lastVerifiedAt: true,
      isTrusted: true,
      category: { select: { label: true } },
      _count: { select: { changeRequests: { where: { status: 'PENDING' } }, services: { where: { deletedAt: null } } } },
    },
  });
  const outdated = new Set(outdatedIds);
  const items = rows.map(({ _count, category, ...row }) => ({
    ...row,
    categoryLabel: category?.label ?? null,
    pendingChanges: _count.changeRequests,
    serviceCount: _count.services,
    isOutdated: outdated.has(row.id),
  }));
  return { items, total, page, pageCount, pageSize: PAGE_SIZE };
}

// Entries whose review interval has passed (lib/data/freshness.ts has the one definition).
function listOutdatedOrganizationIds(): Promise<string[]> {
  return findOverdueOrganizationIds({ isPublishedOnly: false });
}

export async function getAdminOrganization({ actor, id }: { actor: Actor | null; id: string }) {
  const scope = organizationScope(actor, 'organization.read');
  assertUuid(id);
  const org = await db.organization.findFirst({
    where: { AND: [{ id }, scope] },
    select: {
      ...scalarSelect,
      lastVerifiedAt: true,
      createdAt: true,
      updatedAt: true,
      deletedAt: true,
      keywords: true,
      topics: { select: { termId: true } },
      category: { select: { label: true } },
      services: {
        orderBy: [{ sortOrder: 'asc' }, { name: 'asc' }],
        select: { id: true, name: true, status: true, deletedAt: true, version: true },
      },
      locations: {
        orderBy: [{ sortOrder: 'asc' }, { name: 'asc' }],
        select: { id: true, name: true, street: true, postalCode: true, city: true, deletedAt: true, version: true },
      },
      contacts: {
        orderBy: [{ sortOrder: 'asc' }, { role: 'asc' }],
        select: {
          id: true,
          role: true,
          name: true,
          email: true,
          visibility: true,
          consentGivenAt: true,
          consentWithdrawnAt: true,
          deletedAt: true,
          version: true,
          serviceId: true,
          languageOffers: { select: { languageCode: true } },
        },
      },
      schedules: {
        orderBy: [{ weekday: 'asc' }, { opensAt: 'asc' }],
        select: { ...scheduleFieldsSelect, id: true, note: true, service: { select: { name: true } }, location: { select: { name: true, city: true } }, contactPerson: { select: { role: true, name: true } } },
      },
      scheduleExceptions: {
        orderBy: { startsOn: 'asc' },
        select: { id: true, startsOn: true, endsOn: true, isClosed: true, opensAt: true, closesAt: true, note: true, location: { select: { name: true, city: true } } },
      },
    },
  });
  if (!org) throw new AppError('NOT_FOUND');
  const { topics, ...rest } = org;
  return { ...rest, topicIds: topics.map((topic) => topic.termId) };
}

export async function createOrganization({ actor, input }: { actor: Actor | null; input: unknown }) {
  const scope = organizationScope(actor, 'organization.create');
  if (Object.keys(scope).length) throw new AppError('FORBIDDEN');
  const data = parseInput(organizationInputSchema, input);
  return inTransaction(async (tx) => {
    await checkOrganizationReferences(tx, data);
    const slug = await uniqueSlug(tx, data.name);
    const created = await tx.organization.create({
      data: {
        ...(toData(data) as Prisma.OrganizationUncheckedCreateInput),
        name: data.name,
        slug,
        status: 'DRAFT',
        keywords: mergeKeywords({}, keywordInput(data)),
        topics: data.topicIds?.length ? { create: data.topicIds.map((termId) => ({ termId })) } : undefined,
      },
      select: { id: true, slug: true, version: true },
    });
    await writeOrganizationAudit(tx, actor!, created.id, 'CREATE', await withLabels(tx, { ...snapshot({ ...toData(data), topicIds: data.topicIds, ...filledKeywords(data), slug, status: 'DRAFT' }), version: { before: null, after: 1 } }));
    return created;
  });
}

export async function updateOrganization({
  actor,
  id,
  version,
  input,
}: {
  actor: Actor | null;
  id: string;
  version: number;
  input: unknown;
}): Promise<{ version: number; slug: string; changed: boolean }> {
  const scope = organizationScope(actor, 'organization.update');
  assertUuid(id);
  const parsed = parseInput(organizationInputSchema.partial(), input);
  const data = scopeOf(actor, 'organization.setCoordinatorFields') === 'all' ? parsed : withoutCoordinatorOnlyFields(parsed);
  return inTransaction(
    async (tx) => {
      const before = await tx.organization.findFirst({
        where: { AND: [{ id, deletedAt: null }, scope] },
        select: { ...scalarSelect, keywords: true, topics: { select: { termId: true } } },
      });
      if (!before) throw new AppError('NOT_FOUND');
      if (before.version !== version) throw new VersionConflict();
      await checkOrganizationReferences(tx, data, id);
      const scalars = toData(data);
      const keywords = keywordInput(data);
      // Keywords are compared and audited per language ("Suchbegriffe (Arabisch)": words), not as JSON.
      const next: Record<string, unknown> = { ...scalars, topicIds: data.topicIds, ...keywords };
      if (data.name !== undefined && data.name !== before.name) next.slug = await uniqueSlug(tx, data.name, id);
      const changes = diffChanges({ ...before, topicIds: before.topics.map((t) => t.termId), ...keywordFieldValues(before.keywords) }, next);
      if (Object.keys(changes).length === 0) return { version: before.version, slug: before.slug, changed: false };

      const updated = await tx.organization.updateMany({
        where: { id, version, deletedAt: null },
        data: {
          ...scalars,
          ...(hasKeywordInput(keywords) ? { keywords: mergeKeywords(before.keywords, keywords) } : {}),
          ...(next.slug ? { slug: next.slug as string } : {}),
          version: { increment: 1 },
        },
      });
      if (updated.count !== 1) throw new VersionConflict();
      if (changes.slug) {
        // The old address keeps working (the public page redirects); the new one is no redirect.
        await tx.slugRedirect.deleteMany({ where: { slug: next.slug as string } });
        await tx.slugRedirect.upsert({
          where: { slug: before.slug },
          create: { slug: before.slug, organizationId: id },
          update: { organizationId: id },
        });
      }
      if (changes.topicIds && data.topicIds) {
        await tx.organizationTopic.deleteMany({ where: { organizationId: id, termId: { notIn: data.topicIds } } });
        await tx.organizationTopic.createMany({
          data: data.topicIds.map((termId) => ({ organizationId: id, termId })),
          skipDuplicates: true,
        });
      }
      await writeOrganizationAudit(tx, actor!, id, 'UPDATE', await withLabels(tx, { ...changes, version: { before: version, after: version + 1 } }));
      return { version: version + 1, slug: (next.slug as string) ?? before.slug, changed: true };
    },
    { entityType: 'Organization', entityId: id, version },
  );
}

// Deleted organizations and deleted records below organizations, newest first.
export async function listTrash({ actor }: { actor: Actor | null }) {
  const scope = organizationScope(actor, 'organization.delete');
  const child = Object.keys(scope).length ? { organization: { is: scope } } : {};
  const deleted = { deletedAt: { not: null } } as const;
  const [organizations, services, locations, contacts] = await Promise.all([
    db.organization.findMany({ where: { AND: [deleted, scope] }, orderBy: { deletedAt: 'desc' }, select: { id: true, name: true, deletedAt: true } }),
    db.service.findMany({ where: { ...deleted, ...child }, orderBy: { deletedAt: 'desc' }, select: { id: true, name: true, deletedAt: true, organizationId: true, organization: { select: { name: true } } } }),
    db.location.findMany({ where: { ...deleted, ...child }, orderBy: { deletedAt: 'desc' }, select: { id: true, name: true, city: true, deletedAt: true, organizationId: true, organization: { select: { name: true } } } }),
    db.contactPerson.findMany({ where: { ...deleted, ...child }, orderBy: { deletedAt: 'desc' }, select: { id: true, role: true, name: true, deletedAt: true, organizationId: true, organization: { select: { name: true } } } }),
  ]);
  return { organizations, services, locations, contacts };
}

export async function listOrganizationOptions({ actor }: { actor: Actor | null }) {
  const scope = organizationScope(actor, 'organization.read');
  return db.organization.findMany({ where: { AND: [{ deletedAt: null }, scope] }, orderBy: { name: 'asc' }, select: { id: true, name: true } });
}
