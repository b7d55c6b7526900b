// Taxonomy terms and languages as options for admin forms, and managing the terms.
import 'server-only';
import { db } from '@/lib/db';
import type { Prisma } from '@/lib/generated/prisma/client';
import { AppError } from '@/lib/errors';
import type { Actor } from '@/lib/permissions';
import { slugify } from '@/lib/schemas/slug';
import { TAXONOMY_KIND_LABELS, termInputSchema, TRANSLATED_LOCALES, type TermInput } from '@/lib/schemas/taxonomy';
import { assertActor, requireScopeAll, TRANSACTION_OPTIONS } from './access';
import { diffChanges, snapshot, writeAudit } from './audit';
import { assertUuid, parseInput } from './versioning';

export async function listTermOptions({ actor }: { actor: Actor | null }) {
  assertActor(actor);
  const terms = await db.taxonomyTerm.findMany({ orderBy: [{ kind: 'asc' }, { sortOrder: 'asc' }, { label: 'asc' }], select: { id: true, kind: true, label: true } });
  const of = (kind: string) => terms.filter((t) => t.kind === kind).map((t) => ({ value: t.id, label: t.label }));
  return {
    categories: of('CATEGORY'),
    topics: of('TOPIC'),
    targetGroups: of('TARGET_GROUP'),
  };
}

export async function listLanguageOptions({ actor }: { actor: Actor | null }) {
  assertActor(actor);
  const languages = await db.language.findMany({ where: { isActive: true }, orderBy: [{ sortOrder: 'asc' }, { nameDe: 'asc' }], select: { code: true, nameDe: true } });
  return languages.map((l) => ({ value: l.code, label: l.nameDe }));
}

// ---------------------------------------------------------------------------------------------
// Managing the terms (coordinators): categories, topics and target groups with translated labels.
// Audited; a term still in use cannot be deleted. Slugs stay stable (public filter links use them).

const TERM_ENTITY = 'TaxonomyTerm';

const termSelect = {
  id: true,
  kind: true,
  slug: true,
  label: true,
  labels: true,
  sortOrder: true,
  parentId: true,
  parent: { select: { label: true } },
  _count: { select: { organizations: true, orgTopics: true, serviceTerms: true, children: true } },
} as const;

function toTerm(row: Prisma.TaxonomyTermGetPayload<{ select: typeof termSelect }>) {
  const labels = (row.labels ?? {}) as Record<string, string>;
  const { _count, parent, ...rest } = row;
  return {
    ...rest,
    labels,
    parentLabel: parent?.label ?? null,
    usage: { organizations: _count.organizations + _count.orgTopics, services: _count.serviceTerms, children: _count.children },
  };
}

export type AdminTerm = ReturnType<typeof toTerm>;

export async function listTaxonomyTerms({ actor }: { actor: Actor | null }): Promise<AdminTerm[]> {
  requireScopeAll(actor, 'taxonomy.edit');
  const rows = await db.taxonomyTerm.findMany({ orderBy: [{ kind: 'asc' }, { sortOrder: 'asc' }, { label: 'asc' }], select: termSelect });
  return rows.map(toTerm);
}

export async function getTaxonomyTerm({ actor, id }: { actor: Actor | null; id: string }): Promise<AdminTerm> {
  requireScopeAll(actor, 'taxonomy.edit');
  assertUuid(id);
  const row = await db.taxonomyTerm.findUnique({ where: { id }, select: termSelect });
  if (!row) throw new AppError('NOT_FOUND');
  return toTerm(row);
}

// Keys sorted, as PostgreSQL's jsonb returns them, so that an unchanged map compares equal.
function labelsOf(data: TermInput): Record<string, string> {
  const labels: Record<string, string> = {};
  for (const locale of [...TRANSLATED_LOCALES].sort()) {
    const value = data[`label_${locale}`];
    if (value) labels[locale] = value;
  }
  return labels;
}

type Tx = Prisma.TransactionClient;

// The parent must be a term of the same kind, and not the term itself or one of its descendants.
async function checkParent(tx: Tx, { id, kind, parentId }: { id?: string; kind: string; parentId: string | null | undefined }) {
  if (!parentId) return;
  const refuse = (message: string) => {
    throw new AppError('VALIDATION', undefined, { fieldErrors: { parentId: [message] } });
  };
  if (parentId === id) refuse('Ein Begriff kann nicht sein eigener übergeordneter Begriff sein.');
  const parent = await tx.taxonomyTerm.findUnique({ where: { id: parentId }, select: { kind: true } });
  if (!parent || parent.kind !== kind) refuse(`Bitte wählen Sie einen übergeordneten Begriff derselben Art (${TAXONOMY_KIND_LABELS[kind as keyof typeof TAXONOMY_KIND_LABELS]}).`);
  if (!id) return;
  let cursor: string | null = parentId;
  for (let depth = 0; cursor && depth < 50; depth++) {
    if (cursor === id) refuse('Der gewählte Begriff liegt unter diesem Begriff: Das ergäbe einen Kreis.');
    const next: { parentId: string | null } | null = await tx.taxonomyTerm.findUnique({ where: { id: cursor }, select: { parentId: true } });
    cursor = next?.parentId ?? null;
  }
}

