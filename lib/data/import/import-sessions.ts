// Import sessions: an uploaded file, parsed, waiting for the column mapping and the coordinator's
// confirmation. Sessions hold personal data (contacts) only until they are imported or, unused,
// for a day; both are cleared.
import 'server-only';
import type { Prisma } from '@/lib/generated/prisma/client';
import { db } from '@/lib/db';
import { AppError, validationError } from '@/lib/errors';
import { guessMapping, IMPORT_FIELD_KEYS, layoutKeyOf, type ImportFieldKey, type ImportMapping } from '@/lib/import/fields';
import type { ParsedTable } from '@/lib/import/parse-file';
import type { Actor } from '@/lib/permissions';
import { requireScopeAll } from '../access';
import { assertUuid } from '../versioning';

const KEEP_UNUSED_HOURS = 24;

async function dropStaleSessions(): Promise<void> {
  const before = new Date(Date.now() - KEEP_UNUSED_HOURS * 3600_000);
  await db.importSession.deleteMany({ where: { status: 'UPLOADED', createdAt: { lt: before } } });
}

export async function createImportSession({ actor, filename, table }: { actor: Actor | null; filename: string; table: ParsedTable }): Promise<{ id: string }> {
  const coordinator = requireScopeAll(actor, 'directory.import');
  await dropStaleSessions();
  const layoutKey = layoutKeyOf(table.headers);
  const remembered = await db.importLayout.findUnique({ where: { layoutKey }, select: { mapping: true } });
  const mapping = cleanMapping((remembered?.mapping as ImportMapping | undefined) ?? guessMapping(table.headers), table.headers.length);
  return db.importSession.create({
    data: {
      createdById: coordinator.id,
      filename: filename.slice(-200),
      format: table.format,
      encoding: table.encoding,
      delimiter: table.delimiter,
      headers: table.headers,
      rows: table.rows,
      firstRow: table.firstRow,
      layoutKey,
      mapping: mapping as Prisma.InputJsonValue,
    },
    select: { id: true },
  });
}

function cleanMapping(mapping: Record<string, string>, width: number): ImportMapping {
  const result: ImportMapping = {};
  const used = new Set<string>();
  for (const [column, key] of Object.entries(mapping)) {
    const index = Number(column);
    if (!Number.isInteger(index) || index < 0 || index >= width) continue;
    if (!IMPORT_FIELD_KEYS.includes(key as ImportFieldKey) || used.has(key)) continue;
    used.add(key);
    result[String(index)] = key as ImportFieldKey;
  }
  return result;
}

export async function getImportSession({ actor, id }: { actor: Actor | null; id: string }) {
  requireScopeAll(actor, 'directory.import');
  assertUuid(id);
  const session = await db.importSession.findUnique({ where: { id } });
  if (!session) throw new AppError('NOT_FOUND');
  return { ...session, headers: session.headers as string[], rows: session.rows as string[][], mapping: session.mapping as ImportMapping };
}

const MAPPING_MESSAGES = {
  twice: 'Jedes Feld kann nur einer Spalte zugeordnet werden.',
  noName: 'Bitte ordnen Sie eine Spalte dem Feld „Name“ zu, oder eine Spalte „Externe ID“, „Organisations-ID“ bzw. „Adresse (Slug)“ für bestehende Einträge.',
};

// Column -> field from the mapping form (`column-<index>` = field key or ''); remembered for files
// with the same header row.
export async function saveImportMapping({ actor, id, input }: { actor: Actor | null; id: string; input: Record<string, unknown> }): Promise<void> {
  const coordinator = requireScopeAll(actor, 'directory.import');
  const session = await getImportSession({ actor, id });
  if (session.status !== 'UPLOADED') throw new AppError('CONFLICT', 'Diese Datei wurde schon importiert.');
  const mapping: ImportMapping = {};
  const errors: Record<string, string[]> = {};
  const seen = new Map<string, number>();
  session.headers.forEach((_header, index) => {
    const value = input[`column-${index}`];
    if (typeof value !== 'string' || value === '') return;
    if (!IMPORT_FIELD_KEYS.includes(value as ImportFieldKey)) {
      errors[`column-${index}`] = ['Bitte wählen Sie einen Eintrag aus der Liste.'];
      return;
    }
    if (seen.has(value)) {
      errors[`column-${index}`] = [MAPPING_MESSAGES.twice];
      return;
    }
    seen.set(value, index);
    mapping[String(index)] = value as ImportFieldKey;
  });
  const keys = new Set(Object.values(mapping));
  if (!keys.has('name') && !keys.has('externalId') && !keys.has('slug') && !keys.has('organizationId')) errors._form = [MAPPING_MESSAGES.noName];
  if (Object.keys(errors).length) throw validationError(errors);
  await db.$transaction([
    db.importSession.update({ where: { id }, data: { mapping } }),
    db.importLayout.upsert({
      where: { layoutKey: session.layoutKey },
      create: { layoutKey: session.layoutKey, mapping, updatedById: coordinator.id },
      update: { mapping, updatedById: coordinator.id },
    }),
  ]);
}

export async function listImportSessions({ actor }: { actor: Actor | null }) {
  requireScopeAll(actor, 'directory.import');
  return db.importSession.findMany({
    orderBy: { createdAt: 'desc' },
    take: 20,
    select: { id: true, filename: true, status: true, createdAt: true, importedAt: true, result: true },
  });
}

export async function deleteImportSession({ actor, id }: { actor: Actor | null; id: string }): Promise<void> {
  requireScopeAll(actor, 'directory.import');
  assertUuid(id);
  const deleted = await db.importSession.deleteMany({ where: { id, status: 'UPLOADED' } });
  if (!deleted.count) throw new AppError('NOT_FOUND');
}
