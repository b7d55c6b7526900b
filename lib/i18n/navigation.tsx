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

export async function Link({ href, locale, ...props }: LinkProps) {
  const target = locale ?? (await getLocale());
  return <NextLink href={localizedHref(href, target)} {...(locale ? { hrefLang: locale } : {})} {...props} />;
}
