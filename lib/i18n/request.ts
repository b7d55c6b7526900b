import { hasLocale } from 'next-intl';
import { getRequestConfig } from 'next-intl/server';
import { routing } from './routing';

// Admin texts live in messages/admin/<locale>.json so that the public and the admin area can be
// translated and reviewed apart; an untranslated admin file falls back to German.
async function loadAdminMessages(locale: string): Promise<Record<string, unknown>> {
  try {
    return (await import(`../../messages/admin/${locale}.json`)).default;
  } catch {
    return (await import('../../messages/admin/de.json')).default;
  }
}

export default getRequestConfig(async ({ requestLocale }) => {
  const requested = await requestLocale;
  const locale = hasLocale(routing.locales, requested) ? requested : routing.defaultLocale;
  const [publicMessages, adminMessages] = await Promise.all([
    import(`../../messages/${locale}.json`).then((module) => module.default),
    loadAdminMessages(locale),
  ]);
  return {
    locale,
    timeZone: 'Europe/Berlin',
    messages: { ...publicMessages, ...adminMessages },
  };
});
