import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { decodeSearchKey } from '@/lib/edge/cached-routes';
import { DirectoryView, directoryMetadata, type RawSearch } from '../../akteure/directory-view';

// A directory search or filter set, the same page as /<locale>/akteure?…: proxy.ts rewrites a
// search whose query is canonical here (lib/edge/cached-routes.ts), the segment carrying that
// query, so that each search is rendered on its first request and then served from the
// full-route cache until an edit expires one of its tags. Address, canonical link and hreflang stay
// those of /<locale>/akteure?…. Short life: the "open now" filter and lines must never be more
// than a minute old.
export const revalidate = 60;
export const dynamicParams = true;

// Nothing at build time: every search is rendered on demand.
export function generateStaticParams(): { suche: string }[] {
  return [];
}

type Props = { params: Promise<{ locale: string; suche: string }> };

async function searchOf(params: Props['params']): Promise<{ locale: string; search: string; raw: RawSearch }> {
  const { locale, suche } = await params;
  const search = decodeSearchKey(suche);
  if (search === null) notFound();
  return { locale, search, raw: Object.fromEntries(new URLSearchParams(search)) };
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale, raw } = await searchOf(params);
  return directoryMetadata(locale, raw);
}

export default async function CachedSearchPage({ params }: Props) {
  const { locale, search, raw } = await searchOf(params);
  return <DirectoryView locale={locale} raw={raw} cachedSearch={search} />;
}
