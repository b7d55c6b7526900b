import { getLocale, getTranslations } from 'next-intl/server';
import { Icon } from '@/components/ui/icons';
import { getSignLanguageVideo } from '@/lib/data/sign-language';
import { Link } from '@/lib/i18n/navigation';
import { LanguageSwitcher } from './language-switcher';

const navLink = 'inline-flex min-h-11 items-center rounded px-3 text-brand-800 underline-offset-4 hover:underline';
const accessLink = 'inline-flex min-h-11 items-center gap-1.5 rounded px-2 text-sm text-brand-800 underline underline-offset-4';

// BITV 2.0 §4: Leichte Sprache on every page; Gebärdensprache once the video is uploaded (until
// then the link would lead to "coming soon", which helps nobody on every page).
export async function SiteHeader() {
  const [t, th, te, ts, locale, signVideo, tProjects, tEvents] = await Promise.all([
    getTranslations('Layout'),
    getTranslations('Header'),
    getTranslations('EasyLanguage'),
    getTranslations('SignLanguage'),
    getLocale(),
    getSignLanguageVideo(),
    getTranslations('Projects'),
    getTranslations('Events'),
  ]);
  return (
    <header className="border-b border-brand-100 bg-brand-50 print:border-0 print:bg-white">
      <div className="mx-auto flex max-w-5xl flex-wrap items-center justify-between gap-x-4 gap-y-2 px-4 py-3">
        <Link href="/" className="flex min-h-11 flex-col justify-center text-brand-900 no-underline">
          <span className="text-lg font-bold">{t('siteName')}</span>
          <span className="text-sm text-slate-700">{t('siteTagline')}</span>
        </Link>
        <div className="flex flex-wrap items-center gap-x-2 gap-y-1 print:hidden">
          <nav aria-label={th('accessibilityNavigation')}>
            <ul className="flex flex-wrap gap-x-1">
              <li>
                <Link href="/leichte-sprache" className={accessLink} data-nav="leichte-sprache">
                  <Icon name="BookOpenText" className="size-5" />
                  {te('linkLabel')}
                </Link>
              </li>
              {signVideo ? (
                <li>
                  <Link href="/gebaerdensprache" className={accessLink} data-nav="gebaerdensprache">
                    <Icon name="Hand" className="size-5" />
                    {ts('linkLabel')}
                  </Link>
                </li>
              ) : null}
            </ul>
          </nav>
          <LanguageSwitcher current={locale} label={t('languageSwitcher')} />
        </div>
      </div>
      <div className="mx-auto max-w-5xl px-4 pb-2 print:hidden">
        <nav aria-label={t('mainNavigation')}>
          <ul className="flex flex-wrap gap-x-1">
            <li>
              <Link href="/akteure" className={`${navLink} font-semibold`}>
                {t('navDirectory')}
              </Link>
            </li>
            <li>
              <Link href="/netzwerk" className={navLink}>
                {t('navNetwork')}
              </Link>
            </li>
            <li>
              <Link href="/koordinierungsstelle" className={navLink}>
                {t('navCoordination')}
              </Link>
            </li>
            <li>
              <Link href="/veranstaltungen" className={navLink}>
                {tEvents('navLabel')}
              </Link>
            </li>
            <li>
              <Link href="/projekte" className={navLink}>
                {tProjects('navLabel')}
              </Link>
            </li>
            <li>
              <Link href="/wegweiser" className={navLink}>
                {t('navGuide')}
              </Link>
            </li>
          </ul>
        </nav>
      </div>
    </header>
  );
}
