// The yearly report (issue 14 point 5) against the embedded PostgreSQL: a known world in three
// years with records at the Berlin year boundary (31 Dec 23:30 Berlin is still the old year, 1 Jan
// 00:30 Berlin is the new one although both are 31 Dec in UTC). Every figure is compared with what
// this test computes with its own SQL (Berlin years by AT TIME ZONE, not by the report's UTC
// bounds) and with the values the world was built to have. Access: anonymous and partners are
// refused by the data function, the page and the CSV route; the coordinator gets the CSV with the
// same figures. All records are synthetic examples.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createOrganization, createTaxonomyTerm } from '../factories/index.ts';
import { getTestDb, resetDb } from '../setup/db.ts';
import { cookieStore, createAdminActor, createPartnerActor, sessionCookieFor } from './helpers/admin-actors.ts';
import { expectCode, redirectOf } from './helpers/server-actions.ts';

const session: { cookie?: string } = {};
vi.mock('next/headers', () => ({
  cookies: async () => cookieStore(session.cookie ? { 'next-auth.session-token': session.cookie } : {}),
}));

const { getYearlyReport, getReportYearRange } = await import('@/lib/data/reports/yearly-report');
const csvRoute = await import('@/app/[locale]/admin/jahresbericht/csv/route');
const reportPage = (await import('@/app/[locale]/admin/jahresbericht/page')).default;

const db = getTestDb();
const NOW = new Date('2026-06-01T10:00:00Z');
let tokenCounter = 0;

async function signInAs(actor: { id: string; name: string; email: string } | null) {
  session.cookie = actor ? await sessionCookieFor(actor) : undefined;
}

beforeEach(async () => {
  await resetDb();
  session.cookie = undefined;
});

async function meeting(
  kind: 'NETWORK_MEETING' | 'WORKING_GROUP' | 'ROUND_TABLE' | 'OTHER',
  status: 'PLANNED' | 'CANCELLED' | 'HELD',
  startsAt: string,
  present: { organizationId: string | null; persons: number }[],
  absent: string[] = [],
) {
  const start = new Date(startsAt);
  const m = await db.meeting.create({
    data: { title: `Treffen ${startsAt} (Beispiel)`, kind, status, startsAt: start, endsAt: new Date(start.getTime() + 2 * 3600_000) },
  });
  const invitees = [
    ...present.flatMap(({ organizationId, persons }) => Array.from({ length: persons }, () => ({ organizationId, isPresent: true }))),
    ...absent.map((organizationId) => ({ organizationId, isPresent: false })),
  ];
  await db.meetingInvitee.createMany({
    data: invitees.map((invitee) => ({ ...invitee, meetingId: m.id, email: `person-${++tokenCounter}@example.org`, tokenHash: `hash-${tokenCounter}` })),
  });
  return m;
}

