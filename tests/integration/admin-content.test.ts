// Content pages, taxonomy terms and languages: data functions and server actions. Anonymous and
// partners are refused without writing; invalid input gives field errors and writes nothing;
// coordinators' saves are version-checked (pages) and audited; terms and languages in use are not
// deleted.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { AppError } from '@/lib/errors';
import { createContactPerson, createLanguage, createLanguageOffer, createOrganization, createService, createTaxonomyTerm } from '../factories/index.ts';
import { getTestDb, resetDb } from '../setup/db.ts';
import { cookieStore, createAdminActor, createPartnerActor, sessionCookieFor } from './helpers/admin-actors.ts';
import { errorCode, form, redirectOf } from './helpers/server-actions.ts';

const session: { cookie?: string } = {};
vi.mock('next/headers', () => ({
  cookies: async () => cookieStore(session.cookie ? { 'next-auth.session-token': session.cookie } : {}),
}));

const pagesData = await import('@/lib/data/admin-pages');
const taxonomyData = await import('@/lib/data/taxonomy');
const languagesData = await import('@/lib/data/languages');
const pageActions = await import('@/app/[locale]/admin/seiten/actions');
const termActions = await import('@/app/[locale]/admin/kategorien/actions');
const languageActions = await import('@/app/[locale]/admin/sprachen/actions');
const db = getTestDb();
const idle = { status: 'idle' as const };

async function signInAs(actor: { id: string; name: string; email: string } | null) {
  session.cookie = actor ? await sessionCookieFor(actor) : undefined;
}

async function snapshotAll() {
  const [pages, terms, languages, audit] = await Promise.all([
    db.page.findMany({ orderBy: [{ slug: 'asc' }, { locale: 'asc' }], select: { slug: true, locale: true, title: true, body: true, version: true } }),
    db.taxonomyTerm.findMany({ orderBy: { slug: 'asc' }, select: { id: true, label: true, labels: true, sortOrder: true, parentId: true } }),
    db.language.findMany({ orderBy: { code: 'asc' }, select: { code: true, nameDe: true, names: true, isActive: true } }),
    db.auditLog.count(),
  ]);
  return { pages, terms, languages, audit };
}

beforeEach(async () => {
  await resetDb();
  session.cookie = undefined;
});

async function seedPage(overrides: Partial<{ slug: string; locale: string; title: string; body: string }> = {}) {
  return db.page.create({ data: { slug: 'ziel', locale: 'de', title: 'Ziel', body: 'Das Netzwerk **verbindet**.', ...overrides } });
}

