// The pages of the list twins (projekte-liste, veranstaltungen-liste): proxy.ts rewrites
// /<locale>/projekte and /<locale>/veranstaltungen with or without filters to them
// (lib/edge/cached-routes.ts), the optional segment carrying the filters in canonical form, so
// that each filter set is served from the full-route cache. Address, canonical link and hreflang
// stay those of the visitor's URL.
import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import type { ReactNode } from 'react';
import { decodeListKey } from '@/lib/edge/cached-routes';

type RawSearch = Record<string, string | string[] | undefined>;
type Props = { params: Promise<{ locale: string; filter?: string[] }> };

export function cachedListRoute(
  page: 'projekte' | 'veranstaltungen',
  View: (props: { locale: string; raw: RawSearch }) => Promise<ReactNode>,
  metadata: (locale: string, raw: RawSearch) => Promise<Metadata>,
) {
  async function filtersOf(params: Props['params']): Promise<{ locale: string; raw: RawSearch }> {
    const { locale, filter } = await params;
    const search = decodeListKey(page, filter);
    if (search === null) notFound();
    return { locale, raw: Object.fromEntries(new URLSearchParams(search)) };
  }
  return {
    async generateMetadata({ params }: Props): Promise<Metadata> {
      const { locale, raw } = await filtersOf(params);
      return metadata(locale, raw);
    },
    async Page({ params }: Props) {
      const { locale, raw } = await filtersOf(params);
      return <View locale={locale} raw={raw} />;
    },
  };
}
