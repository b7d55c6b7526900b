// Maps our public records to HSDS 3.0 objects (Open Referral's Human Services Data Specification;
// schemas and license in data/hsds-3.0). Pure: the data layer hands in what the public may see.
import { formatMinutes, type ScheduleDto } from '@/lib/schedule/open-status';
import { derivedUuid } from './ids';

const WEEKDAYS = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'] as const;

export interface HsdsTerm {
  id: string;
  kind: string;
  slug: string;
  label: string;
  parentId: string | null;
}

// Our three vocabularies (category, topic, target group) are HSDS taxonomies; their ids are
// derived from the kind so that they stay the same in every export.
export function taxonomyUuid(kind: string): string {
  return derivedUuid('taxonomy', kind);
}

interface HsdsSourceSchedule extends ScheduleDto {
  id: string;
  serviceAtLocationId: string | null;
  note: string | null;
}

interface HsdsSourceContact {
  id: string;
  serviceId: string | null;
  serviceAtLocationId: string | null;
  role: string;
  name: string | null;
  email: string | null;
  phone: string | null;
  mobile: string | null;
}

interface HsdsSourceLanguageOffer {
  id: string;
  serviceId: string | null;
  contactPersonId: string | null;
  note: string | null;
  language: { code: string; nameDe: string };
}

interface HsdsSourceService {
  id: string;
  name: string;
  description: string;
  minAge: number | null;
  maxAge: number | null;
  eligibility: string | null;
  cost: string | null;
  howToApply: string | null;
  appointmentRequired: boolean;
  interpretationOffered: boolean;
  status: 'ACTIVE' | 'TEMPORARILY_CLOSED';
  alertText: string | null;
  updatedAt: Date;
  terms: { term: HsdsTerm }[];
  locations: { id: string; locationId: string; note: string | null }[];
}

interface HsdsSourceLocation {
  id: string;
  name: string | null;
  street: string | null;
  postalCode: string | null;
  city: string | null;
  latitude: number | null;
  longitude: number | null;
  wheelchairAccessible: boolean | null;
  accessibilityNote: string | null;
  transportNote: string | null;
}

export interface HsdsSourceOrganization {
  id: string;
  slug: string;
  name: string;
  shortName: string | null;
  description: string;
  email: string | null;
  phone: string | null;
  website: string | null;
  parentId: string | null;
  updatedAt: Date;
  category: HsdsTerm | null;
  topics: { term: HsdsTerm }[];
  services: HsdsSourceService[];
  locations: HsdsSourceLocation[];
  contacts: HsdsSourceContact[];
  languageOffers: HsdsSourceLanguageOffer[];
  schedules: HsdsSourceSchedule[];
}

function compact<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined && v !== null)) as T;
}

export function mapTerm(term: HsdsTerm) {
  return compact({
    id: term.id,
    code: term.slug,
    name: term.label,
    description: term.label,
    parent_id: term.parentId ?? undefined,
    taxonomy: term.kind.toLowerCase(),
    taxonomy_id: taxonomyUuid(term.kind),
    language: 'de',
  });
}

function mapAttributes(linkId: string, linkEntity: string, terms: HsdsTerm[]) {
  return terms.map((term) => ({
    id: derivedUuid('attribute', linkId, term.id),
    link_id: linkId,
    link_entity: linkEntity,
    link_type: term.kind.toLowerCase(),
    taxonomy_term_id: term.id,
    taxonomy_term: mapTerm(term),
  }));
}

function mapSchedule(schedule: HsdsSourceSchedule) {
  return compact({
    id: schedule.id,
    service_id: schedule.serviceId ?? undefined,
    location_id: schedule.locationId ?? undefined,
    service_at_location_id: schedule.serviceAtLocationId ?? undefined,
    freq: 'WEEKLY',
    wkst: 'MO',
    byday: WEEKDAYS[schedule.weekday - 1],
    // Local times of Europe/Berlin; the UTC offset changes with daylight saving, so none is given.
    opens_at: formatMinutes(schedule.opensAt),
    closes_at: formatMinutes(schedule.closesAt),
    valid_from: schedule.validFrom ?? undefined,
    valid_to: schedule.validTo ?? undefined,
    attending_type: schedule.appointmentOnly ? 'appointment' : 'drop-in',
    description: 'Ortszeit (Europe/Berlin)',
    notes: schedule.note ?? undefined,
  });
}

type HsdsLanguage = ReturnType<typeof mapLanguage>;

function mapLanguage(offer: HsdsSourceLanguageOffer, owner: Record<string, string>) {
  return compact({ id: offer.id, ...owner, name: offer.language.nameDe, code: offer.language.code, note: offer.note ?? undefined });
}

// HSDS has no languages on a contact: the languages a contact person speaks go on the contact's
// phones (each phone gets its own language rows, ids derived from offer and phone).
function mapPhones(ownerKey: string, numbers: (string | null)[], owner: Record<string, string>, languages: HsdsSourceLanguageOffer[] = []) {
  return numbers
    .filter((number): number is string => Boolean(number))
    .map((number) => {
      const id = derivedUuid('phone', ownerKey, number);
      const phoneLanguages: HsdsLanguage[] = languages.map((offer) => ({ ...mapLanguage(offer, { phone_id: id }), id: derivedUuid('phone-language', offer.id, id) }));
      return compact({ id, number, type: 'voice', ...owner, languages: phoneLanguages.length ? phoneLanguages : undefined });
    });
}