describe('content pages (data)', () => {
  it('refuses anonymous callers and partners without writing', async () => {
    await seedPage();
    const org = await createOrganization();
    const partner = await createPartnerActor([org.id]);
    const before = await snapshotAll();
    for (const actor of [null, partner]) {
      const expected = actor ? 'FORBIDDEN' : 'UNAUTHENTICATED';
      expect(await errorCode(pagesData.listAdminPages({ actor }))).toBe(expected);
      expect(await errorCode(pagesData.getAdminPage({ actor, slug: 'ziel', locale: 'de' }))).toBe(expected);
      expect(await errorCode(pagesData.createPage({ actor, input: { slug: 'neu', locale: 'de', title: 'Neu', body: 'Text' } }))).toBe(expected);
      expect(await errorCode(pagesData.updatePage({ actor, slug: 'ziel', locale: 'de', version: 1, input: { title: 'X', body: 'Y' } }))).toBe(expected);
      expect(await errorCode(pagesData.deletePageTranslation({ actor, slug: 'ziel', locale: 'en' }))).toBe(expected);
    }
    expect(await snapshotAll()).toEqual(before);
  });

  it('lists pages per slug with their language versions and marks translations older than German', async () => {
    const admin = await createAdminActor();
    await seedPage({ locale: 'en', title: 'Goal', body: 'Old' });
    await new Promise((resolve) => setTimeout(resolve, 5));
    await seedPage();
    const [page] = await pagesData.listAdminPages({ actor: admin });
    expect(page.slug).toBe('ziel');
    expect(page.title).toBe('Ziel');
    expect(Object.keys(page.versions).sort()).toEqual(['de', 'en']);
    expect(page.versions.en?.isOutdated).toBe(true);
    const missing = await pagesData.getAdminPage({ actor: admin, slug: 'ziel', locale: 'ar' });
    expect(missing.page).toBeNull();
    expect(missing.german?.title).toBe('Ziel');
    expect(await errorCode(pagesData.getAdminPage({ actor: admin, slug: 'gibt-es-nicht', locale: 'de' }))).toBe('NOT_FOUND');
    expect(await errorCode(pagesData.getAdminPage({ actor: admin, slug: 'ziel', locale: 'fr' }))).toBe('NOT_FOUND');
  });

  it('updates with the version, audits the change, and refuses a stale version with what changed', async () => {
    const admin = await createAdminActor();
    const other = await createAdminActor();
    const page = await seedPage();
    const saved = await pagesData.updatePage({ actor: other, slug: 'ziel', locale: 'de', version: 1, input: { title: 'Ziel', body: 'Neuer Text' } });
    expect(saved.version).toBe(2);
    const audit = await db.auditLog.findMany({ where: { entityType: 'Page', entityId: page.id } });
    expect(audit).toHaveLength(1);
    expect(audit[0].changes).toMatchObject({ body: { before: 'Das Netzwerk **verbindet**.', after: 'Neuer Text' }, version: { before: 1, after: 2 } });
    expect(audit[0].changes).not.toHaveProperty('title');

    const stale = await pagesData.updatePage({ actor: admin, slug: 'ziel', locale: 'de', version: 1, input: { title: 'Meins', body: 'Mein Text' } }).catch((e) => e);
    expect(stale).toBeInstanceOf(AppError);
    expect(stale.code).toBe('CONFLICT');
    expect(stale.details.currentVersion).toBe(2);
    expect(stale.details.changes).toEqual([expect.objectContaining({ field: 'body', after: 'Neuer Text', by: other.name })]);
    expect((await db.page.findUniqueOrThrow({ where: { id: page.id } })).body).toBe('Neuer Text');
  });

  it('lets exactly one of parallel saves of the same version win', async () => {
    const admin = await createAdminActor();
    const page = await seedPage();
    const results = await Promise.allSettled(
      Array.from({ length: 8 }, (_, index) => pagesData.updatePage({ actor: admin, slug: 'ziel', locale: 'de', version: 1, input: { title: 'Ziel', body: `Fassung ${index}` } })),
    );
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const refused = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(refused.map((r) => r.reason.code)).toEqual(Array(7).fill('CONFLICT'));
    expect(await db.auditLog.count({ where: { entityType: 'Page', entityId: page.id } })).toBe(1);
  });

  it('creates a new language version, refuses a duplicate and never deletes the German source', async () => {
    const admin = await createAdminActor();
    await seedPage();
    const created = await pagesData.createPage({ actor: admin, input: { slug: 'ziel', locale: 'uk', title: 'Мета', body: 'Текст' } });
    expect(created.version).toBe(1);
    expect(await db.auditLog.count({ where: { entityType: 'Page', entityId: created.id, action: 'CREATE' } })).toBe(1);
    const duplicate = await pagesData.createPage({ actor: admin, input: { slug: 'ziel', locale: 'uk', title: 'Мета', body: 'Текст' } }).catch((e) => e);
    expect(duplicate.code).toBe('VALIDATION');
    expect(duplicate.details.fieldErrors).toHaveProperty('slug');
    expect(await errorCode(pagesData.deletePageTranslation({ actor: admin, slug: 'ziel', locale: 'de' }))).toBe('VALIDATION');
    await pagesData.deletePageTranslation({ actor: admin, slug: 'ziel', locale: 'uk' });
    expect(await db.page.count({ where: { slug: 'ziel' } })).toBe(1);
    expect(await db.auditLog.count({ where: { entityType: 'Page', entityId: created.id, action: 'DELETE' } })).toBe(1);
  });

  it('refuses invalid input with field errors and writes nothing', async () => {
    const admin = await createAdminActor();
    await seedPage();
    const before = await snapshotAll();
    const invalid = await pagesData.createPage({ actor: admin, input: { slug: 'Über uns!', locale: 'fr', title: '', body: '' } }).catch((e) => e);
    expect(invalid.code).toBe('VALIDATION');
    expect(Object.keys(invalid.details.fieldErrors).sort()).toEqual(['body', 'locale', 'slug', 'title']);
    const update = await pagesData.updatePage({ actor: admin, slug: 'ziel', locale: 'de', version: 1, input: { title: ' ', body: 'x'.repeat(50_001) } }).catch((e) => e);
    expect(Object.keys(update.details.fieldErrors).sort()).toEqual(['body', 'title']);
    expect(await snapshotAll()).toEqual(before);
  });
});

