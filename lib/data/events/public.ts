// Public reads of events. The list is cached per Berlin day (every public event that ends today
// or later, tagged `events`, the directory and each organizer) and filtered against the clock on
// every call, so a cached copy never shows an event that is over: past events drop out of the
// list by the minute without any write expiring the cache, and the next day's first request reads
// afresh. A single event's page stays reachable after the event (with a note), the lists do not.
import 'server-only';
import { DIRECTORY_TAG, ENTRIES_TAG, organizationTag } from '@/lib/cache';
import { db } from '@/lib/db';
import { berlinLocalToUtc, utcToBerlinLocal } from '@/lib/format/berlin-time';
import type { Prisma } from '@/lib/generated/prisma/client';
import { cachedPublicRead } from '../public-cache';
import { loadTranslations, termSelect, toTerm, type LocalizedText, type TermDto } from '../translations';
import { publicLocationWhere } from '../visibility';
import { EVENTS_TAG } from '../projects/tags';
import { publicEventWhere } from '../projects/visibility';

export interface PublicEvent {
  id: string;
  slug: string;
  title: LocalizedText;
  description: LocalizedText;
  // ISO instants (UTC).
  startsAt: string;
  endsAt: string | null;
  isCancelled: boolean;
  organizer: { id: string; slug: string; name: string; website: string | null };
  // A directory location, or the free text; null when only online.
  place: { name: string | null; street: string | null; postalCode: string | null; city: string | null } | null;
  town: string | null;
  onlineUrl: string | null;
  languageCodes: string[];
  isFree: boolean;
  cost: LocalizedText | null;
  registration: { required: boolean; info: LocalizedText | null; url: string | null; until: string | null };
  topics: (TermDto & { kind: 'TOPIC' | 'TARGET_GROUP' })[];
  updatedAt: string;
  // Raised by every edit: the iCal SEQUENCE.
  version: number;
}

const eventSelect = {
  id: true, slug: true, title: true, description: true, startsAt: true, endsAt: true, isCancelled: true, placeName: true, placeAddress: true, town: true,
  onlineUrl: true, languageCodes: true, isFree: true, cost: true, registrationRequired: true, registrationInfo: true, registrationUrl: true,
  registrationUntil: true, updatedAt: true, version: true,
  organizer: { select: { id: true, slug: true, name: true, website: true } },
  location: { where: publicLocationWhere, select: { name: true, street: true, postalCode: true, city: true, municipality: true } },
  terms: { select: { term: { select: termSelect } } },
} satisfies Prisma.EventSelect;

type EventRow = Prisma.EventGetPayload<{ select: typeof eventSelect }>;

async function toEvents(rows: EventRow[], locale: string): Promise<PublicEvent[]> {
  const t = await loadTranslations({ locale, entities: [{ type: 'EVENT', ids: rows.map((r) => r.id) }] });
  return rows.map((row) => {
    const location = row.location;
    const place = location
      ? { name: location.name, street: location.street, postalCode: location.postalCode, city: location.city }
      : row.placeName
        ? { name: row.placeName, street: row.placeAddress, postalCode: null, city: row.town }
        : null;
    return {
      id: row.id,
      slug: row.slug,
      title: t(row.id, 'title', row.title),
      description: t(row.id, 'description', row.description),
      startsAt: row.startsAt.toISOString(),
      endsAt: row.endsAt?.toISOString() ?? null,
      isCancelled: row.isCancelled,
      organizer: row.organizer,
      place,
      town: location ? location.municipality ?? location.city : row.town,
      onlineUrl: row.onlineUrl,
      languageCodes: row.languageCodes,
      isFree: row.isFree,
      cost: row.cost ? t(row.id, 'cost', row.cost) : null,
      registration: {
        required: row.registrationRequired,
        info: row.registrationInfo ? t(row.id, 'registrationInfo', row.registrationInfo) : null,
        url: row.registrationUrl,
        until: row.registrationUntil?.toISOString() ?? null,
      },
      topics: row.terms
        .map((link) => ({ ...toTerm(link.term, locale), kind: link.term.kind as 'TOPIC' | 'TARGET_GROUP' }))
        .sort((a, b) => a.label.localeCompare(b.label)),
      updatedAt: row.updatedAt.toISOString(),
      version: row.version,
    };
  });
}

// Events and the organizers they name; not the whole directory, so that an edit to one entry does
// not expire every actor page (issue 12). A list is also tagged with the organizers of published
// events it leaves out (a hidden organizer that becomes public expires its own tag).
const tagsOf = (events: PublicEvent[], organizerIds: string[] = []) => [EVENTS_TAG, ENTRIES_TAG, ...new Set([...events.map((e) => e.organizer.id), ...organizerIds].map(organizationTag))];

