// The names of the records an audit row's fields refer to by id, stored with the row (FieldChange
// `labels`), so the history names a category, topic, parent organization, service, location or
// language even after it was deleted. Old rows without names: lib/data/history-names.ts looks them up.
import 'server-only';
import { REFERENCE_FIELDS, referencedIds, type ReferenceKind } from '@/lib/audit/present';
import type { FieldChanges } from '@/lib/audit/events';
import type { Prisma } from '@/lib/generated/prisma/client';
import type { db } from '@/lib/db';

type Client = Prisma.TransactionClient | typeof db;

export async function referenceNames(client: Client, ids: Record<ReferenceKind, string[]>): Promise<Map<string, string>> {
  const some = (list: string[]) => [...new Set(list)];
  const uuids = (list: string[]) => some(list).filter((id) => /^[0-9a-f-]{36}$/i.test(id));
  const [terms, organizations, services, locations, languages] = await Promise.all([
    ids.term.length ? client.taxonomyTerm.findMany({ where: { id: { in: uuids(ids.term) } }, select: { id: true, label: true } }) : [],
    ids.organization.length ? client.organization.findMany({ where: { id: { in: uuids(ids.organization) } }, select: { id: true, name: true } }) : [],
    ids.service.length ? client.service.findMany({ where: { id: { in: uuids(ids.service) } }, select: { id: true, name: true } }) : [],
    ids.location.length ? client.location.findMany({ where: { id: { in: uuids(ids.location) } }, select: { id: true, name: true, street: true, city: true } }) : [],
    ids.language.length ? client.language.findMany({ where: { code: { in: some(ids.language) } }, select: { code: true, nameDe: true } }) : [],
  ]);
  return new Map<string, string>([
    ...terms.map((t) => [t.id, t.label] as [string, string]),
    ...organizations.map((o) => [o.id, o.name] as [string, string]),
    ...services.map((s) => [s.id, s.name] as [string, string]),
    ...locations.map((l) => [l.id, l.name || [l.street, l.city].filter(Boolean).join(', ')] as [string, string]),
    ...languages.map((l) => [l.code, l.nameDe] as [string, string]),
  ]);
}

// The changes with the (German) names of every record their reference fields name.
export async function withLabels(client: Prisma.TransactionClient, changes: FieldChanges): Promise<FieldChanges> {
  const ids = referencedIds([changes]);
  if (!Object.values(ids).some((list) => list.length)) return changes;
  const names = await referenceNames(client, ids);
  const labelled: FieldChanges = {};
  for (const [field, change] of Object.entries(changes)) {
    const kind = REFERENCE_FIELDS[field];
    const own = kind ? [change.before, change.after].flat().filter((v): v is string => typeof v === 'string' && names.has(v)) : [];
    labelled[field] = own.length ? { ...change, labels: Object.fromEntries(own.map((id) => [id, names.get(id)!])) } : change;
  }
  return labelled;
}
