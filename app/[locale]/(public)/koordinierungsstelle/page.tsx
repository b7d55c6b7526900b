import type { Metadata } from 'next';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { CoordinationContacts } from '@/components/directory/coordination-contacts';
import { PageSection } from '@/components/directory/page-content';
import { getCoordinationOffice } from '@/lib/data/organizations';
import { getPage } from '@/lib/data/pages';
import { Link } from '@/lib/i18n/navigation';
import { localeAlternates } from '@/lib/i18n/routing';

export async function generateMetadata({ params }: { params: Promise<{ locale: string }> }): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: 'Coordination' });
  return { title: t('title'), description: t('intro'), alternates: localeAlternates('/koordinierungsstelle', locale) };
}

export default async function CoordinationPage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const t = await getTranslations('Coordination');
  const [page, office] = await Promise.all([getPage({ slug: 'koordinierungsstelle', locale }), getCoordinationOffice({ locale })]);
  return (
    <div className="space-y-8">
      <h1 className="text-3xl font-bold text-brand-900">{t('title')}</h1>
      <p className="text-lg">{t('intro')}</p>
      {office ? (
        <section aria-labelledby="office-contact" className="space-y-3">
          <h2 id="office-contact" className="text-2xl font-semibold text-brand-900">
            {t('contactTitle')}
          </h2>
          <CoordinationContacts office={office} locale={locale} />
          <p>
            <Link href={`/akteure/${office.slug}`} className="inline-flex min-h-11 items-center text-brand-800 underline">
              {t('toEntry')}
            </Link>
          </p>
        </section>
      ) : null}
      {page ? <PageSection page={page} /> : null}
    </div>
  );
}
