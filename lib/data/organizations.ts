// Public reads of organizations. Every query starts from lib/data/visibility.ts; results are DTOs
// (plain JSON, dates as ISO strings) so they can be cached and tagged (lib/data/public-cache.ts).
import 'server-only';
import { DIRECTORY_TAG } from '@/lib/cache';
import { db } from '@/lib/db';
import { cachedPublicRead } from './public-cache';
import { labelFor, loadTranslations, type LocalizedText, type TranslationLookup } from './translations';
import { publicContactWhere, publicLocationWhere, publicOrganizationWhere, publicServiceWhere } from './visibility';
import { locationFieldsSelect, serviceFieldsSelect } from './field-selects';

export const termSelect = { id: true, slug: true, kind: true, label: true, labels: true } as const;

interface TermRow {
  slug: string;
  label: string;
  labels: unknown;
}

export interface TermDto {
  slug: string;
  label: string;
}

export function toTerm(term: TermRow, locale: string): TermDto {
  return { slug: term.slug, label: labelFor(term.label, term.labels, locale) };
}

const iso = (value: Date | null | undefined) => (value ? value.toISOString() : null);
const isoDate = (value: Date | null | undefined) => (value ? value.toISOString().slice(0, 10) : null);

// A language offer is public when it belongs to the organization, a live service or a public contact.
export const publicLanguageOfferWhere = {
  AND: [
    { OR: [{ contactPersonId: null }, { contactPerson: publicContactWhere }] },
    { OR: [{ serviceId: null }, { service: publicServiceWhere }] },
  ],
};

export const scheduleSelect = {
  serviceId: true,
  locationId: true,
  weekday: true,
  opensAt: true,
  closesAt: true,
  appointmentOnly: true,
  validFrom: true,
  validTo: true,
} as const;

// Schedules of deleted or temporarily closed services and of deleted locations do not count.
export const publicScheduleWhere = {
  AND: [
    { OR: [{ serviceId: null }, { service: { ...publicServiceWhere, status: 'ACTIVE' as const } }] },
    { OR: [{ locationId: null }, { location: publicLocationWhere }] },
  ],
};

export function exceptionWindow() {
  return { endsOn: { gte: new Date(Date.now() - 2 * 24 * 3600 * 1000) } };
}

export interface ScheduleDto {
  serviceId: string | null;
  locationId: string | null;
  weekday: number;
  opensAt: number;
  closesAt: number;
  appointmentOnly: boolean;
  validFrom: string | null;
  validTo: string | null;
}

export interface ExceptionDto {
  locationId: string | null;
  startsOn: string;
  endsOn: string;
  isClosed: boolean;
  opensAt: number | null;
  closesAt: number | null;
  note: string | null;
}

type ScheduleRow = {
  serviceId: string | null;
  locationId: string | null;
  weekday: number;
  opensAt: number;
  closesAt: number;
  appointmentOnly: boolean;
  validFrom: Date | null;
  validTo: Date | null;
};

export function toScheduleDto(row: ScheduleRow): ScheduleDto {
  return { ...row, validFrom: isoDate(row.validFrom), validTo: isoDate(row.validTo) };
}

type ExceptionRow = {
  locationId: string | null;
  startsOn: Date;
  endsOn: Date;
  isClosed: boolean;
  opensAt: number | null;
  closesAt: number | null;
  note: string | null;
};

export function toExceptionDto(row: ExceptionRow): ExceptionDto {
  return { ...row, startsOn: isoDate(row.startsOn)!, endsOn: isoDate(row.endsOn)! };
}

// ---------------------------------------------------------------------------------------------
// Directory cards

export interface OrganizationCard {
  id: string;
  slug: string;
  name: LocalizedText;
  shortName: string | null;
  description: LocalizedText;
  category: TermDto | null;
  topics: TermDto[];
  municipalities: string[];
  languageCodes: string[];
  hasWheelchairAccess: boolean;
  schedules: ScheduleDto[];
  exceptions: ExceptionDto[];
}