async function world() {
  const categoryA = await createTaxonomyTerm({ kind: 'CATEGORY', slug: 'beratung', label: 'Beratung (Beispiel)' });
  const categoryB = await createTaxonomyTerm({ kind: 'CATEGORY', slug: 'bildung', label: 'Bildung (Beispiel)' });
  const language = await createTaxonomyTerm({ kind: 'TOPIC', slug: 'sprache', label: 'Sprache (Beispiel)' });
  const childcare = await createTaxonomyTerm({ kind: 'TOPIC', slug: 'kinderbetreuung', label: 'Kinderbetreuung (Beispiel)' });
  const a = await createOrganization({ categoryId: categoryA.id, createdAt: new Date('2024-02-01T10:00:00Z') });
  const b = await createOrganization({ categoryId: categoryB.id, createdAt: new Date('2025-03-01T10:00:00Z') });
  // 31 Dec 2025 23:59 Berlin: added in 2025. 1 Jan 2026 00:30 Berlin: added in 2026.
  const d = await createOrganization({ categoryId: categoryA.id, createdAt: new Date('2025-12-31T22:59:00Z') });
  const c = await createOrganization({ createdAt: new Date('2025-12-31T23:30:00Z') });
  const draft = await createOrganization({ status: 'DRAFT', createdAt: new Date('2024-01-10T10:00:00Z') });

  // Meetings of 2025: one held, one planned whose start has passed (31 Dec 23:30 Berlin), one cancelled.
  const m1 = await meeting('NETWORK_MEETING', 'HELD', '2025-03-10T15:00:00Z', [
    { organizationId: a.id, persons: 2 },
    { organizationId: b.id, persons: 1 },
    { organizationId: null, persons: 1 },
  ], [c.id]);
  await meeting('WORKING_GROUP', 'PLANNED', '2025-12-31T22:30:00Z', [{ organizationId: a.id, persons: 1 }, { organizationId: d.id, persons: 1 }]);
  const cancelled = await meeting('NETWORK_MEETING', 'CANCELLED', '2025-05-01T15:00:00Z', [{ organizationId: c.id, persons: 3 }]);
  // 1 Jan 2026 00:30 Berlin: 2026. And one of 2024.
  const newYear = await meeting('ROUND_TABLE', 'HELD', '2025-12-31T23:30:00Z', [{ organizationId: c.id, persons: 1 }]);
  await meeting('NETWORK_MEETING', 'HELD', '2024-06-01T15:00:00Z', [{ organizationId: c.id, persons: 1 }]);
  // A planned meeting still to come (after NOW) is not held.
  await meeting('OTHER', 'PLANNED', '2026-09-01T15:00:00Z', []);

  await db.meetingAgendaItem.createMany({
    data: [
      { meetingId: m1.id, title: 'Sprachkurse im Landkreis (Beispiel)', status: 'ACCEPTED', organizationId: a.id, sortOrder: 1 },
      { meetingId: m1.id, title: 'Wohnungssuche (Beispiel)', status: 'ACCEPTED', sortOrder: 2 },
      { meetingId: m1.id, title: 'Vorschlag offen (Beispiel)', status: 'PROPOSED' },
      { meetingId: m1.id, title: 'Abgelehnt (Beispiel)', status: 'REJECTED' },
      { meetingId: cancelled.id, title: 'Fiel aus (Beispiel)', status: 'ACCEPTED' },
      { meetingId: newYear.id, title: 'Neues Jahr (Beispiel)', status: 'ACCEPTED' },
    ],
  });
  const task = (createdAt: string, doneAt: string | null) => ({
    meetingId: m1.id,
    organizationId: a.id,
    title: `Aufgabe ${createdAt} (Beispiel)`,
    dueDate: new Date('2026-01-31'),
    createdAt: new Date(createdAt),
    status: doneAt ? ('DONE' as const) : ('OPEN' as const),
    doneAt: doneAt ? new Date(doneAt) : null,
  });
  await db.meetingTask.createMany({
    data: [
      task('2025-04-01T10:00:00Z', null),
      task('2025-02-01T10:00:00Z', '2025-08-01T10:00:00Z'),
      task('2024-11-01T10:00:00Z', '2025-01-15T10:00:00Z'),
      // Done on 31 Dec 2025 23:30 Berlin (2025) and on 1 Jan 2026 00:30 Berlin (2026).
      task('2025-12-01T10:00:00Z', '2025-12-31T22:30:00Z'),
      task('2024-12-31T23:30:00Z', '2025-12-31T23:30:00Z'),
    ],
  });

  const project = async (status: 'PLANNED' | 'RUNNING' | 'COMPLETED', startsOn: string | null, endsOn: string | null, termIds: string[], extra: object = {}) => {
    const p = await db.project.create({
      data: {
        slug: `projekt-${++tokenCounter}`,
        title: `Projekt ${tokenCounter} (Beispiel)`,
        leadOrganizationId: a.id,
        status,
        startsOn: startsOn ? new Date(startsOn) : null,
        endsOn: endsOn ? new Date(endsOn) : null,
        ...extra,
      },
    });
    if (termIds.length) await db.projectTerm.createMany({ data: termIds.map((termId) => ({ projectId: p.id, termId })) });
    return p;
  };
  await project('RUNNING', '2024-05-01', null, [language.id]);
  await project('COMPLETED', '2023-01-01', '2024-12-31', [language.id]);
  await project('PLANNED', '2025-12-31', null, [language.id, childcare.id]);
  await project('COMPLETED', '2025-01-01', '2025-06-30', [categoryA.id]);
  await project('RUNNING', '2025-01-01', null, [language.id], { deletedAt: new Date('2025-05-01T10:00:00Z') });
  await project('PLANNED', null, null, [], { createdAt: new Date('2026-02-01T10:00:00Z') });
  await project('RUNNING', null, '2025-03-01', [], { createdAt: new Date('2024-03-01T10:00:00Z') });

  const location = await db.location.create({ data: { organizationId: b.id, city: 'Tangermünde' } });
  const event = async (startsAt: string, data: object, termIds: string[] = []) => {
    const e = await db.event.create({
      data: { slug: `veranstaltung-${++tokenCounter}`, title: `Veranstaltung ${tokenCounter} (Beispiel)`, startsAt: new Date(startsAt), organizerId: a.id, isPublished: true, ...data },
    });
    if (termIds.length) await db.eventTerm.createMany({ data: termIds.map((termId) => ({ eventId: e.id, termId })) });
    return e;
  };
  await event('2025-05-10T16:00:00Z', { languageCodes: ['de', 'ar'], town: 'Stendal' }, [language.id]);
  await event('2025-09-10T16:00:00Z', { onlineUrl: 'https://example.org/treffen' }, [language.id, childcare.id]);
  await event('2025-10-10T16:00:00Z', { languageCodes: ['uk'], locationId: location.id, organizerId: b.id });
  await event('2025-06-10T16:00:00Z', { isPublished: false, town: 'Stendal' });
  await event('2025-07-10T16:00:00Z', { isCancelled: true, town: 'Stendal' });
  await event('2025-07-11T16:00:00Z', { organizerId: draft.id, town: 'Stendal' });
  await event('2025-12-31T23:10:00Z', { town: 'Stendal' });
  await event('2025-12-31T22:50:00Z', { town: 'Havelberg', languageCodes: ['de'] });

  const audit = (entityType: string, action: string, organizationId: string | null, createdAt: string) => ({
    actorName: 'Koordination (Beispiel)',
    action: action as 'UPDATE',
    entityType,
    entityId: organizationId ?? 'x',
    organizationId,
    createdAt: new Date(createdAt),
  });
  await db.auditLog.createMany({
    data: [
      audit('Organization', 'UPDATE', a.id, '2025-02-01T10:00:00Z'),
      audit('Service', 'CREATE', a.id, '2025-03-01T10:00:00Z'),
      audit('Organization', 'CREATE', b.id, '2025-03-01T10:00:00Z'),
      audit('Organization', 'VERIFY', b.id, '2025-04-01T10:00:00Z'),
      audit('ContactPerson', 'UPDATE', d.id, '2025-12-31T22:45:00Z'),
      audit('Organization', 'UPDATE', c.id, '2025-12-31T23:15:00Z'),
      audit('User', 'LOGIN', null, '2025-05-01T10:00:00Z'),
      audit('Organization', 'EXPORT', a.id, '2025-05-01T10:00:00Z'),
      audit('Organization', 'UPDATE', a.id, '2024-05-01T10:00:00Z'),
    ],
  });

  const concept = await db.searchConcept.create({ data: { slug: 'deutschkurs', label: 'Deutschkurs' } });
  await db.searchConceptWord.createMany({
    data: [
      { conceptId: concept.id, locale: 'de', word: 'Deutschkurs', normalized: 'deutschkurs' },
      { conceptId: concept.id, locale: 'en', word: 'German course', normalized: 'german course' },
    ],
  });
  await db.searchConceptTerm.create({ data: { conceptId: concept.id, termId: language.id } });
  const kita = await db.searchConcept.create({ data: { slug: 'kita', label: 'Kita' } });
  await db.searchConceptWord.create({ data: { conceptId: kita.id, locale: 'de', word: 'Kita', normalized: 'kita' } });
  await db.searchConceptTerm.createMany({ data: [{ conceptId: kita.id, termId: childcare.id }, { conceptId: kita.id, termId: categoryB.id }] });
  await db.searchLog.createMany({
    data: [
      { query: 'Deutschkurs', locale: 'de', resultCount: 5, createdAt: new Date('2025-02-01T10:00:00Z') },
      { query: 'deutschkurs Stendal', locale: 'en', resultCount: 0, createdAt: new Date('2025-03-01T10:00:00Z') },
      { query: 'cheap German course', locale: 'en', resultCount: 2, createdAt: new Date('2025-03-02T10:00:00Z') },
      // Three visits of one search in one write window are one row (lib/data/search-log.ts).
      { query: 'Kita', locale: 'de', resultCount: 0, visits: 3, createdAt: new Date('2025-04-01T10:00:00Z') },
      { query: 'Kita Deutschkurs', locale: 'de', resultCount: 1, createdAt: new Date('2025-04-02T10:00:00Z') },
      { query: '', locale: 'uk', resultCount: 0, filters: { topic: 'kinderbetreuung' }, createdAt: new Date('2025-05-01T10:00:00Z') },
      { query: 'xyz', locale: 'ar', resultCount: 0, createdAt: new Date('2025-12-31T22:30:00Z') },
      { query: 'Kita', locale: 'de', resultCount: 0, createdAt: new Date('2025-12-31T23:30:00Z') },
      { query: 'Kita', locale: 'de', resultCount: 0, createdAt: new Date('2024-06-01T10:00:00Z') },
    ],
  });
  return { a, b, c, d, language, childcare };
}

