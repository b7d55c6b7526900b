// Taxonomy terms and languages as options for admin forms.
import 'server-only';
import { db } from '@/lib/db';
import type { Actor } from '@/lib/permissions';
import { assertActor } from './access';

export async function listTermOptions({ actor }: { actor: Actor | null }) {
  assertActor(actor);
  const terms = await db.taxonomyTerm.findMany({ orderBy: [{ kind: 'asc' }, { sortOrder: 'asc' }, { label: 'asc' }], select: { id: true, kind: true, label: true } });
  const of = (kind: string) => terms.filter((t) => t.kind === kind).map((t) => ({ value: t.id, label: t.label }));
  return {
    categories: of('CATEGORY'),
    topics: of('TOPIC'),
    targetGroups: of('TARGET_GROUP'),
    all: terms.map((t) => ({ value: t.id, label: `${t.label} (${t.kind === 'TOPIC' ? 'Thema' : t.kind === 'TARGET_GROUP' ? 'Zielgruppe' : 'Bereich'})` })),
  };
}

export async function listLanguageOptions({ actor }: { actor: Actor | null }) {
  assertActor(actor);
  const languages = await db.language.findMany({ where: { isActive: true }, orderBy: [{ sortOrder: 'asc' }, { nameDe: 'asc' }], select: { code: true, nameDe: true } });
  return languages.map((l) => ({ value: l.code, label: l.nameDe }));
}
