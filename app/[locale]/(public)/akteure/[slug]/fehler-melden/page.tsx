import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getMessages, getTranslations, setRequestLocale } from 'next-intl/server';
import { FeedbackForm } from '@/components/directory/feedback-form';
import { Icon } from '@/components/ui/icons';
import { getPublicOrganizationPage } from '@/lib/data/organizations';
import { Link } from '@/lib/i18n/navigation';
import { localeAlternates } from '@/lib/i18n/routing';

type Params = Promise<{ locale: string; slug: string }>;

export const dynamic = 'force-dynamic';

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { locale, slug } = await params;
  const t = await getTranslations({ locale, namespace: 'Feedback' });
  return { title: t('title'), robots: { index: false }, alternates: localeAlternates(`/akteure/${slug}/fehler-melden`, locale) };
}

export default async function ReportMistakePage({ params }: { params: Params }) {
  const { locale, slug } = await params;
  setRequestLocale(locale);
  const organization = await getPublicOrganizationPage({ slug, locale });
  if (!organization) notFound();
  const [t, messages] = await Promise.all([getTranslations('Feedback'), getMessages()]);
  return (
    <div className="max-w-2xl space-y-5">
      <p>
        <Link href={`/akteure/${organization.slug}`} className="inline-flex min-h-11 items-center text-brand-800 underline">
          <Icon name="ArrowLeft" className="me-1 size-5 rtl:rotate-180" />
          {t('back')}
        </Link>
      </p>
      <h1 className="text-3xl font-bold text-brand-900">{t('title')}</h1>
      <p>{t('entry', { name: organization.name.value })}</p>
      <p>{t('intro')}</p>
      <FeedbackForm organizationSlug={organization.slug} locale={locale} messages={messages.Feedback as Record<string, string>} />
      <p className="text-sm text-slate-700">{t('privacy')}</p>
    </div>
  );
}
