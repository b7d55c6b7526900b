// Links between pages in the visitor's language, for server components. `href` is the locale-free
// path ("/akteure?thema=arbeit"); the locale is added on the server, so a link costs no client
// JavaScript beyond Next's own <Link> (next-intl's client Link needs its provider and its message
// formatter in the browser, about 18 KiB compressed on every page; even an unused
// createNavigation() here would register it as a client module of every page).
import 'server-only';
import NextLink from 'next/link';
import type { ComponentProps } from 'react';
import { getLocale } from 'next-intl/server';

export function localizedHref(href: string, locale: string): string {
  if (!href.startsWith('/')) return href;
  if (href === '/') return `/${locale}`;
  return `/${locale}${href.startsWith('/?') ? href.slice(1) : href}`;
}

type LinkProps = Omit<ComponentProps<typeof NextLink>, 'href' | 'locale'> & {
  href: string;
  // Another language than the current page's; such links also get hrefLang.
  locale?: string;
};

// No prefetching unless a link asks for it: Next's default fetches the page data of every link that
// scrolls into view (header, footer and result cards: 15 to 30 requests per visit), which on a phone
// competes with the page itself for the network and the main thread during load (Lighthouse counted
// them into LCP and TBT, docs/performance.md). A click still navigates on the client.
export async function Link({ href, locale, prefetch = false, ...props }: LinkProps) {
  const target = locale ?? (await getLocale());
  return (
    <NextLink href={localizedHref(href, target)} prefetch={prefetch} {...(locale ? { hrefLang: locale } : {})} {...props} />
  );
}
