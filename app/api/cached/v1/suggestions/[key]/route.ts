// /api/v1/suggestions from the full-route cache: proxy.ts rewrites a request whose parameters are
// canonical here (lib/edge/cached-routes.ts), the segment carrying them. Rendered on its first
// request, then served until an edit expires its tags (its reads' tags, as for pages), at most a
// minute old. Its own address answers 404 (proxy.ts).
import { notFound } from 'next/navigation';
import { decodeApiKey } from '@/lib/edge/cached-routes';
import { suggestionsResponse } from '../../../../v1/suggestions/respond';

export const revalidate = 60;
export const dynamicParams = true;

export function generateStaticParams(): { key: string }[] {
  return [];
}

export async function GET(_request: Request, { params }: { params: Promise<{ key: string }> }) {
  const search = decodeApiKey('suggestions', (await params).key);
  if (search === null) notFound();
  return suggestionsResponse(new URLSearchParams(search));
}
