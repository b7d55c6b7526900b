import '../../admin/admin.css';
import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { SignInForm } from '@/components/admin/sign-in-form';
import { getCurrentUser } from '@/lib/auth/session';
import { rateLimitMessage } from '@/lib/data/auth/rate-limit';
import { safeRedirectPath } from '@/lib/auth/redirect';
import { translateMessage } from '@/lib/i18n/admin-translate';
import { authHref, authLangAttributes, authMessagePairs, authTranslator, getAuthLocale, rateLimitTemplate, type AuthT } from '@/lib/i18n/auth';

type Props = { params: Promise<{ locale: string }>; searchParams: Promise<Record<string, string | undefined>> };

export async function generateMetadata({ params, searchParams }: Props): Promise<Metadata> {
  return { title: authTranslator(await getAuthLocale((await params).locale, (await searchParams).lang))('signIn') };
}

// Only known codes become text: the query string is attacker-controlled.
function errorText(code: string | undefined, t: AuthT, translate: (text: string) => string): string | null {
  if (!code) return null;
  const limited = /^RateLimited:(\d{10,15})$/.exec(code);
  if (limited) return translate(rateLimitMessage(new Date(Number(limited[1]))));
  if (code === 'CredentialsSignin' || code === 'SignInFailed') return t('wrongCredentials');
  if (code === 'SessionRequired') return t('sessionRequired');
  if (code === 'CodeRequired') return t('codeRequired');
  if (code === 'CodeInvalid') return t('codeInvalid');
  return t('failed');
}

// In the URL's language (/uk/anmelden) or ?lang=; after sign-in the user's admin language applies.
export default async function SignInPage({ params, searchParams }: Props) {
  const search = await searchParams;
  const locale = await getAuthLocale((await params).locale, search.lang);
  const t = authTranslator(locale);
  const pairs = authMessagePairs(locale);
  const translate = (text: string) => translateMessage(text, pairs);
  const callbackUrl = safeRedirectPath(search.callbackUrl);
  if (!search.error && (await getCurrentUser())) redirect(callbackUrl);
  return (
    <div className="space-y-6" {...authLangAttributes(locale)}>
      <h1 className="admin-h1">{t('signIn')}</h1>
      <div role="status">
        {search.abgemeldet ? <p className="alert-success">{t('signedOut')}</p> : null}
        {search.passwort ? <p className="alert-success">{t('passwordSaved')}</p> : null}
      </div>
      <SignInForm
        callbackUrl={callbackUrl}
        error={errorText(search.error, t, translate)}
        locale={locale}
        texts={{
          email: t('email'),
          password: t('password'),
          submit: t('signIn'),
          code: t('code'),
          codeHint: t('codeHint'),
          codeRequired: t('codeRequired'),
          codeInvalid: t('codeInvalid'),
          wrongCredentials: t('wrongCredentials'),
          failed: t('failed'),
          rateLimited: rateLimitTemplate(locale),
          pending: t('pending'),
        }}
      />
      <p>
        <Link href={authHref(locale, '/passwort-vergessen')} className="admin-link">
          {t('forgotPassword')}
        </Link>
      </p>
    </div>
  );
}
