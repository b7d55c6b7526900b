// /api/v1/services from the full-route cache: proxy.ts rewrites a valid request without
// If-None-Match here (lib/edge/cached-routes.ts), the segment carrying its parameters. Rendered on
// its first request, then served until an edit expires its tags, at most a minute old (open now).
// Its own address answers 404 (proxy.ts).
import { notFound } from 'next/navigation';
import { decodeApiKey } from '@/lib/edge/cached-routes';
import { servicesResponse } from '../../../../v1/services/respond';

export const revalidate = 60;
export const dynamicParams = true;

export function generateStaticParams(): { key: string }[] {
  return [];
}

export async function GET(_request: Request, { params }: { params: Promise<{ key: string }> }) {
  const search = decodeApiKey('services', (await params).key);
  if (search === null) notFound();
  return servicesResponse(new URLSearchParams(search), null);
}
