// The sitemap's files. The sitemap protocol (sitemaps.org) allows at most 50,000 URLs and 50 MB
// (uncompressed) per file; at 10,000 organizations in 5 languages the entries of app/sitemap.ts
// need more. /sitemap.xml (what robots.txt names) is the whole sitemap while it fits in one file,
// else a sitemap index of the files /sitemap/1.xml, /sitemap/2.xml, ... Each file is serialized by
// Next's own sitemap serializer, so its XML is what the metadata route would send.
import type { MetadataRoute } from 'next';
import { resolveRouteData } from 'next/dist/build/webpack/loaders/metadata/resolve-route-data';
import { SITEMAP_ENTRY_FILE, SITEMAP_NUMBERED_FILE } from '@/lib/edge/cached-routes';

type Entries = MetadataRoute.Sitemap;

export interface SitemapLimits {
  maxUrls: number;
  maxBytes: number;
}

/** @internal Exported for its unit test. The protocol’s limits per file; tests pass lower ones (no test inserts 50,000 URLs). */
export const SITEMAP_LIMITS: SitemapLimits = { maxUrls: 50_000, maxBytes: 50 * 1024 * 1024 };

function serialize(entries: Entries): string {
  return resolveRouteData(entries, 'sitemap');
}

/**
 * @internal Exported for its unit test.
 * The entries in files, in order, each within the limits (a single entry larger than maxBytes
 * gets a file of its own). The size of an entry is what it adds to an empty file, which counts the
 * hreflang namespace once per entry: an upper bound, so a file never exceeds maxBytes.
 */
export function splitSitemap(entries: Entries, limits: SitemapLimits): Entries[] {
  const emptyBytes = Buffer.byteLength(serialize([]));
  const files: Entries[] = [];
  let current: Entries = [];
  let bytes = emptyBytes;
  for (const entry of entries) {
    const size = Buffer.byteLength(serialize([entry])) - emptyBytes;
    if (current.length > 0 && (current.length >= limits.maxUrls || bytes + size > limits.maxBytes)) {
      files.push(current);
      current = [];
      bytes = emptyBytes;
    }
    current.push(entry);
    bytes += size;
  }
  files.push(current);
  return files;
}

function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

function newest(entries: Entries): string | undefined {
  let latest: number | undefined;
  for (const entry of entries) {
    const time = entry.lastModified === undefined ? NaN : new Date(entry.lastModified).getTime();
    if (!Number.isNaN(time) && (latest === undefined || time > latest)) latest = time;
  }
  return latest === undefined ? undefined : new Date(latest).toISOString();
}

function sitemapIndex(files: Entries[], base: string): string {
  const items = files.map((entries, index) => {
    const lastModified = newest(entries);
    return `<sitemap>\n<loc>${escapeXml(`${base}/sitemap/${index + 1}.xml`)}</loc>\n${lastModified ? `<lastmod>${lastModified}</lastmod>\n` : ''}</sitemap>\n`;
  });
  return `<?xml version="1.0" encoding="UTF-8"?>\n<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${items.join('')}</sitemapindex>\n`;
}

/**
 * The XML of one sitemap file: `sitemap.xml` is all entries when they fit in one file, else the
 * index of the numbered files; `<n>.xml` is the n-th file (only while there is an index). null: no
 * such file (not found). `base`: the public base URL, without a trailing slash.
 */
export function sitemapDocument(entries: Entries, file: string, base: string, limits: SitemapLimits = SITEMAP_LIMITS): string | null {
  const files = splitSitemap(entries, limits);
  if (file === SITEMAP_ENTRY_FILE) return files.length === 1 ? serialize(files[0]) : sitemapIndex(files, base);
  const number = SITEMAP_NUMBERED_FILE.exec(file);
  if (!number || files.length === 1) return null;
  const entriesOfFile = files[Number(number[1]) - 1];
  return entriesOfFile ? serialize(entriesOfFile) : null;
}
