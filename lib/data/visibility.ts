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

export const publicServiceWhere = {
  deletedAt: null,
  organization: publicOrganizationWhere,
} satisfies Prisma.ServiceWhereInput;

export const publicLocationWhere = {
  deletedAt: null,
  organization: publicOrganizationWhere,
} satisfies Prisma.LocationWhereInput;

// GDPR: shown only when marked public, with consent recorded and not withdrawn.
export const publicContactWhere = {
  visibility: 'PUBLIC',
  consentGivenAt: { not: null },
  consentWithdrawnAt: null,
  deletedAt: null,
  organization: publicOrganizationWhere,
} satisfies Prisma.ContactPersonWhereInput;

export const publicServiceAtLocationWhere = {
  service: publicServiceWhere,
  location: publicLocationWhere,
} satisfies Prisma.ServiceAtLocationWhereInput;

export const publicLanguageOfferWhere = {
  organization: publicOrganizationWhere,
  AND: [
    { OR: [{ contactPersonId: null }, { contactPerson: publicContactWhere }] },
    { OR: [{ serviceId: null }, { service: publicServiceWhere }] },
  ],
} satisfies Prisma.LanguageOfferWhereInput;

export const publicScheduleWhere = {
  organization: publicOrganizationWhere,
  AND: [
    { OR: [{ serviceId: null }, { service: publicServiceWhere }] },
    { OR: [{ locationId: null }, { location: publicLocationWhere }] },
    { OR: [{ serviceAtLocationId: null }, { serviceAtLocation: publicServiceAtLocationWhere }] },
    // A contact person's hours are as public as the person (consent, visibility): a hidden
    // contact's hours appear nowhere, and open nothing in the "open now" filter.
    { OR: [{ contactPersonId: null }, { contactPerson: publicContactWhere }] },
  ],
} satisfies Prisma.ScheduleWhereInput;

export const publicScheduleExceptionWhere = {
  organization: publicOrganizationWhere,
  OR: [{ locationId: null }, { location: publicLocationWhere }],
} satisfies Prisma.ScheduleExceptionWhereInput;

// The public weekly slots that count as opening hours (the page's hours, "open now", JSON-LD): a
// temporarily closed service keeps its slots for later, but they do not open anything now. The
// HSDS export lists them with the service's status instead.
export const openingScheduleWhere = {
  AND: [publicScheduleWhere, { OR: [{ serviceId: null }, { service: { status: 'ACTIVE' } }] }],
} satisfies Prisma.ScheduleWhereInput;
