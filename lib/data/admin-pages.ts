// Editing the network's content pages (Page: one row per slug and locale, Markdown). Coordinators
// only. Every save is version-checked (optimistic locking) and audited in the same transaction.
import 'server-only';
import type { Prisma } from '@/lib/generated/prisma/client';
import { db } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { locales } from '@/lib/i18n/routing';
import type { Actor } from '@/lib/permissions';
import { newPageInputSchema, pageInputSchema, pageLocaleSchema, pageSlugSchema } from '@/lib/schemas/page';
import { requireScopeAll, TRANSACTION_OPTIONS } from './access';
import { diffChanges, snapshot, writeAudit } from './audit';
import { getConflictChanges } from './audit-log';
import { parseInput } from './versioning';

const ENTITY = 'Page';

const pageSelect = {
  id: true,
  slug: true,
  locale: true,
  title: true,
  body: true,
  version: true,
  updatedAt: true,
  updatedBy: { select: { name: true } },
} as const;

function toPage(row: Prisma.PageGetPayload<{ select: typeof pageSelect }>) {
  const { updatedBy, ...rest } = row;
  return { ...rest, updatedByName: updatedBy?.name ?? null };
}

// Malformed slugs and locales from the URL look like missing pages.
function checkKey(slug: string, locale: string): { slug: string; locale: (typeof locales)[number] } {
  const parsedSlug = pageSlugSchema.safeParse(slug);
  const parsedLocale = pageLocaleSchema.safeParse(locale);
  if (!parsedSlug.success || !parsedLocale.success) throw new AppError('NOT_FOUND');
  return { slug: parsedSlug.data, locale: parsedLocale.data };
}

export interface PageOverview {
  slug: string;
  // The German title (German is the source); the slug when there is no German version.
  title: string;
  versions: Partial<Record<(typeof locales)[number], { title: string; version: number; updatedAt: Date; isOutdated: boolean }>>;
}

export async function listAdminPages({ actor }: { actor: Actor | null }): Promise<PageOverview[]> {
  requireScopeAll(actor, 'page.edit');
  const rows = await db.page.findMany({
    orderBy: [{ slug: 'asc' }, { locale: 'asc' }],
    select: { slug: true, locale: true, title: true, version: true, updatedAt: true },
  });
  const bySlug = new Map<string, PageOverview>();
  for (const row of rows) {
    const entry = bySlug.get(row.slug) ?? { slug: row.slug, title: row.slug, versions: {} };
    if (row.locale === 'de') entry.title = row.title;
    entry.versions[row.locale as (typeof locales)[number]] = { title: row.title, version: row.version, updatedAt: row.updatedAt, isOutdated: false };
    bySlug.set(row.slug, entry);
  }
  // A translation older than the German text was probably made from an earlier version.
  for (const entry of bySlug.values()) {
    const german = entry.versions.de;
    if (!german) continue;
    for (const [locale, version] of Object.entries(entry.versions)) {
      if (locale !== 'de' && version && version.updatedAt < german.updatedAt) version.isOutdated = true;
    }
  }
  return [...bySlug.values()];
}

// The page in one locale (null when that language version does not exist yet) and the German
// version as the source to translate from.
export async function getAdminPage({ actor, slug, locale }: { actor: Actor | null; slug: string; locale: string }) {
  requireScopeAll(actor, 'page.edit');
  const key = checkKey(slug, locale);
  const rows = await db.page.findMany({ where: { slug: key.slug, locale: { in: [...new Set([key.locale, 'de'])] } }, select: pageSelect });
  const page = rows.find((row) => row.locale === key.locale);
  const german = rows.find((row) => row.locale === 'de');
  if (!page && !german) throw new AppError('NOT_FOUND');
  return { slug: key.slug, locale: key.locale, page: page ? toPage(page) : null, german: german ? toPage(german) : null };
}

