// Translations of an organization's content per locale: the listing shows missing, up-to-date and
// outdated translations (a changed German text makes a translation outdated); saving creates,
// updates and deletes with one audit row; the public page shows the translation. Projects the
// organization leads and events it organizes are translated on the same page. Anonymous callers,
// partners of other organizations and partners of untrusted organizations are refused; invalid
// input gives field errors; none of these writes anything.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AppError } from '@/lib/errors';
import { createContactPerson, createLocation, createOrganization, createSchedule, createService } from '../factories/index.ts';
import { getTestDb, resetDb } from '../setup/db.ts';
import { cookieStore, createAdminActor, createPartnerActor, sessionCookieFor } from './helpers/admin-actors.ts';
import { redirectOf } from './helpers/server-actions.ts';

const session: { cookie?: string } = {};
vi.mock('next/headers', () => ({
  cookies: async () => cookieStore(session.cookie ? { 'next-auth.session-token': session.cookie } : {}),
}));

const data = await import('@/lib/data/content-translations');
const actions = await import('@/app/[locale]/admin/organisationen/[id]/uebersetzungen/actions');
const { getPublicOrganizationPage } = await import('@/lib/data/organizations');
const { getPublicProject, listOrganizationProjects } = await import('@/lib/data/projects/public');
const { getPublicEvent, listUpcomingEvents } = await import('@/lib/data/events/public');
const { createProject, updateProject } = await import('@/lib/data/projects/save');
const { createEvent, updateEvent } = await import('@/lib/data/events/save');
const db = getTestDb();
const idle = { status: 'idle' as const };

function form(values: Record<string, string>): FormData {
  const formData = new FormData();
  for (const [key, value] of Object.entries(values)) formData.append(key, value);
  return formData;
}