async function readCards(ids: string[], locale: string): Promise<OrganizationCard[]> {
  if (ids.length === 0) return [];
  const rows = await db.organization.findMany({
    where: { ...publicOrganizationWhere, id: { in: ids } },
    select: {
      id: true,
      slug: true,
      name: true,
      shortName: true,
      description: true,
      category: { select: termSelect },
      topics: { select: { term: { select: termSelect } } },
      locations: { where: publicLocationWhere, select: { municipality: true, wheelchairAccessible: true } },
      languageOffers: { where: publicLanguageOfferWhere, select: { languageCode: true } },
      schedules: { where: publicScheduleWhere, select: scheduleSelect },
      scheduleExceptions: {
        where: exceptionWindow(),
        select: { locationId: true, startsOn: true, endsOn: true, isClosed: true, opensAt: true, closesAt: true, note: true },
      },
    },
  });
  const t = await loadTranslations({ locale, entities: [{ type: 'ORGANIZATION', ids }] });
  const byId = new Map(rows.map((row) => [row.id, row]));
  return ids.flatMap((id) => {
    const row = byId.get(id);
    if (!row) return [];
    return [
      {
        id: row.id,
        slug: row.slug,
        name: t(row.id, 'name', row.name),
        shortName: row.shortName,
        description: t(row.id, 'description', row.description),
        category: row.category ? toTerm(row.category, locale) : null,
        topics: row.topics.map((topic) => toTerm(topic.term, locale)),
        municipalities: [...new Set(row.locations.map((l) => l.municipality).filter((m): m is string => Boolean(m)))],
        languageCodes: [...new Set(row.languageOffers.map((offer) => offer.languageCode))].sort(),
        hasWheelchairAccess: row.locations.some((l) => l.wheelchairAccessible === true),
        schedules: row.schedules.map(toScheduleDto),
        exceptions: row.scheduleExceptions.map(toExceptionDto),
      },
    ];
  });
}

export const getOrganizationCards = cachedPublicRead(
  async ({ ids, locale }: { ids: string[]; locale: string }) => readCards(ids, locale),
  ['organization-cards'],
  [DIRECTORY_TAG],
);

// ---------------------------------------------------------------------------------------------
// Actor page

const publicContactSelect = {
  id: true,
  role: true,
  name: true,
  email: true,
  phone: true,
  mobile: true,
  serviceId: true,
  languageOffers: { select: { languageCode: true, note: true, schedule: true } },
} as const;

export interface LanguageOfferDto {
  languageCode: string;
  note: string | null;
  schedule: string | null;
}

export interface ContactDto {
  id: string;
  role: LocalizedText;
  name: string | null;
  email: string | null;
  phone: string | null;
  mobile: string | null;
  serviceId: string | null;
  languages: LanguageOfferDto[];
}

type ContactRow = Omit<ContactDto, 'role' | 'languages'> & { role: string; languageOffers: ContactDto['languages'] };

function toContactDto(contact: ContactRow, t: TranslationLookup): ContactDto {
  return {
    id: contact.id,
    role: t(contact.id, 'role', contact.role),
    name: contact.name,
    email: contact.email,
    phone: contact.phone,
    mobile: contact.mobile,
    serviceId: contact.serviceId,
    languages: contact.languageOffers,
  };
}

