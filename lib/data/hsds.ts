import 'server-only';
import { db } from '@/lib/db';
import type { Prisma } from '@/lib/generated/prisma/client';
import type { HsdsSourceOrganization } from '@/lib/hsds/map';
import { publicContactWhere, publicLocationWhere, publicOrganizationWhere, publicServiceWhere } from './visibility';
import { serviceFieldsSelect } from './field-selects';

const termSelect = { id: true, kind: true, slug: true, label: true } as const;

// Everything of an organization that the public may see, in the shape the HSDS mapping needs.
const hsdsSelect = {
  id: true,
  slug: true,
  name: true,
  shortName: true,
  description: true,
  email: true,
  phone: true,
  website: true,
  parentId: true,
  updatedAt: true,
  category: { select: termSelect },
  topics: { select: { term: { select: termSelect } } },
  services: {
    where: publicServiceWhere,
    orderBy: [{ sortOrder: 'asc' as const }, { name: 'asc' as const }],
    select: {
      ...serviceFieldsSelect,
      updatedAt: true,
      terms: { select: { term: { select: termSelect } } },
      locations: { where: { location: publicLocationWhere }, select: { id: true, locationId: true, note: true } },
    },
  },
  locations: {
    where: publicLocationWhere,
    orderBy: [{ sortOrder: 'asc' as const }],
    select: {
      id: true,
      name: true,
      street: true,
      postalCode: true,
      city: true,
      latitude: true,
      longitude: true,
      wheelchairAccessible: true,
      accessibilityNote: true,
      transportNote: true,
    },
  },
  contacts: {
    where: publicContactWhere,
    orderBy: [{ sortOrder: 'asc' as const }],
    select: { id: true, serviceId: true, serviceAtLocationId: true, role: true, name: true, email: true, phone: true, mobile: true },
  },
  // Languages of services; a language of a contact person is only exported when that contact is public.
  languageOffers: {
    where: { OR: [{ contactPersonId: null }, { contactPerson: publicContactWhere }] },
    select: { id: true, serviceId: true, note: true, language: { select: { code: true, nameDe: true } } },
  },
  schedules: {
    orderBy: [{ weekday: 'asc' as const }, { opensAt: 'asc' as const }],
    select: {
      id: true,
      serviceId: true,
      locationId: true,
      serviceAtLocationId: true,
      weekday: true,
      opensAt: true,
      closesAt: true,
      appointmentOnly: true,
      validFrom: true,
      validTo: true,
      note: true,
    },
  },
} satisfies Prisma.OrganizationSelect;

export async function listHsdsOrganizations({
  page,
  perPage,
}: {
  page: number;
  perPage: number;
}): Promise<{ total: number; organizations: HsdsSourceOrganization[] }> {
  const [total, organizations] = await Promise.all([
    db.organization.count({ where: publicOrganizationWhere }),
    db.organization.findMany({
      where: publicOrganizationWhere,
      orderBy: [{ name: 'asc' }, { id: 'asc' }],
      skip: (page - 1) * perPage,
      take: perPage,
      select: hsdsSelect,
    }),
  ]);
  return { total, organizations };
}

export async function getHsdsOrganization({ id }: { id: string }): Promise<HsdsSourceOrganization | null> {
  return db.organization.findFirst({ where: { ...publicOrganizationWhere, id }, select: hsdsSelect });
}
