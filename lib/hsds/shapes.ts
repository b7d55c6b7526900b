// The shapes of the HSDS API's responses (Open Referral API specification, data/hsds-3.0 and
// tests/fixtures/hsds-3.0): list items carry only the one-to-one fields of their schema
// (compiled/*_list.json), single objects are fully nested. Pure: built from mapOrganizationToHsds().
import { mapOrganizationToHsds, mapTerm, taxonomyUuid, type HsdsTerm } from './map';

type HsdsOrganization = ReturnType<typeof mapOrganizationToHsds>;
type HsdsService = NonNullable<HsdsOrganization['services']>[number];
type HsdsLocation = NonNullable<HsdsOrganization['locations']>[number];

const ORGANIZATION_LIST_KEYS = ['id', 'name', 'alternate_name', 'description', 'email', 'website', 'uri', 'parent_organization_id'];
const SERVICE_LIST_KEYS = [
  'id', 'organization_id', 'name', 'alternate_name', 'description', 'url', 'email', 'status', 'interpretation_services',
  'application_process', 'fees_description', 'eligibility_description', 'minimum_age', 'maximum_age', 'alert', 'last_modified',
];
const LOCATION_LIST_KEYS = ['id', 'location_type', 'organization_id', 'name', 'description', 'transportation', 'latitude', 'longitude'];

function pick(value: object, keys: string[]): Record<string, unknown> {
  return Object.fromEntries(Object.entries(value).filter(([key]) => keys.includes(key)));
}

export function organizationListItem(org: HsdsOrganization) {
  return pick(org, ORGANIZATION_LIST_KEYS);
}

// `minimal`: what a client needs to find changed services (the schema requires name and status).
export function serviceListItem(service: HsdsService, { minimal = false } = {}) {
  return pick(service, minimal ? ['id', 'name', 'status', 'last_modified'] : SERVICE_LIST_KEYS);
}

function findLocation(org: HsdsOrganization, locationId: string): HsdsLocation | undefined {
  return org.locations?.find((location) => location.id === locationId);
}

// A fully nested service with its organization (without the organization's other services) and
// each service-at-location with its location. With `serviceAtLocationId`, only that one: the
// specification answers /service_at_locations/{id} with a service object.
export function fullService(org: HsdsOrganization, service: HsdsService, { serviceAtLocationId }: { serviceAtLocationId?: string } = {}) {
  const { services: _services, ...organization } = org;
  return {
    ...service,
    organization,
    service_at_locations: (service.service_at_locations ?? [])
      .filter((link) => !serviceAtLocationId || link.id === serviceAtLocationId)
      .map((link) => {
        const location = findLocation(org, link.location_id);
        return location ? { ...link, location } : link;
      }),
  };
}

export function serviceAtLocationListItem(org: HsdsOrganization, service: HsdsService, linkId: string) {
  const link = service.service_at_locations?.find((candidate) => candidate.id === linkId);
  if (!link) return undefined;
  const location = findLocation(org, link.location_id);
  return {
    ...link,
    ...(location ? { location: pick(location, LOCATION_LIST_KEYS) } : {}),
    service: serviceListItem(service),
  };
}

export const TAXONOMY_KINDS = ['CATEGORY', 'TOPIC', 'TARGET_GROUP'] as const;
export type TaxonomyKind = (typeof TAXONOMY_KINDS)[number];

const TAXONOMY_TEXT: Record<TaxonomyKind, { name: string; description: string }> = {
  CATEGORY: { name: 'Art der Einrichtung', description: 'Welche Art von Einrichtung ein Akteur ist (Netzwerk Integration Stendal).' },
  TOPIC: { name: 'Themen', description: 'Themen, zu denen Akteure und Angebote beraten und helfen (Netzwerk Integration Stendal).' },
  TARGET_GROUP: { name: 'Zielgruppen', description: 'Für wen ein Angebot gedacht ist (Netzwerk Integration Stendal).' },
};

export function kindOfTaxonomy(id: string): TaxonomyKind | undefined {
  return TAXONOMY_KINDS.find((kind) => taxonomyUuid(kind) === id);
}

export function mapTaxonomy(kind: TaxonomyKind, { baseUrl }: { baseUrl: string }) {
  const id = taxonomyUuid(kind);
  return { id, ...TAXONOMY_TEXT[kind], uri: `${baseUrl}/api/hsds/taxonomies/${id}`, version: '1' };
}

export function mapTaxonomyTerm(term: HsdsTerm, { baseUrl }: { baseUrl: string }) {
  return { ...mapTerm(term), taxonomy_detail: mapTaxonomy(term.kind as TaxonomyKind, { baseUrl }) };
}
