import 'server-only';
import { db } from '@/lib/db';
import { publicContactWhere, publicLocationWhere, publicOrganizationWhere, publicServiceWhere } from './visibility';

const termSelect = { id: true, slug: true, kind: true, label: true, labels: true } as const;

export async function listPublicOrganizations() {
  return db.organization.findMany({
    where: publicOrganizationWhere,
    orderBy: [{ sortOrder: 'asc' }, { name: 'asc' }],
    select: {
      id: true,
      slug: true,
      name: true,
      shortName: true,
      description: true,
      category: { select: termSelect },
      topics: { select: { term: { select: termSelect } } },
      locations: { where: publicLocationWhere, select: { city: true, municipality: true } },
    },
  });
}

export type PublicOrganizationSummary = Awaited<ReturnType<typeof listPublicOrganizations>>[number];

const publicContactSelect = {
  id: true,
  role: true,
  name: true,
  email: true,
  phone: true,
  mobile: true,
  languageOffers: { select: { languageCode: true, note: true, schedule: true } },
} as const;

export async function getPublicOrganization({ slug }: { slug: string }) {
  return db.organization.findFirst({
    where: { ...publicOrganizationWhere, slug },
    select: {
      id: true,
      slug: true,
      name: true,
      shortName: true,
      description: true,
      website: true,
      email: true,
      phone: true,
      isCoordinationOffice: true,
      lastVerifiedAt: true,
      updatedAt: true,
      category: { select: termSelect },
      topics: { select: { term: { select: termSelect } } },
      services: {
        where: publicServiceWhere,
        orderBy: [{ sortOrder: 'asc' }, { name: 'asc' }],
        select: {
          id: true,
          name: true,
          description: true,
          minAge: true,
          maxAge: true,
          eligibility: true,
          cost: true,
          howToApply: true,
          appointmentRequired: true,
          interpretationOffered: true,
          status: true,
          alertText: true,
          terms: { select: { term: { select: termSelect } } },
          languageOffers: { select: { languageCode: true, note: true, schedule: true } },
        },
      },
      locations: {
        where: publicLocationWhere,
        orderBy: [{ sortOrder: 'asc' }],
        select: {
          id: true,
          name: true,
          street: true,
          postalCode: true,
          city: true,
          municipality: true,
          latitude: true,
          longitude: true,
          wheelchairAccessible: true,
          accessibilityNote: true,
          transportNote: true,
        },
      },
      contacts: { where: publicContactWhere, orderBy: [{ sortOrder: 'asc' }], select: publicContactSelect },
      schedules: {
        orderBy: [{ weekday: 'asc' }, { opensAt: 'asc' }],
        select: {
          id: true,
          serviceId: true,
          locationId: true,
          weekday: true,
          opensAt: true,
          closesAt: true,
          appointmentOnly: true,
          validFrom: true,
          validTo: true,
          note: true,
        },
      },
      scheduleExceptions: {
        where: { endsOn: { gte: new Date(Date.now() - 24 * 3600 * 1000) } },
        orderBy: [{ startsOn: 'asc' }],
        select: { id: true, locationId: true, startsOn: true, endsOn: true, isClosed: true, opensAt: true, closesAt: true, note: true },
      },
    },
  });
}

export type PublicOrganization = NonNullable<Awaited<ReturnType<typeof getPublicOrganization>>>;

export async function getCoordinationOffice() {
  return db.organization.findFirst({
    where: { ...publicOrganizationWhere, isCoordinationOffice: true },
    select: {
      slug: true,
      name: true,
      shortName: true,
      email: true,
      phone: true,
      contacts: { where: publicContactWhere, orderBy: [{ sortOrder: 'asc' }], select: publicContactSelect },
    },
  });
}
