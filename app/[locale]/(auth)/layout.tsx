// next-intl's client provider for the sign-in and account pages (the root layout has none, so that
// public pages do not ship its client runtime; see components/i18n/client-messages.tsx).
import { NextIntlClientProvider } from 'next-intl';

// Signed-in or personal pages are rendered per request and never enter the full-route cache.
export const dynamic = 'force-dynamic';

export default function AuthLayout({ children }: { children: React.ReactNode }) {
  return <NextIntlClientProvider>{children}</NextIntlClientProvider>;
}