describe('content page actions', () => {
  it('refuse anonymous callers and partners, keep invalid input with field errors, and save for coordinators', async () => {
    await seedPage();
    const org = await createOrganization();
    const partner = await createPartnerActor([org.id]);
    const before = await snapshotAll();
    for (const actor of [null, partner]) {
      await signInAs(actor);
      expect((await pageActions.createPageAction(idle, form({ slug: 'neu', locale: 'de', title: 'Neu', body: 'Text' }))).status).toBe('error');
      expect((await pageActions.updatePageAction('ziel', 'de', idle, form({ title: 'X', body: 'Y', version: '1' }))).status).toBe('error');
      expect((await pageActions.deletePageTranslationAction('ziel', 'en', idle)).status).toBe('error');
    }
    const admin = await createAdminActor();
    await signInAs(admin);
    const invalid = await pageActions.updatePageAction('ziel', 'de', idle, form({ title: '', body: 'Mein **langer** Text', version: '1' }));
    expect(invalid.status).toBe('error');
    expect(invalid.fieldErrors).toHaveProperty('title');
    expect(invalid.values).toMatchObject({ body: 'Mein **langer** Text' });
    const invalidNew = await pageActions.createPageAction(idle, form({ slug: 'A B', locale: 'de', title: 'T', body: 'B' }));
    expect(invalidNew.fieldErrors).toHaveProperty('slug');
    expect(await snapshotAll()).toEqual({ ...before, audit: before.audit });

    expect(await redirectOf(pageActions.updatePageAction('ziel', 'de', idle, form({ title: 'Ziel', body: 'Neu **fett**', version: '1' })))).toBe('/de/admin/seiten/ziel/de?gespeichert=1');
    const conflict = await pageActions.updatePageAction('ziel', 'de', idle, form({ title: 'Ziel', body: 'Andere Fassung', version: '1' }));
    expect(conflict.status).toBe('conflict');
    expect(conflict.currentVersion).toBe(2);
    expect(conflict.values).toMatchObject({ body: 'Andere Fassung' });
    expect(await redirectOf(pageActions.createPageAction(idle, form({ slug: 'ziel', locale: 'ar', title: 'الهدف', body: 'نص' })))).toBe('/de/admin/seiten/ziel/ar?gespeichert=1');
    expect(await redirectOf(pageActions.deletePageTranslationAction('ziel', 'ar', idle))).toContain('/de/admin/seiten?geloescht=');
  });
});

