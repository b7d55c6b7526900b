import type { Metadata } from 'next';
import { DirectoryView, directoryMetadata, type RawSearch } from './directory-view';

type Props = {
  params: Promise<{ locale: string }>;
  searchParams: Promise<RawSearch>;
};

// A search or filter set, rendered per request (the query-less directory is cached: akteure-liste).
export const dynamic = 'force-dynamic';

export async function generateMetadata({ params, searchParams }: Props): Promise<Metadata> {
  const { locale } = await params;
  return directoryMetadata(locale, await searchParams);
}

export default async function DirectoryPage({ params, searchParams }: Props) {
  const { locale } = await params;
  return <DirectoryView locale={locale} raw={await searchParams} />;
}
