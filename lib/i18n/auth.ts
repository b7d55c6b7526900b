// The language of the signed-out pages (sign-in, sign-out, forgotten and new password, invitation,
// "entry still correct"): any of the five public languages, unlike the admin area (German or
// English). German and English come from the admin catalogues, Arabic, Ukrainian and Russian from
// messages/auth/<locale>.json, which hold the same keys for the Auth and Form texts plus the
// server messages these pages can show (tests/unit/auth-messages.test.ts checks both).
import 'server-only';
import { createTranslator } from 'next-intl';
import de from '@/messages/admin/de.json';
import en from '@/messages/admin/en.json';
import ar from '@/messages/auth/ar.json';
import ru from '@/messages/auth/ru.json';
import uk from '@/messages/auth/uk.json';
import { getAdminLocale, serverMessagePairs } from './admin';
import { messagePairs, type MessagePair } from './admin-translate';
import { getDirection, isLocale, type Locale } from './routing';

type AuthCatalogue = Pick<(typeof de)['Admin'], 'Auth' | 'Form'> & { Errors: { rateLimitedUntil: string } };

const CATALOGUES: Record<Locale, AuthCatalogue> = { de: de.Admin, en: en.Admin, ar, uk, ru };

const PAIRS: Record<Locale, readonly MessagePair[]> = {
  de: [],
  en: serverMessagePairs('en'),
  ar: messagePairs(de.Admin, ar),
  uk: messagePairs(de.Admin, uk),
  ru: messagePairs(de.Admin, ru),
};

// ?lang= (links in e-mails), else the URL's language; /de/... is also where the admin area links
// to, so there a signed-in user's admin language applies (German unless they chose English).
export async function getAuthLocale(urlLocale: string, requested?: string | null): Promise<Locale> {
  if (requested && isLocale(requested)) return requested;
  if (isLocale(urlLocale) && urlLocale !== 'de') return urlLocale;
  return getAdminLocale();
}

export function authTranslator(locale: Locale) {
  return createTranslator({ locale, messages: CATALOGUES[locale], namespace: 'Auth', timeZone: 'Europe/Berlin' });
}

export type AuthT = ReturnType<typeof authTranslator>;

export function authFormTexts(locale: Locale): AuthCatalogue['Form'] {
  return CATALOGUES[locale].Form;
}

// "Zu viele Versuche … um {time} Uhr …" for the sign-in form, which fills in the time itself.
export function rateLimitTemplate(locale: Locale): string {
  return CATALOGUES[locale].Errors.rateLimitedUntil;
}

// German -> page language pairs for the messages the server sends (zod, AppError, action results).
export function authMessagePairs(locale: Locale): readonly MessagePair[] {
  return PAIRS[locale];
}

// The page's wrapper: language and direction of its text, also when ?lang= differs from the URL.
export function authLangAttributes(locale: Locale): { lang: Locale; dir: 'ltr' | 'rtl' } {
  return { lang: locale, dir: getDirection(locale) };
}

// A link to another signed-out page in the same language.
export function authHref(locale: Locale, path: string): string {
  return `/${locale}${path}`;
}
