// The HSDS API's reads (/api/hsds): paged lists and single objects, built from the public records
// only (lib/data/visibility.ts). Services and service-at-locations are mapped from their
// organization's full record (lib/data/hsds.ts), so every endpoint shows the same object the same
// way. Results are JSON and cached with the directory tag (an admin write expires them).
import 'server-only';
import { DIRECTORY_TAG } from '@/lib/cache';
import { db } from '@/lib/db';
import type { Prisma } from '@/lib/generated/prisma/client';
import { hsdsPage, mapOrganizationToHsds } from '@/lib/hsds/map';
import type { HsdsServiceFilters } from '@/lib/hsds/query';
import { toTables } from '@/lib/hsds/tables';
import {
  fullService,
  kindOfTaxonomy,
  mapTaxonomy,
  mapTaxonomyTerm,
  organizationListItem,
  serviceAtLocationListItem,
  serviceListItem,
  TAXONOMY_KINDS,
} from '@/lib/hsds/shapes';
import { parseDirectoryQuery } from '@/lib/search/query';
import { searchOrganizationIds } from './directory/rank';
import { getHsdsOrganization, hsdsTermSelect as termSelect, listHsdsOrganizations, listHsdsSourcesByIds } from './hsds';
import { cachedPublicRead } from './public-cache';
import { publicServiceAtLocationWhere, publicServiceWhere } from './visibility';

interface Paging {
  page: number;
  perPage: number;
  baseUrl: string;
}

// Far more than the directory holds: the search ranks, the API pages.
const SEARCH_LIMIT = 10_000;

// `search` is the directory's search (lib/data/directory/rank.ts): the organizations it finds.
async function searchedOrganizationIds(search: string | undefined): Promise<string[] | undefined> {
  if (!search) return undefined;
  const { hits } = await searchOrganizationIds({ query: parseDirectoryQuery({ q: search }), limit: SEARCH_LIMIT, everyWord: true });
  return hits.map((hit) => hit.id);
}

async function serviceFilterWhere(filters: HsdsServiceFilters): Promise<Prisma.ServiceWhereInput> {
  const conditions: Prisma.ServiceWhereInput[] = [publicServiceWhere];
  const found = await searchedOrganizationIds(filters.search);
  if (found) {
    conditions.push({
      OR: [
        { organizationId: { in: found } },
        { name: { contains: filters.search, mode: 'insensitive' } },
        { description: { contains: filters.search, mode: 'insensitive' } },
      ],
    });
  }
  if (filters.organization_id) conditions.push({ organizationId: filters.organization_id });
  if (filters.modified_after) conditions.push({ updatedAt: { gte: new Date(filters.modified_after) } });
  if (filters.taxonomy_term_id) {
    const termId = filters.taxonomy_term_id;
    conditions.push({
      OR: [{ terms: { some: { termId } } }, { organization: { topics: { some: { termId } } } }, { organization: { categoryId: termId } }],
    });
  }
  if (filters.taxonomy_id) {
    const kind = kindOfTaxonomy(filters.taxonomy_id);
    conditions.push(
      kind
        ? { OR: [{ terms: { some: { term: { kind } } } }, { organization: { topics: { some: { term: { kind } } } } }, { organization: { category: { kind } } }] }
        : { id: { in: [] } },
    );
  }
  if (filters.postcode) conditions.push({ locations: { some: { ...publicServiceAtLocationWhere, location: { postalCode: filters.postcode } } } });
  return { AND: conditions };
}

async function organizationsById(ids: string[], baseUrl: string) {
  const sources = await listHsdsSourcesByIds({ ids: [...new Set(ids)] });
  return new Map(sources.map((source) => [source.id, mapOrganizationToHsds(source, { baseUrl })]));
}

