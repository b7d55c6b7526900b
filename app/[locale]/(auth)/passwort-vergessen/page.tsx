import '../../admin/admin.css';
import type { Metadata } from 'next';
import { AuthI18n } from '@/components/admin/auth-i18n';
import { EntityForm } from '@/components/forms/entity-form';
import { authLangAttributes, authTranslator, getAuthLocale } from '@/lib/i18n/auth';
import { forgotPasswordAction } from '../actions';

type Props = { params: Promise<{ locale: string }>; searchParams: Promise<Record<string, string | undefined>> };

export async function generateMetadata({ params, searchParams }: Props): Promise<Metadata> {
  return { title: authTranslator(await getAuthLocale((await params).locale, (await searchParams).lang))('forgotTitle') };
}

// In the URL's language or ?lang=; the reset mail links back in the same language.
export default async function ForgotPasswordPage({ params, searchParams }: Props) {
  const locale = await getAuthLocale((await params).locale, (await searchParams).lang);
  const t = authTranslator(locale);
  return (
    <AuthI18n locale={locale}>
      <div className="max-w-md space-y-4" {...authLangAttributes(locale)}>
        <h1 className="admin-h1">{t('forgotTitle')}</h1>
        <p>{t('forgotIntro')}</p>
        <EntityForm action={forgotPasswordAction} hidden={{ lang: locale }} fields={[{ name: 'email', label: t('email'), type: 'email', isRequired: true, autoComplete: 'email', isWide: true }]} initialValues={{}} submitLabel={t('requestLink')} formId="vergessen" />
      </div>
    </AuthI18n>
  );
}