export function mapOrganizationToHsds(org: HsdsSourceOrganization, { baseUrl }: { baseUrl: string }) {
  const serviceIds = new Set(org.services.map((service) => service.id));
  const contactsFor = (serviceId: string | null) =>
    org.contacts
      .filter((contact) => contact.serviceId === serviceId || (serviceId === null && !serviceIds.has(contact.serviceId ?? '')))
      .map((contact) =>
        compact({
          id: contact.id,
          organization_id: serviceId ? undefined : org.id,
          service_id: serviceId ?? undefined,
          name: contact.name ?? undefined,
          title: contact.role,
          email: contact.email ?? undefined,
          phones: mapPhones(
            contact.id,
            [contact.phone, contact.mobile],
            { contact_id: contact.id },
            org.languageOffers.filter((offer) => offer.contactPersonId === contact.id),
          ),
        }),
      );

  const services = org.services.map((service) =>
    compact({
      id: service.id,
      organization_id: org.id,
      name: service.name,
      description: service.description || undefined,
      url: `${baseUrl}/de/akteure/${org.slug}`,
      status: service.status === 'ACTIVE' ? 'active' : 'temporarily closed',
      interpretation_services: service.interpretationOffered ? 'Dolmetschen möglich' : undefined,
      application_process:
        [service.appointmentRequired ? 'Termin nötig.' : undefined, service.howToApply ?? undefined].filter(Boolean).join(' ') ||
        undefined,
      fees_description: service.cost ?? undefined,
      eligibility_description: service.eligibility ?? undefined,
      minimum_age: service.minAge ?? undefined,
      maximum_age: service.maxAge ?? undefined,
      alert: service.alertText ?? undefined,
      last_modified: service.updatedAt.toISOString(),
      languages: org.languageOffers
        .filter((offer) => offer.serviceId === service.id)
        .map((offer) => mapLanguage(offer, { service_id: service.id })),
      schedules: org.schedules.filter((schedule) => schedule.serviceId === service.id).map(mapSchedule),
      service_at_locations: service.locations.map((link) =>
        compact({ id: link.id, service_id: service.id, location_id: link.locationId, description: link.note ?? undefined }),
      ),
      contacts: contactsFor(service.id),
      attributes: mapAttributes(service.id, 'service', service.terms.map((link) => link.term)),
    }),
  );

  const locations = org.locations.map((location) => {
    const hasAddress = Boolean(location.street && location.city && location.postalCode);
    const accessibilityText = [
      location.wheelchairAccessible === true ? 'Rollstuhlgerecht' : location.wheelchairAccessible === false ? 'Nicht rollstuhlgerecht' : undefined,
      location.accessibilityNote ?? undefined,
    ].filter(Boolean);
    return compact({
      id: location.id,
      location_type: 'physical',
      organization_id: org.id,
      name: location.name ?? location.city ?? undefined,
      transportation: location.transportNote ?? undefined,
      latitude: location.latitude ?? undefined,
      longitude: location.longitude ?? undefined,
      addresses: hasAddress
        ? [
            {
              id: derivedUuid('address', location.id),
              location_id: location.id,
              address_1: location.street!,
              city: location.city!,
              state_province: 'Sachsen-Anhalt',
              region: 'Landkreis Stendal',
              postal_code: location.postalCode!,
              country: 'DE',
              address_type: 'physical',
            },
          ]
        : [],
      accessibility: accessibilityText.length
        ? [{ id: derivedUuid('accessibility', location.id), location_id: location.id, description: accessibilityText.join('. ') }]
        : [],
      schedules: org.schedules
        .filter((schedule) => schedule.locationId === location.id && !schedule.serviceId)
        .map(mapSchedule),
    });
  });

  return compact({
    id: org.id,
    name: org.name,
    alternate_name: org.shortName ?? undefined,
    description: org.description,
    email: org.email ?? undefined,
    website: org.website ?? undefined,
    uri: `${baseUrl}/de/akteure/${org.slug}`,
    parent_organization_id: org.parentId ?? undefined,
    phones: mapPhones(org.id, [org.phone], { organization_id: org.id }),
    contacts: contactsFor(null),
    locations,
    services,
    attributes: mapAttributes(org.id, 'organization', [
      ...(org.category ? [org.category] : []),
      ...org.topics.map((link) => link.term),
    ]),
  });
}

// The paged list envelope of the HSDS API. `size` is, as the specification's Page says, the
// number of entities on this page; the page count follows from the requested page size.
export function hsdsPage<T>(contents: T[], { total, page, size }: { total: number; page: number; size: number }) {
  const totalPages = Math.max(1, Math.ceil(total / size));
  return {
    total_items: total,
    total_pages: totalPages,
    page_number: page,
    size: contents.length,
    first_page: page === 1,
    last_page: page >= totalPages,
    empty: contents.length === 0,
    contents,
  };
}
