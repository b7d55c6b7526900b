// Shared parts of the distribution list functions: what is read, the German field labels for the
// audit, and the check that picked ids exist.
import 'server-only';
import type { Prisma } from '@/lib/generated/prisma/client';
import { validationError } from '@/lib/errors';
import type { DistributionListInput } from '@/lib/schemas/distribution-list';
import type { RecipientDefinition } from './resolve-recipients';

export const DISTRIBUTION_LIST_ENTITY = 'DistributionList';

export const distributionListSelect = {
  id: true,
  name: true,
  description: true,
  useFilter: true,
  categoryIds: true,
  topicIds: true,
  municipalities: true,
  languageCodes: true,
  isMembersOnly: true,
  organizationIds: true,
  contactIds: true,
  addressMode: true,
  role: true,
  includeInternal: true,
  version: true,
  createdAt: true,
  updatedAt: true,
} as const;

export type DistributionListRow = Prisma.DistributionListGetPayload<{ select: typeof distributionListSelect }>;

export function toDefinition(row: DistributionListRow | DistributionListInput): RecipientDefinition {
  return {
    useFilter: row.useFilter ?? false,
    categoryIds: row.categoryIds,
    topicIds: row.topicIds,
    municipalities: row.municipalities,
    languageCodes: row.languageCodes,
    isMembersOnly: row.isMembersOnly ?? false,
    organizationIds: row.organizationIds,
    contactIds: row.contactIds,
    addressMode: row.addressMode,
    role: row.addressMode === 'ROLE' ? (row.role ?? null) : null,
    includeInternal: row.includeInternal ?? false,
  };
}

export function toData(input: DistributionListInput) {
  return {
    name: input.name,
    description: input.description ?? null,
    useFilter: input.useFilter ?? false,
    categoryIds: input.categoryIds,
    topicIds: input.topicIds,
    municipalities: input.municipalities,
    languageCodes: input.languageCodes,
    isMembersOnly: input.isMembersOnly ?? false,
    organizationIds: input.organizationIds,
    contactIds: input.contactIds,
    addressMode: input.addressMode,
    role: input.addressMode === 'ROLE' ? (input.role ?? null) : null,
    includeInternal: input.includeInternal ?? false,
  };
}

// Picked ids must exist: a stale form (an entry deleted meanwhile) gets a field error, not a 500.
export async function checkListReferences(tx: Prisma.TransactionClient, input: DistributionListInput): Promise<void> {
  const errors: Record<string, string[]> = {};
  const count = async (ids: string[], load: (ids: string[]) => Promise<number>) => (ids.length ? (await load(ids)) === ids.length : true);
  if (!(await count(input.categoryIds, (ids) => tx.taxonomyTerm.count({ where: { id: { in: ids }, kind: 'CATEGORY' } })))) errors.categoryIds = ['Bitte wählen Sie Einträge aus der Liste.'];
  if (!(await count(input.topicIds, (ids) => tx.taxonomyTerm.count({ where: { id: { in: ids } } })))) errors.topicIds = ['Bitte wählen Sie Einträge aus der Liste.'];
  if (!(await count(input.languageCodes, (codes) => tx.language.count({ where: { code: { in: codes } } })))) errors.languageCodes = ['Bitte wählen Sie Sprachen aus der Liste.'];
  if (!(await count(input.organizationIds, (ids) => tx.organization.count({ where: { id: { in: ids }, deletedAt: null } })))) errors.organizationIds = ['Bitte wählen Sie Organisationen aus der Liste.'];
  if (!(await count(input.contactIds, (ids) => tx.contactPerson.count({ where: { id: { in: ids }, deletedAt: null } })))) errors.contactIds = ['Bitte wählen Sie Kontakte aus der Liste.'];
  if (Object.keys(errors).length) throw validationError(errors);
}
