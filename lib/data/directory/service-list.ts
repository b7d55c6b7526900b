// Public services for the open JSON API (/api/v1/services): the services of the organizations the
// directory search finds (rank.ts, the one search), in the search's order. A topic or target group
// filter also narrows the services of a found organization to those that carry it (a topic of
// the organization itself counts for all its services).
import 'server-only';
import { DIRECTORY_TAG } from '@/lib/cache';
import { db } from '@/lib/db';
import type { Prisma } from '@/lib/generated/prisma/client';
import type { DirectoryQuery } from '@/lib/search/query';
import { cachedPublicRead } from '../public-cache';
import { loadTranslations, termSelect, toTerm, type LocalizedText, type TermDto } from '../translations';
import { publicLanguageOfferWhere, publicServiceAtLocationWhere, publicServiceWhere } from '../visibility';
import { searchOrganizationIds } from './rank';

// Far more than the directory holds: the search ranks, the list pages.
const SEARCH_LIMIT = 10_000;

export interface PublicServiceItem {
  id: string;
  name: LocalizedText;
  description: LocalizedText;
  organization: { slug: string; name: string };
  status: 'active' | 'temporarily_closed';
  minAge: number | null;
  maxAge: number | null;
  appointmentRequired: boolean;
  interpretationOffered: boolean;
  topics: TermDto[];
  targetGroups: TermDto[];
  languages: string[];
  towns: string[];
}

async function readServices({ query, locale, offset, limit }: { query: DirectoryQuery; locale: string; offset: number; limit: number }) {
  const { hits } = await searchOrganizationIds({ query: { ...query, page: 1 }, limit: SEARCH_LIMIT });
  const rank = new Map(hits.map((hit, index) => [hit.id, index]));
  const conditions: Prisma.ServiceWhereInput[] = [publicServiceWhere, { organizationId: { in: hits.map((hit) => hit.id) } }];
  if (query.topic) {
    conditions.push({
      OR: [
        { terms: { some: { term: { kind: 'TOPIC', slug: query.topic } } } },
        { organization: { topics: { some: { term: { kind: 'TOPIC', slug: query.topic } } } } },
      ],
    });
  }
  if (query.targetGroup) conditions.push({ terms: { some: { term: { kind: 'TARGET_GROUP', slug: query.targetGroup } } } });
  const rows = await db.service.findMany({
    where: { AND: conditions },
    orderBy: [{ sortOrder: 'asc' }, { name: 'asc' }, { id: 'asc' }],
    select: {
      id: true,
      name: true,
      description: true,
      status: true,
      minAge: true,
      maxAge: true,
      appointmentRequired: true,
      interpretationOffered: true,
      organizationId: true,
      organization: { select: { slug: true, name: true } },
      terms: { select: { term: { select: termSelect } } },
      languageOffers: { where: publicLanguageOfferWhere, select: { languageCode: true } },
      locations: { where: publicServiceAtLocationWhere, select: { location: { select: { municipality: true } } } },
    },
  });
  // The search's order of organizations, then the organization's own order of services.
  const sorted = rows
    .map((row, index) => ({ row, index }))
    .sort((a, b) => rank.get(a.row.organizationId)! - rank.get(b.row.organizationId)! || a.index - b.index)
    .map(({ row }) => row);
  const page = sorted.slice(offset, offset + limit);
  const t = await loadTranslations({ locale, entities: [{ type: 'SERVICE', ids: page.map((row) => row.id) }] });
  const items = page.map(
    (row): PublicServiceItem => ({
      id: row.id,
      name: t(row.id, 'name', row.name),
      description: t(row.id, 'description', row.description),
      organization: row.organization,
      status: row.status === 'ACTIVE' ? 'active' : 'temporarily_closed',
      minAge: row.minAge,
      maxAge: row.maxAge,
      appointmentRequired: row.appointmentRequired,
      interpretationOffered: row.interpretationOffered,
      topics: row.terms.filter((link) => link.term.kind === 'TOPIC').map((link) => toTerm(link.term, locale)),
      targetGroups: row.terms.filter((link) => link.term.kind === 'TARGET_GROUP').map((link) => toTerm(link.term, locale)),
      languages: [...new Set(row.languageOffers.map((offer) => offer.languageCode))].sort(),
      towns: [...new Set(row.locations.map((link) => link.location.municipality).filter((town): town is string => Boolean(town)))],
    }),
  );
  return { total: sorted.length, items };
}

// "open now" changes by the minute: the search decides it from the time of the request.
const readCached = cachedPublicRead(readServices, ['api-services'], [DIRECTORY_TAG]);

export async function listPublicServices(args: { query: DirectoryQuery; locale: string; offset: number; limit: number }) {
  return args.query.openNow ? readServices(args) : readCached(args);
}
