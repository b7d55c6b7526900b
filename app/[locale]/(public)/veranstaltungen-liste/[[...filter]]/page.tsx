import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { decodeListKey } from '@/lib/edge/cached-routes';
import { EventsView, eventsMetadata, type RawSearch } from '../../veranstaltungen/events-view';

// /<locale>/veranstaltungen with or without filters, from the full-route cache: proxy.ts rewrites it here
// (lib/edge/cached-routes.ts), the optional segment carrying the filters in canonical form.
// Rendered on its first request, then served until an edit expires its tags, at most a minute
// old. Address, canonical link and hreflang stay those of /<locale>/veranstaltungen.
export const revalidate = 60;
export const dynamicParams = true;

export function generateStaticParams(): { filter?: string[] }[] {
  return [];
}

type Props = { params: Promise<{ locale: string; filter?: string[] }> };

async function filtersOf(params: Props['params']): Promise<{ locale: string; raw: RawSearch }> {
  const { locale, filter } = await params;
  const search = decodeListKey('veranstaltungen', filter);
  if (search === null) notFound();
  return { locale, raw: Object.fromEntries(new URLSearchParams(search)) };
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale, raw } = await filtersOf(params);
  return eventsMetadata(locale, raw);
}

export default async function CachedListPage({ params }: Props) {
  const { locale, raw } = await filtersOf(params);
  return <EventsView locale={locale} raw={raw} />;
}
