// One visibility rule (lib/data/visibility.ts) in two encodings, and every public output built on
// it. Records in every hidden state (tests/fixtures/hidden-states.ts): draft, archived and deleted
// organizations with all their children, a draft and a deleted parent, deleted services and
// locations with their hours, closures, places, languages and translations, deleted, internal,
// not consented and withdrawn contacts with their languages and translations, the hours of a
// temporarily closed service. Pages are rendered and read by tests/e2e/public-visibility.test.ts.
import { NextRequest } from 'next/server';
import { beforeAll, describe, expect, it } from 'vitest';
import { seedDatabase } from '@/prisma/seed';
import { organizationJsonLd } from '@/components/directory/json-ld';
import { getSuggestions, runDirectorySearch } from '@/lib/data/directory/search';
import { searchOrganizationIds } from '@/lib/data/directory/rank';
import { listOpenOrganizationIds } from '@/lib/data/opening-hours';
import { getOrganizationCards } from '@/lib/data/directory/cards';
import {
  getCoordinationOffice,
  getPublicOrganizationPage,
  listSitemapOrganizations,
  resolveSlugRedirect,
} from '@/lib/data/organizations';
import { listWegweiserEntries } from '@/lib/data/wegweiser';
import { getDirectoryFacets } from '@/lib/data/taxonomy-public';
import {
  openingScheduleWhere,
  publicContactWhere,
  publicLanguageOfferWhere,
  publicLocationWhere,
  publicOrganizationWhere,
  publicScheduleExceptionWhere,
  publicScheduleWhere,
  publicServiceAtLocationWhere,
  publicServiceWhere,
} from '@/lib/data/visibility';
import { getOpenStatus } from '@/lib/schedule/open-status';
import { parseDirectoryQuery } from '@/lib/search/query';
import {
  createHiddenStates,
  HIDDEN_LANGUAGES,
  HIDDEN_MUNICIPALITY,
  HIDDEN_REDIRECT_SLUG,
  HIDDEN_SLUGS,
  HIDDEN_TOPIC,
  HIDDEN_TOPIC_LABEL,
  HOST_NAME,
  HOST_SLUG,
  PAUSED_SERVICE,
  PAUSED_SLOT_NOTE,
  VISIBLE_TEXTS,
  type HiddenStates,
} from '../fixtures/hidden-states.ts';
import { findLeaks, PUBLIC_OUTPUTS, responseText } from '../fixtures/public-outputs.ts';
import { getTestDb, testDatabaseUrl } from '../setup/db.ts';

const db = getTestDb();
const LOCALES = ['de', 'en', 'ar', 'uk', 'ru'];
let states: HiddenStates;

beforeAll(async () => {
  await seedDatabase({ url: testDatabaseUrl(), adminPassword: 'test-passwort-123456' });
  states = await createHiddenStates(db);
});

function expectNoLeak(value: unknown, where: string, echo?: string) {
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  expect(findLeaks(text, states.markers, echo), where).toEqual([]);
}

const sortedIds = (rows: { id: string }[]) => rows.map((row) => row.id).sort();