async function readServicesPage({ page, perPage, baseUrl, minimal, ...filters }: Paging & HsdsServiceFilters & { minimal?: boolean }) {
  const where = await serviceFilterWhere(filters);
  const [total, rows] = await Promise.all([
    db.service.count({ where }),
    db.service.findMany({
      where,
      orderBy: [{ name: 'asc' }, { id: 'asc' }],
      skip: (page - 1) * perPage,
      take: perPage,
      select: { id: true, organizationId: true },
    }),
  ]);
  const organizations = await organizationsById(rows.map((row) => row.organizationId), baseUrl);
  const contents = rows.flatMap((row) => {
    const service = organizations.get(row.organizationId)?.services?.find((candidate) => candidate.id === row.id);
    return service ? [serviceListItem(service, { minimal })] : [];
  });
  return hsdsPage(contents, { total, page, size: perPage });
}

async function readServiceAtLocationsPage({ page, perPage, baseUrl, ...filters }: Paging & HsdsServiceFilters) {
  const where: Prisma.ServiceAtLocationWhereInput = { AND: [publicServiceAtLocationWhere, { service: await serviceFilterWhere(filters) }] };
  if (filters.postcode) where.location = { postalCode: filters.postcode };
  const [total, rows] = await Promise.all([
    db.serviceAtLocation.count({ where }),
    db.serviceAtLocation.findMany({
      where,
      orderBy: [{ service: { name: 'asc' } }, { id: 'asc' }],
      skip: (page - 1) * perPage,
      take: perPage,
      select: { id: true, serviceId: true, organizationId: true },
    }),
  ]);
  const organizations = await organizationsById(rows.map((row) => row.organizationId), baseUrl);
  const contents = rows.flatMap((row) => {
    const org = organizations.get(row.organizationId);
    const service = org?.services?.find((candidate) => candidate.id === row.serviceId);
    const item = org && service ? serviceAtLocationListItem(org, service, row.id) : undefined;
    return item ? [item] : [];
  });
  return hsdsPage(contents, { total, page, size: perPage });
}

async function readService({ id, serviceAtLocationId, baseUrl }: { id: string; serviceAtLocationId?: string; baseUrl: string }) {
  const row = await db.service.findFirst({ where: { ...publicServiceWhere, id }, select: { organizationId: true } });
  if (!row) return null;
  const org = (await organizationsById([row.organizationId], baseUrl)).get(row.organizationId);
  const service = org?.services?.find((candidate) => candidate.id === id);
  return org && service ? fullService(org, service, { serviceAtLocationId }) : null;
}

async function readServiceAtLocation({ id, baseUrl }: { id: string; baseUrl: string }) {
  const link = await db.serviceAtLocation.findFirst({ where: { ...publicServiceAtLocationWhere, id }, select: { serviceId: true } });
  return link ? readService({ id: link.serviceId, serviceAtLocationId: id, baseUrl }) : null;
}

async function readOrganizationsPage({ page, perPage, baseUrl, search }: Paging & { search?: string }) {
  const found = await searchedOrganizationIds(search);
  const { total, organizations } = await listHsdsOrganizations({ page, perPage, where: found ? { id: { in: found } } : {} });
  return hsdsPage(
    organizations.map((org) => organizationListItem(mapOrganizationToHsds(org, { baseUrl }))),
    { total, page, size: perPage },
  );
}

async function readOrganization({ id, baseUrl }: { id: string; baseUrl: string }) {
  const source = await getHsdsOrganization({ id });
  return source ? mapOrganizationToHsds(source, { baseUrl }) : null;
}

// The vocabularies are domain words, not records: all of them are public.
async function readTaxonomiesPage({ page, perPage, baseUrl, search }: Paging & { search?: string }) {
  const needle = search?.toLowerCase();
  const all = TAXONOMY_KINDS.map((kind) => mapTaxonomy(kind, { baseUrl })).filter(
    (taxonomy) => !needle || taxonomy.name.toLowerCase().includes(needle) || taxonomy.description.toLowerCase().includes(needle),
  );
  return hsdsPage(all.slice((page - 1) * perPage, page * perPage), { total: all.length, page, size: perPage });
}


