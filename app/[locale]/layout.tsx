import '../fonts.css';
import '../globals.css';
import '@/components/layout/print.css';
import type { Metadata, Viewport } from 'next';
import { notFound } from 'next/navigation';
import { hasLocale } from 'next-intl';
import { getMessages, getTranslations, setRequestLocale } from 'next-intl/server';
import { preload } from 'react-dom';
import { ClientMessagesProvider } from '@/components/i18n/client-messages';
import { SiteFooter } from '@/components/layout/site-footer';
import { SiteHeader } from '@/components/layout/site-header';
import { getEnv } from '@/lib/env';
import { fontPreloads } from '@/lib/fonts';
import { getDirection, routing } from '@/lib/i18n/routing';

// Public pages are rendered on their first request, then served from Next's full-route cache
// until an edit expires one of their tags (lib/next-cache-handler.mjs, docs/architecture.md
// "Caching"). No locale is prerendered, so a build reads no database and needs no runtime settings.
// Pages that must render per request (signed-in areas, forms, search) say so themselves.
export function generateStaticParams(): { locale: string }[] {
  return [];
}

export const viewport: Viewport = { width: 'device-width', initialScale: 1, themeColor: '#0b5563' };

const ogLocales: Record<string, string> = { de: 'de_DE', en: 'en_GB', ar: 'ar_SY', uk: 'uk_UA', ru: 'ru_RU' };

export async function generateMetadata({ params }: { params: Promise<{ locale: string }> }): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: 'Layout' });
  return {
    metadataBase: new URL(getEnv().APP_URL),
    applicationName: t('siteName'),
    title: { default: t('siteName'), template: `%s – ${t('siteName')}` },
    description: t('siteTagline'),
    openGraph: {
      type: 'website',
      siteName: t('siteName'),
      locale: ogLocales[locale] ?? 'de_DE',
      alternateLocale: Object.entries(ogLocales)
        .filter(([key]) => key !== locale)
        .map(([, value]) => value),
    },
  };
}

export default async function LocaleLayout({
  children,
  params,
}: {
  children: React.ReactNode;
  params: Promise<{ locale: string }>;
}) {
  const { locale } = await params;
  if (!hasLocale(routing.locales, locale)) notFound();
  setRequestLocale(locale);
  const t = await getTranslations({ locale, namespace: 'Layout' });
  for (const href of fontPreloads(locale)) preload(href, { as: 'font', type: 'font/woff2', crossOrigin: 'anonymous' });
  const messages = await getMessages();
  return (
    <html lang={locale} dir={getDirection(locale)}>
      <body className="flex min-h-screen flex-col bg-white font-sans text-slate-900 antialiased">
        <a
          href="#main"
          className="sr-only focus:not-sr-only focus:absolute print:hidden focus:start-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:px-4 focus:py-3 focus:text-brand-800"
        >
          {t('skipToContent')}
        </a>
        <SiteHeader />
        <main id="main" tabIndex={-1} className="mx-auto w-full max-w-5xl flex-1 px-4 py-8">
          {/* Only what Next's own client boundaries (error.tsx) need; see client-messages.tsx. */}
          <ClientMessagesProvider messages={{ Error: messages.Error as Record<string, string> }}>{children}</ClientMessagesProvider>
        </main>
        <SiteFooter />
      </body>
    </html>
  );
}
