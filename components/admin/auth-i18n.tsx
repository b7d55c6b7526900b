// The signed-out pages' language for the client components inside (form texts, server messages):
// the AdminI18n provider fed from lib/i18n/auth.ts, in any of the five public languages.
import 'server-only';
import { authFormTexts, authMessagePairs } from '@/lib/i18n/auth';
import type { Locale } from '@/lib/i18n/routing';
import { AdminI18nProvider } from './admin-i18n-context';

export function AuthI18n({ children, locale }: { children: React.ReactNode; locale: Locale }) {
  return (
    <AdminI18nProvider locale={locale} form={authFormTexts(locale)} pairs={authMessagePairs(locale)}>
      {children}
    </AdminI18nProvider>
  );
}
