// Projects and public events (issue 14 points 3 and 4): coordinators' writes, partners' proposals
// through review, what the public sees (drafts and proposals never), filters and counts, search,
// actor pages, past events, the iCal feed (parsed strictly with ical.js) and the JSON-LD shape;
// and every new data function for anonymous visitors, partners of the own and of another
// organization, and coordinators. Fixtures are synthetic "(Beispiel)" records.
import ICAL from 'ical.js';
import { beforeEach, describe, expect, it } from 'vitest';
import { approveChangeRequest } from '@/lib/data/change-requests/approve';
import { proposeChange } from '@/lib/data/change-requests/propose';
import { filterEvents, getPublicEvent, isOver, listFeedEvents, listOrganizationEvents, listUpcomingEvents } from '@/lib/data/events/public';
import { createEvent, deleteEvent, updateEvent } from '@/lib/data/events/save';
import { getAdminEvent, getAdminProject, listAdminEvents, listAdminProjects, listProjectEventOptions } from '@/lib/data/projects/admin';
import { getPublicProject, listOrganizationProjects, listPublicProjects, searchPublicProjects } from '@/lib/data/projects/public';
import { createProject, deleteProject, updateProject } from '@/lib/data/projects/save';
import { eventsCalendar } from '@/lib/events/ics';
import { eventJsonLd } from '@/lib/events/json-ld';
import { berlinLocalToUtc, utcToBerlinLocal } from '@/lib/format/berlin-time';
import { createContactPerson, createLanguage, createLocation, createOrganization, createTaxonomyTerm } from '../factories/index.ts';
import { getTestDb, resetDb } from '../setup/db.ts';
import { createAdminActor, createPartnerActor } from './helpers/admin-actors.ts';
import { errorCode } from './helpers/server-actions.ts';

const db = getTestDb();

beforeEach(async () => {
  await resetDb();
});

async function network() {
  const lead = await createOrganization({ name: 'Migrationsberatung Mitte (Beispiel)' });
  const partnerA = await createOrganization({ name: 'Sprachschule Nord (Beispiel)' });
  const partnerB = await createOrganization({ name: 'Jugendtreff Süd (Beispiel)' });
  const other = await createOrganization({ name: 'Sportverein West (Beispiel)' });
  const topic = await createTaxonomyTerm({ kind: 'TOPIC', slug: 'sprache-beispiel', label: 'Sprache (Beispiel)', labels: { en: 'Language (example)' } });
  const topic2 = await createTaxonomyTerm({ kind: 'TOPIC', slug: 'arbeit-beispiel', label: 'Arbeit (Beispiel)' });
  const group = await createTaxonomyTerm({ kind: 'TARGET_GROUP', slug: 'frauen-beispiel', label: 'Frauen (Beispiel)' });
  await createLanguage({ code: 'ar' });
  await createLanguage({ code: 'de', nameDe: 'Deutsch', nameNative: 'Deutsch' });
  const admin = await createAdminActor();
  const partner = await createPartnerActor([lead.id]);
  const outsider = await createPartnerActor([other.id]);
  return { lead, partnerA, partnerB, other, topic, topic2, group, admin, partner, outsider };
}

const projectInput = (n: Awaited<ReturnType<typeof network>>, overrides: Record<string, unknown> = {}) => ({
  title: 'Sprachpat*innen (Beispiel)',
  summary: 'Ehrenamtliche begleiten Neuzugewanderte beim Deutschlernen.',
  leadOrganizationId: n.lead.id,
  partnerOrganizationIds: [n.partnerA.id, n.partnerB.id],
  termIds: [n.topic.id, n.group.id],
  startsOn: '2026-01-01',
  endsOn: '',
  status: 'RUNNING',
  funding: 'Landesprogramm (Beispiel)',
  isPublished: 'on',
  ...overrides,
});

const inDays = (days: number, time = '18:00') => `${utcToBerlinLocal(new Date(Date.now() + days * 86_400_000)).slice(0, 10)}T${time}`;

