// Coordinators create, edit and delete projects directly ('project.edit'); an approved partner
// proposal runs the same functions inside the approval's transaction (change-requests/apply.ts).
// Every write is audited under the lead organization; the caller expires recordTags() afterwards.
import 'server-only';
import type { Prisma } from '@/lib/generated/prisma/client';
import { AppError } from '@/lib/errors';
import type { Actor } from '@/lib/permissions';
import { projectInputSchema, projectPartialSchema, type ProjectInput } from '@/lib/schemas/project';
import { requireScopeAll } from '../access';
import { diffChanges, removal, snapshot, writeAudit } from '../audit';
import { withLabels } from '../audit-labels';
import { assertUuid, inTransaction, parseInput, VersionConflict } from '../versioning';
import { checkProjectReferences, uniqueRecordSlug } from './references';

type Tx = Prisma.TransactionClient;

const projectSelect = {
  id: true, slug: true, title: true, summary: true, leadOrganizationId: true, startsOn: true, endsOn: true, status: true,
  funding: true, results: true, contactPersonId: true, isPublished: true, version: true,
  partners: { select: { organizationId: true } },
  terms: { select: { termId: true } },
} as const;

type ProjectRow = Prisma.ProjectGetPayload<{ select: typeof projectSelect }>;

function flatten(row: ProjectRow) {
  const { partners, terms, ...rest } = row;
  return {
    ...rest,
    partnerOrganizationIds: partners.map((p) => p.organizationId).sort(),
    termIds: terms.map((t) => t.termId).sort(),
  };
}

function scalars(data: Partial<ProjectInput>) {
  const { partnerOrganizationIds: _partners, termIds: _terms, ...rest } = data;
  void _partners;
  void _terms;
  return { ...rest, summary: rest.summary === null ? '' : rest.summary };
}

async function writeLinks(tx: Tx, projectId: string, data: Partial<ProjectInput>): Promise<void> {
  if (data.partnerOrganizationIds) {
    await tx.projectPartner.deleteMany({ where: { projectId } });
    const ids = [...new Set(data.partnerOrganizationIds)];
    if (ids.length) await tx.projectPartner.createMany({ data: ids.map((organizationId) => ({ projectId, organizationId })) });
  }
  if (data.termIds) {
    await tx.projectTerm.deleteMany({ where: { projectId } });
    const ids = [...new Set(data.termIds)];
    if (ids.length) await tx.projectTerm.createMany({ data: ids.map((termId) => ({ projectId, termId })) });
  }
}

export interface SavedProject {
  id: string;
  version: number;
  // Every organization the project names before and after (for the cache tags).
  organizationIds: string[];
}

export async function createProject({ actor, input, publish }: { actor: Actor | null; input: unknown; publish?: boolean }): Promise<SavedProject> {
  requireScopeAll(actor, 'project.edit');
  const data = parseInput(projectInputSchema, input);
  return inTransaction(async (tx) => {
    await checkProjectReferences(tx, data);
    const slug = await uniqueRecordSlug(tx, 'project', data.title);
    const values = { ...scalars(data), ...(publish ? { isPublished: true } : {}) };
    const created = await tx.project.create({ data: { ...values, slug } as Prisma.ProjectUncheckedCreateInput, select: { id: true, version: true } });
    await writeLinks(tx, created.id, data);
    await writeAudit(tx, {
      actor: actor!,
      action: 'CREATE',
      entityType: 'Project',
      entityId: created.id,
      organizationId: data.leadOrganizationId,
      changes: await withLabels(tx, { ...snapshot({ ...values, slug, partnerOrganizationIds: data.partnerOrganizationIds?.length ? data.partnerOrganizationIds : null, termIds: data.termIds?.length ? data.termIds : null }), version: { before: null, after: 1 } }),
    });
    return { ...created, organizationIds: [data.leadOrganizationId, ...(data.partnerOrganizationIds ?? [])] };
  });
}

export async function updateProject({ actor, id, version, input }: { actor: Actor | null; id: string; version: number; input: unknown }): Promise<SavedProject & { changed: boolean }> {
  requireScopeAll(actor, 'project.edit');
  assertUuid(id);
  const data = parseInput(projectPartialSchema, input);
  return inTransaction(
    async (tx) => {
      const row = await tx.project.findFirst({ where: { id, deletedAt: null }, select: projectSelect });
      if (!row) throw new AppError('NOT_FOUND');
      const before = flatten(row);
      if (before.version !== version) throw new VersionConflict();
      await checkProjectReferences(tx, data, before);
      const values = scalars(data);
      const next: Record<string, unknown> = { ...values };
      if (data.partnerOrganizationIds) next.partnerOrganizationIds = [...new Set(data.partnerOrganizationIds)].sort();
      if (data.termIds) next.termIds = [...new Set(data.termIds)].sort();
      const changes = diffChanges(before, next);
      const organizationIds = [before.leadOrganizationId, ...before.partnerOrganizationIds, data.leadOrganizationId, ...(data.partnerOrganizationIds ?? [])].filter((v): v is string => !!v);
      if (Object.keys(changes).length === 0) return { id, version, changed: false, organizationIds };
      if (data.title !== undefined && data.title !== before.title && !before.isPublished) {
        (values as Record<string, unknown>).slug = await uniqueRecordSlug(tx, 'project', data.title, id);
      }
      const updated = await tx.project.updateMany({ where: { id, version, deletedAt: null }, data: { ...values, version: { increment: 1 } } as Prisma.ProjectUncheckedUpdateManyInput });
      if (updated.count !== 1) throw new VersionConflict();
      await writeLinks(tx, id, data);
      await writeAudit(tx, {
        actor: actor!,
        action: 'UPDATE',
        entityType: 'Project',
        entityId: id,
        organizationId: data.leadOrganizationId ?? before.leadOrganizationId,
        changes: await withLabels(tx, { ...changes, version: { before: version, after: version + 1 } }),
      });
      return { id, version: version + 1, changed: true, organizationIds };
    },
    { entityType: 'Project', entityId: id, version },
  );
}

export async function deleteProject({ actor, id }: { actor: Actor | null; id: string }): Promise<SavedProject> {
  requireScopeAll(actor, 'project.edit');
  assertUuid(id);
  return inTransaction(async (tx) => {
    const row = await tx.project.findFirst({ where: { id, deletedAt: null }, select: projectSelect });
    if (!row) throw new AppError('NOT_FOUND');
    const before = flatten(row);
    await tx.project.update({ where: { id }, data: { deletedAt: new Date(), version: { increment: 1 } } });
    await writeAudit(tx, { actor: actor!, action: 'DELETE', entityType: 'Project', entityId: id, organizationId: before.leadOrganizationId, changes: removal({ title: before.title }) });
    return { id, version: before.version + 1, organizationIds: [before.leadOrganizationId, ...before.partnerOrganizationIds] };
  });
}
