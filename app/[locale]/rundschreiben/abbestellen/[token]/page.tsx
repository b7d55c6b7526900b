import '../../../admin/admin.css';
import type { Metadata } from 'next';
import { inspectOptOutToken } from '@/lib/data/circulars/opt-out';
import { adminTranslator, getAdminLocale } from '@/lib/i18n/admin';
import { optOutAction } from './actions';

// Signed-in or personal pages are rendered per request and never enter the full-route cache.
export const dynamic = 'force-dynamic';

type Search = { ergebnis?: string; lang?: string };

export async function generateMetadata({ searchParams }: { searchParams: Promise<Search> }): Promise<Metadata> {
  return {
    title: adminTranslator(await getAdminLocale((await searchParams).lang), 'CircularOptOut')('title'),
    referrer: 'no-referrer',
    robots: { index: false },
  };
}

// The opt-out link of a circular. Opening it changes nothing (mail scanners open links); the
// button does. No account needed. ?lang=en shows the page in English.
export default async function CircularOptOutPage({ params, searchParams }: { params: Promise<{ token: string }>; searchParams: Promise<Search> }) {
  const { token } = await params;
  const { ergebnis, lang } = await searchParams;
  const locale = await getAdminLocale(lang);
  const t = adminTranslator(locale, 'CircularOptOut');
  const langAttribute = locale === 'de' ? undefined : locale;
  const state = await inspectOptOutToken({ token });
  if (state.status === 'invalid') {
    return (
      <div className="max-w-xl space-y-4" lang={langAttribute}>
        <h1 className="admin-h1">{t('title')}</h1>
        <p className="alert-error" role="alert">
          {t('invalid')}
        </p>
      </div>
    );
  }
  if (state.status === 'optedOut') {
    return (
      <div className="max-w-xl space-y-4" lang={langAttribute}>
        <h1 className="admin-h1">{t('title')}</h1>
        <p className="alert-success" role="status">
          {ergebnis === 'abgemeldet' ? t('done', { email: state.maskedEmail ?? '' }) : t('already', { email: state.maskedEmail ?? '' })}
        </p>
        <p>{t('undo')}</p>
      </div>
    );
  }
  return (
    <div className="max-w-xl space-y-4" lang={langAttribute}>
      <h1 className="admin-h1">{t('title')}</h1>
      <p>{t('intro', { email: state.maskedEmail ?? '', organization: state.organizationName })}</p>
      <form action={optOutAction}>
        <input type="hidden" name="token" value={token} />
        {locale === 'de' ? null : <input type="hidden" name="lang" value={locale} />}
        <button type="submit" className="btn-primary">
          {t('confirm')}
        </button>
      </form>
      <p>{t('otherMail')}</p>
    </div>
  );
}
