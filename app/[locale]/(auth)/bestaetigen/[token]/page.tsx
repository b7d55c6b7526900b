import '../../../admin/admin.css';
import type { Metadata } from 'next';
import Link from 'next/link';
import { inspectVerificationToken } from '@/lib/data/verification';
import { adminTranslator, getAdminLocale } from '@/lib/i18n/admin';
import { confirmVerificationAction } from './actions';

type Search = { ergebnis?: string; lang?: string };

export async function generateMetadata({ searchParams }: { searchParams: Promise<Search> }): Promise<Metadata> {
  return {
    title: adminTranslator(await getAdminLocale((await searchParams).lang), 'Auth')('confirmTitle'),
    referrer: 'no-referrer',
    robots: { index: false },
  };
}

const REFUSALS = { invalid: 'refusalInvalid', expired: 'refusalExpired', used: 'refusalUsed' } as const;

// Opening the page changes nothing (mail scanners open links too); only the button confirms.
// ?lang=en shows the page in English.
export default async function ConfirmEntryPage({ params, searchParams }: { params: Promise<{ token: string }>; searchParams: Promise<Search> }) {
  const { token } = await params;
  const { ergebnis, lang } = await searchParams;
  const locale = await getAdminLocale(lang);
  const t = adminTranslator(locale, 'Auth');
  const langAttribute = locale === 'de' ? undefined : locale;
  if (ergebnis === 'confirmed') {
    return (
      <div className="max-w-xl space-y-4" lang={langAttribute}>
        <h1 className="admin-h1">{t('thanks')}</h1>
        <p className="alert-success" role="status">
          {t('confirmed')}
        </p>
      </div>
    );
  }
  const state = await inspectVerificationToken({ token });
  if (state.status !== 'valid') {
    return (
      <div className="max-w-xl space-y-4" lang={langAttribute}>
        <h1 className="admin-h1">{t('confirmTitle')}</h1>
        <p className="alert-error" role="alert">
          {t(REFUSALS[state.status])}
        </p>
      </div>
    );
  }
  return (
    <div className="max-w-xl space-y-4" lang={langAttribute}>
      <h1 className="admin-h1">{t('stillCorrect')}</h1>
      <p>
        {t('entry')} <strong>{state.organizationName}</strong>
      </p>
      <form action={confirmVerificationAction}>
        <input type="hidden" name="token" value={token} />
        {locale === 'de' ? null : <input type="hidden" name="lang" value={locale} />}
        <button type="submit" className="btn-primary">
          {t('allCorrect')}
        </button>
      </form>
      <p>
        {t('somethingChanged')}{' '}
        <Link href={`/de/admin/organisationen/${state.organizationId}`} className="inline-flex min-h-11 items-center text-brand-800 underline">
          {t('signInAndEdit')}
        </Link>
      </p>
    </div>
  );
}
