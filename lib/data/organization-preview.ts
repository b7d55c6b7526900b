// The preview of an entry that is not public (a draft, archived) or of a pending proposal, exactly as
// the public page will show it: the public page's own read (readOrganizationPage) with the public
// rules for everything below the organization, only the organization's status left out; a pending
// proposal's values laid over the record it changes. Only for those who may read the entry in the
// admin area (coordinators, the entry's partners): the permission is part of the where clause.
import 'server-only';
import { db } from '@/lib/db';
import type { Actor } from '@/lib/permissions';
import { CHANGE_ENTITIES, isChangeEntityType, type ChangeEntityType } from '@/lib/schemas/change-request';
import { organizationScope } from './access';
import { requestScope } from './change-requests/scope';
import { readOrganizationPage, type PublicOrganizationPage } from './organizations';
import { assertUuid } from './versioning';
import { visibilityBelow } from './visibility';

export interface OrganizationPreview {
  organization: PublicOrganizationPage;
  // The proposal shown, when one was asked for.
  proposal: { id: string; entityType: ChangeEntityType; action: string } | null;
}

type Values = Record<string, unknown>;
const text = (value: unknown) => (typeof value === 'string' ? value : null);

// The proposal's (parsed) values in place of the record's: German source texts, as the public page
// shows them until a translation exists.
function overlay(page: PublicOrganizationPage, entityType: ChangeEntityType, entityId: string | null, values: Values): PublicOrganizationPage {
  const localized = (value: unknown, current: { value: string; lang: string }) => (value === undefined ? current : { value: text(value) ?? '', lang: 'de' });
  const optionalLocalized = (value: unknown, current: { value: string; lang: string } | null) =>
    value === undefined ? current : text(value) ? { value: text(value)!, lang: 'de' } : null;
  const plain = <T,>(value: unknown, current: T): T => (value === undefined ? current : (value as T));
  switch (entityType) {
    case 'Organization':
      return {
        ...page,
        name: localized(values.name, page.name),
        shortName: plain(values.shortName, page.shortName),
        description: localized(values.description, page.description),
        website: plain(values.website, page.website),
        email: plain(values.email, page.email),
        phone: plain(values.phone, page.phone),
      };
    case 'Service':
      return {
        ...page,
        services: page.services.map((service) =>
          service.id !== entityId
            ? service
            : {
                ...service,
                name: localized(values.name, service.name),
                description: localized(values.description, service.description),
                minAge: plain(values.minAge, service.minAge),
                maxAge: plain(values.maxAge, service.maxAge),
                eligibility: optionalLocalized(values.eligibility, service.eligibility),
                cost: optionalLocalized(values.cost, service.cost),
                howToApply: optionalLocalized(values.howToApply, service.howToApply),
                appointmentRequired: plain(values.appointmentRequired, service.appointmentRequired),
                interpretationOffered: plain(values.interpretationOffered, service.interpretationOffered),
                isTemporarilyClosed: values.status === undefined ? service.isTemporarilyClosed : values.status === 'TEMPORARILY_CLOSED',
                alertText: optionalLocalized(values.alertText, service.alertText),
              },
        ),
      };
    case 'Location':
      return {
        ...page,
        locations: page.locations.map((location) =>
          location.id !== entityId
            ? location
            : {
                ...location,
                name: plain(values.name, location.name),
                street: plain(values.street, location.street),
                postalCode: plain(values.postalCode, location.postalCode),
                city: plain(values.city, location.city),
                wheelchairAccessible: plain(values.wheelchairAccessible, location.wheelchairAccessible),
                accessibilityNote: optionalLocalized(values.accessibilityNote, location.accessibilityNote),
                transportNote: optionalLocalized(values.transportNote, location.transportNote),
              },
        ),
      };
    case 'ContactPerson':
      return {
        ...page,
        contacts: page.contacts.map((contact) =>
          contact.id !== entityId
            ? contact
            : {
                ...contact,
                role: localized(values.role, contact.role),
                name: plain(values.name, contact.name),
                email: plain(values.email, contact.email),
                phone: plain(values.phone, contact.phone),
                mobile: plain(values.mobile, contact.mobile),
              },
        ),
      };
    default:
      // Weekly slots and exceptions: the preview shows the entry as it is (the review page lists them).
      return page;
  }
}

export async function getOrganizationPreview({
  actor,
  id,
  locale,
  proposalId,
}: {
  actor: Actor | null;
  id: string;
  locale: string;
  proposalId?: string | null;
}): Promise<OrganizationPreview | null> {
  const scope = organizationScope(actor, 'organization.read');
  assertUuid(id);
  const organization = await readOrganizationPage({ AND: [{ id, deletedAt: null }, scope] }, locale, visibilityBelow({ id, deletedAt: null }));
  if (!organization) return null;
  if (!proposalId) return { organization, proposal: null };
  assertUuid(proposalId);
  const request = await db.changeRequest.findFirst({
    where: { id: proposalId, organizationId: id, status: 'PENDING', ...requestScope(actor) },
    select: { id: true, entityType: true, entityId: true, action: true, payload: true },
  });
  if (!request || !isChangeEntityType(request.entityType)) return null;
  const proposal = { id: request.id, entityType: request.entityType, action: request.action };
  if (request.action !== 'UPDATE') return { organization, proposal };
  // Only the fields the proposal holds, each parsed as the form's schema parses it ('on' -> true,
  // '' -> null); a field that does not parse (any more) is left as it is.
  const payload = (request.payload ?? {}) as Values;
  const shape = CHANGE_ENTITIES[request.entityType].schema.shape as Record<string, { safeParse: (value: unknown) => { success: boolean; data?: unknown } }>;
  const values: Values = {};
  for (const [key, raw] of Object.entries(payload)) {
    const parsed = shape[key]?.safeParse(raw);
    if (parsed?.success) values[key] = parsed.data;
  }
  return { organization: overlay(organization, request.entityType, request.entityId, values), proposal };
}
