// The search vocabulary (issue 11): concepts, their words per language and the taxonomy terms they
// mean. Coordinators only; every write audited. A word is stored with its folded form
// (lib/search/normalize.ts), which the search compares the visitor's words with.
import 'server-only';
import { DIRECTORY_TAG, expireCache } from '@/lib/cache';
import { db } from '@/lib/db';
import { AppError } from '@/lib/errors';
import type { Actor } from '@/lib/permissions';
import { parseDirectoryQuery } from '@/lib/search/query';
import { foldWord } from '@/lib/search/normalize';
import { addSearchWordSchema, conceptInputSchema, type ConceptInput, VOCABULARY_LOCALES } from '@/lib/schemas/search-vocabulary';
import { slugify } from '@/lib/schemas/slug';
import { requireScopeAll, TRANSACTION_OPTIONS } from './access';
import { diffChanges, snapshot, writeAudit } from './audit';
import { listZeroResultSearches } from './dashboard';
import { searchOrganizationIds } from './directory/rank';
import { parseInput } from './versioning';

const ENTITY = 'SearchConcept';

// Searches, filters, the typeahead and the API lists are cached pages tagged 'directory' (their
// facets): a new or changed word changes what they find, so every committed write expires them.
async function expireSearches(): Promise<void> {
  await expireCache([DIRECTORY_TAG]);
}
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export async function listConcepts({ actor }: { actor: Actor | null }) {
  requireScopeAll(actor, 'vocabulary.edit');
  const rows = await db.searchConcept.findMany({
    orderBy: { label: 'asc' },
    select: {
      id: true,
      slug: true,
      label: true,
      _count: { select: { words: true } },
      terms: { select: { term: { select: { label: true } } } },
    },
  });
  return rows.map((row) => ({
    id: row.id,
    slug: row.slug,
    label: row.label,
    wordCount: row._count.words,
    terms: row.terms.map((t) => t.term.label).sort((a, b) => a.localeCompare(b, 'de')),
  }));
}

export async function getConcept({ actor, id }: { actor: Actor | null; id: string }) {
  requireScopeAll(actor, 'vocabulary.edit');
  if (!UUID.test(id)) throw new AppError('NOT_FOUND');
  const row = await db.searchConcept.findUnique({
    where: { id },
    select: {
      id: true,
      slug: true,
      label: true,
      words: { orderBy: [{ locale: 'asc' }, { createdAt: 'asc' }], select: { locale: true, word: true } },
      terms: { select: { termId: true } },
    },
  });
  if (!row) throw new AppError('NOT_FOUND');
  return row;
}

// The values of a concept as the form shows them (one word per line).
export function conceptFormValues(concept: Awaited<ReturnType<typeof getConcept>>): Record<string, string | string[]> {
  const values: Record<string, string | string[]> = { label: concept.label, terms: concept.terms.map((t) => t.termId) };
  for (const locale of VOCABULARY_LOCALES) {
    values[`words_${locale}`] = concept.words.filter((w) => w.locale === locale).map((w) => w.word).join('\n');
  }
  return values;
}

// Words as stored: one row per language and folded form (two spellings of one word are one row).
function wordRows(data: ConceptInput) {
  return VOCABULARY_LOCALES.flatMap((locale) => {
    const seen = new Set<string>();
    return data[`words_${locale}`].flatMap((word) => {
      const normalized = foldWord(word);
      if (!normalized || seen.has(normalized)) return [];
      seen.add(normalized);
      return [{ locale, word, normalized }];
    });
  });
}

// For the audit: words per language as one text each, the terms as a sorted list.
function auditValues(label: string, words: { locale: string; word: string }[], termIds: string[]) {
  const values: Record<string, unknown> = { label, terms: [...termIds].sort() };
  for (const locale of VOCABULARY_LOCALES) {
    values[`words_${locale}`] = words.filter((w) => w.locale === locale).map((w) => w.word).join(', ');
  }
  return values;
}

async function checkTerms(tx: Pick<typeof db, 'taxonomyTerm'>, ids: string[]) {
  const found = await tx.taxonomyTerm.count({ where: { id: { in: ids } } });
  if (found !== ids.length) {
    throw new AppError('VALIDATION', undefined, { fieldErrors: { terms: ['Bitte nur Themen, Arten und Zielgruppen aus der Liste wählen.'] } });
  }
}

export async function createConcept({ actor, input }: { actor: Actor | null; input: unknown }): Promise<{ id: string }> {
  requireScopeAll(actor, 'vocabulary.edit');
  const data = parseInput(conceptInputSchema, input);
  const termIds = [...new Set(data.terms ?? [])];
  const words = wordRows(data);
  const created = await db.$transaction(async (tx) => {
    await checkTerms(tx, termIds);
    const base = slugify(data.label);
    let slug = base;
    for (let n = 2; await tx.searchConcept.findUnique({ where: { slug }, select: { id: true } }); n++) slug = `${base}-${n}`;
    const concept = await tx.searchConcept.create({
      data: { slug, label: data.label, words: { create: words }, terms: { create: termIds.map((termId) => ({ termId })) } },
      select: { id: true },
    });
    await writeAudit(tx, { actor: actor!, action: 'CREATE', entityType: ENTITY, entityId: concept.id, changes: snapshot(auditValues(data.label, words, termIds)) });
    return concept;
  }, TRANSACTION_OPTIONS);
  await expireSearches();
  return created;
}