describe('taxonomy terms', () => {
  it('refuses anonymous callers and partners without writing', async () => {
    const term = await createTaxonomyTerm();
    const org = await createOrganization();
    const partner = await createPartnerActor([org.id]);
    const before = await snapshotAll();
    for (const actor of [null, partner]) {
      const expected = actor ? 'FORBIDDEN' : 'UNAUTHENTICATED';
      expect(await errorCode(taxonomyData.listTaxonomyTerms({ actor }))).toBe(expected);
      expect(await errorCode(taxonomyData.getTaxonomyTerm({ actor, id: term.id }))).toBe(expected);
      expect(await errorCode(taxonomyData.createTaxonomyTerm({ actor, input: { kind: 'TOPIC', label: 'Neu' } }))).toBe(expected);
      expect(await errorCode(taxonomyData.updateTaxonomyTerm({ actor, id: term.id, input: { label: 'Geändert' } }))).toBe(expected);
      expect(await errorCode(taxonomyData.deleteTaxonomyTerm({ actor, id: term.id }))).toBe(expected);
      await signInAs(actor);
      expect((await termActions.createTermAction(idle, form({ kind: 'TOPIC', label: 'Neu' }))).status).toBe('error');
      expect((await termActions.updateTermAction(term.id, idle, form({ label: 'Geändert' }))).status).toBe('error');
      expect((await termActions.deleteTermAction(term.id, idle)).status).toBe('error');
    }
    expect(await snapshotAll()).toEqual(before);
  });

  it('creates, updates and deletes with audit; translations, parent and a stable slug', async () => {
    const admin = await createAdminActor();
    await signInAs(admin);
    expect(await redirectOf(termActions.createTermAction(idle, form({ kind: 'TOPIC', label: 'Wohnen & Miete', label_en: 'Housing', label_ar: '', sortOrder: '3' })))).toBe(
      '/de/admin/kategorien?gespeichert=1#TOPIC',
    );
    const created = await db.taxonomyTerm.findFirstOrThrow({ where: { label: 'Wohnen & Miete' } });
    expect(created).toMatchObject({ kind: 'TOPIC', slug: 'wohnen-und-miete', labels: { en: 'Housing' }, sortOrder: 3 });
    const parent = await createTaxonomyTerm({ kind: 'TOPIC' });
    expect(await redirectOf(termActions.updateTermAction(created.id, idle, form({ label: 'Wohnen', label_en: 'Housing', label_uk: 'Житло', parentId: parent.id, sortOrder: '3' })))).toBe(
      `/de/admin/kategorien/${created.id}?gespeichert=1`,
    );
    const updated = await db.taxonomyTerm.findUniqueOrThrow({ where: { id: created.id } });
    expect(updated).toMatchObject({ label: 'Wohnen', slug: 'wohnen-und-miete', labels: { en: 'Housing', uk: 'Житло' }, parentId: parent.id });
    // Saving the same values again writes no audit row.
    await taxonomyData.updateTaxonomyTerm({ actor: admin, id: created.id, input: { label: 'Wohnen', label_en: 'Housing', label_uk: 'Житло', parentId: parent.id, sortOrder: '3' } });
    const audit = await db.auditLog.findMany({ where: { entityType: 'TaxonomyTerm', entityId: created.id }, orderBy: { id: 'asc' } });
    expect(audit.map((row) => row.action)).toEqual(['CREATE', 'UPDATE']);
    expect(audit[1].changes).toMatchObject({ label: { before: 'Wohnen & Miete', after: 'Wohnen' } });
    const same = await taxonomyData.createTaxonomyTerm({ actor: admin, input: { kind: 'TOPIC', label: 'Wohnen und Miete' } });
    expect((await db.taxonomyTerm.findUniqueOrThrow({ where: { id: same.id } })).slug).toBe('wohnen-und-miete-2');
    expect(await redirectOf(termActions.deleteTermAction(same.id, idle))).toBe('/de/admin/kategorien?geloescht=1');
    expect(await db.taxonomyTerm.count({ where: { id: same.id } })).toBe(0);
    expect(await db.auditLog.count({ where: { entityType: 'TaxonomyTerm', entityId: same.id, action: 'DELETE' } })).toBe(1);
  });

  it('refuses to delete a term in use, with a clear message', async () => {
    const admin = await createAdminActor();
    await signInAs(admin);
    const category = await createTaxonomyTerm({ kind: 'CATEGORY', label: 'Beratung' });
    await createOrganization({ categoryId: category.id });
    const topic = await createTaxonomyTerm({ kind: 'TOPIC', label: 'Sprache' });
    const service = await createService();
    await db.serviceTerm.create({ data: { serviceId: service.id, termId: topic.id } });
    const parent = await createTaxonomyTerm({ kind: 'TARGET_GROUP', label: 'Familien' });
    await createTaxonomyTerm({ kind: 'TARGET_GROUP', parentId: parent.id });
    const before = await snapshotAll();
    const refused = await termActions.deleteTermAction(category.id, idle);
    expect(refused.status).toBe('error');
    expect(refused.message).toBe('„Beratung“ kann nicht gelöscht werden: Der Begriff wird noch von 1 Eintrag verwendet. Ordnen Sie diese zuerst einem anderen Begriff zu.');
    expect((await termActions.deleteTermAction(topic.id, idle)).message).toContain('1 Angebot');
    expect((await termActions.deleteTermAction(parent.id, idle)).message).toContain('1 untergeordneten Begriff');
    expect(await snapshotAll()).toEqual(before);
  });

  it('refuses invalid input, a parent of another kind and a cycle, writing nothing', async () => {
    const admin = await createAdminActor();
    await signInAs(admin);
    const a = await createTaxonomyTerm({ kind: 'TOPIC' });
    const b = await createTaxonomyTerm({ kind: 'TOPIC', parentId: a.id });
    const category = await createTaxonomyTerm({ kind: 'CATEGORY' });
    const before = await snapshotAll();
    const invalid = await termActions.createTermAction(idle, form({ kind: 'FARBE', label: '', sortOrder: 'viele', parentId: 'x', label_en: 'y'.repeat(121) }));
    expect(Object.keys(invalid.fieldErrors ?? {}).sort()).toEqual(['kind', 'label', 'label_en', 'parentId', 'sortOrder']);
    expect(invalid.values).toMatchObject({ sortOrder: 'viele' });
    const otherKind = await termActions.createTermAction(idle, form({ kind: 'TOPIC', label: 'Neu', parentId: category.id }));
    expect(otherKind.fieldErrors?.parentId?.[0]).toContain('derselben Art');
    const cycle = await termActions.updateTermAction(a.id, idle, form({ label: a.label, parentId: b.id }));
    expect(cycle.fieldErrors?.parentId?.[0]).toContain('Kreis');
    const self = await termActions.updateTermAction(a.id, idle, form({ label: a.label, parentId: a.id }));
    expect(self.fieldErrors?.parentId).toBeDefined();
    expect(await errorCode(taxonomyData.updateTaxonomyTerm({ actor: admin, id: 'kein-uuid', input: { label: 'x' } }))).toBe('NOT_FOUND');
    expect(await snapshotAll()).toEqual(before);
  });
});

