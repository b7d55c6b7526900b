// The HSDS lists without parameters (their first page) from the full-route cache: proxy.ts
// rewrites a query-less /api/hsds/<list> here (lib/edge/cached-routes.ts). Rendered on its first
// request, then served until an edit expires its tags ('directory'), at most a minute old. With
// parameters the list's own route answers per request. Its own address answers 404 (proxy.ts).
import { notFound } from 'next/navigation';
import { HSDS_CACHED_LISTS, type HsdsList } from '@/lib/edge/cached-routes';
import { GET as organizations } from '../../../hsds/organizations/route';
import { GET as serviceAtLocations } from '../../../hsds/service_at_locations/route';
import { GET as services } from '../../../hsds/services/route';
import { GET as taxonomies } from '../../../hsds/taxonomies/route';
import { GET as taxonomyTerms } from '../../../hsds/taxonomy_terms/route';

export const revalidate = 60;
export const dynamicParams = true;

export function generateStaticParams(): { list: string }[] {
  return [];
}

const LISTS: Record<HsdsList, (request: Request) => Promise<Response>> = {
  organizations,
  services,
  service_at_locations: serviceAtLocations,
  taxonomies,
  taxonomy_terms: taxonomyTerms,
};

export async function GET(_request: Request, { params }: { params: Promise<{ list: string }> }) {
  const { list } = await params;
  if (!(HSDS_CACHED_LISTS as readonly string[]).includes(list)) notFound();
  // The list's own handler, asked without parameters (the cached answer reads no request).
  return LISTS[list as HsdsList](new Request(`http://localhost/api/hsds/${list}`));
}
