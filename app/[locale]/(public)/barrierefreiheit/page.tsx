import type { Metadata } from 'next';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { LegalPage } from '@/components/directory/legal-page';
import { localeAlternates } from '@/lib/i18n/routing';

// Rendered per request from the tagged data cache (lib/data/public-cache.ts): no database access
// at build time, and no full-page copies that could outlive a database restore.
export const dynamic = 'force-dynamic';

export async function generateMetadata({ params }: { params: Promise<{ locale: string }> }): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: 'Legal' });
  return { title: t('accessibilityTitle'), alternates: localeAlternates('/barrierefreiheit', locale) };
}

export default async function AccessibilityPage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  return <LegalPage kind="accessibility" slug="barrierefreiheit" locale={locale} />;
}
