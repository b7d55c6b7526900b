import { defineRouting } from 'next-intl/routing';

export const locales = ['de'] as const;
export type Locale = (typeof locales)[number];
export const defaultLocale: Locale = 'de';

// Right-to-left scripts among our locales.
const rtlLocales = new Set<string>(['ar']);
export function getDirection(locale: string): 'rtl' | 'ltr' {
  return rtlLocales.has(locale) ? 'rtl' : 'ltr';
}

// Always prefixed: 'as-needed' loops redirecting under `next start -H 127.0.0.1` in Next 16.
export const routing = defineRouting({ locales, defaultLocale, localePrefix: 'always' });