const eventInput = (n: Awaited<ReturnType<typeof network>>, overrides: Record<string, unknown> = {}) => ({
  title: 'Sprachcafé (Beispiel)',
  description: 'Deutsch sprechen bei Kaffee und Tee.',
  startsAt: inDays(7),
  endsAt: inDays(7, '20:00'),
  organizerId: n.lead.id,
  placeName: 'Gemeindesaal (Beispiel)',
  placeAddress: 'Beispielweg 2',
  town: 'Stendal',
  languageCodes: ['ar', 'de'],
  isFree: 'on',
  termIds: [n.topic.id],
  isPublished: 'on',
  ...overrides,
});

describe('projects', () => {
  it('a published project with two partner organizations is on /projekte, on all three actor pages and found by search', async () => {
    const n = await network();
    const saved = await createProject({ actor: n.admin, input: projectInput(n) });
    const list = await listPublicProjects({ locale: 'de', filters: {} });
    expect(list.projects.map((p) => p.id)).toEqual([saved.id]);
    expect(list.projects[0].partners.map((p) => p.id).sort()).toEqual([n.partnerA.id, n.partnerB.id].sort());
    for (const org of [n.lead, n.partnerA, n.partnerB]) {
      expect((await listOrganizationProjects({ organizationId: org.id, locale: 'de' })).map((p) => p.id)).toEqual([saved.id]);
    }
    expect(await listOrganizationProjects({ organizationId: n.other.id, locale: 'de' })).toEqual([]);
    // Title, summary and topic words, folded like the directory's search (case, umlauts).
    expect((await searchPublicProjects({ q: 'sprachpat', locale: 'de' })).map((p) => p.id)).toEqual([saved.id]);
    expect((await searchPublicProjects({ q: 'NEUZUGEWANDERTE deutschlernen', locale: 'de' })).map((p) => p.id)).toEqual([saved.id]);
    expect((await searchPublicProjects({ q: 'language', locale: 'en' })).map((p) => p.id)).toEqual([saved.id]);
    expect(await searchPublicProjects({ q: 'Fahrrad', locale: 'de' })).toEqual([]);
    const page = await getPublicProject({ slug: list.projects[0].slug, locale: 'de' });
    expect(page).toMatchObject({ status: 'RUNNING', startsOn: '2026-01-01', endsOn: null, funding: { value: 'Landesprogramm (Beispiel)' } });
  });

  it('drafts, deleted projects and projects of a hidden lead organization are never public; hidden partners are not named', async () => {
    const n = await network();
    await createProject({ actor: n.admin, input: projectInput(n, { title: 'Entwurf (Beispiel)', isPublished: '' }) });
    const deleted = await createProject({ actor: n.admin, input: projectInput(n, { title: 'Gelöscht (Beispiel)' }) });
    await deleteProject({ actor: n.admin, id: deleted.id });
    const draftLead = await createOrganization({ status: 'DRAFT' });
    await createProject({ actor: n.admin, input: projectInput(n, { title: 'Leitung im Entwurf (Beispiel)', leadOrganizationId: draftLead.id }) });
    const hiddenPartner = await createOrganization({ status: 'DRAFT' });
    const visible = await createProject({ actor: n.admin, input: projectInput(n, { partnerOrganizationIds: [hiddenPartner.id, n.partnerA.id] }) });
    const list = await listPublicProjects({ locale: 'de', filters: {} });
    expect(list.projects.map((p) => p.id)).toEqual([visible.id]);
    expect(list.projects[0].partners.map((p) => p.id)).toEqual([n.partnerA.id]);
    expect(await listOrganizationProjects({ organizationId: hiddenPartner.id, locale: 'de' })).toEqual([]);
    expect(await searchPublicProjects({ q: 'Entwurf', locale: 'de' })).toEqual([]);
  });

  it('filters combine; each option counts what choosing it gives, options without projects are left out', async () => {
    const n = await network();
    await createProject({ actor: n.admin, input: projectInput(n) });
    await createProject({ actor: n.admin, input: projectInput(n, { title: 'Jobcoaching (Beispiel)', status: 'COMPLETED', termIds: [n.topic2.id], partnerOrganizationIds: [] }) });
    const all = await listPublicProjects({ locale: 'de', filters: {} });
    expect(all.facets.thema).toEqual([
      { value: 'arbeit-beispiel', label: 'Arbeit (Beispiel)', count: 1 },
      { value: 'sprache-beispiel', label: 'Sprache (Beispiel)', count: 1 },
    ]);
    expect(all.facets.stand.map((o) => [o.value, o.count])).toEqual([['COMPLETED', 1], ['RUNNING', 1]]);
    const running = await listPublicProjects({ locale: 'de', filters: { stand: 'RUNNING' } });
    expect(running.projects.map((p) => p.title.value)).toEqual(['Sprachpat*innen (Beispiel)']);
    // Under "laufend" only the running project's topic remains; the status facet still offers both.
    expect(running.facets.thema.map((o) => o.value)).toEqual(['sprache-beispiel']);
    expect(running.facets.stand.map((o) => o.value)).toEqual(['COMPLETED', 'RUNNING']);
    const byPartner = await listPublicProjects({ locale: 'de', filters: { organisation: n.partnerB.slug } });
    expect(byPartner.projects.map((p) => p.title.value)).toEqual(['Sprachpat*innen (Beispiel)']);
    expect(byPartner.facets.organisation.find((o) => o.value === n.lead.slug)?.count).toBe(2);
  });

  it('shows the visitor-language translation and falls back to German with its language', async () => {
    const n = await network();
    const saved = await createProject({ actor: n.admin, input: projectInput(n) });
    await db.translation.create({ data: { entityType: 'PROJECT', entityId: saved.id, field: 'title', locale: 'en', value: 'Language buddies (example)' } });
    const [project] = (await listPublicProjects({ locale: 'en', filters: {} })).projects;
    expect(project.title).toEqual({ value: 'Language buddies (example)', lang: 'en' });
    expect(project.summary.lang).toBe('de');
    expect((await searchPublicProjects({ q: 'buddies', locale: 'en' })).map((p) => p.id)).toEqual([saved.id]);
  });

  it('refuses references outside the rules: unknown organizations, a category as topic, a hidden contact, the lead as its own partner', async () => {
    const n = await network();
    const category = await createTaxonomyTerm({ kind: 'CATEGORY' });
    const internal = await createContactPerson({ organizationId: n.lead.id, visibility: 'NETWORK_INTERNAL' });
    for (const [overrides, field] of [
      [{ leadOrganizationId: '00000000-0000-4000-8000-000000000000' }, 'leadOrganizationId'],
      [{ termIds: [category.id] }, 'termIds'],
      [{ contactPersonId: internal.id }, 'contactPersonId'],
      [{ partnerOrganizationIds: [n.lead.id] }, 'partnerOrganizationIds'],
      [{ startsOn: '2026-05-01', endsOn: '2026-04-01' }, 'endsOn'],
    ] as const) {
      const error = await createProject({ actor: n.admin, input: projectInput(n, overrides) }).catch((e) => e);
      expect(error.code, field).toBe('VALIDATION');
      expect(Object.keys(error.details.fieldErrors), field).toContain(field);
    }
    expect(await db.project.count()).toBe(0);
  });

  it('a partner proposes a project for its organization; it is public only after approval, audited with both names', async () => {
    const n = await network();
    const { id } = await proposeChange({ actor: n.partner, organizationId: n.lead.id, entityType: 'Project', action: 'CREATE', input: projectInput(n) });
    expect(await db.project.count()).toBe(0);
    expect((await listPublicProjects({ locale: 'de', filters: {} })).projects).toEqual([]);
    const approved = await approveChangeRequest({ actor: n.admin, id });
    expect(approved.tags).toEqual(expect.arrayContaining(['projects', `org:${n.lead.id}`, `org:${n.partnerA.id}`, `org:${n.partnerB.id}`]));
    const [project] = (await listPublicProjects({ locale: 'de', filters: {} })).projects;
    expect(project.title.value).toBe('Sprachpat*innen (Beispiel)');
    const audit = await db.auditLog.findFirstOrThrow({ where: { entityType: 'Project', action: 'CREATE' } });
    expect(audit.changeRequestId).toBe(id);
    // An update proposal of the partner: the public project is unchanged until approved.
    const current = await getAdminProject({ actor: n.partner, id: project.id });
    const update = await proposeChange({ actor: n.partner, organizationId: n.lead.id, entityType: 'Project', action: 'UPDATE', entityId: project.id, baseVersion: current.version, input: { ...current.values, status: 'COMPLETED', results: '40 Tandems (Beispiel)' } });
    expect((await getPublicProject({ slug: project.slug, locale: 'de' }))!.status).toBe('RUNNING');
    await approveChangeRequest({ actor: n.admin, id: update.id });
    expect(await getPublicProject({ slug: project.slug, locale: 'de' })).toMatchObject({ status: 'COMPLETED', results: { value: '40 Tandems (Beispiel)' } });
  });

  it('a coordinator edit is version-checked and audited', async () => {
    const n = await network();
    const saved = await createProject({ actor: n.admin, input: projectInput(n) });
    const updated = await updateProject({ actor: n.admin, id: saved.id, version: 1, input: { status: 'COMPLETED' } });
    expect(updated).toMatchObject({ changed: true, version: 2 });
    expect(await errorCode(updateProject({ actor: n.admin, id: saved.id, version: 1, input: { status: 'PLANNED' } }))).toBe('CONFLICT');
    const rows = await db.auditLog.findMany({ where: { entityType: 'Project', entityId: saved.id }, orderBy: { id: 'asc' } });
    expect(rows.map((r) => r.action)).toEqual(['CREATE', 'UPDATE']);
    expect((rows[1].changes as Record<string, { before: unknown; after: unknown }>).status).toEqual({ before: 'RUNNING', after: 'COMPLETED' });
  });
});

