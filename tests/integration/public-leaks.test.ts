// Hidden data never leaks: internal contacts, contacts without (or with withdrawn) consent,
// draft, archived and soft-deleted organizations, soft-deleted contacts and services appear in no
// public read: search, directory cards, actor pages, suggestions, Wegweiser, filters, sitemap,
// vCards and the JSON API.
import { beforeAll, describe, expect, it } from 'vitest';
import { seedDatabase } from '@/prisma/seed';
import {
  getCoordinationOffice,
  getPublicContactCard,
  getPublicOrganizationPage,
  listSitemapOrganizations,
} from '@/lib/data/organizations';
import { listWegweiserEntries } from '@/lib/data/wegweiser';
import { getDirectoryFacets } from '@/lib/data/taxonomy-public';
import { getSuggestions, runDirectorySearch } from '@/lib/data/directory/search';
import { parseDirectoryQuery } from '@/lib/search/query';
import { GET as searchApi } from '@/app/api/v1/organizations/route';
import { GET as organizationApi } from '@/app/api/v1/organizations/[slug]/route';
import { GET as suggestionsApi } from '@/app/api/v1/suggestions/route';
import { GET as vcardRoute } from '@/app/[locale]/(public)/akteure/[slug]/vcard/[contactId]/route';
import sitemap from '@/app/sitemap';
import { getTestDb, testDatabaseUrl } from '../setup/db.ts';
import { createDirectoryFixtures, FIXTURE_SLUGS as F, HIDDEN_MARKERS } from '../fixtures/directory.ts';

const db = getTestDb();
const HIDDEN_SLUGS = [F.draft, F.archived, F.deleted];
const LOCALES = ['de', 'en', 'ar', 'uk', 'ru'];

function expectNoHidden(value: unknown) {
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  for (const marker of [...HIDDEN_MARKERS, ...HIDDEN_SLUGS]) expect(text).not.toContain(marker);
}

beforeAll(async () => {
  await seedDatabase({ url: testDatabaseUrl(), adminPassword: 'test-passwort-123456' });
  await createDirectoryFixtures(db);
});

