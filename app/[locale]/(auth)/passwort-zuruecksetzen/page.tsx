import '../../admin/admin.css';
import type { Metadata } from 'next';
import Link from 'next/link';
import { AuthI18n } from '@/components/admin/auth-i18n';
import { EntityForm } from '@/components/forms/entity-form';
import { MIN_PASSWORD_LENGTH } from '@/lib/auth/password';
import { isPasswordResetTokenValid } from '@/lib/data/password-reset';
import { authHref, authLangAttributes, authTranslator, getAuthLocale } from '@/lib/i18n/auth';
import { resetPasswordAction } from '../actions';

type Props = { params: Promise<{ locale: string }>; searchParams: Promise<Record<string, string | undefined>> };

export async function generateMetadata({ params, searchParams }: Props): Promise<Metadata> {
  return { title: authTranslator(await getAuthLocale((await params).locale, (await searchParams).lang))('resetTitle'), referrer: 'no-referrer' };
}

// In the URL's language or ?lang=; the sign-in page after saving keeps it.
export default async function ResetPasswordPage({ params, searchParams }: Props) {
  const { token = '', lang } = await searchParams;
  const isValid = await isPasswordResetTokenValid({ token });
  const locale = await getAuthLocale((await params).locale, lang);
  const t = authTranslator(locale);
  return (
    <AuthI18n locale={locale}>
      <div className="max-w-md space-y-4" {...authLangAttributes(locale)}>
        <h1 className="admin-h1">{t('resetHeading')}</h1>
        {isValid ? (
          <EntityForm
            action={resetPasswordAction}
            hidden={{ token, lang: locale }}
            fields={[
              { name: 'password', label: t('newPassword'), type: 'password', isRequired: true, autoComplete: 'new-password', hint: t('passwordHint', { min: MIN_PASSWORD_LENGTH }), isWide: true },
              { name: 'passwordConfirm', label: t('passwordConfirm'), type: 'password', isRequired: true, autoComplete: 'new-password', isWide: true },
            ]}
            initialValues={{}}
            submitLabel={t('savePassword')}
            formId="zuruecksetzen"
          />
        ) : (
          <p className="alert-error">
            {t('resetInvalid')} <Link href={authHref(locale, '/passwort-vergessen')} className="admin-link">{t('requestNewLink')}</Link>
          </p>
        )}
      </div>
    </AuthI18n>
  );
}
