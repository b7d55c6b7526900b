import '../../admin/admin.css';
import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { SignInForm } from '@/components/admin/sign-in-form';
import { getCurrentUser } from '@/lib/auth/session';
import { rateLimitMessage } from '@/lib/auth/rate-limit';
import { safeRedirectPath } from '@/lib/auth/redirect';
import { adminTranslator, getAdminLocale, serverMessagePairs, type AdminT } from '@/lib/i18n/admin';
import { translateMessage } from '@/lib/i18n/admin-translate';

type Search = Record<string, string | undefined>;

export async function generateMetadata({ searchParams }: { searchParams: Promise<Search> }): Promise<Metadata> {
  return { title: adminTranslator(await getAdminLocale((await searchParams).lang), 'Auth')('signIn') };
}

// Only known codes become text: the query string is attacker-controlled.
function errorText(code: string | undefined, t: AdminT<'Auth'>, translate: (text: string) => string): string | null {
  if (!code) return null;
  const limited = /^RateLimited:(\d{10,15})$/.exec(code);
  if (limited) return translate(rateLimitMessage(new Date(Number(limited[1]))));
  if (code === 'CredentialsSignin' || code === 'SignInFailed') return t('wrongCredentials');
  if (code === 'SessionRequired') return t('sessionRequired');
  if (code === 'CodeRequired') return t('codeRequired');
  if (code === 'CodeInvalid') return t('codeInvalid');
  return t('failed');
}

// ?lang=en shows the page in English; after sign-in the user's own choice (User.locale) applies.
export default async function SignInPage({ searchParams }: { searchParams: Promise<Search> }) {
  const search = await searchParams;
  const locale = await getAdminLocale(search.lang);
  const t = adminTranslator(locale, 'Auth');
  const translate = (text: string) => translateMessage(text, serverMessagePairs(locale));
  const callbackUrl = safeRedirectPath(search.callbackUrl);
  if (!search.error && (await getCurrentUser())) redirect(callbackUrl);
  return (
    <div className="space-y-6" lang={locale === 'de' ? undefined : locale}>
      <h1 className="admin-h1">{t('signIn')}</h1>
      <div role="status">
        {search.abgemeldet ? <p className="alert-success">{t('signedOut')}</p> : null}
        {search.passwort ? <p className="alert-success">{t('passwordSaved')}</p> : null}
        {search.einladung ? <p className="alert-success">{t('invitationDone')}</p> : null}
      </div>
      <SignInForm
        callbackUrl={callbackUrl}
        error={errorText(search.error, t, translate)}
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
          rateLimited: adminTranslator(locale, 'Errors').raw('rateLimitedUntil') as string,
          pending: t('pending'),
        }}
      />
      <p>
        <Link href={`/de/passwort-vergessen${locale === 'de' ? '' : `?lang=${locale}`}`} className="admin-link">
          {t('forgotPassword')}
        </Link>
      </p>
    </div>
  );
}