export async function updateConcept({ actor, id, input }: { actor: Actor | null; id: string; input: unknown }): Promise<void> {
  requireScopeAll(actor, 'vocabulary.edit');
  if (!UUID.test(id)) throw new AppError('NOT_FOUND');
  const data = parseInput(conceptInputSchema, input);
  const termIds = [...new Set(data.terms ?? [])];
  const words = wordRows(data);
  const changed = await db.$transaction(async (tx) => {
    const before = await tx.searchConcept.findUnique({
      where: { id },
      select: { label: true, words: { select: { locale: true, word: true } }, terms: { select: { termId: true } } },
    });
    if (!before) throw new AppError('NOT_FOUND');
    await checkTerms(tx, termIds);
    const changes = diffChanges(
      auditValues(before.label, before.words, before.terms.map((t) => t.termId)),
      auditValues(data.label, words, termIds),
    );
    if (Object.keys(changes).length === 0) return false;
    await tx.searchConceptWord.deleteMany({ where: { conceptId: id } });
    await tx.searchConceptTerm.deleteMany({ where: { conceptId: id } });
    await tx.searchConcept.update({
      where: { id },
      data: {
        label: data.label,
        words: { create: words },
        terms: { create: termIds.map((termId) => ({ termId })) },
      },
    });
    await writeAudit(tx, { actor: actor!, action: 'UPDATE', entityType: ENTITY, entityId: id, changes });
    return true;
  }, TRANSACTION_OPTIONS);
  if (changed) await expireSearches();
}

export async function deleteConcept({ actor, id }: { actor: Actor | null; id: string }): Promise<void> {
  requireScopeAll(actor, 'vocabulary.edit');
  if (!UUID.test(id)) throw new AppError('NOT_FOUND');
  await db.$transaction(async (tx) => {
    const concept = await tx.searchConcept.findUnique({ where: { id }, select: { label: true } });
    if (!concept) throw new AppError('NOT_FOUND');
    await tx.searchConcept.delete({ where: { id } });
    await writeAudit(tx, { actor: actor!, action: 'DELETE', entityType: ENTITY, entityId: id, changes: { label: { before: concept.label, after: null } } });
  }, TRANSACTION_OPTIONS);
  await expireSearches();
}

// How many of the logged searches without result (grouped as the report groups them) find
// something now.
async function countFinding(actor: Actor, days: number): Promise<{ finding: number; total: number }> {
  const searches = await listZeroResultSearches({ actor, days });
  let finding = 0;
  for (const search of searches) {
    const { total } = await searchOrganizationIds({ query: parseDirectoryQuery({ q: search.query }), limit: 1 });
    if (total > 0) finding += 1;
  }
  return { finding, total: searches.length };
}

// One step from the report of searches without result: the query becomes a word of the concept
// (in the language the visitor searched in). Returns how many of the report's searches find
// something before and after.
export async function addSearchAsWord({
  actor,
  input,
  days = 90,
}: {
  actor: Actor | null;
  input: unknown;
  days?: number;
}): Promise<{ before: number; after: number; total: number }> {
  requireScopeAll(actor, 'vocabulary.edit');
  const data = parseInput(addSearchWordSchema, input);
  const normalized = foldWord(data.query);
  if (!normalized) throw new AppError('VALIDATION', undefined, { fieldErrors: { query: ['Die Suchanfrage enthält keine Wörter.'] } });
  const before = await countFinding(actor!, days);
  await db.$transaction(async (tx) => {
    const concept = await tx.searchConcept.findUnique({ where: { id: data.conceptId }, select: { id: true } });
    if (!concept) throw new AppError('VALIDATION', undefined, { fieldErrors: { conceptId: ['Diesen Begriff gibt es nicht (mehr).'] } });
    const exists = await tx.searchConceptWord.findUnique({
      where: { conceptId_locale_normalized: { conceptId: data.conceptId, locale: data.locale, normalized } },
      select: { id: true },
    });
    if (exists) return;
    await tx.searchConceptWord.create({ data: { conceptId: data.conceptId, locale: data.locale, word: data.query, normalized } });
    await writeAudit(tx, {
      actor: actor!,
      action: 'UPDATE',
      entityType: ENTITY,
      entityId: data.conceptId,
      changes: { [`words_${data.locale}`]: { before: null, after: data.query } },
    });
  }, TRANSACTION_OPTIONS);
  await expireSearches();
  const after = await countFinding(actor!, days);
  return { before: before.finding, after: after.finding, total: after.total };
}

// The taxonomy terms a concept can mean, for the form.
export async function listConceptTermOptions({ actor }: { actor: Actor | null }) {
  requireScopeAll(actor, 'vocabulary.edit');
  return db.taxonomyTerm.findMany({
    orderBy: [{ kind: 'asc' }, { sortOrder: 'asc' }, { label: 'asc' }],
    select: { id: true, kind: true, label: true },
  });
}

// Concept names for the "add as a word" choice in the report.
export async function listConceptChoices({ actor }: { actor: Actor | null }) {
  requireScopeAll(actor, 'vocabulary.edit');
  return db.searchConcept.findMany({ orderBy: { label: 'asc' }, select: { id: true, label: true } });
}
