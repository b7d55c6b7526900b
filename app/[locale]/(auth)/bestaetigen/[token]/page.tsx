import '../../../admin/admin.css';
import type { Metadata } from 'next';
import Link from 'next/link';
import { inspectVerificationToken } from '@/lib/data/verification';
import { authLangAttributes, authTranslator, getAuthLocale } from '@/lib/i18n/auth';
import { confirmVerificationAction } from './actions';

type Props = { params: Promise<{ locale: string; token: string }>; searchParams: Promise<{ ergebnis?: string; lang?: string }> };

export async function generateMetadata({ params, searchParams }: Props): Promise<Metadata> {
  return {
    title: authTranslator(await getAuthLocale((await params).locale, (await searchParams).lang))('confirmTitle'),
    referrer: 'no-referrer',
    robots: { index: false },
  };
}

const REFUSALS = { invalid: 'refusalInvalid', expired: 'refusalExpired', used: 'refusalUsed' } as const;

// Opening the page changes nothing (mail scanners open links too); only the button confirms.
// In the URL's language or ?lang=.
export default async function ConfirmEntryPage({ params, searchParams }: Props) {
  const { token, locale: urlLocale } = await params;
  const { ergebnis, lang } = await searchParams;
  const locale = await getAuthLocale(urlLocale, lang);
  const t = authTranslator(locale);
  const langAttributes = authLangAttributes(locale);
  if (ergebnis === 'confirmed') {
    return (
      <div className="max-w-xl space-y-4" {...langAttributes}>
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
      <div className="max-w-xl space-y-4" {...langAttributes}>
        <h1 className="admin-h1">{t('confirmTitle')}</h1>
        <p className="alert-error" role="alert">
          {t(REFUSALS[state.status])}
        </p>
      </div>
    );
  }
  return (
    <div className="max-w-xl space-y-4" {...langAttributes}>
      <h1 className="admin-h1">{t('stillCorrect')}</h1>
      <p>
        {t('entry')} <strong>{state.organizationName}</strong>
      </p>
      <form action={confirmVerificationAction}>
        <input type="hidden" name="token" value={token} />
        <input type="hidden" name="lang" value={locale} />
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