async function readOrganizationPage(slug: string, locale: string) {
  const row = await db.organization.findFirst({
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
      parent: { select: { slug: true, name: true, status: true, deletedAt: true } },
      category: { select: termSelect },
      topics: { select: { term: { select: termSelect } } },
      services: {
        where: publicServiceWhere,
        orderBy: [{ sortOrder: 'asc' }, { name: 'asc' }],
        select: {
          ...serviceFieldsSelect,
          terms: { select: { term: { select: termSelect } } },
          languageOffers: { select: { languageCode: true, note: true, schedule: true } },
          locations: { where: { location: publicLocationWhere }, select: { locationId: true, note: true } },
        },
      },
      locations: {
        where: publicLocationWhere,
        orderBy: [{ sortOrder: 'asc' }],
        select: {
          ...locationFieldsSelect,
        },
      },
      contacts: { where: publicContactWhere, orderBy: [{ sortOrder: 'asc' }], select: publicContactSelect },
      languageOffers: {
        where: { contactPersonId: null, serviceId: null },
        select: { languageCode: true, note: true, schedule: true },
      },
      schedules: {
        where: publicScheduleWhere,
        orderBy: [{ weekday: 'asc' }, { opensAt: 'asc' }],
        select: { ...scheduleSelect, id: true, note: true },
      },
      scheduleExceptions: {
        where: exceptionWindow(),
        orderBy: [{ startsOn: 'asc' }],
        select: { locationId: true, startsOn: true, endsOn: true, isClosed: true, opensAt: true, closesAt: true, note: true },
      },
    },
  });
  if (!row) return null;
  const t = await loadTranslations({
    locale,
    entities: [
      { type: 'ORGANIZATION', ids: [row.id] },
      { type: 'SERVICE', ids: row.services.map((s) => s.id) },
      { type: 'LOCATION', ids: row.locations.map((l) => l.id) },
      { type: 'CONTACT_PERSON', ids: row.contacts.map((c) => c.id) },
      { type: 'SCHEDULE', ids: row.schedules.map((s) => s.id) },
    ],
  });
  const optional = (id: string, field: string, value: string | null) => (value ? t(id, field, value) : null);
  return {
    id: row.id,
    slug: row.slug,
    name: t(row.id, 'name', row.name),
    shortName: row.shortName,
    description: t(row.id, 'description', row.description),
    website: row.website,
    email: row.email,
    phone: row.phone,
    isCoordinationOffice: row.isCoordinationOffice,
    lastVerifiedAt: iso(row.lastVerifiedAt),
    updatedAt: iso(row.updatedAt)!,
    parent:
      row.parent && row.parent.status === 'PUBLISHED' && row.parent.deletedAt === null
        ? { slug: row.parent.slug, name: row.parent.name }
        : null,
    category: row.category ? toTerm(row.category, locale) : null,
    topics: row.topics.map((topic) => toTerm(topic.term, locale)),
    services: row.services.map((service) => ({
      id: service.id,
      name: t(service.id, 'name', service.name),
      description: t(service.id, 'description', service.description),
      minAge: service.minAge,
      maxAge: service.maxAge,
      eligibility: optional(service.id, 'eligibility', service.eligibility),
      cost: optional(service.id, 'cost', service.cost),
      howToApply: optional(service.id, 'howToApply', service.howToApply),
      appointmentRequired: service.appointmentRequired,
      interpretationOffered: service.interpretationOffered,
      isTemporarilyClosed: service.status === 'TEMPORARILY_CLOSED',
      alertText: optional(service.id, 'alertText', service.alertText),
      topics: service.terms.filter((st) => st.term.kind === 'TOPIC').map((st) => toTerm(st.term, locale)),
      targetGroups: service.terms.filter((st) => st.term.kind === 'TARGET_GROUP').map((st) => toTerm(st.term, locale)),
      languages: service.languageOffers,
      locationIds: service.locations.map((sal) => sal.locationId),
    })),
    locations: row.locations.map((location) => ({
      ...location,
      accessibilityNote: optional(location.id, 'accessibilityNote', location.accessibilityNote),
      transportNote: optional(location.id, 'transportNote', location.transportNote),
    })),
    contacts: row.contacts.map((contact) => toContactDto(contact, t)),
    languages: row.languageOffers,
    schedules: row.schedules.map((schedule) => ({
      ...toScheduleDto(schedule),
      note: optional(schedule.id, 'note', schedule.note),
    })),
    exceptions: row.scheduleExceptions.map(toExceptionDto),
  };
}

