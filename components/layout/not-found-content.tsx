// The localized "page not found" text, shared by app/global-not-found.tsx (unknown addresses,
// rendered on the server) and app/[locale]/not-found.tsx (notFound() inside a page).
import { getTranslations } from 'next-intl/server';
import { Link } from '@/lib/i18n/navigation';

export async function NotFoundContent() {
  const t = await getTranslations('NotFound');
  return (
    <div className="space-y-4" data-not-found>
      <h1 className="text-3xl font-bold text-brand-900">{t('title')}</h1>
      <p>{t('text')}</p>
      <ul className="flex flex-wrap gap-4">
        <li>
          <Link href="/akteure" className="inline-flex min-h-11 items-center font-semibold text-brand-800 underline">
            {t('toDirectory')}
          </Link>
        </li>
        <li>
          <Link href="/" className="inline-flex min-h-11 items-center text-brand-800 underline">
            {t('toHome')}
          </Link>
        </li>
      </ul>
    </div>
  );
}
