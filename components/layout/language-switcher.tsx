'use client';
// Links to the same page in every language (keeps path and query). Plain links: works without
// JavaScript and each one is announced in its own language.
import { useSearchParams } from 'next/navigation';
import { Suspense } from 'react';
import { Link, usePathname } from '@/lib/i18n/navigation';
import { localeNames, locales } from '@/lib/i18n/routing';

function LinksWithQuery(props: { current: string; label: string }) {
  const search = useSearchParams().toString();
  return <Links {...props} search={search} />;
}

function Links({ current, label, search }: { current: string; label: string; search: string }) {
  const pathname = usePathname();
  const href = search ? `${pathname}?${search}` : pathname;
  return (
    <nav aria-label={label}>
      <ul className="flex flex-wrap gap-1">
        {locales.map((locale) => (
          <li key={locale}>
            <Link
              href={href}
              locale={locale}
              lang={locale}
              hrefLang={locale}
              aria-current={locale === current ? 'true' : undefined}
              className={`inline-flex min-h-11 min-w-11 items-center justify-center rounded px-2 text-sm ${
                locale === current ? 'border-2 border-brand-700 font-bold text-brand-900' : 'text-brand-800 underline'
              }`}
            >
              {localeNames[locale]}
            </Link>
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
