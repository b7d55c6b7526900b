// sitemap.xml and the files of its index, from the full-route cache: proxy.ts rewrites
// /sitemap.xml and /sitemap/<n>.xml here (lib/edge/cached-routes.ts). app/sitemap.ts stays the one
// definition of the entries and lib/sitemap.ts splits them into files of at most 50,000 URLs and
// 50 MB (an index at /sitemap.xml once they do not fit in one). As a metadata route Next would
// either render the sitemap per request (it must not read the database at build time, so it cannot
// be prerendered) or at build time. As a twin with no prebuilt parameters each file is rendered on
// its first request, then served until an edit expires the tags of its reads ('directory',
// projects, events), at most an hour old (an event that has ended leaves it). Its own address
// answers 404 (proxy.ts), and so does a file the sitemap does not have.
import { notFound } from 'next/navigation';
import { getEnv } from '@/lib/env';
import { sitemapDocument } from '@/lib/sitemap';
import sitemap from '../../../../sitemap';

export const revalidate = 3600;
export const dynamicParams = true;

export function generateStaticParams(): { file: string }[] {
  return [];
}

export async function GET(_request: Request, { params }: { params: Promise<{ file: string }> }) {
  const { file } = await params;
  const xml = sitemapDocument(await sitemap(), file, getEnv().APP_URL.replace(/\/$/, ''));
  if (xml === null) notFound();
  return new Response(xml, { headers: { 'Content-Type': 'application/xml' } });
}