describe('no hidden data in public reads', () => {
  it('search results and cards, for every marker word and for the full list', async () => {
    for (const locale of LOCALES) {
      const all = await runDirectorySearch({ query: parseDirectoryQuery({}), locale, pageSize: 500 });
      expect(all.total).toBe(await db.organization.count({ where: { status: 'PUBLISHED', deletedAt: null } }));
      expectNoHidden(all);
    }
    for (const marker of [...HIDDEN_MARKERS, 'Geheimprojekt Entwurf', 'Archivverein', 'Gelöschter']) {
      const result = await runDirectorySearch({ query: parseDirectoryQuery({ q: marker }), locale: 'de' });
      expectNoHidden(result.cards);
      for (const card of result.cards) expect(HIDDEN_SLUGS).not.toContain(card.slug);
    }
  });

  it('filters do not reveal hidden organizations or languages only hidden contacts speak', async () => {
    const somali = await runDirectorySearch({ query: parseDirectoryQuery({ sprache: 'so' }), locale: 'de' });
    expect(somali.total).toBe(0);
    const tigrinya = await runDirectorySearch({ query: parseDirectoryQuery({ sprache: 'ti' }), locale: 'de' });
    expect(tigrinya.total).toBe(0);
    const village = await runDirectorySearch({ query: parseDirectoryQuery({ ort: 'Geheimdorf (Beispiel)' }), locale: 'de' });
    expect(village.total).toBe(0);
    for (const locale of LOCALES) {
      const facets = await getDirectoryFacets({ locale });
      const languageCodes = facets.languages.map((l) => l.value);
      expect(languageCodes).toContain('ar');
      expect(languageCodes).not.toContain('so');
      expect(languageCodes).not.toContain('ti');
      expect(facets.municipalities.map((m) => m.value)).not.toContain('Geheimdorf (Beispiel)');
    }
  });

  it('suggestions', async () => {
    for (const marker of [...HIDDEN_MARKERS, 'Geheim', 'Archiv', 'Gelösch']) {
      for (const locale of ['de', 'ar']) expectNoHidden(await getSuggestions({ q: marker, locale }));
    }
    const response = await suggestionsApi(new Request('http://test/api/v1/suggestions?q=Geheimprojekt&locale=de'));
    expectNoHidden(await response.text());
  });

  it('actor pages: hidden organizations are not found, hidden contacts and services not shown', async () => {
    for (const slug of HIDDEN_SLUGS) {
      for (const locale of LOCALES) expect(await getPublicOrganizationPage({ slug, locale })).toBeNull();
    }
    const page = await getPublicOrganizationPage({ slug: F.mueller, locale: 'de' });
    expect(page).not.toBeNull();
    expect(page!.contacts).toHaveLength(1);
    expectNoHidden(page);
    // The hidden contact's language is not listed either.
    expect(JSON.stringify(page)).not.toContain('"ti"');
  });

  it('coordination office, Wegweiser and sitemap', async () => {
    for (const locale of LOCALES) {
      expectNoHidden(await getCoordinationOffice({ locale }));
      expectNoHidden(await listWegweiserEntries({ locale }));
    }
    const slugs = (await listSitemapOrganizations()).map((entry) => entry.slug);
    expect(slugs).toContain(F.mueller);
    expectNoHidden(slugs);
    const entries = await sitemap();
    expect(entries.some((entry) => entry.url.endsWith(`/ar/akteure/${F.mueller}`))).toBe(true);
    expectNoHidden(entries);
  });

  it('vCards exist only for public contacts of public organizations', async () => {
    const contacts = await db.contactPerson.findMany({ select: { id: true, role: true, organization: { select: { slug: true } } } });
    for (const contact of contacts) {
      const isPublic = (await getPublicContactCard({ slug: contact.organization.slug, contactId: contact.id })) !== null;
      const response = await vcardRoute(new Request('http://test/'), {
        params: Promise.resolve({ locale: 'de', slug: contact.organization.slug, contactId: contact.id }),
      });
      expect(response.status).toBe(isPublic ? 200 : 404);
      if (HIDDEN_MARKERS.some((marker) => contact.role.includes(marker)) || HIDDEN_SLUGS.includes(contact.organization.slug as never)) {
        expect(response.status).toBe(404);
      }
    }
    const [visible] = (await getPublicOrganizationPage({ slug: F.mueller, locale: 'de' }))!.contacts;
    const response = await vcardRoute(new Request('http://test/'), {
      params: Promise.resolve({ locale: 'de', slug: F.mueller, contactId: visible.id }),
    });
    expect(response.headers.get('content-type')).toBe('text/vcard; charset=utf-8');
    const text = await response.text();
    expect(text).toMatch(/^BEGIN:VCARD\r\nVERSION:4.0\r\n/);
    expect(text).toContain('FN:Erika Beispiel 1');
    expect(text).toContain('ORG:Beratungszentrum Müller (Beispiel)');
    expectNoHidden(text);
  });

  it('JSON API', async () => {
    const list = await searchApi(new Request('http://test/api/v1/organizations?locale=de'));
    const body = await list.json();
    expect(body.total).toBeGreaterThan(15);
    expectNoHidden(body);
    for (const marker of ['Geheimprojekt', 'Archivverein', 'Interne Fallkonferenz']) {
      expectNoHidden(await (await searchApi(new Request(`http://test/api/v1/organizations?q=${encodeURIComponent(marker)}`))).text());
    }
    for (const slug of HIDDEN_SLUGS) {
      const response = await organizationApi(new Request(`http://test/api/v1/organizations/${slug}`), { params: Promise.resolve({ slug }) });
      expect(response.status).toBe(404);
    }
    const visible = await organizationApi(new Request(`http://test/api/v1/organizations/${F.mueller}?locale=ar`), {
      params: Promise.resolve({ slug: F.mueller }),
    });
    expect(visible.status).toBe(200);
    expectNoHidden(await visible.text());
  });

  it('logs a search anonymously with its filters', async () => {
    const { logSearch } = await import('@/lib/data/search-log');
    await logSearch({ query: parseDirectoryQuery({ q: 'Zahnarzt', sprache: 'ar', alter: '30' }), locale: 'ar', resultCount: 0 });
    const row = await db.searchLog.findFirstOrThrow({ orderBy: { id: 'desc' } });
    expect(row).toMatchObject({ query: 'Zahnarzt', locale: 'ar', resultCount: 0, filters: { language: 'ar', age: 30 } });
  });
});
