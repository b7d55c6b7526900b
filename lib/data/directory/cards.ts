// The directory's result cards: what a list of public organizations shows (cached by id list and
// locale; the ranking SQL in rank.ts decides which ids and in what order).
import 'server-only';
import { DIRECTORY_TAG } from '@/lib/cache';
import { db } from '@/lib/db';
import type { ExceptionDto, ScheduleDto } from '@/lib/schedule/open-status';
import { exceptionFieldsSelect, scheduleFieldsSelect, toExceptionDto, toScheduleDto } from '../field-selects';
import { currentExceptionWhere, organizationSummarySelect } from '../organizations';
import { cachedPublicRead } from '../public-cache';
import { loadTranslations, toTerm, type LocalizedText, type TermDto } from '../translations';
import { openingScheduleWhere, publicLanguageOfferWhere, publicLocationWhere, publicOrganizationWhere } from '../visibility';

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
      ...organizationSummarySelect,
      locations: { where: publicLocationWhere, select: { municipality: true, wheelchairAccessible: true } },
      languageOffers: { where: publicLanguageOfferWhere, select: { languageCode: true } },
      schedules: { where: openingScheduleWhere, select: scheduleFieldsSelect },
      scheduleExceptions: { where: currentExceptionWhere(), select: exceptionFieldsSelect },
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