async function readTaxonomyTermsPage({
  page,
  perPage,
  baseUrl,
  search,
  taxonomyId,
  parentId,
  topOnly,
}: Paging & { search?: string; taxonomyId?: string; parentId?: string; topOnly?: boolean }) {
  const conditions: Prisma.TaxonomyTermWhereInput[] = [];
  if (search) conditions.push({ OR: [{ label: { contains: search, mode: 'insensitive' } }, { slug: { contains: search.toLowerCase() } }] });
  if (taxonomyId) {
    const kind = kindOfTaxonomy(taxonomyId);
    conditions.push(kind ? { kind } : { id: { in: [] } });
  }
  if (parentId) conditions.push({ parentId });
  if (topOnly) conditions.push({ parentId: null });
  const where = { AND: conditions };
  const [total, terms] = await Promise.all([
    db.taxonomyTerm.count({ where }),
    db.taxonomyTerm.findMany({
      where,
      orderBy: [{ kind: 'asc' }, { sortOrder: 'asc' }, { slug: 'asc' }],
      skip: (page - 1) * perPage,
      take: perPage,
      select: termSelect,
    }),
  ]);
  return hsdsPage(terms.map((term) => mapTaxonomyTerm(term, { baseUrl })), { total, page, size: perPage });
}

async function readTaxonomyTerm({ id, baseUrl }: { id: string; baseUrl: string }) {
  const term = await db.taxonomyTerm.findUnique({ where: { id }, select: termSelect });
  return term ? mapTaxonomyTerm(term, { baseUrl }) : null;
}

async function readTaxonomy({ id, baseUrl }: { id: string; baseUrl: string }) {
  const kind = kindOfTaxonomy(id);
  return kind ? mapTaxonomy(kind, { baseUrl }) : null;
}

// Every public record, as the tables of the HSDS tabular data package.
async function readTables({ baseUrl }: { baseUrl: string }) {
  const organizations = [];
  for (let page = 1; ; page += 1) {
    const { total, organizations: batch } = await listHsdsOrganizations({ page, perPage: 100 });
    organizations.push(...batch.map((org) => mapOrganizationToHsds(org, { baseUrl })));
    if (page * 100 >= total) break;
  }
  const terms = await db.taxonomyTerm.findMany({ orderBy: [{ kind: 'asc' }, { sortOrder: 'asc' }, { slug: 'asc' }], select: termSelect });
  return toTables(organizations, {
    taxonomies: TAXONOMY_KINDS.map((kind) => mapTaxonomy(kind, { baseUrl })),
    terms: terms.map((term) => mapTaxonomyTerm(term, { baseUrl })),
  });
}

const cached = <Args, Result>(read: (args: Args) => Promise<Result>, key: string) =>
  cachedPublicRead(read, [`hsds-${key}`], [DIRECTORY_TAG]);

export const getHsdsServicesPage = cached(readServicesPage, 'services');
export const getHsdsService = cached(readService, 'service');
export const getHsdsServiceAtLocationsPage = cached(readServiceAtLocationsPage, 'service-at-locations');
export const getHsdsServiceAtLocation = cached(readServiceAtLocation, 'service-at-location');
export const getHsdsOrganizationsPage = cached(readOrganizationsPage, 'organizations');
export const getHsdsOrganizationObject = cached(readOrganization, 'organization');
export const getHsdsTaxonomiesPage = cached(readTaxonomiesPage, 'taxonomies');
export const getHsdsTaxonomy = cached(readTaxonomy, 'taxonomy');
export const getHsdsTaxonomyTermsPage = cached(readTaxonomyTermsPage, 'taxonomy-terms');
export const getHsdsTaxonomyTerm = cached(readTaxonomyTerm, 'taxonomy-term');
export const getHsdsTables = cached(readTables, 'tables');