describe('events', () => {
  it('stores Berlin wall-clock time as UTC (winter and summer time)', () => {
    expect(berlinLocalToUtc('2026-12-10T18:00')!.toISOString()).toBe('2026-12-10T17:00:00.000Z');
    expect(berlinLocalToUtc('2026-07-10T18:00')!.toISOString()).toBe('2026-07-10T16:00:00.000Z');
    expect(berlinLocalToUtc('2026-02-30T18:00')).toBeNull();
    expect(utcToBerlinLocal(new Date('2026-03-29T01:30:00Z'))).toBe('2026-03-29T03:30');
  });

  it('a proposed event is not public; after approval it is listed, on the organizer page and in the feed', async () => {
    const n = await network();
    const { id } = await proposeChange({ actor: n.partner, organizationId: n.lead.id, entityType: 'Event', action: 'CREATE', input: eventInput(n, { isPublished: 'on' }) });
    expect(await db.event.count()).toBe(0);
    expect(await listUpcomingEvents({ locale: 'de' })).toEqual([]);
    expect(await listFeedEvents({ locale: 'de' })).toEqual([]);
    const { entityId } = await approveChangeRequest({ actor: n.admin, id });
    const upcoming = await listUpcomingEvents({ locale: 'de' });
    expect(upcoming.map((e) => e.id)).toEqual([entityId]);
    expect((await listOrganizationEvents({ organizationId: n.lead.id, locale: 'de' })).map((e) => e.id)).toEqual([entityId]);
    expect(await listOrganizationEvents({ organizationId: n.other.id, locale: 'de' })).toEqual([]);
  });

  it('drafts, deleted events, events of hidden organizers and past events stay out of the lists', async () => {
    const n = await network();
    await createEvent({ actor: n.admin, input: eventInput(n, { title: 'Entwurf (Beispiel)', isPublished: '' }) });
    const gone = await createEvent({ actor: n.admin, input: eventInput(n, { title: 'Gelöscht (Beispiel)' }) });
    await deleteEvent({ actor: n.admin, id: gone.id });
    const hidden = await createOrganization({ status: 'ARCHIVED' });
    await createEvent({ actor: n.admin, input: eventInput(n, { title: 'Archiv (Beispiel)', organizerId: hidden.id }) });
    const past = await createEvent({ actor: n.admin, input: eventInput(n, { title: 'Gestern (Beispiel)', startsAt: inDays(-1, '10:00'), endsAt: inDays(-1, '12:00') }) });
    const running = await createEvent({ actor: n.admin, input: eventInput(n, { title: 'Läuft gerade (Beispiel)', startsAt: inDays(-1, '10:00'), endsAt: inDays(1, '12:00') }) });
    const soon = await createEvent({ actor: n.admin, input: eventInput(n) });
    expect((await listUpcomingEvents({ locale: 'de' })).map((e) => e.id)).toEqual([running.id, soon.id]);
    // The cached day is filtered against the clock: an hour after its end an event is gone.
    const [soonEvent] = (await listUpcomingEvents({ locale: 'de' })).filter((e) => e.id === soon.id);
    const later = new Date(new Date(soonEvent.endsAt!).getTime() + 3_600_000);
    expect(isOver(soonEvent, later)).toBe(true);
    expect((await listUpcomingEvents({ locale: 'de', now: later })).map((e) => e.id)).not.toContain(soon.id);
    // A past event's own page stays reachable; the feed keeps recent ones.
    expect((await getPublicEvent({ slug: 'gestern-beispiel', locale: 'de' })).event?.id).toBe(past.id);
    expect((await listFeedEvents({ locale: 'de' })).map((e) => e.id)).toContain(past.id);
    expect((await getPublicEvent({ slug: 'entwurf-beispiel', locale: 'de' })).event).toBeNull();
  });

  it('filters by topic, language and town with counts', async () => {
    const n = await network();
    const location = await createLocation({ organizationId: n.lead.id, city: 'Tangermünde', municipality: 'Tangermünde' });
    await createLanguage({ code: 'uk', nameDe: 'Ukrainisch', nameNative: 'Українська' });
    await createEvent({ actor: n.admin, input: eventInput(n) });
    await createEvent({ actor: n.admin, input: eventInput(n, { title: 'Infoabend (Beispiel)', locationId: location.id, placeName: '', town: '', languageCodes: ['uk'], termIds: [n.topic2.id] }) });
    const events = await listUpcomingEvents({ locale: 'de' });
    const names = (code: string) => ({ ar: 'Arabisch', de: 'Deutsch', uk: 'Ukrainisch' })[code] ?? code;
    const all = filterEvents(events, {}, names);
    expect(all.facets.ort).toEqual([
      { value: 'stendal', label: 'Stendal', count: 1 },
      { value: 'tangermünde', label: 'Tangermünde', count: 1 },
    ]);
    expect(all.facets.sprache.map((o) => [o.value, o.count])).toEqual([['ar', 1], ['de', 1], ['uk', 1]]);
    const ukrainian = filterEvents(events, { sprache: 'uk' }, names);
    expect(ukrainian.events.map((e) => e.title.value)).toEqual(['Infoabend (Beispiel)']);
    expect(ukrainian.facets.thema.map((o) => o.value)).toEqual(['arbeit-beispiel']);
    expect(filterEvents(events, { ort: 'Stendal', thema: 'arbeit-beispiel' }, names).events).toEqual([]);
  });

  it('the iCal feed parses strictly (ical.js), with the Berlin start time, a stable UID, SEQUENCE and CANCELLED', async () => {
    const n = await network();
    const saved = await createEvent({ actor: n.admin, input: eventInput(n, { startsAt: '2099-12-10T18:30', endsAt: '2099-12-10T20:00' }) });
    await createEvent({ actor: n.admin, input: eventInput(n, { title: 'Sommerfest (Beispiel)', startsAt: '2099-07-01T15:00', endsAt: '', onlineUrl: 'https://beispiel.example.org/live', termIds: [n.topic2.id] }) });
    await updateEvent({ actor: n.admin, id: saved.id, version: 1, input: { isCancelled: 'on' } });
    const events = await listFeedEvents({ locale: 'de' });
    const text = eventsCalendar({ events, name: 'Veranstaltungen (Beispiel)', baseUrl: 'https://netzwerk.example.org', locale: 'de' });
    expect(text.split('\r\n').every((line) => Buffer.byteLength(line) <= 75)).toBe(true);
    expect(text.replace(/\r\n/g, '')).not.toMatch(/\n/);
    const calendar = new ICAL.Component(ICAL.parse(text));
    expect(calendar.getFirstPropertyValue('version')).toBe('2.0');
    expect(calendar.getFirstPropertyValue('prodid')).toBeTruthy();
    const vevents = calendar.getAllSubcomponents('vevent').map((c) => new ICAL.Event(c));
    expect(vevents).toHaveLength(2);
    const cafe = vevents.find((e) => e.uid.startsWith(saved.id))!;
    expect(cafe.summary).toBe('Sprachcafé (Beispiel)');
    const start = cafe.startDate.toJSDate();
    expect(start.toISOString()).toBe('2099-12-10T17:30:00.000Z');
    expect(utcToBerlinLocal(start)).toBe('2099-12-10T18:30');
    expect(cafe.sequence).toBe(1);
    expect(cafe.component.getFirstPropertyValue('status')).toBe('CANCELLED');
    expect(cafe.component.getFirstPropertyValue('dtstamp')).toBeTruthy();
    expect(cafe.location).toContain('Gemeindesaal (Beispiel)');
    const fest = vevents.find((e) => e.summary === 'Sommerfest (Beispiel)')!;
    expect(fest.startDate.toJSDate().toISOString()).toBe('2099-07-01T13:00:00.000Z');
    expect(fest.endDate.toJSDate().getTime()).toBeGreaterThan(fest.startDate.toJSDate().getTime());
    expect(fest.component.getFirstPropertyValue('categories')).toBe('Arbeit (Beispiel)');
  });

  it('JSON-LD: schema.org Event with name, startDate with offset, Place or VirtualLocation, organizer, eventStatus, offers', async () => {
    const n = await network();
    const location = await createLocation({ organizationId: n.lead.id, name: 'Haus am Markt (Beispiel)', street: 'Markt 1', postalCode: '39576', city: 'Stendal' });
    await createEvent({ actor: n.admin, input: eventInput(n, { startsAt: '2099-07-01T18:00', endsAt: '2099-07-01T20:00', locationId: location.id }) });
    await createEvent({ actor: n.admin, input: eventInput(n, { title: 'Online-Abend (Beispiel)', startsAt: '2099-12-01T18:00', endsAt: '', placeName: '', town: '', onlineUrl: 'https://beispiel.example.org/raum', isFree: '', cost: '5 Euro' }) });
    const [summer, online] = await listUpcomingEvents({ locale: 'de' });
    const ld = eventJsonLd(summer, { url: 'https://x.example.org/de/veranstaltungen/a', organizerUrl: 'https://x.example.org/de/akteure/b' });
    expect(ld).toMatchObject({
      '@context': 'https://schema.org',
      '@type': 'Event',
      name: 'Sprachcafé (Beispiel)',
      startDate: '2099-07-01T18:00:00+02:00',
      endDate: '2099-07-01T20:00:00+02:00',
      eventStatus: 'https://schema.org/EventScheduled',
      eventAttendanceMode: 'https://schema.org/OfflineEventAttendanceMode',
      location: { '@type': 'Place', name: 'Haus am Markt (Beispiel)', address: { '@type': 'PostalAddress', streetAddress: 'Markt 1', postalCode: '39576', addressLocality: 'Stendal', addressCountry: 'DE' } },
      organizer: { '@type': 'Organization', name: n.lead.name, url: 'https://x.example.org/de/akteure/b' },
      offers: { '@type': 'Offer', price: 0, priceCurrency: 'EUR' },
      inLanguage: ['ar', 'de'],
    });
    const onlineLd = eventJsonLd(online, { url: 'u', organizerUrl: 'o' });
    expect(onlineLd.startDate).toBe('2099-12-01T18:00:00+01:00');
    expect(onlineLd.location).toEqual({ '@type': 'VirtualLocation', url: 'https://beispiel.example.org/raum' });
    expect(onlineLd.eventAttendanceMode).toBe('https://schema.org/OnlineEventAttendanceMode');
    expect(onlineLd.offers).toMatchObject({ '@type': 'Offer', description: '5 Euro' });
    expect(onlineLd).not.toHaveProperty('endDate');
    // No cost known: no offers.
    const unknownCost = eventJsonLd({ ...online, isFree: false, cost: null }, { url: 'u', organizerUrl: 'o' });
    expect(unknownCost).not.toHaveProperty('offers');
  });

  it('an event needs a place: a location of the organizer, a place with town, or an online link', async () => {
    const n = await network();
    const foreign = await createLocation({ organizationId: n.other.id });
    const noPlace = await createEvent({ actor: n.admin, input: eventInput(n, { placeName: '', town: '' }) }).catch((e) => e);
    expect(Object.keys(noPlace.details.fieldErrors)).toEqual(['placeName']);
    const wrongLocation = await createEvent({ actor: n.admin, input: eventInput(n, { locationId: foreign.id }) }).catch((e) => e);
    expect(Object.keys(wrongLocation.details.fieldErrors)).toEqual(['locationId']);
    const badTime = await createEvent({ actor: n.admin, input: eventInput(n, { startsAt: '10.12.2026', endsAt: '' }) }).catch((e) => e);
    expect(Object.keys(badTime.details.fieldErrors)).toEqual(['startsAt']);
    expect(await db.event.count()).toBe(0);
  });
});

