// proxy.ts (lib/edge/cached-routes.ts) sends a public page that otherwise reads search parameters
// to its cached twin: the query-less directory to akteure-liste, a canonical search to
// akteure-suche/<key>, the JSON API's lists to /api/cached/v1/<endpoint>/<key>. Anything else
// (another page, an unknown locale, an untidy or invalid query) stays where it is.
import { describe, expect, it } from 'vitest';
import { cachedApiRoute, cachedRoute, canonicalSearch, decodeApiKey, decodeListKey, decodeSearchKey, isApiTwinAddress, isTwinAddress, loggedSearchVisit, sitemapTwin } from '@/lib/edge/cached-routes';

const key = (target: string | null) => target?.split('/').at(-1) ?? '';

describe('cachedRoute', () => {
  it('sends the query-less directory to its cached twin', () => {
    expect(cachedRoute('/de/akteure', '')).toBe('/de/akteure-liste');
    expect(cachedRoute('/ar/akteure/', '')).toBe('/ar/akteure-liste');
    expect(cachedRoute('/ru/akteure', '?')).toBe('/ru/akteure-liste');
    expect(cachedRoute('/de/akteure', '?_rsc=abc')).toBe('/de/akteure-liste');
  });

  it('sends a canonical search to the search twin, one key per search whatever the order', () => {
    const target = cachedRoute('/de/akteure', '?q=Beratung');
    expect(target).toMatch(/^\/de\/akteure-suche\/[A-Za-z0-9_-]+$/);
    expect(decodeSearchKey(key(target))).toBe('q=Beratung');
    const a = cachedRoute('/de/akteure', '?thema=beratung&sprache=ar&ort=Stendal');
    const b = cachedRoute('/de/akteure', '?ort=Stendal&sprache=ar&thema=beratung&_rsc=x1');
    expect(a).toBe(b);
    expect(decodeSearchKey(key(a))).toBe('thema=beratung&sprache=ar&ort=Stendal');
    expect(decodeSearchKey(key(cachedRoute('/uk/akteure', '?seite=2')))).toBe('seite=2');
    expect(decodeSearchKey(key(cachedRoute('/ar/akteure', `?q=${encodeURIComponent('مساعدة/قانونية')}`)))).toBe(
      new URLSearchParams({ q: 'مساعدة/قانونية' }).toString(),
    );
  });

  it('leaves untidy, unknown and invalid queries to the page (it redirects to the tidy URL)', () => {
    expect(cachedRoute('/de/akteure', '?q=')).toBeNull();
    expect(cachedRoute('/de/akteure', '?q=Beratung&thema=')).toBeNull();
    expect(cachedRoute('/de/akteure', '?q=%20Beratung')).toBeNull();
    expect(cachedRoute('/de/akteure', '?q=a%20%20b')).toBeNull();
    expect(cachedRoute('/de/akteure', '?q=Beratung&utm_source=x')).toBeNull();
    expect(cachedRoute('/de/akteure', '?sprache=Arabisch')).toBeNull();
    expect(cachedRoute('/de/akteure', '?thema=Beratung')).toBeNull();
    expect(cachedRoute('/de/akteure', '?offen=ja')).toBeNull();
    expect(cachedRoute('/de/akteure', '?seite=1')).toBeNull();
    expect(cachedRoute('/de/akteure', '?alter=300')).toBeNull();
    expect(cachedRoute('/de/akteure', '?q=a&q=b')).toBeNull();
  });

  it('leaves other pages and unknown locales alone', () => {
    expect(cachedRoute('/de/akteure/koordinierungsstelle-integration', '')).toBeNull();
    expect(cachedRoute('/de/wegweiser', '')).toBeNull();
    expect(cachedRoute('/de/wegweiser', '?q=x')).toBeNull();
    expect(cachedRoute('/de/projekte/ein-projekt', '')).toBeNull();
    expect(cachedRoute('/xx/akteure', '')).toBeNull();
    expect(cachedRoute('/akteure', '')).toBeNull();
  });
});

