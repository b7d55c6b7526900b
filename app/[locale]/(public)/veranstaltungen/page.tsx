import type { Metadata } from 'next';
import { EventsView, eventsMetadata, type RawSearch } from './events-view';

type Props = {
  params: Promise<{ locale: string }>;
  searchParams: Promise<RawSearch>;
};

// What proxy.ts does not send to the cached twin (veranstaltungen-liste; a parameter value no
// filter can have), rendered per request: the view ignores such values.
export const dynamic = 'force-dynamic';

export async function generateMetadata({ params, searchParams }: Props): Promise<Metadata> {
  const { locale } = await params;
  return eventsMetadata(locale, await searchParams);
}

export default async function EventsPage({ params, searchParams }: Props) {
  const { locale } = await params;
  return <EventsView locale={locale} raw={await searchParams} />;
}
