'use client';
// Links to the same page in every language (keeps path and query). Plain links: they work without
// JavaScript, each is announced in its own language, and changing the language loads the page
// anew (lang and dir of the whole document change). The names are set in the system font, so
// that a German page does not download Arabic and Cyrillic web fonts for one word each.
import { usePathname, useSearchParams } from 'next/navigation';
import { Suspense } from 'react';
import { localeNames, locales } from '@/lib/i18n/routing';

const LOCALE_PREFIX = new RegExp(`^/(${locales.join('|')})(?=/|$)`);

function LinksWithQuery(props: { current: string; label: string }) {
  const search = useSearchParams().toString();
  return <Links {...props} search={search} />;
}

function Links({ current, label, search }: { current: string; label: string; search: string }) {
  const rest = (usePathname() ?? '').replace(LOCALE_PREFIX, '');
  return (
    <nav aria-label={label}>
      <ul className="flex flex-wrap gap-1 font-system">
        {locales.map((locale) => (
          <li key={locale}>
            <a
              href={`/${locale}${rest}${search ? `?${search}` : ''}`}
              lang={locale}
              hrefLang={locale}
              aria-current={locale === current ? 'true' : undefined}
              className={`inline-flex min-h-11 min-w-11 items-center justify-center rounded px-2 text-sm ${
                locale === current ? 'border-2 border-brand-700 font-bold text-brand-900' : 'text-brand-800 underline'
              }`}
            >
              {localeNames[locale]}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}

export function LanguageSwitcher({ current, label }: { current: string; label: string }) {
  return (
    <Suspense fallback={<Links current={current} label={label} search="" />}>
      <LinksWithQuery current={current} label={label} />
    </Suspense>
  );
}
