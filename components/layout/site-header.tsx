import { getTranslations } from 'next-intl/server';
import { Link } from '@/lib/i18n/navigation';

export async function SiteHeader() {
  const t = await getTranslations('Layout');
  return (
    <header className="border-b border-brand-100 bg-brand-50">
      <div className="mx-auto flex max-w-5xl flex-wrap items-center justify-between gap-4 px-4 py-3">
        <Link href="/" className="flex min-h-11 flex-col justify-center text-brand-900 no-underline">
          <span className="text-lg font-bold">{t('siteName')}</span>
          <span className="text-sm text-slate-700">{t('siteTagline')}</span>
        </Link>
        <nav aria-label={t('mainNavigation')}>
          <ul className="flex flex-wrap gap-2">
            <li>
              <Link href="/" className="inline-flex min-h-11 items-center rounded px-3 text-brand-800 hover:underline">
                {t('navHome')}
              </Link>
            </li>
            <li>
              <Link href="/akteure" className="inline-flex min-h-11 items-center rounded px-3 text-brand-800 hover:underline">
                {t('navDirectory')}
              </Link>
            </li>
          </ul>
        </nav>
      </div>
    </header>
  );
}