// Every public event that ends (or, without an end, starts) on or after `fromDay` (Berlin).
const readEventsFrom = cachedPublicRead(
  async ({ locale, fromDay }: { locale: string; fromDay: string }) => {
    const from = berlinLocalToUtc(`${fromDay}T00:00`) ?? new Date();
    const rows = await db.event.findMany({
      where: { ...publicEventWhere, OR: [{ endsAt: { gte: from } }, { endsAt: null, startsAt: { gte: from } }] },
      orderBy: [{ startsAt: 'asc' }, { title: 'asc' }],
      select: eventSelect,
    });
    const events = await toEvents(rows, locale);
    const organizers = await db.event.findMany({
      where: { isPublished: true, deletedAt: null, OR: [{ endsAt: { gte: from } }, { endsAt: null, startsAt: { gte: from } }] },
      distinct: ['organizerId'],
      select: { organizerId: true },
    });
    return { events, tags: tagsOf(events, organizers.map((o) => o.organizerId)) };
  },
  ['public-events'],
  (result) => result.tags,
);

/** The end that decides whether an event is over: its end, else its start. */
const endOf = (event: Pick<PublicEvent, 'startsAt' | 'endsAt'>) => new Date(event.endsAt ?? event.startsAt);

/** Public events not yet over at `now`, soonest first. */
export async function listUpcomingEvents({ locale, now = new Date() }: { locale: string; now?: Date }): Promise<PublicEvent[]> {
  const { events } = await readEventsFrom({ locale, fromDay: utcToBerlinLocal(now).slice(0, 10) });
  return events.filter((event) => endOf(event) >= now);
}

/** Public events of the iCal feed: upcoming ones and those of the last `pastDays` days (so that a subscribed calendar keeps them). */
export async function listFeedEvents({ locale, now = new Date(), pastDays = 90 }: { locale: string; now?: Date; pastDays?: number }): Promise<PublicEvent[]> {
  const from = new Date(now.getTime() - pastDays * 86_400_000);
  const { events } = await readEventsFrom({ locale, fromDay: utcToBerlinLocal(from).slice(0, 10) });
  return events;
}

export function isOver(event: Pick<PublicEvent, 'startsAt' | 'endsAt'>, now = new Date()): boolean {
  return endOf(event) < now;
}

export const getPublicEvent = cachedPublicRead(
  async ({ slug, locale }: { slug: string; locale: string }) => {
    const row = await db.event.findFirst({ where: { ...publicEventWhere, slug }, select: eventSelect });
    if (!row) return { event: null, tags: [EVENTS_TAG, DIRECTORY_TAG] };
    const [event] = await toEvents([row], locale);
    return { event, tags: tagsOf([event]) };
  },
  ['public-event'],
  (result) => result.tags,
);

/** An organizer's upcoming events (its actor page). */
export async function listOrganizationEvents({ organizationId, locale, now = new Date() }: { organizationId: string; locale: string; now?: Date }): Promise<PublicEvent[]> {
  return (await listUpcomingEvents({ locale, now })).filter((event) => event.organizer.id === organizationId);
}

// ---------------------------------------------------------------------------------------------
// Filters of /veranstaltungen: topic (or target group), language, town; counted, empty ones left out.

export interface EventFilters {
  thema?: string;
  sprache?: string;
  ort?: string;
}

type FilterKey = keyof EventFilters;

const townKey = (town: string) => town.trim().toLocaleLowerCase('de');

function matches(event: PublicEvent, filters: EventFilters, except?: FilterKey): boolean {
  if (except !== 'thema' && filters.thema && !event.topics.some((t) => t.slug === filters.thema)) return false;
  if (except !== 'sprache' && filters.sprache && !event.languageCodes.includes(filters.sprache)) return false;
  if (except !== 'ort' && filters.ort && (!event.town || townKey(event.town) !== townKey(filters.ort))) return false;
  return true;
}

export interface EventFacetOption {
  value: string;
  label: string;
  count: number;
}

function facet(events: PublicEvent[], filters: EventFilters, key: FilterKey, valuesOf: (e: PublicEvent) => { value: string; label: string }[]): EventFacetOption[] {
  const counts = new Map<string, EventFacetOption>();
  for (const event of events) {
    if (!matches(event, filters, key)) continue;
    for (const option of valuesOf(event)) {
      const found = counts.get(option.value) ?? { ...option, count: 0 };
      found.count++;
      counts.set(option.value, found);
    }
  }
  return [...counts.values()].sort((a, b) => a.label.localeCompare(b.label));
}

export function filterEvents(events: PublicEvent[], filters: EventFilters, languageName: (code: string) => string) {
  return {
    events: events.filter((event) => matches(event, filters)),
    facets: {
      thema: facet(events, filters, 'thema', (e) => e.topics.map((t) => ({ value: t.slug, label: t.label }))),
      sprache: facet(events, filters, 'sprache', (e) => e.languageCodes.map((code) => ({ value: code, label: languageName(code) }))),
      ort: facet(events, filters, 'ort', (e) => (e.town ? [{ value: townKey(e.town), label: e.town }] : [])),
    },
  };
}