describe('cachedRoute for the projects and events lists', () => {
  it('sends them with or without filters to their twins, filters in a fixed order', () => {
    expect(cachedRoute('/de/projekte', '')).toBe('/de/projekte-liste');
    expect(cachedRoute('/uk/veranstaltungen/', '?_rsc=1')).toBe('/uk/veranstaltungen-liste');
    const a = cachedRoute('/de/veranstaltungen', '?monat=2027-01&ansicht=monat&thema=sprache');
    expect(a).toBe(cachedRoute('/de/veranstaltungen', '?thema=sprache&ansicht=monat&monat=2027-01'));
    expect(decodeListKey('veranstaltungen', [key(a)])).toBe('thema=sprache&ansicht=monat&monat=2027-01');
    expect(decodeListKey('projekte', [key(cachedRoute('/de/projekte', '?stand=laufend'))])).toBe('stand=laufend');
    expect(decodeListKey('projekte', undefined)).toBe('');
  });

  it('leaves unknown parameters and impossible values to the page', () => {
    expect(cachedRoute('/de/projekte', '?thema=')).toBeNull();
    expect(cachedRoute('/de/projekte', '?q=x')).toBeNull();
    expect(cachedRoute('/de/projekte', '?thema=a&thema=b')).toBeNull();
    expect(cachedRoute('/de/veranstaltungen', '?ort=%3Cscript%3E')).toBeNull();
    expect(decodeListKey('projekte', [Buffer.from('sprache=ar').toString('base64url')])).toBeNull();
    expect(decodeListKey('projekte', ['a', 'b'])).toBeNull();
  });
});

describe('canonicalSearch and decodeSearchKey', () => {
  it('accept only what a rewrite makes', () => {
    expect(canonicalSearch(new URLSearchParams('q=Beratung&offen=1'))).toBe('q=Beratung&offen=1');
    expect(canonicalSearch(new URLSearchParams(''))).toBeNull();
    expect(decodeSearchKey(Buffer.from('q=%20x').toString('base64url'))).toBeNull();
    expect(decodeSearchKey(Buffer.from('foo=1').toString('base64url'))).toBeNull();
    expect(decodeSearchKey('not base64!')).toBeNull();
    expect(decodeSearchKey('x'.repeat(3000))).toBeNull();
  });
});

describe('isTwinAddress', () => {
  it('recognizes the twins’ own addresses', () => {
    expect(isTwinAddress('/de/akteure-liste')).toBe(true);
    expect(isTwinAddress('/ar/akteure-liste/')).toBe(true);
    expect(isTwinAddress('/de/akteure-suche/cT1CZXJhdHVuZw')).toBe(true);
    expect(isTwinAddress('/de/projekte-liste')).toBe(true);
    expect(isTwinAddress('/en/veranstaltungen-liste/abc')).toBe(true);
    expect(isTwinAddress('/de/akteure')).toBe(false);
    expect(isTwinAddress('/de/akteure/akteure-liste')).toBe(false);
  });
});

