// The records a project refers to must exist: organizations of the directory (not deleted), topics
// and target groups of the taxonomy, and a contact that is public (visibility, consent) and belongs
// to the lead organization or a partner. Used by the coordinators' save and by partners' proposals.
import 'server-only';
import type { Prisma } from '@/lib/generated/prisma/client';
import { validationError, type FieldErrors } from '@/lib/errors';
import { slugify } from '@/lib/schemas/slug';
import { AppError } from '@/lib/errors';
import { visibilityBelow } from '../visibility';

type Tx = Prisma.TransactionClient;

const CHOICE = 'Bitte wählen Sie einen Eintrag aus der Liste.';

export async function checkProjectReferences(
  tx: Tx,
  data: { leadOrganizationId?: string; partnerOrganizationIds?: string[]; termIds?: string[]; contactPersonId?: string | null },
  current?: { leadOrganizationId: string; partnerOrganizationIds: string[] },
): Promise<void> {
  const errors: FieldErrors = {};
  const lead = data.leadOrganizationId ?? current?.leadOrganizationId;
  const partners = [...new Set(data.partnerOrganizationIds ?? current?.partnerOrganizationIds ?? [])];
  const organizationIds = [...new Set([lead, ...partners].filter((id): id is string => !!id))];
  const found = await tx.organization.count({ where: { id: { in: organizationIds }, deletedAt: null } });
  if (found !== organizationIds.length) {
    if (data.leadOrganizationId) errors.leadOrganizationId = [CHOICE];
    if (data.partnerOrganizationIds?.length) errors.partnerOrganizationIds = [CHOICE];
  }
  if (lead && partners.includes(lead)) errors.partnerOrganizationIds = ['Die federführende Organisation ist nicht zugleich Partnerin.'];
  if (data.termIds?.length) {
    const terms = await tx.taxonomyTerm.count({ where: { id: { in: data.termIds }, kind: { in: ['TOPIC', 'TARGET_GROUP'] } } });
    if (terms !== new Set(data.termIds).size) errors.termIds = [CHOICE];
  }
  if (data.contactPersonId) {
    const contact = await tx.contactPerson.findFirst({
      where: { id: data.contactPersonId, organizationId: { in: organizationIds }, ...visibilityBelow({ deletedAt: null }).contact },
      select: { id: true },
    });
    if (!contact) errors.contactPersonId = ['Bitte wählen Sie einen öffentlichen Kontakt der beteiligten Organisationen.'];
  }
  if (Object.keys(errors).length) throw validationError(errors);
}

/** A free slug for a project or an event title ("sprachcafe-2"). */
export async function uniqueRecordSlug(tx: Tx, table: 'project' | 'event', title: string, ownId?: string): Promise<string> {
  const base = slugify(title) || table;
  for (let index = 1; index < 1000; index++) {
    const candidate = index === 1 ? base : `${base}-${index}`;
    const taken =
      table === 'project'
        ? await tx.project.findUnique({ where: { slug: candidate }, select: { id: true } })
        : await tx.event.findUnique({ where: { slug: candidate }, select: { id: true } });
    if (!taken || taken.id === ownId) return candidate;
  }
  throw new AppError('CONFLICT', 'Für diesen Titel konnte keine Adresse erzeugt werden.');
}
