// The list of languages that entries and contact persons can offer (coordinators only). Names in
// every UI language feed the search (a trigger refreshes the affected entries). Audited; a language
// still offered somewhere cannot be deleted, only deactivated.
import 'server-only';
import { db } from '@/lib/db';
import { AppError } from '@/lib/errors';
import type { Actor } from '@/lib/permissions';
import { languageCodeSchema, languageInputSchema, newLanguageInputSchema, type LanguageInput } from '@/lib/schemas/language';
import { TRANSLATED_LOCALES } from '@/lib/schemas/taxonomy';
import { requireScopeAll, TRANSACTION_OPTIONS } from './access';
import { diffChanges, snapshot, writeAudit } from './audit';
import { parseInput } from './versioning';

const ENTITY = 'Language';

const languageSelect = {
  code: true,
  nameDe: true,
  nameNative: true,
  names: true,
  sortOrder: true,
  isActive: true,
  _count: { select: { offers: true } },
} as const;

function toLanguage(row: { code: string; nameDe: string; nameNative: string; names: unknown; sortOrder: number; isActive: boolean; _count: { offers: number } }) {
  const { _count, names, ...rest } = row;
  return { ...rest, names: (names ?? {}) as Record<string, string>, offerCount: _count.offers };
}

export type AdminLanguage = ReturnType<typeof toLanguage>;

function checkCode(code: string): string {
  const parsed = languageCodeSchema.safeParse(code);
  if (!parsed.success) throw new AppError('NOT_FOUND');
  return parsed.data;
}

// Keys sorted, as PostgreSQL's jsonb returns them, so that an unchanged map compares equal.
function namesOf(data: LanguageInput): Record<string, string> {
  const names: Record<string, string> = {};
  for (const locale of [...TRANSLATED_LOCALES].sort()) {
    const value = data[`name_${locale}`];
    if (value) names[locale] = value;
  }
  return names;
}

function valuesOf(data: LanguageInput) {
  return { nameDe: data.nameDe, nameNative: data.nameNative, names: namesOf(data), sortOrder: data.sortOrder ?? 0, isActive: data.isActive ?? false };
}

export async function listLanguages({ actor }: { actor: Actor | null }): Promise<AdminLanguage[]> {
  requireScopeAll(actor, 'language.edit');
  const rows = await db.language.findMany({ orderBy: [{ sortOrder: 'asc' }, { nameDe: 'asc' }], select: languageSelect });
  return rows.map(toLanguage);
}

export async function getLanguage({ actor, code }: { actor: Actor | null; code: string }): Promise<AdminLanguage> {
  requireScopeAll(actor, 'language.edit');
  const row = await db.language.findUnique({ where: { code: checkCode(code) }, select: languageSelect });
  if (!row) throw new AppError('NOT_FOUND');
  return toLanguage(row);
}

export async function createLanguage({ actor, input }: { actor: Actor | null; input: unknown }): Promise<{ code: string }> {
  requireScopeAll(actor, 'language.edit');
  const data = parseInput(newLanguageInputSchema, input);
  return db.$transaction(async (tx) => {
    if (await tx.language.findUnique({ where: { code: data.code }, select: { code: true } })) {
      throw new AppError('VALIDATION', undefined, { fieldErrors: { code: [`Die Sprache „${data.code}“ gibt es schon.`] } });
    }
    const values = { code: data.code, ...valuesOf(data) };
    await tx.language.create({ data: values });
    await writeAudit(tx, { actor: actor!, action: 'CREATE', entityType: ENTITY, entityId: data.code, changes: snapshot(values) });
    return { code: data.code };
  }, TRANSACTION_OPTIONS);
}

// The code is the key (offers refer to it) and does not change.
export async function updateLanguage({ actor, code, input }: { actor: Actor | null; code: string; input: unknown }): Promise<{ code: string }> {
  requireScopeAll(actor, 'language.edit');
  const key = checkCode(code);
  const data = parseInput(languageInputSchema, input);
  return db.$transaction(async (tx) => {
    const before = await tx.language.findUnique({ where: { code: key }, select: { nameDe: true, nameNative: true, names: true, sortOrder: true, isActive: true } });
    if (!before) throw new AppError('NOT_FOUND');
    const values = valuesOf(data);
    const changes = diffChanges(before, values);
    if (Object.keys(changes).length === 0) return { code: key };
    await tx.language.update({ where: { code: key }, data: values });
    await writeAudit(tx, { actor: actor!, action: 'UPDATE', entityType: ENTITY, entityId: key, changes });
    return { code: key };
  }, TRANSACTION_OPTIONS);
}

export async function deleteLanguage({ actor, code }: { actor: Actor | null; code: string }): Promise<void> {
  requireScopeAll(actor, 'language.edit');
  const key = checkCode(code);
  await db.$transaction(async (tx) => {
    const [locked] = await tx.$queryRaw<{ code: string }[]>`SELECT "code" FROM "Language" WHERE "code" = ${key} FOR UPDATE`;
    if (!locked) throw new AppError('NOT_FOUND');
    const language = await tx.language.findUniqueOrThrow({ where: { code: key }, select: languageSelect });
    if (language._count.offers > 0) {
      throw new AppError(
        'CONFLICT',
        `„${language.nameDe}“ kann nicht gelöscht werden: Die Sprache wird noch ${language._count.offers}-mal angeboten. Deaktivieren Sie sie stattdessen; dann ist sie für neue Angaben nicht mehr wählbar.`,
      );
    }
    await tx.language.delete({ where: { code: key } });
    await writeAudit(tx, {
      actor: actor!,
      action: 'DELETE',
      entityType: ENTITY,
      entityId: key,
      changes: { nameDe: { before: language.nameDe, after: null }, nameNative: { before: language.nameNative, after: null } },
    });
  }, TRANSACTION_OPTIONS);
}