async function uniqueTermSlug(tx: Tx, kind: TermInput['kind'], label: string): Promise<string> {
  const base = slugify(label, 60);
  for (let n = 1; n < 100; n++) {
    const slug = n === 1 ? base : `${base}-${n}`;
    if (!(await tx.taxonomyTerm.findUnique({ where: { kind_slug: { kind, slug } }, select: { id: true } }))) return slug;
  }
  throw new AppError('CONFLICT', 'Für diese Bezeichnung gibt es schon zu viele Begriffe.');
}

export async function createTaxonomyTerm({ actor, input }: { actor: Actor | null; input: unknown }): Promise<{ id: string }> {
  requireScopeAll(actor, 'taxonomy.edit');
  const data = parseInput(termInputSchema, input);
  return db.$transaction(async (tx) => {
    await checkParent(tx, { kind: data.kind, parentId: data.parentId });
    const values = {
      kind: data.kind,
      slug: await uniqueTermSlug(tx, data.kind, data.label),
      label: data.label,
      labels: labelsOf(data),
      sortOrder: data.sortOrder ?? 0,
      parentId: data.parentId ?? null,
    };
    const created = await tx.taxonomyTerm.create({ data: values, select: { id: true } });
    await writeAudit(tx, { actor: actor!, action: 'CREATE', entityType: TERM_ENTITY, entityId: created.id, changes: snapshot(values) });
    return created;
  }, TRANSACTION_OPTIONS);
}

// The kind of a term does not change (its slug and its uses depend on it).
export async function updateTaxonomyTerm({ actor, id, input }: { actor: Actor | null; id: string; input: unknown }): Promise<{ id: string }> {
  requireScopeAll(actor, 'taxonomy.edit');
  assertUuid(id);
  return db.$transaction(async (tx) => {
    const before = await tx.taxonomyTerm.findUnique({ where: { id }, select: { kind: true, label: true, labels: true, sortOrder: true, parentId: true } });
    if (!before) throw new AppError('NOT_FOUND');
    const data = parseInput(termInputSchema, { ...(input as object), kind: before.kind });
    await checkParent(tx, { id, kind: before.kind, parentId: data.parentId });
    const values = { label: data.label, labels: labelsOf(data), sortOrder: data.sortOrder ?? 0, parentId: data.parentId ?? null };
    const changes = diffChanges(before, values);
    if (Object.keys(changes).length === 0) return { id };
    await tx.taxonomyTerm.update({ where: { id }, data: values });
    await writeAudit(tx, { actor: actor!, action: 'UPDATE', entityType: TERM_ENTITY, entityId: id, changes });
    return { id };
  }, TRANSACTION_OPTIONS);
}

export async function deleteTaxonomyTerm({ actor, id }: { actor: Actor | null; id: string }): Promise<void> {
  requireScopeAll(actor, 'taxonomy.edit');
  assertUuid(id);
  await db.$transaction(async (tx) => {
    // Locks the term, so that nobody assigns it between the check and the delete.
    const [locked] = await tx.$queryRaw<{ id: string }[]>`SELECT "id" FROM "TaxonomyTerm" WHERE "id" = ${id}::uuid FOR UPDATE`;
    if (!locked) throw new AppError('NOT_FOUND');
    const term = await tx.taxonomyTerm.findUniqueOrThrow({ where: { id }, select: termSelect });
    const { usage } = toTerm(term);
    const uses = [
      usage.organizations ? `${usage.organizations} ${usage.organizations === 1 ? 'Eintrag' : 'Einträgen'}` : null,
      usage.services ? `${usage.services} ${usage.services === 1 ? 'Angebot' : 'Angeboten'}` : null,
      usage.children ? `${usage.children} untergeordneten ${usage.children === 1 ? 'Begriff' : 'Begriffen'}` : null,
    ].filter(Boolean);
    if (uses.length) {
      throw new AppError(
        'CONFLICT',
        `„${term.label}“ kann nicht gelöscht werden: Der Begriff wird noch von ${uses.join(' und ')} verwendet. Ordnen Sie diese zuerst einem anderen Begriff zu.`,
      );
    }
    await tx.taxonomyTerm.delete({ where: { id } });
    await writeAudit(tx, {
      actor: actor!,
      action: 'DELETE',
      entityType: TERM_ENTITY,
      entityId: id,
      changes: { kind: { before: term.kind, after: null }, slug: { before: term.slug, after: null }, label: { before: term.label, after: null } },
    });
  }, TRANSACTION_OPTIONS);
}