describe('cachedApiRoute', () => {
  it('sends the typeahead and valid organization lists to their cached twins', () => {
    const typeahead = cachedApiRoute('/api/v1/suggestions', '?q=Migr&locale=de', false);
    expect(typeahead).toMatch(/^\/api\/cached\/v1\/suggestions\/[A-Za-z0-9_-]+$/);
    expect(decodeApiKey('suggestions', key(typeahead))).toBe('q=Migr&locale=de');
    // The typeahead's own defaults: no or an unknown locale is German.
    expect(cachedApiRoute('/api/v1/suggestions', '?locale=xx&q=Migr', false)).toBe(typeahead);
    const list = cachedApiRoute('/api/v1/organizations', '?q=Beratung&locale=de', false);
    expect(list).toBe(cachedApiRoute('/api/v1/organizations', '?locale=de&q=Beratung', false));
    expect(decodeApiKey('organizations', key(list))).toBe('locale=de&q=Beratung');
    const services = cachedApiRoute('/api/v1/services', '?topic=beratung&q=Kurs', false);
    expect(services).toMatch(/^\/api\/cached\/v1\/services\/[A-Za-z0-9_-]+$/);
    expect(decodeApiKey('services', key(services))).toBe('q=Kurs&topic=beratung');
    // The whole first page (no parameters) has a key of its own.
    expect(cachedApiRoute('/api/v1/services', '', false)).toBe('/api/cached/v1/services/-');
    expect(cachedApiRoute('/api/v1/organizations', '', false)).toBe('/api/cached/v1/organizations/-');
    expect(decodeApiKey('services', '-')).toBe('');
    expect(decodeApiKey('suggestions', '-')).toBeNull();
    // The HSDS lists: only their parameter-less first page.
    expect(cachedApiRoute('/api/hsds/organizations', '', false)).toBe('/api/cached/hsds/organizations');
    expect(cachedApiRoute('/api/hsds/taxonomy_terms/', '?', false)).toBe('/api/cached/hsds/taxonomy_terms');
  });

  it('leaves errors, conditional requests and other endpoints to the uncached routes', () => {
    expect(cachedApiRoute('/api/v1/organizations', '?q=Beratung', true)).toBeNull();
    expect(cachedApiRoute('/api/v1/organizations', '?limit=500', false)).toBeNull();
    expect(cachedApiRoute('/api/v1/organizations', '?foo=1', false)).toBeNull();
    expect(cachedApiRoute('/api/v1/services', '?limit=500', false)).toBeNull();
    expect(cachedApiRoute('/api/v1/suggestions', '?q=a&x=1', false)).toBeNull();
    expect(cachedApiRoute('/api/v1/suggestions', '?q=a&q=b', false)).toBeNull();
    expect(cachedApiRoute('/api/v1/taxonomy', '?locale=de', false)).toBeNull();
    expect(decodeApiKey('organizations', Buffer.from('limit=500').toString('base64url'))).toBeNull();
    expect(cachedApiRoute('/api/hsds/organizations', '?page=2', false)).toBeNull();
    expect(cachedApiRoute('/api/hsds/organizations/0b0e9c1e-0000-4000-8000-000000000000', '', false)).toBeNull();
    expect(cachedApiRoute('/api/hsds/openapi.json', '', false)).toBeNull();
    expect(isApiTwinAddress('/api/cached/v1/suggestions/abc')).toBe(true);
    expect(isApiTwinAddress('/api/v1/suggestions')).toBe(false);
  });
});

describe('sitemapTwin', () => {
  it('sends the sitemap and the numbered files of its index to the cached twin, nothing else', () => {
    expect(sitemapTwin('/sitemap.xml')).toBe('/api/cached/sitemap/sitemap.xml');
    expect(sitemapTwin('/sitemap/1.xml')).toBe('/api/cached/sitemap/1.xml');
    expect(sitemapTwin('/sitemap/12.xml')).toBe('/api/cached/sitemap/12.xml');
    for (const path of ['/sitemap/0.xml', '/sitemap/01.xml', '/sitemap/sitemap.xml', '/sitemap/1.xml/x', '/sitemap/1', '/sitemap/', '/de/sitemap.xml', '/sitemap.xml.gz']) {
      expect(sitemapTwin(path), path).toBeNull();
    }
  });
});

describe('loggedSearchVisit (proxy.ts and the edge response cache)', () => {
  it('counts page loads of a search\'s first page, nothing else', () => {
    expect(loggedSearchVisit('/ar/akteure', '?q=Beratung', 'GET', null)).toEqual({ locale: 'ar', search: 'q=Beratung' });
    expect(loggedSearchVisit('/de/akteure', '?sprache=ar', 'GET', 'document')).toEqual({ locale: 'de', search: 'sprache=ar' });
    // A browser's fetch() (prefetch, client-side navigation), HEAD, a later page, no search at all.
    expect(loggedSearchVisit('/de/akteure', '?q=Beratung', 'GET', 'empty')).toBeNull();
    expect(loggedSearchVisit('/de/akteure', '?q=Beratung', 'HEAD', null)).toBeNull();
    expect(loggedSearchVisit('/de/akteure', '?q=Beratung&seite=2', 'GET', null)).toBeNull();
    expect(loggedSearchVisit('/de/akteure', '', 'GET', null)).toBeNull();
    expect(loggedSearchVisit('/de/netzwerk', '?q=Beratung', 'GET', null)).toBeNull();
    // Not canonical: the page redirects to the tidy address, whose visit counts.
    expect(loggedSearchVisit('/de/akteure', '?q=Beratung&x=1', 'GET', null)).toBeNull();
  });
});
