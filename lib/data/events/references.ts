// The records an event refers to: the organizer (directory, not deleted), a location of the
// organizer (or free text with the town), topics of the taxonomy, active languages.
import 'server-only';
import type { Prisma } from '@/lib/generated/prisma/client';
import { validationError, type FieldErrors } from '@/lib/errors';

const CHOICE = 'Bitte wählen Sie einen Eintrag aus der Liste.';

export async function checkEventReferences(
  tx: Prisma.TransactionClient,
  data: { organizerId?: string; locationId?: string | null; termIds?: string[]; languageCodes?: string[]; placeName?: string | null; town?: string | null; onlineUrl?: string | null },
  current?: { organizerId: string; locationId: string | null; placeName: string | null; town: string | null; onlineUrl: string | null },
): Promise<void> {
  const errors: FieldErrors = {};
  const organizerId = data.organizerId ?? current?.organizerId;
  const organizer = organizerId ? await tx.organization.findFirst({ where: { id: organizerId, deletedAt: null }, select: { id: true } }) : null;
  if (!organizer) errors.organizerId = [CHOICE];
  const locationId = data.locationId !== undefined ? data.locationId : current?.locationId;
  if (locationId) {
    const location = await tx.location.findFirst({ where: { id: locationId, organizationId: organizerId, deletedAt: null }, select: { id: true } });
    if (!location) errors.locationId = ['Bitte wählen Sie einen Standort der veranstaltenden Organisation.'];
  }
  const pick = <K extends 'placeName' | 'town' | 'onlineUrl'>(key: K) => (data[key] !== undefined ? data[key] : current?.[key] ?? null);
  if (!locationId && !pick('onlineUrl') && !(pick('placeName') && pick('town'))) {
    errors.placeName = ['Bitte wählen Sie einen Standort, geben Sie Ort und Stadt an oder nennen Sie einen Online-Link.'];
  }
  if (data.termIds?.length) {
    const terms = await tx.taxonomyTerm.count({ where: { id: { in: data.termIds }, kind: { in: ['TOPIC', 'TARGET_GROUP'] } } });
    if (terms !== new Set(data.termIds).size) errors.termIds = [CHOICE];
  }
  if (data.languageCodes?.length) {
    const languages = await tx.language.count({ where: { code: { in: data.languageCodes } } });
    if (languages !== new Set(data.languageCodes).size) errors.languageCodes = [CHOICE];
  }
  if (Object.keys(errors).length) throw validationError(errors);
}