describe('access to every new data function', () => {
  it('anonymous visitors: every write and admin read is refused', async () => {
    const n = await network();
    const project = await createProject({ actor: n.admin, input: projectInput(n) });
    const event = await createEvent({ actor: n.admin, input: eventInput(n) });
    const calls: [string, Promise<unknown>][] = [
      ['createProject', createProject({ actor: null, input: projectInput(n) })],
      ['updateProject', updateProject({ actor: null, id: project.id, version: 1, input: { status: 'PLANNED' } })],
      ['deleteProject', deleteProject({ actor: null, id: project.id })],
      ['createEvent', createEvent({ actor: null, input: eventInput(n) })],
      ['updateEvent', updateEvent({ actor: null, id: event.id, version: 1, input: { title: 'X' } })],
      ['deleteEvent', deleteEvent({ actor: null, id: event.id })],
      ['listAdminProjects', listAdminProjects({ actor: null })],
      ['listAdminEvents', listAdminEvents({ actor: null })],
      ['getAdminProject', getAdminProject({ actor: null, id: project.id })],
      ['getAdminEvent', getAdminEvent({ actor: null, id: event.id })],
      ['listProjectEventOptions', listProjectEventOptions({ actor: null })],
      ['proposeChange', proposeChange({ actor: null, organizationId: n.lead.id, entityType: 'Event', action: 'CREATE', input: eventInput(n) })],
    ];
    for (const [name, call] of calls) expect(await errorCode(call), name).toBe('UNAUTHENTICATED');
    expect(await db.project.findUniqueOrThrow({ where: { id: project.id } })).toMatchObject({ version: 1, deletedAt: null });
    expect(await db.changeRequest.count()).toBe(0);
  });

  it('partners: no direct writes; they see and propose only for their own organizations', async () => {
    const n = await network();
    const project = await createProject({ actor: n.admin, input: projectInput(n) });
    const foreignProject = await createProject({ actor: n.admin, input: projectInput(n, { title: 'Fremd (Beispiel)', leadOrganizationId: n.other.id, partnerOrganizationIds: [] }) });
    const event = await createEvent({ actor: n.admin, input: eventInput(n) });
    const foreignEvent = await createEvent({ actor: n.admin, input: eventInput(n, { title: 'Fremd (Beispiel)', organizerId: n.other.id }) });
    for (const actor of [n.partner, n.outsider]) {
      expect(await errorCode(createProject({ actor, input: projectInput(n) }))).toBe('FORBIDDEN');
      expect(await errorCode(updateProject({ actor, id: project.id, version: 1, input: { status: 'PLANNED' } }))).toBe('FORBIDDEN');
      expect(await errorCode(deleteProject({ actor, id: project.id }))).toBe('FORBIDDEN');
      expect(await errorCode(createEvent({ actor, input: eventInput(n) }))).toBe('FORBIDDEN');
      expect(await errorCode(updateEvent({ actor, id: event.id, version: 1, input: { title: 'X' } }))).toBe('FORBIDDEN');
      expect(await errorCode(deleteEvent({ actor, id: event.id }))).toBe('FORBIDDEN');
    }
    // Own organization: listed and readable; another organization's: not found.
    expect((await listAdminProjects({ actor: n.partner })).map((p) => p.id)).toEqual([project.id]);
    expect((await listAdminEvents({ actor: n.partner })).map((e) => e.id)).toEqual([event.id]);
    expect((await listAdminProjects({ actor: n.outsider })).map((p) => p.id)).toEqual([foreignProject.id]);
    expect(await errorCode(getAdminProject({ actor: n.outsider, id: project.id }))).toBe('NOT_FOUND');
    expect(await errorCode(getAdminEvent({ actor: n.outsider, id: event.id }))).toBe('NOT_FOUND');
    expect(await errorCode(getAdminProject({ actor: n.partner, id: foreignProject.id }))).toBe('NOT_FOUND');
    expect(await errorCode(getAdminEvent({ actor: n.partner, id: foreignEvent.id }))).toBe('NOT_FOUND');
    // A partner of a joined organization sees the project too.
    const joined = await createPartnerActor([n.partnerA.id]);
    expect((await listAdminProjects({ actor: joined })).map((p) => p.id)).toEqual([project.id]);
    // Proposals: not for another organization, not naming another organizer or lead.
    expect(await errorCode(proposeChange({ actor: n.outsider, organizationId: n.lead.id, entityType: 'Event', action: 'CREATE', input: eventInput(n) }))).toBe('NOT_FOUND');
    expect(await errorCode(proposeChange({ actor: n.outsider, organizationId: n.other.id, entityType: 'Event', action: 'CREATE', input: eventInput(n) }))).toBe('VALIDATION');
    expect(await errorCode(proposeChange({ actor: n.outsider, organizationId: n.other.id, entityType: 'Project', action: 'CREATE', input: projectInput(n) }))).toBe('VALIDATION');
    expect(await errorCode(proposeChange({ actor: n.outsider, organizationId: n.other.id, entityType: 'Event', action: 'UPDATE', entityId: event.id, baseVersion: 1, input: eventInput(n) }))).toBe('NOT_FOUND');
    expect(await errorCode(proposeChange({ actor: n.partner, organizationId: n.lead.id, entityType: 'Event', action: 'UPDATE', entityId: foreignEvent.id, baseVersion: 1, input: eventInput(n) }))).toBe('NOT_FOUND');
    expect(await errorCode(approveChangeRequest({ actor: n.partner, id: '00000000-0000-4000-8000-000000000000' }))).not.toBeNull();
    expect(await db.changeRequest.count()).toBe(0);
    // The partner's own proposal never carries "published".
    const own = await proposeChange({ actor: joined, organizationId: n.partnerA.id, entityType: 'Project', action: 'CREATE', input: projectInput(n, { title: 'Neu (Beispiel)' }) });
    expect((await db.changeRequest.findUniqueOrThrow({ where: { id: own.id } })).payload).not.toHaveProperty('isPublished');
    expect(await errorCode(approveChangeRequest({ actor: joined, id: own.id }))).toBe('FORBIDDEN');
    // Options: own and public entries only.
    const draft = await createOrganization({ status: 'DRAFT', name: 'Unveröffentlicht (Beispiel)' });
    const options = await listProjectEventOptions({ actor: n.partner });
    expect(options.organizations.map((o) => o.value)).not.toContain(draft.id);
  });

  it('coordinators: everything, and the options list every entry', async () => {
    const n = await network();
    const draft = await createOrganization({ status: 'DRAFT' });
    const project = await createProject({ actor: n.admin, input: projectInput(n, { leadOrganizationId: draft.id }) });
    const event = await createEvent({ actor: n.admin, input: eventInput(n, { isPublished: '' }) });
    expect((await listAdminProjects({ actor: n.admin })).map((p) => p.id)).toEqual([project.id]);
    expect((await listAdminEvents({ actor: n.admin })).map((e) => e.id)).toEqual([event.id]);
    expect((await getAdminEvent({ actor: n.admin, id: event.id })).values.startsAt).toBe(eventInput(n).startsAt);
    expect((await listProjectEventOptions({ actor: n.admin })).organizations.map((o) => o.value)).toContain(draft.id);
    expect(await errorCode(deleteProject({ actor: n.admin, id: project.id }))).toBeNull();
    expect(await errorCode(deleteEvent({ actor: n.admin, id: event.id }))).toBeNull();
  });
});