// The test's own figures, by Berlin calendar year in SQL.
async function independentFigures(year: number) {
  const inYear = (column: string) => `EXTRACT(YEAR FROM (${column} AT TIME ZONE 'UTC') AT TIME ZONE 'Europe/Berlin') = ${year}`;
  const held = `(m."status" = 'HELD' OR (m."status" = 'PLANNED' AND m."startsAt" < '${NOW.toISOString()}'::timestamptz AT TIME ZONE 'UTC'))`;
  const one = async (sql: string) => Number(((await db.$queryRawUnsafe(sql)) as { n: bigint | number }[])[0].n);
  const rows = async (sql: string) => ((await db.$queryRawUnsafe(sql)) as { label: string | null; n: bigint | number }[]).map((r) => [r.label, Number(r.n)]);
  return {
    held: await one(`SELECT count(*) AS n FROM "Meeting" m WHERE ${inYear('m."startsAt"')} AND ${held}`),
    cancelled: await one(`SELECT count(*) AS n FROM "Meeting" m WHERE ${inYear('m."startsAt"')} AND m."status" = 'CANCELLED'`),
    organizations: await one(
      `SELECT count(DISTINCT i."organizationId") AS n FROM "MeetingInvitee" i JOIN "Meeting" m ON m.id = i."meetingId" WHERE i."isPresent" AND ${inYear('m."startsAt"')} AND ${held}`,
    ),
    persons: await one(`SELECT count(*) AS n FROM "MeetingInvitee" i JOIN "Meeting" m ON m.id = i."meetingId" WHERE i."isPresent" AND ${inYear('m."startsAt"')} AND ${held}`),
    byCategory: await rows(
      `SELECT t.label, count(DISTINCT o.id) AS n FROM "MeetingInvitee" i JOIN "Meeting" m ON m.id = i."meetingId" JOIN "Organization" o ON o.id = i."organizationId"
        LEFT JOIN "TaxonomyTerm" t ON t.id = o."categoryId" WHERE i."isPresent" AND ${inYear('m."startsAt"')} AND ${held} GROUP BY t.label ORDER BY 2 DESC, 1 NULLS LAST`,
    ),
    agenda: await one(
      `SELECT count(*) AS n FROM "MeetingAgendaItem" a JOIN "Meeting" m ON m.id = a."meetingId" WHERE a."status" = 'ACCEPTED' AND ${inYear('m."startsAt"')} AND ${held}`,
    ),
    opened: await one(`SELECT count(*) AS n FROM "MeetingTask" WHERE ${inYear('"createdAt"')}`),
    closed: await one(`SELECT count(*) AS n FROM "MeetingTask" WHERE "status" = 'DONE' AND ${inYear('"doneAt"')}`),
    projects: await rows(
      `SELECT p."status"::text AS label, count(*) AS n FROM "Project" p WHERE p."deletedAt" IS NULL
          AND EXTRACT(YEAR FROM COALESCE(p."startsOn", p."createdAt"::date)) <= ${year} AND (p."endsOn" IS NULL OR EXTRACT(YEAR FROM p."endsOn") >= ${year})
        GROUP BY 1 ORDER BY 1`,
    ),
    events: await one(
      `SELECT count(*) AS n FROM "Event" e JOIN "Organization" o ON o.id = e."organizerId" WHERE e."isPublished" AND NOT e."isCancelled" AND e."deletedAt" IS NULL
          AND o."status" = 'PUBLISHED' AND o."deletedAt" IS NULL AND ${inYear('e."startsAt"')}`,
    ),
    added: await one(`SELECT count(*) AS n FROM "Organization" WHERE ${inYear('"createdAt"')}`),
    updated: await one(
      `SELECT count(DISTINCT "organizationId") AS n FROM "AuditLog" WHERE ${inYear('"createdAt"')} AND "action" IN ('UPDATE', 'CREATE', 'DELETE')
          AND "entityType" IN ('Organization', 'Service', 'ContactPerson') AND NOT ("entityType" = 'Organization' AND "action" = 'CREATE')`,
    ),
    searches: await rows(`SELECT "locale" AS label, sum("visits") AS n FROM "SearchLog" WHERE ${inYear('"createdAt"')} GROUP BY 1 ORDER BY 1`),
    zero: await one(`SELECT coalesce(sum("visits"), 0) AS n FROM "SearchLog" WHERE "resultCount" = 0 AND ${inYear('"createdAt"')}`),
  };
}