async function errorOf(promise: Promise<unknown>): Promise<AppError | null> {
  try {
    await promise;
    return null;
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
}

async function signInAs(actor: { id: string; name: string; email: string } | null) {
  session.cookie = actor ? await sessionCookieFor(actor) : undefined;
}

async function snapshotAll() {
  const [translations, audit] = await Promise.all([
    db.translation.findMany({ orderBy: [{ entityId: 'asc' }, { field: 'asc' }, { locale: 'asc' }], select: { entityId: true, field: true, locale: true, value: true, status: true, sourceHash: true } }),
    db.auditLog.count(),
  ]);
  return { translations, audit };
}

// An organization with one of everything that has translatable text.
async function seedEntry(overrides: { isTrusted?: boolean } = {}) {
  const org = await createOrganization({ description: 'Beratung für Zugewanderte (Beispiel).', ...overrides });
  const service = await createService({ organizationId: org.id, description: 'Hilfe bei Anträgen.', cost: 'kostenlos', eligibility: null });
  const deletedService = await createService({ organizationId: org.id, deletedAt: new Date() });
  const location = await createLocation({ organizationId: org.id, accessibilityNote: 'Eingang ebenerdig.', transportNote: null });
  const contact = await createContactPerson({ organizationId: org.id, role: 'Migrationsberatung', visibility: 'PUBLIC', consentGivenAt: new Date(), consentScope: 'Website' });
  const schedule = await createSchedule({ organizationId: org.id, note: 'Bitte klingeln.' });
  const scheduleWithoutNote = await createSchedule({ organizationId: org.id, weekday: 4 });
  return { org, service, deletedService, location, contact, schedule, scheduleWithoutNote };
}

beforeEach(async () => {
  await resetDb();
  session.cookie = undefined;
});

describe('listing translations', () => {
  it('lists every translatable field with German text and the state per language', async () => {
    const admin = await createAdminActor();
    const { org, service, deletedService, location, contact, schedule, scheduleWithoutNote } = await seedEntry();
    await data.saveContentTranslations({ actor: admin, organizationId: org.id, entityType: 'ORGANIZATION', entityId: org.id, locale: 'ar', input: { description: 'وصف' } });
    await data.saveContentTranslations({ actor: admin, organizationId: org.id, entityType: 'SERVICE', entityId: service.id, locale: 'en', input: { description: 'Help with applications.' } });

    const listing = await data.getContentTranslations({ actor: admin, organizationId: org.id });
    expect(listing.canEdit).toBe(true);
    const ids = listing.items.map((item) => item.id);
    expect(ids).toEqual([org.id, service.id, location.id, contact.id, schedule.id]);
    expect(ids).not.toContain(deletedService.id);
    expect(ids).not.toContain(scheduleWithoutNote.id);

    const serviceItem = listing.items.find((item) => item.id === service.id)!;
    // Only fields with German text: no eligibility, howToApply or alertText.
    expect(serviceItem.fields.map((f) => f.name)).toEqual(['name', 'description', 'cost']);
    expect(listing.items.find((item) => item.id === location.id)!.fields.map((f) => f.name)).toEqual(['accessibilityNote']);

    const orgDescription = listing.items[0].fields.find((f) => f.name === 'description')!;
    expect(orgDescription.german).toBe('Beratung für Zugewanderte (Beispiel).');
    expect(orgDescription.translations.ar).toEqual({ value: 'وصف', state: 'upToDate' });
    expect(orgDescription.translations.en).toEqual({ value: '', state: 'missing' });
    expect(serviceItem.fields.find((f) => f.name === 'description')!.translations.en.state).toBe('upToDate');
    // 2 + 3 + 1 + 1 + 1 = 8 fields; Arabic has one translation.
    expect(listing.summary.ar).toEqual({ missing: 7, outdated: 0 });
    expect(listing.summary.en).toEqual({ missing: 7, outdated: 0 });
    expect(listing.summary.uk).toEqual({ missing: 8, outdated: 0 });
  });

  it('marks a translation outdated when the German text changes (or its status says so), until it is saved again', async () => {
    const admin = await createAdminActor();
    const { org, service } = await seedEntry();
    await data.saveContentTranslations({ actor: admin, organizationId: org.id, entityType: 'ORGANIZATION', entityId: org.id, locale: 'ar', input: { description: 'وصف' } });
    await data.saveContentTranslations({ actor: admin, organizationId: org.id, entityType: 'SERVICE', entityId: service.id, locale: 'ar', input: { cost: 'مجاني' } });

    await db.organization.update({ where: { id: org.id }, data: { description: 'Neue Beschreibung (Beispiel).' } });
    await db.translation.updateMany({ where: { entityId: service.id, field: 'cost' }, data: { status: 'OUTDATED' } });
    let listing = await data.getContentTranslations({ actor: admin, organizationId: org.id });
    const description = () => listing.items[0].fields.find((f) => f.name === 'description')!;
    expect(description().translations.ar).toEqual({ value: 'وصف', state: 'outdated' });
    expect(listing.items[1].fields.find((f) => f.name === 'cost')!.translations.ar.state).toBe('outdated');
    expect(listing.summary.ar.outdated).toBe(2);

    // Saved unchanged after checking: up to date again, and the audit says so.
    const saved = await data.saveContentTranslations({ actor: admin, organizationId: org.id, entityType: 'ORGANIZATION', entityId: org.id, locale: 'ar', input: { description: 'وصف' } });
    expect(saved.changed).toBe(1);
    listing = await data.getContentTranslations({ actor: admin, organizationId: org.id });
    expect(description().translations.ar.state).toBe('upToDate');
    const audit = await db.auditLog.findFirstOrThrow({ where: { entityType: 'Translation', entityId: org.id }, orderBy: { id: 'desc' } });
    expect(audit.changes).toEqual({ 'description.ar.status': { before: 'veraltet', after: 'aktuell' } });

    // A German text removed entirely: the old translation stays listed (outdated) so it can be removed.
    await db.service.update({ where: { id: service.id }, data: { cost: null } });
    listing = await data.getContentTranslations({ actor: admin, organizationId: org.id });
    const cost = listing.items[1].fields.find((f) => f.name === 'cost')!;
    expect(cost.german).toBe('');
    expect(cost.translations.ar.state).toBe('outdated');
    const refused = await errorOf(
      data.saveContentTranslations({ actor: admin, organizationId: org.id, entityType: 'SERVICE', entityId: service.id, locale: 'ar', input: { cost: 'مجاني' } }),
    );
    expect(refused?.code).toBe('VALIDATION');
    expect(refused?.details.fieldErrors?.cost?.[0]).toContain('keinen deutschen Text');
    await data.saveContentTranslations({ actor: admin, organizationId: org.id, entityType: 'SERVICE', entityId: service.id, locale: 'ar', input: { cost: '' } });
    expect(await db.translation.count({ where: { entityId: service.id, field: 'cost' } })).toBe(0);
  });
});

describe('saving translations', () => {
  it('creates, updates and deletes several fields at once, with the German hash and one audit row per save', async () => {
    const admin = await createAdminActor();
    const { org, service } = await seedEntry();
    const save = (input: Record<string, string>) =>
      data.saveContentTranslations({ actor: admin, organizationId: org.id, entityType: 'SERVICE', entityId: service.id, locale: 'uk', input });

    expect((await save({ name: '  Консультація  ', description: 'Допомога із заявами.' })).changed).toBe(2);
    let rows = await db.translation.findMany({ where: { entityId: service.id }, orderBy: { field: 'asc' } });
    expect(rows.map((r) => [r.field, r.locale, r.value, r.status, r.entityType, r.updatedById])).toEqual([
      ['description', 'uk', 'Допомога із заявами.', 'UP_TO_DATE', 'SERVICE', admin.id],
      ['name', 'uk', 'Консультація', 'UP_TO_DATE', 'SERVICE', admin.id],
    ]);
    expect(rows[0].sourceHash).toBe(data.sourceHashOf('Hilfe bei Anträgen.'));
    expect(rows[1].sourceHash).toBe(data.sourceHashOf(service.name));

    // Update one, delete the other, leave fields not sent alone; an unchanged save writes nothing.
    expect((await save({ name: 'Консультація 2', description: '' })).changed).toBe(2);
    expect((await save({ name: 'Консультація 2' })).changed).toBe(0);
    rows = await db.translation.findMany({ where: { entityId: service.id } });
    expect(rows.map((r) => [r.field, r.value])).toEqual([['name', 'Консультація 2']]);

    const audit = await db.auditLog.findMany({ where: { entityType: 'Translation', entityId: service.id }, orderBy: { id: 'asc' } });
    expect(audit).toHaveLength(2);
    expect(audit[0]).toMatchObject({ action: 'UPDATE', actorId: admin.id, organizationId: org.id });
    expect(audit[0].changes).toEqual({
      'name.uk': { before: null, after: 'Консультація' },
      'description.uk': { before: null, after: 'Допомога із заявами.' },
    });
    expect(audit[1].changes).toEqual({
      'name.uk': { before: 'Консультація', after: 'Консультація 2' },
      'description.uk': { before: 'Допомога із заявами.', after: null },
    });
  });

  it('shows the translation on the public page in Arabic, German stays German', async () => {
    const admin = await createAdminActor();
    const { org, service, location, contact, schedule } = await seedEntry();
    const save = (entityType: string, entityId: string, input: Record<string, string>) =>
      data.saveContentTranslations({ actor: admin, organizationId: org.id, entityType, entityId, locale: 'ar', input });
    await save('ORGANIZATION', org.id, { description: 'استشارة للمهاجرين.' });
    await save('SERVICE', service.id, { cost: 'مجاني' });
    await save('LOCATION', location.id, { accessibilityNote: 'المدخل بدون درج.' });
    await save('CONTACT_PERSON', contact.id, { role: 'استشارة الهجرة' });
    await save('SCHEDULE', schedule.id, { note: 'يرجى قرع الجرس.' });

    const arabic = await getPublicOrganizationPage({ slug: org.slug, locale: 'ar' });
    expect(arabic?.description).toEqual({ value: 'استشارة للمهاجرين.', lang: 'ar' });
    expect(arabic?.name).toEqual({ value: org.name, lang: 'de' });
    expect(arabic?.services[0].cost).toEqual({ value: 'مجاني', lang: 'ar' });
    expect(arabic?.locations[0].accessibilityNote).toEqual({ value: 'المدخل بدون درج.', lang: 'ar' });
    expect(arabic?.contacts[0].role).toEqual({ value: 'استشارة الهجرة', lang: 'ar' });
    expect(arabic?.schedules.find((s) => s.weekday === 2)?.note).toEqual({ value: 'يرجى قرع الجرس.', lang: 'ar' });
    const german = await getPublicOrganizationPage({ slug: org.slug, locale: 'de' });
    expect(german?.description).toEqual({ value: 'Beratung für Zugewanderte (Beispiel).', lang: 'de' });
  });

  it('lets partners of trusted organizations save directly', async () => {
    const { org } = await seedEntry({ isTrusted: true });
    const partner = await createPartnerActor([org.id]);
    expect((await data.getContentTranslations({ actor: partner, organizationId: org.id })).canEdit).toBe(true);
    await data.saveContentTranslations({ actor: partner, organizationId: org.id, entityType: 'ORGANIZATION', entityId: org.id, locale: 'ru', input: { name: 'Организация' } });
    expect(await db.translation.count({ where: { entityId: org.id, locale: 'ru' } })).toBe(1);
  });
});

describe('refusals (nothing written)', () => {
  it('refuses anonymous callers, partners of other organizations and partners of untrusted organizations', async () => {
    const admin = await createAdminActor();
    const { org, service } = await seedEntry();
    const other = await createOrganization({ isTrusted: true });
    const otherPartner = await createPartnerActor([other.id]);
    const ownPartner = await createPartnerActor([org.id]);
    await data.saveContentTranslations({ actor: admin, organizationId: org.id, entityType: 'SERVICE', entityId: service.id, locale: 'en', input: { name: 'Counselling' } });
    const before = await snapshotAll();
    const attempt = (actor: Parameters<typeof data.saveContentTranslations>[0]['actor']) =>
      errorOf(data.saveContentTranslations({ actor, organizationId: org.id, entityType: 'SERVICE', entityId: service.id, locale: 'en', input: { name: 'X', description: '' } }));

    expect((await attempt(null))?.code).toBe('UNAUTHENTICATED');
    expect((await errorOf(data.getContentTranslations({ actor: null, organizationId: org.id })))?.code).toBe('UNAUTHENTICATED');
    expect((await attempt(otherPartner))?.code).toBe('NOT_FOUND');
    expect((await errorOf(data.getContentTranslations({ actor: otherPartner, organizationId: org.id })))?.code).toBe('NOT_FOUND');
    const untrusted = await attempt(ownPartner);
    expect(untrusted?.code).toBe('FORBIDDEN');
    expect(untrusted?.message).toContain('Koordinierungsstelle');
    // The partner may look at the translations but gets no forms.
    expect((await data.getContentTranslations({ actor: ownPartner, organizationId: org.id })).canEdit).toBe(false);

    // The same through the server action.
    for (const actor of [null, otherPartner, ownPartner]) {
      await signInAs(actor);
      const state = await actions.saveTranslationsAction(org.id, 'SERVICE', service.id, 'en', idle, form({ name: 'X' }));
      expect(state.status).toBe('error');
      expect(state.values).toEqual({ name: 'X' });
    }
    expect(await snapshotAll()).toEqual(before);
  });

  it('treats an entity under another organization, a deleted entity, an unknown type or locale as not found', async () => {
    const admin = await createAdminActor();
    const { org, deletedService } = await seedEntry();
    const foreign = await createService();
    const before = await snapshotAll();
    const attempt = (entityType: string, entityId: string, locale = 'en') =>
      errorOf(data.saveContentTranslations({ actor: admin, organizationId: org.id, entityType, entityId, locale, input: {} }));
    expect((await attempt('SERVICE', foreign.id))?.code).toBe('NOT_FOUND');
    expect((await attempt('ORGANIZATION', foreign.organizationId))?.code).toBe('NOT_FOUND');
    expect((await attempt('SERVICE', deletedService.id))?.code).toBe('NOT_FOUND');
    expect((await attempt('LOCATION', foreign.id))?.code).toBe('NOT_FOUND');
    expect((await attempt('PAGE', org.id))?.code).toBe('NOT_FOUND');
    expect((await attempt('ORGANIZATION', org.id, 'de'))?.code).toBe('NOT_FOUND');
    expect((await attempt('ORGANIZATION', org.id, 'fr'))?.code).toBe('NOT_FOUND');
    expect((await attempt('ORGANIZATION', 'kein-uuid'))?.code).toBe('NOT_FOUND');
    expect(await snapshotAll()).toEqual(before);
  });

  it('gives field errors for invalid input, keeps the values, and writes nothing', async () => {
    const admin = await createAdminActor();
    const { org, schedule } = await seedEntry();
    const before = await snapshotAll();
    const tooLong = 'ب'.repeat(301);
    const refused = await errorOf(
      data.saveContentTranslations({ actor: admin, organizationId: org.id, entityType: 'SCHEDULE', entityId: schedule.id, locale: 'ar', input: { note: tooLong } }),
    );
    expect(refused?.code).toBe('VALIDATION');
    expect(refused?.details.fieldErrors?.note).toEqual(['Höchstens 300 Zeichen.']);

    await signInAs(admin);
    const state = await actions.saveTranslationsAction(org.id, 'ORGANIZATION', org.id, 'ar', idle, form({ name: 'ا'.repeat(201), description: 'وصف' }));
    expect(state.status).toBe('error');
    expect(state.fieldErrors?.name).toEqual(['Höchstens 200 Zeichen.']);
    expect(state.fieldErrors?.description).toBeUndefined();
    expect(state.values).toEqual({ name: 'ا'.repeat(201), description: 'وصف' });
    expect(await snapshotAll()).toEqual(before);
  });

  it('saves through the server action and redirects back to the language', async () => {
    const admin = await createAdminActor();
    const { org } = await seedEntry();
    await signInAs(admin);
    const target = await redirectOf(actions.saveTranslationsAction(org.id, 'ORGANIZATION', org.id, 'ar', idle, form({ name: '', description: 'وصف' })));
    expect(target).toBe(`/de/admin/organisationen/${org.id}/uebersetzungen?sprache=ar&gespeichert=1#eintrag-${org.id}`);
    expect(await db.translation.findMany({ where: { entityId: org.id }, select: { field: true, locale: true, value: true } })).toEqual([
      { field: 'description', locale: 'ar', value: 'وصف' },
    ]);
    expect(await db.auditLog.count({ where: { entityType: 'Translation' } })).toBe(1);
  });
});

// A project led and an event organized by the organization (published), plus a deleted project and
// an event of another organization that must not be listed.
async function seedProjectAndEvent(admin: Awaited<ReturnType<typeof createAdminActor>>, organizationId: string) {
  const other = await createOrganization({ isTrusted: true });
  const day = new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 10);
  const project = await createProject({
    actor: admin,
    input: { title: 'Sprachpat*innen (Beispiel)', summary: 'Ehrenamtliche begleiten beim Deutschlernen.', leadOrganizationId: organizationId, status: 'RUNNING', funding: 'Landesprogramm (Beispiel)', isPublished: 'on' },
  });
  const deletedProject = await createProject({ actor: admin, input: { title: 'Gelöscht (Beispiel)', leadOrganizationId: organizationId, status: 'PLANNED', isPublished: 'on' } });
  await db.project.update({ where: { id: deletedProject.id }, data: { deletedAt: new Date() } });
  const eventInput = (organizerId: string, title: string) => ({
    title,
    description: 'Deutsch sprechen bei Kaffee und Tee.',
    startsAt: `${day}T18:00`,
    endsAt: `${day}T20:00`,
    organizerId,
    placeName: 'Gemeindesaal (Beispiel)',
    town: 'Stendal',
    isFree: '',
    cost: '2 Euro',
    isPublished: 'on',
  });
  const event = await createEvent({ actor: admin, input: eventInput(organizationId, 'Sprachcafé (Beispiel)') });
  const foreignEvent = await createEvent({ actor: admin, input: eventInput(other.id, 'Fremdes Fest (Beispiel)') });
  return { other, project, deletedProject, event, foreignEvent };
}