// A new page, or a new language version of an existing one.
export async function createPage({ actor, input }: { actor: Actor | null; input: unknown }): Promise<{ id: string; slug: string; locale: string; version: number }> {
  requireScopeAll(actor, 'page.edit');
  const data = parseInput(newPageInputSchema, input);
  try {
    return await db.$transaction(async (tx) => {
      const created = await tx.page.create({
        data: { slug: data.slug, locale: data.locale, title: data.title, body: data.body, updatedById: actor!.id },
        select: { id: true, slug: true, locale: true, version: true },
      });
      await writeAudit(tx, {
        actor: actor!,
        action: 'CREATE',
        entityType: ENTITY,
        entityId: created.id,
        changes: { ...snapshot({ slug: data.slug, locale: data.locale, title: data.title, body: data.body }), version: { before: null, after: 1 } },
      });
      return created;
    }, TRANSACTION_OPTIONS);
  } catch (error) {
    if ((error as { code?: string }).code === 'P2002') {
      throw new AppError('VALIDATION', 'Diese Seite gibt es in dieser Sprache schon.', {
        fieldErrors: { slug: ['Diese Seite gibt es in dieser Sprache schon. Bitte bearbeiten Sie sie in der Liste.'] },
      });
    }
    throw error;
  }
}

class StaleVersion extends Error {}

export async function updatePage({
  actor,
  slug,
  locale,
  version,
  input,
}: {
  actor: Actor | null;
  slug: string;
  locale: string;
  version: number;
  input: unknown;
}): Promise<{ id: string; version: number }> {
  requireScopeAll(actor, 'page.edit');
  const key = checkKey(slug, locale);
  const data = parseInput(pageInputSchema, input);
  const current = await db.page.findUnique({ where: { slug_locale: key }, select: { id: true } });
  if (!current) throw new AppError('NOT_FOUND');
  try {
    return await db.$transaction(async (tx) => {
      const before = await tx.page.findUnique({ where: { id: current.id }, select: { title: true, body: true, version: true } });
      if (!before) throw new AppError('NOT_FOUND');
      const changes = diffChanges(before, { title: data.title, body: data.body });
      if (Object.keys(changes).length === 0 && before.version === version) return { id: current.id, version };
      // The version check is part of the UPDATE itself: of two saves of the same version only one matches.
      const updated = await tx.page.updateMany({
        where: { id: current.id, version },
        data: { title: data.title, body: data.body, version: { increment: 1 }, updatedById: actor!.id },
      });
      if (updated.count !== 1) throw new StaleVersion();
      await writeAudit(tx, {
        actor: actor!,
        action: 'UPDATE',
        entityType: ENTITY,
        entityId: current.id,
        changes: { ...changes, version: { before: version, after: version + 1 } },
      });
      return { id: current.id, version: version + 1 };
    }, TRANSACTION_OPTIONS);
  } catch (error) {
    if (!(error instanceof StaleVersion)) throw error;
    const [changes, latest] = await Promise.all([
      getConflictChanges({ entityType: ENTITY, entityId: current.id, sinceVersion: version }),
      db.page.findUnique({ where: { id: current.id }, select: { version: true } }),
    ]);
    throw new AppError('CONFLICT', undefined, { changes, currentVersion: latest?.version });
  }
}

// Removes one translation; the German source stays (it is the fallback for every language).
export async function deletePageTranslation({ actor, slug, locale }: { actor: Actor | null; slug: string; locale: string }): Promise<void> {
  requireScopeAll(actor, 'page.edit');
  const key = checkKey(slug, locale);
  if (key.locale === 'de') throw new AppError('VALIDATION', 'Die deutsche Fassung ist die Vorlage für alle Sprachen und kann nicht gelöscht werden.');
  await db.$transaction(async (tx) => {
    const page = await tx.page.findUnique({ where: { slug_locale: key }, select: { id: true, title: true, body: true } });
    if (!page) throw new AppError('NOT_FOUND');
    await tx.page.delete({ where: { id: page.id } });
    await writeAudit(tx, {
      actor: actor!,
      action: 'DELETE',
      entityType: ENTITY,
      entityId: page.id,
      changes: { slug: { before: key.slug, after: null }, locale: { before: key.locale, after: null }, title: { before: page.title, after: null } },
    });
  }, TRANSACTION_OPTIONS);
}
