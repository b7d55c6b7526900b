import type { Metadata } from 'next';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { listPublicOrganizations } from '@/lib/data/organizations';
import { Link } from '@/lib/i18n/navigation';

export async function generateMetadata({ params }: { params: Promise<{ locale: string }> }): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: 'Directory' });
  return { title: t('title') };
}

export default async function DirectoryPage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const t = await getTranslations('Directory');
  const organizations = await listPublicOrganizations();
  return (
    <div className="space-y-6">
      <h1 className="text-3xl font-bold text-brand-900">{t('title')}</h1>
      <p>{t('intro')}</p>
      <p role="status">{t('count', { count: organizations.length })}</p>
      {organizations.length === 0 ? <p>{t('empty')}</p> : null}
      <ul className="grid gap-4 sm:grid-cols-2">
        {organizations.map((org) => (
          <li key={org.id} className="rounded-lg border border-slate-200 p-4">
            <h2 className="text-lg font-semibold">
              <Link href={`/akteure/${org.slug}`} className="text-brand-800 underline">
                {org.name}
              </Link>
            </h2>
            {org.category ? <p className="text-sm text-slate-700">{org.category.label}</p> : null}
            <p className="mt-2 line-clamp-3">{org.description}</p>
          </li>
        ))}
      </ul>
    </div>
  );
}
