// Public reads of organizations. Every query starts from lib/data/visibility.ts; results are DTOs
// (plain JSON, dates as ISO strings) so they can be cached and tagged (lib/data/public-cache.ts).
import 'server-only';
import { DIRECTORY_TAG, organizationTag } from '@/lib/cache';
import { db } from '@/lib/db';
import type { Prisma } from '@/lib/generated/prisma/client';
import { readKeywords } from '@/lib/schemas/keywords';
import { cachedPublicRead } from './public-cache';
import { loadTranslations, termSelect, toTerm, type LocalizedText, type TranslationLookup } from './translations';
import { publicContactWhere, publicOrganizationWhere, publicRules, publicScheduleExceptionWhere, type VisibilityRules } from './visibility';
import { contactFieldsSelect, exceptionFieldsSelect, locationFieldsSelect, scheduleFieldsSelect, serviceFieldsSelect, toExceptionDto, toScheduleDto } from './field-selects';

const iso = (value: Date | null | undefined) => (value ? value.toISOString() : null);

// Exceptions that ended more than two days ago change nothing a visitor sees.
export function currentExceptionWhere(visible: VisibilityRules['scheduleException'] = publicScheduleExceptionWhere) {
  return { AND: [visible, { endsOn: { gte: new Date(Date.now() - 2 * 24 * 3600 * 1000) } }] };
}

// ---------------------------------------------------------------------------------------------
// Actor page

const contactSelect = (rules: VisibilityRules) =>
  ({
    ...contactFieldsSelect,
    serviceId: true,
    languageOffers: { where: rules.languageOffer, select: { languageCode: true, note: true, schedule: true } },
  }) as const;

interface LanguageOfferDto {
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

// What a card and a page both show of an organization.
export const organizationSummarySelect = {
  id: true,
  slug: true,
  name: true,
  shortName: true,
  description: true,
  category: { select: termSelect },
  topics: { select: { term: { select: termSelect } } },
} as const;

// `where` picks the organization, `rules` what is shown below it: the public rules, or for the
// preview of an unpublished entry the same rules for that organization (lib/data/organization-preview.ts).
export async function readOrganizationPage(where: Prisma.OrganizationWhereInput, locale: string, rules: VisibilityRules = publicRules) {
  const row = await db.organization.findFirst({
    where,
    select: {
      ...organizationSummarySelect,
      website: true,
      email: true,
      phone: true,
      isCoordinationOffice: true,
      lastVerifiedAt: true,
      updatedAt: true,
      parentId: true,
      keywords: true,
      services: {
        where: rules.service,
        orderBy: [{ sortOrder: 'asc' }, { name: 'asc' }],
        select: {
          ...serviceFieldsSelect,
          terms: { select: { term: { select: termSelect } } },
          languageOffers: { where: rules.languageOffer, select: { languageCode: true, note: true, schedule: true } },
          locations: { where: { location: rules.location }, select: { locationId: true, note: true } },
        },
      },
      locations: {
        where: rules.location,
        orderBy: [{ sortOrder: 'asc' }],
        select: {
          ...locationFieldsSelect,
        },
      },
      contacts: { where: rules.contact, orderBy: [{ sortOrder: 'asc' }], select: contactSelect(rules) },
      languageOffers: {
        where: { AND: [rules.languageOffer, { contactPersonId: null, serviceId: null }] },
        select: { languageCode: true, note: true, schedule: true },
      },
      schedules: {
        where: rules.openingSchedule,
        orderBy: [{ weekday: 'asc' }, { opensAt: 'asc' }],
        select: { ...scheduleFieldsSelect, id: true, note: true },
      },
      scheduleExceptions: { where: currentExceptionWhere(rules.scheduleException), orderBy: [{ startsOn: 'asc' }], select: exceptionFieldsSelect },
    },
  });
  if (!row) return null;
  // The parent is named only while it is public itself.
  const parent = row.parentId
    ? await db.organization.findFirst({ where: { ...publicOrganizationWhere, id: row.parentId }, select: { slug: true, name: true } })
    : null;
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
    // Suchbegriffe per language, as entered (public: they say what the entry is about).
    keywords: readKeywords(row.keywords),
    isCoordinationOffice: row.isCoordinationOffice,
    lastVerifiedAt: iso(row.lastVerifiedAt),
    updatedAt: iso(row.updatedAt)!,
    parent,
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

// Cached with the entry's tag and its parent's (the page names the parent while it is public); an
// unknown slug with the directory tag, since it becomes an entry when one is published.
const readPublicOrganizationPage = cachedPublicRead(
  async ({ slug, locale }: { slug: string; locale: string }) => {
    const page = await readOrganizationPage({ ...publicOrganizationWhere, slug }, locale);
    if (!page) return null;
    const row = await db.organization.findUnique({ where: { id: page.id }, select: { parentId: true } });
    return { page, tags: [page.id, row?.parentId].filter((id): id is string => Boolean(id)).map(organizationTag) };
  },
  ['organization-page'],
  (result) => result?.tags ?? [DIRECTORY_TAG],
);

export async function getPublicOrganizationPage(args: { slug: string; locale: string }): Promise<PublicOrganizationPage | null> {
  return (await readPublicOrganizationPage(args))?.page ?? null;
}

// A renamed organization's old slug: the current slug, when that organization is public.
export const resolveSlugRedirect = cachedPublicRead(
  async ({ slug }: { slug: string }) => {
    const redirect = await db.slugRedirect.findFirst({
      where: { slug, organization: publicOrganizationWhere },
      select: { organization: { select: { slug: true } } },
    });
    return redirect?.organization.slug ?? null;
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
        contacts: { where: publicContactWhere, orderBy: [{ sortOrder: 'asc' }], select: contactSelect(publicRules) },
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
    where: { AND: [publicContactWhere, { id: contactId, organization: { slug } }] },
    select: {
      ...contactFieldsSelect,
      languageOffers: { where: publicRules.languageOffer, select: { languageCode: true } },
      organization: {
        select: {
          name: true,
          website: true,
          locations: {
            where: publicRules.location,
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
