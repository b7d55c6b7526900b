// The sitemap's files (lib/sitemap.ts): at most 50,000 URLs and 50 MB per file (sitemaps.org);
// /sitemap.xml is the whole sitemap while it fits, else an index of /sitemap/<n>.xml. The limits
// are a parameter: lowered here instead of generating 50,000 URLs for every case.
import type { MetadataRoute } from 'next';
import { resolveRouteData } from 'next/dist/build/webpack/loaders/metadata/resolve-route-data';
import { describe, expect, it } from 'vitest';
import { SITEMAP_LIMITS, sitemapDocument, splitSitemap } from '@/lib/sitemap';

const BASE = 'https://netzwerk.example.org';
const LOCALES = ['de', 'en', 'ar', 'uk', 'ru'];

// As app/sitemap.ts makes them: each path in every locale, with hreflang alternates.
function entries(paths: string[], lastModified?: (index: number) => string): MetadataRoute.Sitemap {
  return paths.flatMap((path, index) =>
    LOCALES.map((locale) => ({
      url: `${BASE}/${locale}${path}`,
      ...(lastModified ? { lastModified: lastModified(index) } : {}),
      alternates: { languages: Object.fromEntries(LOCALES.map((other) => [other, `${BASE}/${other}${path}`])) },
    })),
  );
}

const organizations = (count: number) => Array.from({ length: count }, (_, index) => `/akteure/beispiel-${index + 1}`);
const locs = (xml: string) => [...xml.matchAll(/<loc>([^<]*)<\/loc>/g)].map((match) => match[1]);

describe('sitemap files', () => {
  it('keeps the protocol’s limits', () => {
    expect(SITEMAP_LIMITS).toEqual({ maxUrls: 50_000, maxBytes: 50 * 1024 * 1024 });
  });

  it('is one file while everything fits, as Next serializes it', () => {
    const all = entries(['', '/akteure', ...organizations(3)]);
    expect(sitemapDocument(all, 'sitemap.xml', BASE, { maxUrls: all.length, maxBytes: 1e9 })).toBe(resolveRouteData(all, 'sitemap'));
    expect(sitemapDocument(all, '1.xml', BASE, { maxUrls: all.length, maxBytes: 1e9 })).toBeNull();
  });

  it('becomes an index of numbered files above the URL limit, every URL in exactly one file', () => {
    const all = entries(organizations(5), (index) => `2026-0${index + 1}-15T10:00:00.000Z`);
    const limits = { maxUrls: 10, maxBytes: 1e9 };
    const index = sitemapDocument(all, 'sitemap.xml', BASE, limits)!;
    expect(index).toContain('<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">');
    expect(locs(index)).toEqual([`${BASE}/sitemap/1.xml`, `${BASE}/sitemap/2.xml`, `${BASE}/sitemap/3.xml`]);
    // Each file's lastmod: its newest entry.
    expect(index).toContain(`<loc>${BASE}/sitemap/1.xml</loc>\n<lastmod>2026-02-15T10:00:00.000Z</lastmod>`);
    expect(index).toContain(`<loc>${BASE}/sitemap/3.xml</loc>\n<lastmod>2026-05-15T10:00:00.000Z</lastmod>`);
    const files = ['1.xml', '2.xml', '3.xml'].map((file) => sitemapDocument(all, file, BASE, limits)!);
    for (const file of files) {
      expect(file).toContain('<urlset');
      expect(file.match(/<url>/g)!.length).toBeLessThanOrEqual(10);
    }
    expect(files.flatMap(locs)).toEqual(all.map((entry) => entry.url));
    for (const file of ['4.xml', '0.xml', '01.xml', 'x.xml', 'sitemap']) expect(sitemapDocument(all, file, BASE, limits), file).toBeNull();
  });

  it('splits by bytes too, no file larger than the limit', () => {
    const all = entries(organizations(6));
    const oneFile = Buffer.byteLength(resolveRouteData(all.slice(0, 7), 'sitemap'));
    const limits = { maxUrls: 1000, maxBytes: oneFile };
    const files = splitSitemap(all, limits);
    expect(files.length).toBeGreaterThan(4);
    for (const file of files) expect(Buffer.byteLength(resolveRouteData(file, 'sitemap'))).toBeLessThanOrEqual(oneFile);
    expect(files.flat()).toEqual(all);
  });

  it('at 10,000 organizations in 5 languages: an index of two files within the protocol’s limits', () => {
    const all = entries(['', '/akteure', '/impressum', ...organizations(10_000)]);
    expect(all.length).toBe(50_015);
    const index = sitemapDocument(all, 'sitemap.xml', BASE)!;
    expect(locs(index)).toEqual([`${BASE}/sitemap/1.xml`, `${BASE}/sitemap/2.xml`]);
    const first = sitemapDocument(all, '1.xml', BASE)!;
    expect(first.match(/<url>/g)!.length).toBe(50_000);
    expect(Buffer.byteLength(first)).toBeLessThan(50 * 1024 * 1024);
    expect(sitemapDocument(all, '2.xml', BASE)!.match(/<url>/g)!.length).toBe(15);
  });
});