describe('yearly report', () => {
  it('counts the known world by Berlin calendar year, as the test computes it independently', async () => {
    await world();
    const admin = await createAdminActor();
    const report = await getYearlyReport({ actor: admin, year: '2025', now: NOW });
    const expected = await independentFigures(2025);

    // Meetings: the held one and the planned one of 31 Dec 23:30 Berlin; not the cancelled one,
    // not the one of 1 Jan 00:30 Berlin (also 31 Dec in UTC).
    expect(report.meetings).toMatchObject({ held: expected.held, cancelled: expected.cancelled, organizations: expected.organizations, persons: expected.persons });
    expect([report.meetings.held, report.meetings.cancelled, report.meetings.organizations, report.meetings.persons]).toEqual([2, 1, 3, 6]);
    expect(report.meetings.byKind).toEqual([
      { kind: 'NETWORK_MEETING', meetings: 1, participations: 2, organizations: 2, persons: 4 },
      { kind: 'WORKING_GROUP', meetings: 1, participations: 2, organizations: 2, persons: 2 },
    ]);
    expect(report.meetings.byCategory.map((r) => [r.label, r.count])).toEqual(expected.byCategory);
    expect(expected.byCategory).toEqual([['Beratung (Beispiel)', 2], ['Bildung (Beispiel)', 1]]);
    expect(report.meetings.list.map((m) => [m.kind, m.organizations, m.persons, m.agendaItems])).toEqual([
      ['NETWORK_MEETING', 2, 4, 2],
      ['WORKING_GROUP', 2, 2, 0],
    ]);
    expect(report.agenda).toHaveLength(expected.agenda);
    expect(report.agenda.map((item) => item.title)).toEqual(['Sprachkurse im Landkreis (Beispiel)', 'Wohnungssuche (Beispiel)']);

    expect(report.tasks).toEqual({ opened: expected.opened, closed: expected.closed });
    expect(report.tasks).toEqual({ opened: 4, closed: 3 });

    expect(report.projects.byStatus.map((r) => [r.key, r.count])).toEqual([['PLANNED', 1], ['RUNNING', 2], ['COMPLETED', 1]]);
    expect(report.projects.byStatus.map((r) => [r.key, r.count]).sort()).toEqual(expected.projects);
    expect(report.projects.running).toBe(4);
    expect(report.projects.byTopic.map((r) => [r.label, r.count])).toEqual([
      ['Sprache (Beispiel)', 2],
      ['Kinderbetreuung (Beispiel)', 1],
      [null, 2],
    ]);

    expect(report.events.total).toBe(expected.events);
    expect(report.events).toMatchObject({ total: 4, cancelled: 1 });
    expect(report.events.byTopic.map((r) => [r.label, r.count])).toEqual([
      ['Sprache (Beispiel)', 2],
      ['Kinderbetreuung (Beispiel)', 1],
      [null, 2],
    ]);
    expect(report.events.byLanguage.map((r) => [r.key, r.count])).toEqual([
      ['de', 2],
      ['ar', 1],
      ['uk', 1],
      [null, 1],
    ]);
    expect(report.events.byTown.map((r) => [r.key, r.count])).toEqual([
      ['Havelberg', 1],
      ['online', 1],
      ['Stendal', 1],
      ['Tangermünde', 1],
    ]);

    expect(report.entries.added).toBe(expected.added);
    expect(report.entries.updated).toBe(expected.updated);
    expect(report.entries).toEqual({ added: 2, updated: 2, verified: 1, changes: 3 });

    expect(report.searches.byLanguage.map((r) => [r.key, r.total]).sort()).toEqual(expected.searches);
    expect(report.searches).toMatchObject({ total: 9, zeroResult: expected.zero });
    expect(report.searches.zeroResult).toBe(6);
    expect(report.searches.byLanguage).toEqual([
      { key: 'de', label: 'de', total: 5, zeroResult: 3 },
      { key: 'en', label: 'en', total: 2, zeroResult: 1 },
      { key: 'ar', label: 'ar', total: 1, zeroResult: 1 },
      { key: 'uk', label: 'uk', total: 1, zeroResult: 1 },
    ]);
    // Topic: the topic filter, else the vocabulary's concepts in the query (also two words:
    // "German course"); a search that hits two topics counts for both.
    expect(report.searches.byTopic.map((r) => [r.label, r.total, r.zeroResult])).toEqual([
      ['Kinderbetreuung (Beispiel)', 5, 4],
      ['Sprache (Beispiel)', 4, 1],
      [null, 1, 1],
    ]);

    // The neighbouring years hold what lies across the boundary.
    const next = await getYearlyReport({ actor: admin, year: 2026, now: NOW });
    const nextExpected = await independentFigures(2026);
    expect([next.meetings.held, next.agenda.length, next.tasks.closed, next.entries.added, next.searches.total]).toEqual([1, 1, 1, 1, 1]);
    expect([next.meetings.held, next.agenda.length, next.tasks.closed, next.entries.added, next.searches.total]).toEqual([
      nextExpected.held,
      nextExpected.agenda,
      nextExpected.closed,
      nextExpected.added,
      nextExpected.searches.reduce((sum, [, n]) => sum + Number(n), 0),
    ]);
    const previous = await getYearlyReport({ actor: admin, year: '2024', now: NOW });
    expect(previous.meetings.held).toBe((await independentFigures(2024)).held);
    expect(previous.entries.updated).toBe(1);
  });

  it('accepts the years from the first data to next year and explains any other', async () => {
    await world();
    const admin = await createAdminActor();
    // The earliest record is the 2023 project start.
    expect(await getReportYearRange({ actor: admin, now: NOW })).toEqual({ first: 2023, last: 2027 });
    expect((await getYearlyReport({ actor: admin, year: '2027', now: NOW })).meetings.held).toBe(0);
    for (const year of ['2022', '2028', 'zwei', '', '20255', undefined, '2025.5']) {
      const error = await expectCode(getYearlyReport({ actor: admin, year, now: NOW }), 'VALIDATION');
      expect(error.message, String(year)).toContain('von 2023 bis 2027');
      expect(error.details.fieldErrors?.jahr).toHaveLength(1);
    }
  });

  it('refuses anonymous callers and partners in the data layer, the page and the CSV route; the coordinator gets the CSV', async () => {
    const { a } = await world();
    const partner = await createPartnerActor([a.id]);
    await expectCode(getYearlyReport({ actor: null, year: '2025' }), 'UNAUTHENTICATED');
    await expectCode(getYearlyReport({ actor: partner, year: '2025' }), 'FORBIDDEN');
    await expectCode(getReportYearRange({ actor: partner }), 'FORBIDDEN');

    const request = (year: string) => new Request(`http://localhost/de/admin/jahresbericht/csv?jahr=${year}`);
    const props = { params: Promise.resolve({}), searchParams: Promise.resolve({ jahr: '2025' }) };
    await signInAs(null);
    expect((await csvRoute.GET(request('2025'))).status).toBe(401);
    expect(await redirectOf(reportPage(props))).toContain('/de/anmelden');
    await signInAs(partner);
    const refused = await csvRoute.GET(request('2025'));
    expect(refused.status).toBe(403);
    expect(await refused.text()).not.toContain('Beispiel');
    await expect(reportPage(props)).rejects.toMatchObject({ digest: expect.stringContaining('404') });

    const admin = await createAdminActor();
    await signInAs(admin);
    expect((await csvRoute.GET(request('1999'))).status).toBe(400);
    const response = await csvRoute.GET(request('2025'));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(response.headers.get('content-disposition')).toContain('jahresbericht-2025.csv');
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = new TextDecoder().decode(bytes.slice(3)).split('\r\n');
    const expected = await independentFigures(2025);
    expect(lines[0]).toBe('Jahresbericht 2025 – Netzwerk Integration Stendal');
    expect(lines).toContain(`Gehaltene Treffen;${expected.held}`);
    expect(lines).toContain(`Organisationen, die an mindestens einem Treffen teilgenommen haben;${expected.organizations}`);
    expect(lines).toContain(`Neue Aufgaben;${expected.opened}`);
    expect(lines).toContain(`Erledigte Aufgaben;${expected.closed}`);
    expect(lines).toContain(`Neue Einträge im Verzeichnis;${expected.added}`);
    expect(lines).toContain(`Suchen ohne Treffer;${expected.zero}`);
    expect(lines).toContain('Thema;Suchen;davon ohne Treffer');
    expect(lines).toContain('ohne Thema;1;1');
    expect(lines).toContain('Netzwerktreffen;1;2;2;4');
    // The page renders for the coordinator (a React tree, no error).
    expect(await reportPage(props)).toBeTruthy();
  });
});
