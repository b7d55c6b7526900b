import type { Metadata } from 'next';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { PageSection } from '@/components/directory/page-content';
import { getPages } from '@/lib/data/pages';
import { getCategoryOptions } from '@/lib/data/taxonomy-public';
import { Link } from '@/lib/i18n/navigation';
import { localeAlternates } from '@/lib/i18n/routing';

const SECTIONS = ['ziel', 'entstehung', 'arbeitsweise'];

export async function generateMetadata({ params }: { params: Promise<{ locale: string }> }): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: 'Network' });
  return { title: t('title'), alternates: localeAlternates('/netzwerk', locale) };
}

export default async function NetworkPage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const t = await getTranslations('Network');
  const [pages, categories] = await Promise.all([getPages({ slugs: SECTIONS, locale }), getCategoryOptions({ locale })]);
  return (
    <div className="space-y-8">
      <h1 className="text-3xl font-bold text-brand-900">{t('title')}</h1>
      {SECTIONS.map((slug) => (pages[slug] ? <PageSection key={slug} page={pages[slug]} /> : null))}
      <section aria-labelledby="members-title" className="space-y-3">
        <h2 id="members-title" className="text-2xl font-semibold text-brand-900">
          {t('membersTitle')}
        </h2>
        <p>{t('membersIntro')}</p>
        <ul className="grid gap-2 sm:grid-cols-2">
          {categories.map((category) => (
            <li key={category.value}>
              <Link href={`/akteure?art=${category.value}`} className="inline-flex min-h-11 items-center text-brand-800 underline">
                {category.label}
              </Link>
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
