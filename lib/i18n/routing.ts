import { defineRouting } from 'next-intl/routing';

export const locales = ['de', 'en', 'ar', 'uk', 'ru'] as const;
export type Locale = (typeof locales)[number];
const defaultLocale: Locale = 'de';

// Right-to-left scripts among our locales.
const rtlLocales = new Set<string>(['ar']);
export function getDirection(locale: string): 'rtl' | 'ltr' {
  return rtlLocales.has(locale) ? 'rtl' : 'ltr';
}

// Each language named in itself, for the language switcher.
export const localeNames: Record<Locale, string> = {
  de: 'Deutsch',
  en: 'English',
  ar: 'العربية',
  uk: 'Українська',
  ru: 'Русский',
};

export function isLocale(value: string): value is Locale {
  return (locales as readonly string[]).includes(value);
}

// `path` is locale-free ("/akteure"). hreflang alternates for metadata, x-default is German.
export function localeAlternates(path: string, currentLocale: string) {
  const suffix = path === '/' ? '' : path;
  const languages: Record<string, string> = {};
  for (const locale of locales) languages[locale] = `/${locale}${suffix}`;
  languages['x-default'] = `/${defaultLocale}${suffix}`;
  return { canonical: `/${currentLocale}${suffix}`, languages };
}

// Always prefixed: 'as-needed' loops redirecting under `next start -H 127.0.0.1` in Next 16.
// No language cookie: next-intl would set one on every page whose language differs from the
// browser's (and on every request without Accept-Language: crawlers, link checkers), and an answer
// that sets a cookie is never public (lib/edge/cache-control.ts), so such visits were `private,
// no-store` and passed every cache. The language is in every address; only "/" and unprefixed
// addresses choose one, from Accept-Language.
export const routing = defineRouting({ locales, defaultLocale, localePrefix: 'always', localeCookie: false });
