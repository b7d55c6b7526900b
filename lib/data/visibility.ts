// What the public may see, defined once. Every public read (pages, JSON API, HSDS, sitemap,
// vCards, JSON-LD, suggestions, Wegweiser) filters with these `where` objects; the search triggers
// and the raw ranking SQL use the same rules as SQL functions (is_public_*(), public_*() in
// prisma/migrations/20261202100000_public_visibility). tests/integration/public-visibility.test.ts
// proves that both encodings select the same rows for records in every hidden state, and that no
// public output shows any of them.
//
// Each object is the whole rule for its table: a record below an organization is public only when
// its organization is public too (and, for language offers and weekly slots, the contact, service
// and location they belong to; SQL in 20261203120000_contact_hours for the slots' contact). Translations are public when their record is: loadTranslations()
// is only ever given ids that these filters returned.
import type { Prisma } from '@/lib/generated/prisma/client';

export const publicOrganizationWhere = {
  status: 'PUBLISHED',
  deletedAt: null,
} satisfies Prisma.OrganizationWhereInput;

// The rules for everything below an organization, given the organization's own rule. The public
// rules are these with publicOrganizationWhere; the preview of a draft or a proposal
// (lib/data/organization-preview.ts) uses "this organization, not deleted", so that it shows exactly
// what the public page will show once the entry is published.
export function visibilityBelow(organization: Prisma.OrganizationWhereInput) {
  const service = { deletedAt: null, organization } satisfies Prisma.ServiceWhereInput;
  const location = { deletedAt: null, organization } satisfies Prisma.LocationWhereInput;
  // GDPR: shown only when marked public, with consent recorded and not withdrawn.
  const contact = {
    visibility: 'PUBLIC',
    consentGivenAt: { not: null },
    consentWithdrawnAt: null,
    deletedAt: null,
    organization,
  } satisfies Prisma.ContactPersonWhereInput;
  const serviceAtLocation = { service, location } satisfies Prisma.ServiceAtLocationWhereInput;
  const languageOffer = {
    organization,
    AND: [{ OR: [{ contactPersonId: null }, { contactPerson: contact }] }, { OR: [{ serviceId: null }, { service }] }],
  } satisfies Prisma.LanguageOfferWhereInput;
  const schedule = {
    organization,
    AND: [
      { OR: [{ serviceId: null }, { service }] },
      { OR: [{ locationId: null }, { location }] },
      { OR: [{ serviceAtLocationId: null }, { serviceAtLocation }] },
      // A contact person's hours are as public as the person (consent, visibility): a hidden
      // contact's hours appear nowhere, and open nothing in the "open now" filter.
      { OR: [{ contactPersonId: null }, { contactPerson: contact }] },
    ],
  } satisfies Prisma.ScheduleWhereInput;
  const scheduleException = { organization, OR: [{ locationId: null }, { location }] } satisfies Prisma.ScheduleExceptionWhereInput;
  // The weekly slots that count as opening hours (the page's hours, "open now", JSON-LD): a
  // temporarily closed service keeps its slots for later, but they do not open anything now. The
  // HSDS export lists them with the service's status instead.
  const openingSchedule = { AND: [schedule, { OR: [{ serviceId: null }, { service: { status: 'ACTIVE' } }] }] } satisfies Prisma.ScheduleWhereInput;
  return { service, location, contact, serviceAtLocation, languageOffer, schedule, scheduleException, openingSchedule };
}

export type VisibilityRules = ReturnType<typeof visibilityBelow>;

export const publicRules = visibilityBelow(publicOrganizationWhere);
export const publicServiceWhere = publicRules.service;
export const publicLocationWhere = publicRules.location;
export const publicContactWhere = publicRules.contact;
export const publicServiceAtLocationWhere = publicRules.serviceAtLocation;
export const publicLanguageOfferWhere = publicRules.languageOffer;
export const publicScheduleWhere = publicRules.schedule;
export const publicScheduleExceptionWhere = publicRules.scheduleException;
export const openingScheduleWhere = publicRules.openingSchedule;
