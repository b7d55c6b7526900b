// Unknown addresses (/de/gibt-es-nicht, /ar/akteure/x/y): a whole document rendered on the
// server with status 404, in the visitor's language, so that it reads without JavaScript.
// Next 16.3+ renders the not-found.tsx boundary of a layout in the browser only and answers with
// an empty shell (vercel/next.js#62228); a global not-found page is rendered like a page.
// The language comes from the proxy (next-intl puts the URL's locale in a request header).
import './fonts.css';
import './globals.css';
import '@/components/layout/print.css';
import type { Metadata } from 'next';
import { getLocale, getTranslations } from 'next-intl/server';
import { preload } from 'react-dom';
import { NotFoundContent } from '@/components/layout/not-found-content';
import { SiteFooter } from '@/components/layout/site-footer';
import { SiteHeader } from '@/components/layout/site-header';
import { getEnv } from '@/lib/env';
import { fontPreloads } from '@/lib/fonts';
import { getDirection } from '@/lib/i18n/routing';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('NotFound');
  const layout = await getTranslations('Layout');
  return {
    metadataBase: new URL(getEnv().APP_URL),
    title: `${t('title')} – ${layout('siteName')}`,
    robots: { index: false },
  };
}

export default async function GlobalNotFound() {
  const locale = await getLocale();
  const t = await getTranslations('Layout');
  for (const href of fontPreloads(locale)) preload(href, { as: 'font', type: 'font/woff2', crossOrigin: 'anonymous' });
  return (
    <html lang={locale} dir={getDirection(locale)}>
      <body className="flex min-h-screen flex-col bg-white font-sans text-slate-900 antialiased">
        <a
          href="#main"
          className="sr-only focus:not-sr-only focus:absolute focus:start-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:px-4 focus:py-3 focus:text-brand-800 print:hidden"
        >
          {t('skipToContent')}
        </a>
        <SiteHeader />
        <main id="main" tabIndex={-1} className="mx-auto w-full max-w-5xl flex-1 px-4 py-8">
          <NotFoundContent />
        </main>
        <SiteFooter />
      </body>
    </html>
  );
}
