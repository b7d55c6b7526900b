// The admin area's language: the signed-in user's User.locale (German unless they chose English on
// /de/admin/konto). URLs stay /de/admin/...; only the texts change. Anonymous pages (sign-in,
// password, invitation) may ask for English with ?lang=en.
import 'server-only';
import { cache } from 'react';
import { createTranslator } from 'next-intl';
import { getCurrentUser } from '@/lib/auth/session';
import { getOwnAccount } from '@/lib/data/account';
import de from '@/messages/admin/de.json';
import en from '@/messages/admin/en.json';
import { DEFAULT_ADMIN_LOCALE, isAdminLocale, type AdminLocale } from './admin-locales';
import { messagePairs, translateMessage, type MessagePair } from './admin-translate';

type AdminMessages = (typeof de)['Admin'];
export type AdminNamespace = Exclude<keyof AdminMessages, 'title'>;

// en.json has exactly the keys of de.json (tests/unit/admin-messages.test.ts).
const CATALOGUES: Record<AdminLocale, AdminMessages> = { de: de.Admin, en: en.Admin as AdminMessages };

const userLocale = cache(async (): Promise<AdminLocale | null> => {
  const actor = await getCurrentUser();
  if (!actor) return null;
  const { locale } = await getOwnAccount({ actor });
  return isAdminLocale(locale) ? locale : DEFAULT_ADMIN_LOCALE;
});

// `requested`: a ?lang= value on anonymous pages; a signed-in user's own choice always wins.
export async function getAdminLocale(requested?: string | null): Promise<AdminLocale> {
  const own = await userLocale();
  if (own) return own;
  return isAdminLocale(requested) ? requested : DEFAULT_ADMIN_LOCALE;
}

export function adminTranslator<N extends AdminNamespace>(locale: AdminLocale, namespace: N) {
  return createTranslator({ locale, messages: CATALOGUES[locale], namespace, timeZone: 'Europe/Berlin' });
}

export type AdminT<N extends AdminNamespace> = ReturnType<typeof adminTranslator<N>>;

// A translate function for one namespace of messages/admin/<locale>.json.
export async function getAdminT<N extends AdminNamespace>(namespace: N, requested?: string | null): Promise<AdminT<N>> {
  return adminTranslator(await getAdminLocale(requested), namespace);
}

// German -> admin language pairs for texts the server sends in German (zod and AppError messages).
const PAIRS: Record<AdminLocale, MessagePair[]> = {
  de: [],
  en: messagePairs(de.Admin, en.Admin),
};

export function serverMessagePairs(locale: AdminLocale): MessagePair[] {
  return PAIRS[locale];
}

// Labels the data layer produces in German (field labels of the history and of change proposals,
// proposal subjects such as "Angebot „X“ ändern") in the admin's language: Admin.Labels.
const LABEL_PAIRS: Record<AdminLocale, MessagePair[]> = {
  de: [],
  en: messagePairs(de.Admin, en.Admin, ['Labels']),
};

export function labelTranslator(locale: AdminLocale): (german: string) => string {
  return (german) => translateMessage(german, LABEL_PAIRS[locale]);
}

export function adminFormats(locale: AdminLocale) {
  const tag = locale === 'en' ? 'en-GB' : 'de-DE';
  return {
    date: new Intl.DateTimeFormat(tag, { dateStyle: 'medium', timeZone: 'Europe/Berlin' }),
    dateTime: new Intl.DateTimeFormat(tag, { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Europe/Berlin' }),
  };
}