export type PublicOrganizationPage = NonNullable<Awaited<ReturnType<typeof readOrganizationPage>>>;

export const getPublicOrganizationPage = cachedPublicRead(
  async ({ slug, locale }: { slug: string; locale: string }) => readOrganizationPage(slug, locale),
  ['organization-page'],
  [DIRECTORY_TAG],
);

// A renamed organization's old slug: the current slug, when that organization is public.
export const resolveSlugRedirect = cachedPublicRead(
  async ({ slug }: { slug: string }) => {
    const redirect = await db.slugRedirect.findUnique({
      where: { slug },
      select: { organization: { select: { slug: true, status: true, deletedAt: true } } },
    });
    const org = redirect?.organization;
    return org && org.status === 'PUBLISHED' && org.deletedAt === null ? org.slug : null;
  },
  ['slug-redirect'],
  [DIRECTORY_TAG],
);

// ---------------------------------------------------------------------------------------------
// Coordination office, sitemap, vCard

export const getCoordinationOffice = cachedPublicRead(
  async ({ locale }: { locale: string }) => {
    const row = await db.organization.findFirst({
      where: { ...publicOrganizationWhere, isCoordinationOffice: true },
      select: {
        id: true,
        slug: true,
        name: true,
        shortName: true,
        email: true,
        phone: true,
        contacts: { where: publicContactWhere, orderBy: [{ sortOrder: 'asc' }], select: publicContactSelect },
      },
    });
    if (!row) return null;
    const t = await loadTranslations({ locale, entities: [{ type: 'CONTACT_PERSON', ids: row.contacts.map((c) => c.id) }] });
    return {
      slug: row.slug,
      name: row.name,
      shortName: row.shortName,
      email: row.email,
      phone: row.phone,
      contacts: row.contacts.map((contact) => toContactDto(contact, t)),
    };
  },
  ['coordination-office'],
  [DIRECTORY_TAG],
);

export type CoordinationOffice = NonNullable<Awaited<ReturnType<typeof getCoordinationOffice>>>;

// The printed guide's read (listWegweiserEntries) lives in ./wegweiser.ts.

export const listSitemapOrganizations = cachedPublicRead(
  async () => {
    const rows = await db.organization.findMany({
      where: publicOrganizationWhere,
      orderBy: [{ sortOrder: 'asc' }, { name: 'asc' }],
      select: { slug: true, updatedAt: true },
    });
    return rows.map((row) => ({ slug: row.slug, updatedAt: row.updatedAt.toISOString() }));
  },
  ['sitemap-organizations'],
  [DIRECTORY_TAG],
);

// One public contact of one public organization, for its vCard.
export async function getPublicContactCard({ slug, contactId }: { slug: string; contactId: string }) {
  if (!/^[0-9a-f-]{36}$/i.test(contactId)) return null;
  const contact = await db.contactPerson.findFirst({
    where: { ...publicContactWhere, id: contactId, organization: { ...publicOrganizationWhere, slug } },
    select: {
      id: true,
      role: true,
      name: true,
      email: true,
      phone: true,
      mobile: true,
      languageOffers: { select: { languageCode: true } },
      organization: {
        select: {
          name: true,
          website: true,
          locations: {
            where: publicLocationWhere,
            orderBy: [{ sortOrder: 'asc' }],
            take: 1,
            select: { street: true, postalCode: true, city: true },
          },
        },
      },
    },
  });
  return contact;
}

// Names of a few public organizations for typeahead suggestions, in the given order.
export async function getOrganizationNames({ ids, locale }: { ids: string[]; locale: string }) {
  const cards = await getOrganizationCards({ ids, locale });
  return cards.map((card) => ({ slug: card.slug, name: card.name.value, shortName: card.shortName }));
}
