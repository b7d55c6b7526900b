// Likely duplicates of an organization, defined once for the warning when an entry is created by
// hand and for the import preview: a similar name (pg_trgm similarity of the normalized names, the
// same normalization the search uses) or a location at the same address (street and postal code,
// "Str." and "Straße" alike).
import 'server-only';
import type { Prisma } from '@/lib/generated/prisma/client';
import { db } from '@/lib/db';
import type { Actor } from '@/lib/permissions';
import { requireScopeAll } from '../access';

type Client = Prisma.TransactionClient | typeof db;

// 0.5 finds "Caritasverband Stendal" for "Caritas Stendal" but not every "Beratung ...".
const NAME_SIMILARITY_THRESHOLD = 0.5;

export interface DuplicateCandidate {
  name: string;
  street?: string | null;
  postalCode?: string | null;
}

export interface DuplicateMatch {
  id: string;
  name: string;
  slug: string;
  reason: 'name' | 'address';
  score: number;
}

// For each candidate (same order) the existing organizations it may duplicate, best first.
export async function findDuplicates(candidates: DuplicateCandidate[], { client = db, excludeIds = [] }: { client?: Client; excludeIds?: string[] } = {}): Promise<DuplicateMatch[][]> {
  if (!candidates.length) return [];
  const names = candidates.map((c) => c.name?.trim() || null);
  const streets = candidates.map((c) => c.street?.trim() || null);
  const postals = candidates.map((c) => c.postalCode?.trim() || null);
  const rows = await client.$queryRaw<{ idx: bigint; id: string; name: string; slug: string; reason: 'name' | 'address'; score: number }[]>`
    WITH c AS (
      SELECT * FROM unnest(${names}::text[], ${streets}::text[], ${postals}::text[]) WITH ORDINALITY AS c(name, street, postal, idx)
    )
    SELECT c.idx, o."id", o."name", o."slug", 'name' AS reason, similarity(o."searchName", search_normalize(c.name))::float8 AS score
      FROM c
      JOIN "Organization" o ON o."deletedAt" IS NULL AND c.name IS NOT NULL
       AND o."searchName" % search_normalize(c.name)
       AND similarity(o."searchName", search_normalize(c.name)) >= ${NAME_SIMILARITY_THRESHOLD}
    UNION ALL
    SELECT DISTINCT c.idx, o."id", o."name", o."slug", 'address' AS reason, 1.0::float8 AS score
      FROM c
      JOIN "Location" l ON l."deletedAt" IS NULL AND c.street IS NOT NULL AND c.postal IS NOT NULL
       AND l."postalCode" = c.postal
       AND regexp_replace(regexp_replace(search_normalize(l."street"), 'strasse|str\\.', 'str', 'g'), '[^a-z0-9]', '', 'g')
         = regexp_replace(regexp_replace(search_normalize(c.street), 'strasse|str\\.', 'str', 'g'), '[^a-z0-9]', '', 'g')
      JOIN "Organization" o ON o."id" = l."organizationId" AND o."deletedAt" IS NULL`;
  const result: DuplicateMatch[][] = candidates.map(() => []);
  const exclude = new Set(excludeIds);
  for (const row of rows) {
    if (exclude.has(row.id)) continue;
    const list = result[Number(row.idx) - 1];
    const existing = list.find((match) => match.id === row.id);
    if (existing) {
      if (row.reason === 'address') existing.reason = 'address';
      existing.score = Math.max(existing.score, row.score);
      continue;
    }
    list.push({ id: row.id, name: row.name, slug: row.slug, reason: row.reason, score: Number(row.score) });
  }
  for (const list of result) list.sort((a, b) => b.score - a.score || a.name.localeCompare(b.name, 'de'));
  return result;
}

// The warning on the new-entry form (coordinators create entries).
export async function findOrganizationDuplicates({ actor, input }: { actor: Actor | null; input: DuplicateCandidate }): Promise<DuplicateMatch[]> {
  requireScopeAll(actor, 'organization.create');
  const name = typeof input.name === 'string' ? input.name.slice(0, 200) : '';
  if (name.trim().length < 3 && !input.street) return [];
  const [matches] = await findDuplicates([{ name, street: input.street?.slice(0, 200), postalCode: input.postalCode?.slice(0, 10) }]);
  return matches.slice(0, 10);
}
