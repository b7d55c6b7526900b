import type { Metadata } from 'next';
import { DirectoryView, directoryMetadata } from '../akteure/directory-view';

// The directory without a query, the same page as /<locale>/akteure: proxy.ts rewrites a
// query-less /<locale>/akteure here, so that it is served from the full-route cache (a page that
// reads search parameters renders per request). Its canonical link is /<locale>/akteure.
// The cards' "open now" lines depend on the time: rendered again at most a minute after caching.
export const revalidate = 60;

type Props = { params: Promise<{ locale: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  return directoryMetadata(locale, {});
}

export default async function CachedDirectoryPage({ params }: Props) {
  const { locale } = await params;
  return <DirectoryView locale={locale} raw={{}} />;
}
