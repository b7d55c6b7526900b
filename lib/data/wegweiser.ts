// The printed guide (Wegweiser): every public organization with what a sheet of paper needs —
// address, consultation hours, languages, phone, e-mail, web address and public contacts — in
// directory order. Visibility comes from ./visibility.ts and the opening-hours rule
// (openingScheduleWhere, the same one the actor page uses).
import 'server-only';
import { DIRECTORY_TAG } from '@/lib/cache';
import { db } from '@/lib/db';
import type { ExceptionDto, ScheduleDto } from '@/lib/schedule/open-status';
import { exceptionFieldsSelect, scheduleFieldsSelect, toExceptionDto, toScheduleDto } from './field-selects';
import { currentExceptionWhere } from './organizations';
import { cachedPublicRead } from './public-cache';
import { loadTranslations, termSelect, toTerm, type LocalizedText, type TermDto } from './translations';
import { openingScheduleWhere, publicContactWhere, publicLanguageOfferWhere, publicLocationWhere, publicOrganizationWhere } from './visibility';

export interface WegweiserEntry {
  id: string;
  slug: string;
  name: LocalizedText;
  description: LocalizedText;
  website: string | null;
  email: string | null;
  phone: string | null;
  topics: TermDto[];
  locations: { id: string; name: string | null; street: string | null; postalCode: string | null; city: string | null }[];
  schedules: (ScheduleDto & { note: LocalizedText | null })[];
  exceptions: ExceptionDto[];
  contacts: { id: string; role: LocalizedText; name: string | null; phone: string | null; email: string | null }[];
  languageCodes: string[];
  /** When the entry was last changed (ISO): the guide's "as of" date is the newest of them. */
  updatedAt: string;
}

async function readEntries(locale: string): Promise<WegweiserEntry[]> {
  const rows = await db.organization.findMany({
    where: publicOrganizationWhere,
    orderBy: [{ sortOrder: 'asc' }, { name: 'asc' }],
    select: {
      id: true,
      slug: true,
      name: true,
      description: true,
      website: true,
      email: true,
      phone: true,
      updatedAt: true,
      topics: { select: { term: { select: termSelect } } },
      locations: {
        where: publicLocationWhere,
        orderBy: [{ sortOrder: 'asc' }],
        select: { id: true, name: true, street: true, postalCode: true, city: true },
      },
      schedules: {
        where: openingScheduleWhere,
        orderBy: [{ weekday: 'asc' }, { opensAt: 'asc' }],
        select: { ...scheduleFieldsSelect, id: true, note: true },
      },
      scheduleExceptions: {
        where: currentExceptionWhere(),
        orderBy: [{ startsOn: 'asc' }],
        select: exceptionFieldsSelect,
      },
      contacts: {
        where: publicContactWhere,
        orderBy: [{ sortOrder: 'asc' }],
        select: { id: true, role: true, name: true, phone: true, email: true },
      },
      languageOffers: { where: publicLanguageOfferWhere, select: { languageCode: true } },
    },
  });
  const t = await loadTranslations({
    locale,
    entities: [
      { type: 'ORGANIZATION', ids: rows.map((r) => r.id) },
      { type: 'CONTACT_PERSON', ids: rows.flatMap((r) => r.contacts.map((c) => c.id)) },
      { type: 'SCHEDULE', ids: rows.flatMap((r) => r.schedules.map((s) => s.id)) },
    ],
  });
  return rows.map((row) => ({
    id: row.id,
    slug: row.slug,
    name: t(row.id, 'name', row.name),
    description: t(row.id, 'description', row.description),
    website: row.website,
    email: row.email,
    phone: row.phone,
    topics: row.topics.map((topic) => toTerm(topic.term, locale)),
    locations: row.locations.filter((l) => l.street || l.city),
    schedules: row.schedules.map(({ id, note, ...schedule }) => ({
      ...toScheduleDto(schedule),
      note: note ? t(id, 'note', note) : null,
    })),
    exceptions: row.scheduleExceptions.map(toExceptionDto),
    contacts: row.contacts.map((c) => ({ ...c, role: t(c.id, 'role', c.role) })),
    languageCodes: [...new Set(row.languageOffers.map((o) => o.languageCode))].sort(),
    updatedAt: row.updatedAt.toISOString(),
  }));
}

export const listWegweiserEntries = cachedPublicRead(
  async ({ locale }: { locale: string }) => readEntries(locale),
  ['wegweiser'],
  [DIRECTORY_TAG],
);
