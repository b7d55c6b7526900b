// sitemap.xml from the full-route cache: proxy.ts rewrites /sitemap.xml here. app/sitemap.ts
// stays the one definition of its entries, but as a metadata route Next would either render it
// per request (it must not read the database at build time, so it cannot be prerendered) or at
// build time. As a twin with no prebuilt parameters it is rendered on its first request, then
// served until an edit expires the tags of its reads ('directory', projects, events), at most an
// hour old (an event that has ended leaves it). Serialized by Next's own sitemap serializer, so the
// XML is what the metadata route would send. Its own address answers 404 (proxy.ts).
import { notFound } from 'next/navigation';
import { resolveRouteData } from 'next/dist/build/webpack/loaders/metadata/resolve-route-data';
import sitemap from '../../../../sitemap';

export const revalidate = 3600;
export const dynamicParams = true;

export function generateStaticParams(): { file: string }[] {
  return [];
}

export async function GET(_request: Request, { params }: { params: Promise<{ file: string }> }) {
  if ((await params).file !== 'sitemap.xml') notFound();
  return new Response(resolveRouteData(await sitemap(), 'sitemap'), { headers: { 'Content-Type': 'application/xml' } });
}
