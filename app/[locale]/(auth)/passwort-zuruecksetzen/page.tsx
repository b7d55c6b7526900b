import '../../admin/admin.css';
import type { Metadata } from 'next';
import Link from 'next/link';
import { AdminI18n } from '@/components/admin/admin-i18n';
import { EntityForm } from '@/components/forms/entity-form';
import { MIN_PASSWORD_LENGTH } from '@/lib/auth/password';
import { isPasswordResetTokenValid } from '@/lib/data/password-reset';
import { adminTranslator, getAdminLocale } from '@/lib/i18n/admin';
import { resetPasswordAction } from '../actions';

type Search = Record<string, string | undefined>;

export async function generateMetadata({ searchParams }: { searchParams: Promise<Search> }): Promise<Metadata> {
  return { title: adminTranslator(await getAdminLocale((await searchParams).lang), 'Auth')('resetTitle'), referrer: 'no-referrer' };
}

// ?lang=en shows the page in English; the sign-in page after saving keeps it.
export default async function ResetPasswordPage({ searchParams }: { searchParams: Promise<Search> }) {
  const { token = '', lang } = await searchParams;
  const isValid = await isPasswordResetTokenValid({ token });
  const locale = await getAdminLocale(lang);
  const t = adminTranslator(locale, 'Auth');
  const langQuery = locale === 'de' ? '' : `?lang=${locale}`;
  return (
    <AdminI18n locale={locale}>
      <div className="max-w-md space-y-4" lang={locale === 'de' ? undefined : locale}>
        <h1 className="admin-h1">{t('resetHeading')}</h1>
        {isValid ? (
          <EntityForm
            action={resetPasswordAction}
            hidden={locale === 'de' ? { token } : { token, lang: locale }}
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
            {t('resetInvalid')} <Link href={`/de/passwort-vergessen${langQuery}`} className="admin-link">{t('requestNewLink')}</Link>
          </p>
        )}
      </div>
    </AdminI18n>
  );
}