describe('languages', () => {
  it('refuses anonymous callers and partners without writing', async () => {
    await createLanguage({ code: 'fa', nameDe: 'Persisch', nameNative: 'فارسی' });
    const org = await createOrganization();
    const partner = await createPartnerActor([org.id]);
    const before = await snapshotAll();
    for (const actor of [null, partner]) {
      const expected = actor ? 'FORBIDDEN' : 'UNAUTHENTICATED';
      expect(await errorCode(languagesData.listLanguages({ actor }))).toBe(expected);
      expect(await errorCode(languagesData.getLanguage({ actor, code: 'fa' }))).toBe(expected);
      expect(await errorCode(languagesData.createLanguage({ actor, input: { code: 'ti', nameDe: 'Tigrinya', nameNative: 'ትግርኛ' } }))).toBe(expected);
      expect(await errorCode(languagesData.updateLanguage({ actor, code: 'fa', input: { nameDe: 'X', nameNative: 'Y' } }))).toBe(expected);
      expect(await errorCode(languagesData.deleteLanguage({ actor, code: 'fa' }))).toBe(expected);
      await signInAs(actor);
      expect((await languageActions.createLanguageAction(idle, form({ code: 'ti', nameDe: 'Tigrinya', nameNative: 'ትግርኛ' }))).status).toBe('error');
      expect((await languageActions.updateLanguageAction('fa', idle, form({ nameDe: 'X', nameNative: 'Y' }))).status).toBe('error');
      expect((await languageActions.deleteLanguageAction('fa', idle)).status).toBe('error');
    }
    expect(await snapshotAll()).toEqual(before);
  });

  it('creates, updates (deactivates) and deletes with audit; the search learns new names', async () => {
    const admin = await createAdminActor();
    await signInAs(admin);
    expect(await redirectOf(languageActions.createLanguageAction(idle, form({ code: ' TI ', nameDe: 'Tigrinya', nameNative: 'ትግርኛ', name_en: 'Tigrinya', isActive: 'on' })))).toBe(
      '/de/admin/sprachen?gespeichert=1',
    );
    expect(await db.language.findUniqueOrThrow({ where: { code: 'ti' } })).toMatchObject({ nameDe: 'Tigrinya', names: { en: 'Tigrinya' }, isActive: true });
    const org = await createOrganization({ name: 'Beratungsstelle (Beispiel)' });
    await createLanguageOffer({ organizationId: org.id, languageCode: 'ti' });
    expect(await redirectOf(languageActions.updateLanguageAction('ti', idle, form({ nameDe: 'Tigrinisch', nameNative: 'ትግርኛ', name_en: 'Tigrinya' })))).toBe(
      '/de/admin/sprachen/ti?gespeichert=1',
    );
    expect(await db.language.findUniqueOrThrow({ where: { code: 'ti' } })).toMatchObject({ nameDe: 'Tigrinisch', isActive: false });
    expect((await db.organization.findUniqueOrThrow({ where: { id: org.id }, select: { searchText: true } })).searchText).toContain('tigrinisch');
    const audit = await db.auditLog.findMany({ where: { entityType: 'Language', entityId: 'ti' }, orderBy: { id: 'asc' } });
    expect(audit.map((row) => row.action)).toEqual(['CREATE', 'UPDATE']);
    expect(audit[1].changes).toMatchObject({ nameDe: { before: 'Tigrinya', after: 'Tigrinisch' }, isActive: { before: true, after: false } });

    const refused = await languageActions.deleteLanguageAction('ti', idle);
    expect(refused.message).toContain('Deaktivieren Sie sie stattdessen');
    expect(await db.language.count({ where: { code: 'ti' } })).toBe(1);
    await db.languageOffer.deleteMany({ where: { languageCode: 'ti' } });
    expect(await redirectOf(languageActions.deleteLanguageAction('ti', idle))).toBe('/de/admin/sprachen?geloescht=1');
    expect(await db.language.count({ where: { code: 'ti' } })).toBe(0);
  });

  it('refuses invalid input and a duplicate code, writing nothing', async () => {
    const admin = await createAdminActor();
    await signInAs(admin);
    await createLanguage({ code: 'ar' });
    const contact = await createContactPerson();
    await createLanguageOffer({ organizationId: contact.organizationId, contactPersonId: contact.id, languageCode: 'ar' });
    const before = await snapshotAll();
    const invalid = await languageActions.createLanguageAction(idle, form({ code: 'arabisch', nameDe: '', nameNative: '', sortOrder: '-1' }));
    expect(Object.keys(invalid.fieldErrors ?? {}).sort()).toEqual(['code', 'nameDe', 'nameNative', 'sortOrder']);
    expect(invalid.values).toMatchObject({ code: 'arabisch' });
    const duplicate = await languageActions.createLanguageAction(idle, form({ code: 'ar', nameDe: 'Arabisch', nameNative: 'العربية' }));
    expect(duplicate.fieldErrors?.code?.[0]).toContain('gibt es schon');
    const update = await languageActions.updateLanguageAction('ar', idle, form({ nameDe: '', nameNative: 'العربية' }));
    expect(update.fieldErrors).toHaveProperty('nameDe');
    expect(await errorCode(languagesData.getLanguage({ actor: admin, code: '../x' }))).toBe('NOT_FOUND');
    expect(await snapshotAll()).toEqual(before);
  });
});