describe('the rule in SQL and in Prisma', () => {
  // Translations have no relation to their record: Prisma reads look them up for public ids only.
  async function prismaTranslations() {
    const [organizations, services, locations, contacts, schedules] = await Promise.all([
      db.organization.findMany({ where: publicOrganizationWhere, select: { id: true } }),
      db.service.findMany({ where: publicServiceWhere, select: { id: true } }),
      db.location.findMany({ where: publicLocationWhere, select: { id: true } }),
      db.contactPerson.findMany({ where: publicContactWhere, select: { id: true } }),
      db.schedule.findMany({ where: publicScheduleWhere, select: { id: true } }),
    ]);
    const of = (entityType: 'ORGANIZATION' | 'SERVICE' | 'LOCATION' | 'CONTACT_PERSON' | 'SCHEDULE', rows: { id: string }[]) => ({
      entityType,
      entityId: { in: rows.map((row) => row.id) },
    });
    return db.translation.findMany({
      where: { OR: [of('ORGANIZATION', organizations), of('SERVICE', services), of('LOCATION', locations), of('CONTACT_PERSON', contacts), of('SCHEDULE', schedules)] },
      select: { id: true },
    });
  }

  const RULES = [
    { table: 'Organization', sql: 'public_organizations()', key: 'organization', prisma: () => db.organization.findMany({ where: publicOrganizationWhere, select: { id: true } }) },
    { table: 'Service', sql: 'public_services()', key: 'service', prisma: () => db.service.findMany({ where: publicServiceWhere, select: { id: true } }) },
    { table: 'Location', sql: 'public_locations()', key: 'location', prisma: () => db.location.findMany({ where: publicLocationWhere, select: { id: true } }) },
    { table: 'ContactPerson', sql: 'public_contacts()', key: 'contactPerson', prisma: () => db.contactPerson.findMany({ where: publicContactWhere, select: { id: true } }) },
    {
      table: 'ServiceAtLocation',
      sql: 'public_service_at_locations()',
      key: 'serviceAtLocation',
      prisma: () => db.serviceAtLocation.findMany({ where: publicServiceAtLocationWhere, select: { id: true } }),
    },
    { table: 'LanguageOffer', sql: 'public_language_offers()', key: 'languageOffer', prisma: () => db.languageOffer.findMany({ where: publicLanguageOfferWhere, select: { id: true } }) },
    { table: 'Schedule', sql: 'public_schedules()', key: 'schedule', prisma: () => db.schedule.findMany({ where: publicScheduleWhere, select: { id: true } }) },
    {
      table: 'Schedule (opening hours)',
      sql: 'public_opening_schedules()',
      key: 'openingSchedule',
      prisma: () => db.schedule.findMany({ where: openingScheduleWhere, select: { id: true } }),
    },
    {
      table: 'ScheduleException',
      sql: 'public_schedule_exceptions()',
      key: 'scheduleException',
      prisma: () => db.scheduleException.findMany({ where: publicScheduleExceptionWhere, select: { id: true } }),
    },
    { table: 'Translation', sql: 'public_translations()', key: 'translation', prisma: prismaTranslations },
  ] as const;

  it.each(RULES)('$table: both select the same rows, the visible ones and no hidden one', async ({ sql, key, prisma }) => {
    const fromSql = sortedIds(await db.$queryRawUnsafe<{ id: string }[]>(`SELECT "id"::text AS id FROM ${sql}`));
    const fromPrisma = sortedIds(await prisma());
    expect(fromSql).toEqual(fromPrisma);
    expect(fromSql).toEqual(expect.arrayContaining(states.visible[key]));
    expect(states.visible[key].length).toBeGreaterThan(0);
    expect(fromSql.filter((id) => states.markers.includes(id))).toEqual([]);
  });

  it('the search text of a public organization holds nothing hidden, a draft’s is ready for publishing', async () => {
    const contains = async (slug: string, word: string) => {
      const [row] = await db.$queryRaw<{ found: boolean }[]>`
        SELECT "searchText" LIKE '%' || search_normalize(${word}) || '%' AS found FROM "Organization" WHERE "slug" = ${slug}`;
      return row.found;
    };
    for (const word of [VISIBLE_TEXTS[0], VISIBLE_TEXTS[1], 'Suaheli']) expect(await contains(HOST_SLUG, word), word).toBe(true);
    const hiddenWords = states.markers.filter((marker) => marker.startsWith('Verborgen'));
    for (const word of [...hiddenWords, HIDDEN_TOPIC_LABEL]) expect(await contains(HOST_SLUG, word), word).toBe(false);
    // The own-state rule: a draft's text already holds its public-looking contact and service.
    expect(await contains(HIDDEN_SLUGS[0], 'VerborgenEntwurfKontakt')).toBe(true);
    expect(await contains(HIDDEN_SLUGS[0], 'VerborgenEntwurfAngebot')).toBe(true);
  });
});

