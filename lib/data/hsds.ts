// The published directory for the HSDS 3.0 export (/api/hsds): everything of an organization that
// the public may see (lib/data/visibility.ts), in the shape lib/hsds/map.ts maps.
import 'server-only';
import { db } from '@/lib/db';
import type { Prisma } from '@/lib/generated/prisma/client';
import type { HsdsSourceOrganization } from '@/lib/hsds/map';
import {
  publicContactWhere,
  publicLanguageOfferWhere,
  publicLocationWhere,
  publicOrganizationWhere,
  publicScheduleWhere,
  publicServiceAtLocationWhere,
  publicServiceWhere,
} from './visibility';
import { scheduleFieldsSelect, serviceFieldsSelect, toScheduleDto } from './field-selects';

export const hsdsTermSelect = { id: true, kind: true, slug: true, label: true, parentId: true } as const;
const termSelect = hsdsTermSelect;

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
      locations: { where: publicServiceAtLocationWhere, select: { id: true, locationId: true, note: true } },
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
  languageOffers: {
    where: publicLanguageOfferWhere,
    select: { id: true, serviceId: true, contactPersonId: true, note: true, language: { select: { code: true, nameDe: true } } },
  },
  // Slots of a temporarily closed service are listed: the service carries its status.
  schedules: {
    where: publicScheduleWhere,
    orderBy: [{ weekday: 'asc' as const }, { opensAt: 'asc' as const }],
    select: { id: true, serviceAtLocationId: true, note: true, ...scheduleFieldsSelect },
  },
} satisfies Prisma.OrganizationSelect;

type HsdsRow = Prisma.OrganizationGetPayload<{ select: typeof hsdsSelect }>;

// The parent is exported only while it is public itself.
async function toSources(rows: HsdsRow[]): Promise<HsdsSourceOrganization[]> {
  const parentIds = [...new Set(rows.map((row) => row.parentId).filter((id): id is string => id !== null))];
  const publicParents = parentIds.length
    ? new Set(
        (await db.organization.findMany({ where: { ...publicOrganizationWhere, id: { in: parentIds } }, select: { id: true } })).map((o) => o.id),
      )
    : new Set<string>();
  return rows.map((row) => ({
    ...row,
    parentId: row.parentId && publicParents.has(row.parentId) ? row.parentId : null,
    schedules: row.schedules.map(toScheduleDto),
  }));
}

export async function listHsdsOrganizations({
  page,
  perPage,
  where = {},
}: {
  page: number;
  perPage: number;
  // A filter on top of the public rule (the API's search).
  where?: Prisma.OrganizationWhereInput;
}): Promise<{ total: number; organizations: HsdsSourceOrganization[] }> {
  const filtered = { AND: [publicOrganizationWhere, where] };
  const [total, rows] = await Promise.all([
    db.organization.count({ where: filtered }),
    db.organization.findMany({
      where: filtered,
      orderBy: [{ name: 'asc' }, { id: 'asc' }],
      skip: (page - 1) * perPage,
      take: perPage,
      select: hsdsSelect,
    }),
  ]);
  return { total, organizations: await toSources(rows) };
}

export async function getHsdsOrganization({ id }: { id: string }): Promise<HsdsSourceOrganization | null> {
  const row = await db.organization.findFirst({ where: { ...publicOrganizationWhere, id }, select: hsdsSelect });
  return row ? (await toSources([row]))[0] : null;
}

// The full sources of the given organizations (public ones only), for the service and
// service-at-location endpoints, which answer from their organization's record.
export async function listHsdsSourcesByIds({ ids }: { ids: string[] }): Promise<HsdsSourceOrganization[]> {
  if (ids.length === 0) return [];
  const rows = await db.organization.findMany({ where: { ...publicOrganizationWhere, id: { in: ids } }, select: hsdsSelect });
  return toSources(rows);
}
