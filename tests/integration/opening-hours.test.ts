// The shared "open now" cases (tests/fixtures/opening-hours-cases.ts), stored in the database: the
// actor page's status line, the directory's "open now" filter (SQL search included) and the page's
// JSON-LD hours all follow the one implementation in lib/schedule/open-status.ts.
import { beforeAll, describe, expect, it } from 'vitest';
import { organizationJsonLd } from '@/components/directory/json-ld';
import { searchOrganizationIds } from '@/lib/data/directory/rank';
import { listOpenOrganizationIds } from '@/lib/data/opening-hours';
import { getPublicOrganizationPage } from '@/lib/data/organizations';
import { getOpenStatus } from '@/lib/schedule/open-status';
import { parseDirectoryQuery } from '@/lib/search/query';
import { createLocation, createOrganization } from '../factories/index.ts';
import { berlinInstant, OPENING_CASES, toMinutes } from '../fixtures/opening-hours-cases.ts';
import { getTestDb } from '../setup/db.ts';

const db = getTestDb();
const day = (date: string) => new Date(`${date}T00:00:00Z`);
const stored = new Map<string, { id: string; slug: string; name: string }>();

beforeAll(async () => {
  for (const [index, testCase] of OPENING_CASES.entries()) {
    const name = `Öffnungsfall ${index} (Beispiel)`;
    const org = await createOrganization({ name, slug: `oeffnungsfall-${index}-beispiel` });
    const locations = { A: (await createLocation({ organizationId: org.id })).id, B: (await createLocation({ organizationId: org.id })).id };
    for (const slot of testCase.slots) {
      await db.schedule.create({
        data: {
          organizationId: org.id,
          locationId: slot.location ? locations[slot.location] : null,
          weekday: slot.weekday,
          opensAt: toMinutes(slot.opensAt),
          closesAt: toMinutes(slot.closesAt),
          appointmentOnly: slot.appointmentOnly ?? false,
          validFrom: slot.validFrom ? day(slot.validFrom) : null,
          validTo: slot.validTo ? day(slot.validTo) : null,
        },
      });
    }
    for (const ex of testCase.exceptions ?? []) {
      await db.scheduleException.create({
        data: {
          organizationId: org.id,
          locationId: ex.location ? locations[ex.location] : null,
          startsOn: day(ex.startsOn),
          endsOn: day(ex.endsOn),
          isClosed: ex.isClosed,
          opensAt: ex.opensAt ? toMinutes(ex.opensAt) : null,
          closesAt: ex.closesAt ? toMinutes(ex.closesAt) : null,
        },
      });
    }
    stored.set(testCase.name, { id: org.id, slug: org.slug, name });
  }
});

describe('open now, stored', () => {
  it.each(OPENING_CASES)('$name', async ({ name, slots, date, time, isOpen }) => {
    const org = stored.get(name)!;
    const now = berlinInstant(date, time);
    const page = (await getPublicOrganizationPage({ slug: org.slug, locale: 'de' }))!;
    expect(getOpenStatus(page.schedules, page.exceptions, now).kind === 'open', 'actor page').toBe(isOpen);
    expect((await listOpenOrganizationIds({ now })).includes(org.id), 'filter').toBe(isOpen);
    const search = await searchOrganizationIds({ query: parseDirectoryQuery({ offen: '1', q: org.name }), now });
    expect(search.hits.some((hit) => hit.id === org.id), 'search').toBe(isOpen);
    const jsonLd = organizationJsonLd(page, `https://example.org/de/akteure/${org.slug}`);
    expect(jsonLd.openingHoursSpecification ?? [], 'JSON-LD').toHaveLength(slots.length);
  });
});