describe('every route handler and metadata route', () => {
  const context = () => ({ ...states });
  for (const output of PUBLIC_OUTPUTS.filter((entry) => entry.kind !== 'page')) {
    it(`${output.file}`, async () => {
      const route = (await output.load!()) as {
        GET?: (request: NextRequest, context: { params: Promise<Record<string, string>> }) => Promise<Response> | Response;
        default?: () => unknown;
      };
      for (const request of output.requests(context())) {
        let status = 200;
        let text: string;
        if (output.kind === 'metadata') {
          text = JSON.stringify(await route.default!());
        } else {
          const response = await route.GET!(new NextRequest(`http://test${request.path}`), { params: Promise.resolve(request.params ?? {}) });
          status = response.status;
          text = await responseText(response);
        }
        expect(status, request.path).toBe(request.status ?? 200);
        expect(findLeaks(text, states.markers, request.echo), request.path).toEqual([]);
        for (const shown of request.shows ?? []) expect(text, request.path).toContain(shown);
        if (request.isEmpty) {
          const body = JSON.parse(text) as { total?: number; total_items?: number; suggestions?: unknown[] };
          expect(body.total ?? body.total_items ?? body.suggestions?.length, request.path).toBe(0);
        }
      }
    });
  }

  it('the HSDS export names no hidden parent and lists the paused service’s hours with its status', async () => {
    const { GET } = await import('@/app/api/hsds/organizations/[id]/route');
    const read = async (id: string) => (await GET(new NextRequest(`http://test/api/hsds/organizations/${id}`), { params: Promise.resolve({ id }) })).json();
    const host = await read(states.hostId);
    expect(host.parent_organization_id).toBeUndefined();
    expect((await read(states.childId)).parent_organization_id).toBeUndefined();
    const paused = host.services.find((service: { name: string }) => service.name === PAUSED_SERVICE);
    expect(paused).toMatchObject({ status: 'temporarily closed', schedules: [expect.objectContaining({ notes: PAUSED_SLOT_NOTE })] });
    const visible = host.services.find((service: { name: string }) => service.name === VISIBLE_TEXTS[0]);
    expect(visible.service_at_locations).toHaveLength(1);
    expect(host.locations).toHaveLength(1);
  });
});

