// Keywords per entry ("Suchbegriffe") in each UI language: coordinators save them directly
// (version-checked, audited per language with readable words, restorable), partners of entries
// that are not trusted propose them for review (readable diff, pending marker, approval applies
// them), invalid input changes nothing and comes back with German/English field errors.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { FormState } from '@/components/forms/form-state';
import { listOrganizationHistory } from '@/lib/data/audit-log';
import { approveChangeRequest } from '@/lib/data/change-requests/approve';
import { getChangeRequest } from '@/lib/data/change-requests/get';
import { getOwnPendingProposal } from '@/lib/data/change-requests/own-pending';
import { proposeChange } from '@/lib/data/change-requests/propose';
import { createOrganization as createEntry, updateOrganization } from '@/lib/data/admin-organizations';
import { saveContentTranslations } from '@/lib/data/content-translations';
import { copyOrganization } from '@/lib/data/organization-copy/copy-organization';
import { runDirectorySearch } from '@/lib/data/directory/search';
import { getPublicOrganizationPage } from '@/lib/data/organizations';
import { restoreFieldFromHistory } from '@/lib/data/history';
import { parseDirectoryQuery } from '@/lib/search/query';
import { loadHistoryNames } from '@/lib/data/history-names';
import { presentEntry } from '@/lib/audit/present';
import { serverMessagePairs } from '@/lib/i18n/admin';
import { translateMessage } from '@/lib/i18n/admin-translate';
import { createOrganization, createService } from '../factories/index.ts';
import { getTestDb, resetDb } from '../setup/db.ts';
import { cookieStore, createAdminActor, createPartnerActor, sessionCookieFor } from './helpers/admin-actors.ts';
import { expectCode, form, redirectOf } from './helpers/server-actions.ts';

const session: { cookie?: string } = {};
vi.mock('next/headers', () => ({
  cookies: async () => cookieStore(session.cookie ? { 'next-auth.session-token': session.cookie } : {}),
}));
const orgActions = await import('@/app/[locale]/admin/organisationen/actions');

const db = getTestDb();
const idle = { status: 'idle' as const };

beforeEach(async () => {
  await resetDb();
  session.cookie = undefined;
});

async function stored(id: string) {
  return db.organization.findUniqueOrThrow({ where: { id }, select: { keywords: true, version: true } });
}