describe('projects and events of the organization', () => {
  afterEach(() => {
    vi.unstubAllEnvs();
  });

  it('lists the led projects and organized events with their fields, saves them, shows them publicly and marks them outdated', async () => {
    const admin = await createAdminActor();
    const org = await createOrganization({ description: '' });
    const { project, deletedProject, event, foreignEvent } = await seedProjectAndEvent(admin, org.id);
    const projectSlug = (await db.project.findUniqueOrThrow({ where: { id: project.id } })).slug;
    const eventSlug = (await db.event.findUniqueOrThrow({ where: { id: event.id } })).slug;

    let listing = await data.getContentTranslations({ actor: admin, organizationId: org.id });
    const ids = listing.items.map((item) => item.id);
    expect(ids).toEqual([org.id, project.id, event.id]);
    expect(ids).not.toContain(deletedProject.id);
    expect(ids).not.toContain(foreignEvent.id);
    const projectItem = listing.items.find((item) => item.id === project.id)!;
    expect(projectItem).toMatchObject({ type: 'PROJECT', title: 'Sprachpat*innen (Beispiel)' });
    // Only fields with German text: no results.
    expect(projectItem.fields.map((f) => [f.name, f.maxLength, f.german])).toEqual([
      ['title', 200, 'Sprachpat*innen (Beispiel)'],
      ['summary', 4000, 'Ehrenamtliche begleiten beim Deutschlernen.'],
      ['funding', 1000, 'Landesprogramm (Beispiel)'],
    ]);
    const eventItem = listing.items.find((item) => item.id === event.id)!;
    expect(eventItem.type).toBe('EVENT');
    expect(eventItem.fields.map((f) => [f.name, f.maxLength])).toEqual([
      ['title', 200],
      ['description', 6000],
      ['cost', 300],
    ]);
    // Organization name 1 + project 3 + event 3 = 7 fields, all missing.
    expect(listing.summary.en).toEqual({ missing: 7, outdated: 0 });

    // Read once in English before saving (German fallback, marked as such) with the public cache on
    // (as in the Next server), so the save must expire it for the translation to show.
    // resetDb() empties the cache clock too; a migrated database has its row.
    await db.$executeRaw`INSERT INTO "CacheClock" ("id") VALUES (1) ON CONFLICT DO NOTHING`;
    vi.stubEnv('NEXT_RUNTIME', 'nodejs');
    expect((await listUpcomingEvents({ locale: 'en' })).find((e) => e.id === event.id)?.title.value).toBe('Sprachcafé (Beispiel)');
    expect((await listOrganizationProjects({ organizationId: org.id, locale: 'en' }))[0].title.value).toBe('Sprachpat*innen (Beispiel)');
    expect((await getPublicProject({ slug: projectSlug, locale: 'en' }))?.title).toEqual({ value: 'Sprachpat*innen (Beispiel)', lang: 'de' });
    expect((await getPublicEvent({ slug: eventSlug, locale: 'en' })).event?.title).toEqual({ value: 'Sprachcafé (Beispiel)', lang: 'de' });

    // Saved through the server action: audit, cache expiry, redirect back to the item.
    await signInAs(admin);
    expect(await redirectOf(actions.saveTranslationsAction(org.id, 'PROJECT', project.id, 'en', idle, form({ title: 'Language buddies (example)', summary: 'Volunteers help with learning German.' })))).toBe(
      `/de/admin/organisationen/${org.id}/uebersetzungen?sprache=en&gespeichert=1#eintrag-${project.id}`,
    );
    await redirectOf(actions.saveTranslationsAction(org.id, 'EVENT', event.id, 'en', idle, form({ title: 'Language café (example)', cost: '2 euros' })));
    const audit = await db.auditLog.findFirstOrThrow({ where: { entityType: 'Translation', entityId: event.id } });
    expect(audit).toMatchObject({ actorId: admin.id, organizationId: org.id });
    expect(audit.changes).toEqual({ 'title.en': { before: null, after: 'Language café (example)' }, 'cost.en': { before: null, after: '2 euros' } });

    const publicProject = await getPublicProject({ slug: projectSlug, locale: 'en' });
    expect(publicProject?.title).toEqual({ value: 'Language buddies (example)', lang: 'en' });
    expect(publicProject?.summary).toEqual({ value: 'Volunteers help with learning German.', lang: 'en' });
    expect(publicProject?.funding).toEqual({ value: 'Landesprogramm (Beispiel)', lang: 'de' });
    expect((await listOrganizationProjects({ organizationId: org.id, locale: 'en' }))[0].title.value).toBe('Language buddies (example)');
    const publicEvent = (await getPublicEvent({ slug: eventSlug, locale: 'en' })).event;
    expect(publicEvent?.title).toEqual({ value: 'Language café (example)', lang: 'en' });
    expect(publicEvent?.cost).toEqual({ value: '2 euros', lang: 'en' });
    expect(publicEvent?.description).toEqual({ value: 'Deutsch sprechen bei Kaffee und Tee.', lang: 'de' });
    expect((await listUpcomingEvents({ locale: 'en' })).find((e) => e.id === event.id)?.title.value).toBe('Language café (example)');
    expect((await getPublicProject({ slug: projectSlug, locale: 'de' }))?.title).toEqual({ value: 'Sprachpat*innen (Beispiel)', lang: 'de' });
    vi.unstubAllEnvs();

    listing = await data.getContentTranslations({ actor: admin, organizationId: org.id });
    expect(listing.summary.en).toEqual({ missing: 3, outdated: 0 });

    // The German text changes: the translations become outdated in the editor.
    await updateProject({ actor: admin, id: project.id, version: project.version, input: { title: 'Sprachpat*innen 2027 (Beispiel)' } });
    await updateEvent({ actor: admin, id: event.id, version: event.version, input: { cost: '3 Euro' } });
    listing = await data.getContentTranslations({ actor: admin, organizationId: org.id });
    const field = (id: string, name: string) => listing.items.find((item) => item.id === id)!.fields.find((f) => f.name === name)!;
    expect(field(project.id, 'title').translations.en).toEqual({ value: 'Language buddies (example)', state: 'outdated' });
    expect(field(project.id, 'summary').translations.en.state).toBe('upToDate');
    expect(field(event.id, 'cost').translations.en.state).toBe('outdated');
    expect(field(event.id, 'title').translations.en.state).toBe('upToDate');
    expect(listing.summary.en).toEqual({ missing: 3, outdated: 2 });
  });

  it('refuses a partner of another organization, projects and events of another organization, and too long text; nothing written', async () => {
    const admin = await createAdminActor();
    const org = await createOrganization({ isTrusted: true });
    const { other, project, event, foreignEvent } = await seedProjectAndEvent(admin, org.id);
    const otherPartner = await createPartnerActor([other.id]);
    const before = await snapshotAll();
    const save = (actor: Parameters<typeof data.saveContentTranslations>[0]['actor'], organizationId: string, entityType: string, entityId: string, input: Record<string, string>) =>
      errorOf(data.saveContentTranslations({ actor, organizationId, entityType, entityId, locale: 'en', input }));

    expect((await save(otherPartner, org.id, 'PROJECT', project.id, { title: 'X' }))?.code).toBe('NOT_FOUND');
    expect((await save(otherPartner, org.id, 'EVENT', event.id, { title: 'X' }))?.code).toBe('NOT_FOUND');
    // Under the partner's own organization, the project and event of another one are not found either.
    expect((await save(otherPartner, other.id, 'PROJECT', project.id, { title: 'X' }))?.code).toBe('NOT_FOUND');
    expect((await save(otherPartner, other.id, 'EVENT', event.id, { title: 'X' }))?.code).toBe('NOT_FOUND');
    expect((await save(admin, org.id, 'EVENT', foreignEvent.id, { title: 'X' }))?.code).toBe('NOT_FOUND');
    const tooLong = await save(admin, org.id, 'EVENT', event.id, { cost: 'x'.repeat(301), title: 'ok' });
    expect(tooLong?.code).toBe('VALIDATION');
    expect(tooLong?.details.fieldErrors?.cost).toEqual(['Höchstens 300 Zeichen.']);
    const noGerman = await save(admin, org.id, 'PROJECT', project.id, { results: 'Results' });
    expect(noGerman?.details.fieldErrors?.results?.[0]).toContain('keinen deutschen Text');

    await signInAs(otherPartner);
    const state = await actions.saveTranslationsAction(org.id, 'PROJECT', project.id, 'en', idle, form({ title: 'X' }));
    expect(state.status).toBe('error');
    expect(state.values).toEqual({ title: 'X' });
    expect(await snapshotAll()).toEqual(before);
    // The partner of the other organization sees its own organized event, not this organization's items.
    const listing = await data.getContentTranslations({ actor: otherPartner, organizationId: other.id });
    expect(listing.items.map((item) => item.id)).toEqual([other.id, foreignEvent.id]);
  });
});