describe('every data read behind the pages', () => {
  it('actor page, JSON-LD and cards, in every language', async () => {
    for (const locale of LOCALES) {
      const page = await getPublicOrganizationPage({ slug: HOST_SLUG, locale });
      expect(page, locale).not.toBeNull();
      expectNoLeak(page, `page ${locale}`);
      expect(page!.parent).toBeNull();
      expect(page!.contacts.map((contact) => contact.role.value)).toEqual([VISIBLE_TEXTS[1]]);
      // Only the visible slot counts as opening hours; the paused service is listed with its status.
      expect(page!.schedules.filter((slot) => !slot.contactPersonId).map((slot) => slot.note?.value ?? slot.note)).toEqual([locale === 'en' ? 'Visible hours (example)' : VISIBLE_TEXTS[3]]);
      // A contact person's own hours: only the visible person's (hidden contacts' hours are gone).
      expect(page!.schedules.filter((slot) => slot.contactPersonId).map((slot) => [slot.contactPersonId, slot.languageCodes])).toEqual([[states.visibleContactId, ['sw']]]);
      expect(page!.services.find((service) => service.name.value === PAUSED_SERVICE)?.isTemporarilyClosed).toBe(true);
      const jsonLd = organizationJsonLd(page!, `https://example.org/${locale}/akteure/${HOST_SLUG}`);
      expectNoLeak(jsonLd, `JSON-LD ${locale}`);
      expect(jsonLd.openingHoursSpecification).toHaveLength(1);
      expect(jsonLd.contactPoint).toHaveLength(1);
      expectNoLeak(await getOrganizationCards({ ids: [states.hostId, states.childId, ...states.hiddenOrganizationIds], locale }), `cards ${locale}`);
      for (const slug of HIDDEN_SLUGS) expect(await getPublicOrganizationPage({ slug, locale })).toBeNull();
    }
    const [card] = await getOrganizationCards({ ids: [states.hostId], locale: 'de' });
    expect(card.languageCodes).toEqual(['sw']);
    expect(card.municipalities).toEqual(['Sichtbarort (Beispiel)']);
    expect(card.hasWheelchairAccess).toBe(false);
    expect(await getOrganizationCards({ ids: states.hiddenOrganizationIds, locale: 'de' })).toEqual([]);
    expect(await resolveSlugRedirect({ slug: HIDDEN_REDIRECT_SLUG })).toBeNull();
  });

  it('coordination office, Wegweiser, sitemap, facets and suggestions', async () => {
    for (const locale of LOCALES) {
      const office = await getCoordinationOffice({ locale });
      expect(office?.slug).not.toBe(HIDDEN_SLUGS[0]);
      expectNoLeak(office, `office ${locale}`);
      const wegweiser = await listWegweiserEntries({ locale });
      expect(wegweiser.map((entry) => entry.slug)).toContain(HOST_SLUG);
      expectNoLeak(wegweiser, `Wegweiser ${locale}`);
      const facets = await getDirectoryFacets({ locale });
      expect(facets.languages.map((language) => language.value)).toContain('sw');
      expectNoLeak(facets, `facets ${locale}`);
      for (const word of ['Verborgen', 'VerborgenKontaktIntern', 'VerborgenStandort']) expectNoLeak(await getSuggestions({ q: word, locale }), `suggestions ${word}`);
    }
    expectNoLeak(await listSitemapOrganizations(), 'sitemap');
  });

  it('the directory search: hidden words, languages, places, topics, ages and access find nothing through hidden records', async () => {
    const search = async (params: Record<string, string>) => runDirectorySearch({ query: parseDirectoryQuery(params), locale: 'de', pageSize: 500 });
    const all = await search({});
    expect(all.cards.map((card) => card.slug)).toContain(HOST_SLUG);
    expectNoLeak(all, 'all');
    for (const word of states.markers.filter((marker) => marker.startsWith('Verborgen'))) {
      expect((await searchOrganizationIds({ query: parseDirectoryQuery({ q: word }) })).total, word).toBe(0);
    }
    for (const code of HIDDEN_LANGUAGES) expect((await search({ sprache: code })).total, code).toBe(0);
    expect((await search({ ort: HIDDEN_MUNICIPALITY })).total).toBe(0);
    expect((await search({ thema: HIDDEN_TOPIC })).total).toBe(0);
    expect((await search({ q: HIDDEN_TOPIC_LABEL })).cards.map((card) => card.slug)).not.toContain(HOST_SLUG);
    expect((await search({ barrierefrei: '1', ort: 'Sichtbarort (Beispiel)' })).total).toBe(0);
    // The deleted service's age limits do not count: the host serves every age.
    expect((await search({ alter: '50', q: 'Prüfstelle Sichtbar' })).cards.map((card) => card.slug)).toContain(HOST_SLUG);
    expect((await search({ q: HOST_NAME })).cards[0].slug).toBe(HOST_SLUG);
  });

  it('"open now": hours of hidden records and of a paused service open nothing; the page agrees with the filter', async () => {
    const page = (await getPublicOrganizationPage({ slug: HOST_SLUG, locale: 'de' }))!;
    // Berlin times (CET in January, CEST in July). Monday 10:30 is the visible slot.
    const cases: [string, boolean][] = [
      ['2027-01-04T09:30:00Z', true],
      ['2027-01-03T04:20:00Z', false], // Sunday 05:20: a deleted service's slot
      ['2027-07-04T04:15:00Z', false], // Sunday 06:15 (CEST): the paused service's slot
      ['2027-01-03T03:10:00Z', false], // Sunday 04:10: a deleted location's slot
      ['2027-01-03T02:10:00Z', false], // Sunday 03:10: a slot at a deleted location of a service
      ['2027-01-03T06:10:00Z', false], // Sunday 07:10: a deleted contact's own hours
      ['2027-01-03T06:40:00Z', false], // Sunday 07:40: an internal contact's own hours
      ['2027-01-03T07:10:00Z', false], // Sunday 08:10: hours of a contact without consent
      ['2027-01-03T07:40:00Z', false], // Sunday 08:40: hours of a contact who withdrew consent
      ['2027-01-05T09:00:00Z', true], // Tuesday 10:00: the visible contact's own hours
      [`${new Date().toISOString().slice(0, 10)}T12:00:00Z`, false], // today: a deleted location's special hours
    ];
    for (const [instant, isOpen] of cases) {
      const now = new Date(instant);
      expect((await listOpenOrganizationIds({ now })).includes(states.hostId), instant).toBe(isOpen);
      expect(getOpenStatus(page.schedules, page.exceptions, now).kind === 'open', instant).toBe(isOpen);
      const found = await searchOrganizationIds({ query: parseDirectoryQuery({ offen: '1', q: HOST_NAME }), now });
      expect(found.hits.some((hit) => hit.id === states.hostId), instant).toBe(isOpen);
    }
  });
});