describe('keywords of an entry', () => {
  it('a coordinator saves them per language: split, trimmed, deduplicated; clearing one language keeps the others; history in words', async () => {
    const org = await createOrganization({ name: 'Wohnberatung (Beispiel)' });
    const admin = await createAdminActor();
    session.cookie = await sessionCookieFor(admin);
    const post = async (values: Record<string, string>) =>
      redirectOf(orgActions.updateOrganizationAction(org.id, idle, form({ name: org.name, ...values, version: String((await stored(org.id)).version) })));

    expect(await post({ keywords_de: ' Wohnung suchen, Miete;\nwohnung SUCHEN ,, Wohngeld ', keywords_ar: 'سكن، إيجار\nشقة' })).toContain('gespeichert=1');
    expect((await stored(org.id)).keywords).toEqual({ de: ['Wohnung suchen', 'Miete', 'Wohngeld'], ar: ['سكن', 'إيجار', 'شقة'] });

    // The form shows the words again; clearing Arabic keeps German.
    expect(await post({ keywords_de: 'Wohnung suchen, Miete, Wohngeld', keywords_ar: '' })).toContain('gespeichert=1');
    const after = await stored(org.id);
    expect(after.keywords).toEqual({ de: ['Wohnung suchen', 'Miete', 'Wohngeld'] });
    expect(after.version).toBe(3);

    // A form without keyword fields (another partial save) leaves them as they are.
    await updateOrganization({ actor: admin, id: org.id, version: 3, input: { phone: '03931 123456' } });
    expect((await stored(org.id)).keywords).toEqual({ de: ['Wohnung suchen', 'Miete', 'Wohngeld'] });

    const history = await listOrganizationHistory({ actor: admin, organizationId: org.id });
    const names = await loadHistoryNames('de', history);
    const lines = history.flatMap((entry) => presentEntry('de', entry, names).changes).map((c) => `${c.label}: ${c.before} → ${c.after}`);
    expect(lines).toContain('Suchbegriffe (Arabisch): (leer) → إيجار, سكن, شقة');
    expect(lines).toContain('Suchbegriffe (Arabisch): إيجار, سكن, شقة → (leer)');
    expect(lines).toContain('Suchbegriffe (Deutsch): (leer) → Miete, Wohngeld, Wohnung suchen');
    expect(lines.join('\n')).not.toMatch(/keywords|[{}[\]"]/);
    const english = history.flatMap((entry) => presentEntry('en', entry, names).changes).map((c) => c.label);
    expect(english).toContain('Keywords (Arabic)');

    // Restoring the cleared Arabic keywords from the history brings them back.
    const cleared = history.find((entry) => entry.changes.keywords_ar?.after !== undefined && (entry.changes.keywords_ar.after as string[]).length === 0)!;
    await restoreFieldFromHistory({ actor: admin, auditId: cleared.id, field: 'keywords_ar', version: 4 });
    expect((await stored(org.id)).keywords).toMatchObject({ ar: expect.arrayContaining(['سكن', 'إيجار', 'شقة']), de: ['Wohnung suchen', 'Miete', 'Wohngeld'] });
  });

  it('a new entry takes its keywords from the new-entry form, audited per language', async () => {
    const admin = await createAdminActor();
    const { id } = await createEntry({ actor: admin, input: { name: 'Neuer Träger (Beispiel)', keywords_de: 'Ausbildung, Lehrstelle', keywords_en: '' } });
    expect((await stored(id)).keywords).toEqual({ de: ['Ausbildung', 'Lehrstelle'] });
    const audit = await db.auditLog.findFirstOrThrow({ where: { entityType: 'Organization', entityId: id, action: 'CREATE' } });
    expect(audit.changes).toMatchObject({ keywords_de: { before: null, after: ['Ausbildung', 'Lehrstelle'] } });
    expect(audit.changes).not.toHaveProperty('keywords_en');
  });

  it('a copy of an entry takes its keywords along, audited per language', async () => {
    const org = await createOrganization({ keywords: { de: ['Kita'], ru: ['детский сад'] } });
    const admin = await createAdminActor();
    const { id } = await copyOrganization({ actor: admin, id: org.id });
    expect((await stored(id)).keywords).toEqual({ de: ['Kita'], ru: ['детский сад'] });
    const audit = await db.auditLog.findFirstOrThrow({ where: { entityType: 'Organization', entityId: id, action: 'CREATE' } });
    expect(audit.changes).toMatchObject({ keywords_de: { before: null, after: ['Kita'] }, keywords_ru: { before: null, after: ['детский сад'] } });
    expect(audit.changes).not.toHaveProperty('keywords');
  });

  it('is version-checked: a save based on an old version changes nothing', async () => {
    const org = await createOrganization({ keywords: { de: ['Alt'] } });
    const admin = await createAdminActor();
    await updateOrganization({ actor: admin, id: org.id, version: 1, input: { keywords_de: 'Neu' } });
    await expectCode(updateOrganization({ actor: admin, id: org.id, version: 1, input: { keywords_de: 'Anders' } }), 'CONFLICT');
    expect((await stored(org.id)).keywords).toEqual({ de: ['Neu'] });
  });

  it('refuses invalid input with field errors (every value returned) and changes nothing', async () => {
    const org = await createOrganization({ keywords: { en: ['housing'] } });
    const admin = await createAdminActor();
    session.cookie = await sessionCookieFor(admin);
    const tooLong = 'W'.repeat(61);
    const tooMany = Array.from({ length: 31 }, (_, i) => `Wort${i}`).join(', ');
    const state = (await orgActions.updateOrganizationAction(
      org.id,
      idle,
      form({ name: org.name, keywords_de: `Miete, ${tooLong}`, keywords_en: tooMany, keywords_uk: 'житло\u0007', keywords_ru: 'жильё', version: '1' }),
    )) as FormState;
    expect(state.status).toBe('error');
    expect(state.fieldErrors).toEqual({
      keywords_de: ['Ein Suchbegriff darf höchstens 60 Zeichen lang sein.'],
      keywords_en: ['Höchstens 30 Suchbegriffe je Sprache.'],
      keywords_uk: ['Suchbegriffe dürfen keine Steuerzeichen enthalten.'],
    });
    expect(state.values).toMatchObject({ keywords_de: `Miete, ${tooLong}`, keywords_en: tooMany, keywords_uk: 'житло\u0007', keywords_ru: 'жильё' });
    expect(await stored(org.id)).toEqual({ keywords: { en: ['housing'] }, version: 1 });
    // The English admin shows the same errors in English (admin catalogue).
    const pairs = serverMessagePairs('en');
    expect(translateMessage(state.fieldErrors!.keywords_de![0], pairs)).toBe('A keyword may have at most 60 characters.');
    expect(translateMessage(state.fieldErrors!.keywords_en![0], pairs)).toBe('At most 30 keywords per language.');
    expect(translateMessage(state.fieldErrors!.keywords_uk![0], pairs)).toBe('Keywords must not contain control characters.');
    // The data function refuses the same input from any other caller.
    await expectCode(updateOrganization({ actor: admin, id: org.id, version: 1, input: { keywords_de: tooLong } }), 'VALIDATION');
    expect(await stored(org.id)).toEqual({ keywords: { en: ['housing'] }, version: 1 });
  });

  it("a partner's keywords become a proposal: readable diff, pending marker, approval applies them", async () => {
    const org = await createOrganization({ name: 'Migrationsberatung (Beispiel)', isTrusted: false, keywords: { de: ['Beratung'] } });
    const partner = await createPartnerActor([org.id]);
    const admin = await createAdminActor();
    session.cookie = await sessionCookieFor(partner);
    const target = await redirectOf(
      orgActions.updateOrganizationAction(org.id, idle, form({ name: org.name, keywords_de: 'Beratung, Aufenthalt', keywords_ar: 'إقامة، لجوء', keywords_en: '', version: '1' })),
    );
    expect(target).toContain('eingereicht');
    expect(await stored(org.id)).toEqual({ keywords: { de: ['Beratung'] }, version: 1 });

    const own = await getOwnPendingProposal({ actor: partner, locale: 'de', entityType: 'Organization', entityId: org.id });
    expect(own?.values).toMatchObject({ keywords_de: 'Beratung, Aufenthalt', keywords_ar: 'إقامة، لجوء' });
    expect(own?.fields.map((row) => [row.label, row.before, row.after])).toEqual([
      ['Suchbegriffe (Deutsch)', 'Beratung', 'Beratung, Aufenthalt'],
      ['Suchbegriffe (Arabisch)', null, 'إقامة, لجوء'],
    ]);

    const request = await db.changeRequest.findFirstOrThrow({ where: { organizationId: org.id, status: 'PENDING' } });
    const review = await getChangeRequest({ actor: admin, id: request.id, locale: 'en' });
    expect(review.diff.map((row) => row.label)).toEqual(['Keywords (German)', 'Keywords (Arabic)']);
    await approveChangeRequest({ actor: admin, id: request.id });
    expect(await stored(org.id)).toEqual({ keywords: { de: ['Beratung', 'Aufenthalt'], ar: ['إقامة', 'لجوء'] }, version: 2 });
  });

  it('a pending proposal filed without keyword fields shows today’s keywords in the review form', async () => {
    const org = await createOrganization({ isTrusted: false, keywords: { ru: ['работа'] } });
    const partner = await createPartnerActor([org.id]);
    const admin = await createAdminActor();
    const { id } = await proposeChange({ actor: partner, organizationId: org.id, entityType: 'Organization', action: 'UPDATE', baseVersion: 1, input: { name: 'Neuer Name (Beispiel)' } });
    const review = await getChangeRequest({ actor: admin, id, locale: 'de' });
    expect(review.formValues).toMatchObject({ name: 'Neuer Name (Beispiel)', keywords_ru: 'работа', keywords_de: '' });
  });

  it('is refused for visitors who are not signed in and for partners of other organizations', async () => {
    const org = await createOrganization({ keywords: { de: ['Sprachkurs'] } });
    const other = await createOrganization({ isTrusted: true });
    const stranger = await createPartnerActor([other.id]);
    await expectCode(updateOrganization({ actor: null, id: org.id, version: 1, input: { keywords_de: 'Spam' } }), 'UNAUTHENTICATED');
    await expectCode(updateOrganization({ actor: stranger, id: org.id, version: 1, input: { keywords_de: 'Spam' } }), 'NOT_FOUND');
    await expectCode(proposeChange({ actor: stranger, organizationId: org.id, entityType: 'Organization', action: 'UPDATE', baseVersion: 1, input: { name: org.name, keywords_de: 'Spam' } }), 'NOT_FOUND');
    // Through the form as well (no session: the action refuses before anything is read).
    const state = (await orgActions.updateOrganizationAction(org.id, idle, form({ name: org.name, keywords_de: 'Spam', version: '1' }))) as FormState;
    expect(state.status).toBe('error');
    expect(await stored(org.id)).toEqual({ keywords: { de: ['Sprachkurs'] }, version: 1 });
    expect(await db.changeRequest.count()).toBe(0);
  });
});

describe('translations entered in the admin', () => {
  it("show in the Arabic directory's result cards and on the actor page: name, description and the services' names", async () => {
    const admin = await createAdminActor();
    const org = await createOrganization({ name: 'Wohnraumhilfe Tangermünde (Beispiel)', description: 'Hilfe bei der Wohnungssuche (Beispiel).' });
    const service = await createService({ organizationId: org.id, name: 'Wohnungssuche (Beispiel)', description: 'Wir helfen beim Suchen (Beispiel).' });
    const save = (entityType: 'ORGANIZATION' | 'SERVICE', entityId: string, input: Record<string, string>) =>
      saveContentTranslations({ actor: admin, organizationId: org.id, entityType, entityId, locale: 'ar', input });
    await save('ORGANIZATION', org.id, { name: 'مساعدة السكن (مثال)', description: 'مساعدة في البحث عن شقة (مثال).' });
    await save('SERVICE', service.id, { name: 'البحث عن شقة (مثال)', description: 'نساعدك في البحث (مثال).' });

    const arabic = await runDirectorySearch({ query: parseDirectoryQuery({ q: 'Wohnraumhilfe' }), locale: 'ar' });
    const card = arabic.cards.find((c) => c.id === org.id);
    expect(card?.name).toEqual({ value: 'مساعدة السكن (مثال)', lang: 'ar' });
    expect(card?.description).toEqual({ value: 'مساعدة في البحث عن شقة (مثال).', lang: 'ar' });
    const page = await getPublicOrganizationPage({ slug: org.slug, locale: 'ar' });
    expect(page?.services[0].name).toEqual({ value: 'البحث عن شقة (مثال)', lang: 'ar' });
    expect(page?.services[0].description).toEqual({ value: 'نساعدك في البحث (مثال).', lang: 'ar' });
    // Without an Arabic translation (Ukrainian here) the German text is shown and marked German.
    const ukrainian = await runDirectorySearch({ query: parseDirectoryQuery({ q: 'Wohnraumhilfe' }), locale: 'uk' });
    expect(ukrainian.cards.find((c) => c.id === org.id)?.name).toEqual({ value: org.name, lang: 'de' });
  });
});
