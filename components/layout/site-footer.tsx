import { getTranslations } from 'next-intl/server';
import NextLink from 'next/link';
import { Link } from '@/lib/i18n/navigation';

const linkClass = 'inline-flex min-h-11 items-center text-brand-800 underline';

export async function SiteFooter() {
  const t = await getTranslations('Layout');
  return (
    <footer className="border-t border-slate-200 bg-slate-50 print:hidden">
      <div className="mx-auto flex max-w-5xl flex-col gap-2 px-4 py-6 text-sm text-slate-700">
        <p>{t('footerNote')}</p>
        <nav aria-label={t('footerNavigation')}>
          <ul className="flex flex-wrap gap-x-4">
            <li>
              <Link href="/impressum" className={linkClass}>
                {t('imprint')}
              </Link>
            </li>
            <li>
              <Link href="/datenschutz" className={linkClass}>
                {t('privacy')}
              </Link>
            </li>
            <li>
              <Link href="/barrierefreiheit" className={linkClass}>
                {t('accessibility')}
              </Link>
            </li>
            <li>
              {/* The admin area is German only: link there directly, not through the locale. */}
              <NextLink href="/de/anmelden" hrefLang="de" prefetch={false} className={linkClass}>
                {t('partnerSignIn')}
              </NextLink>
            </li>
          </ul>
        </nav>
      </div>
    </footer>
  );
}
