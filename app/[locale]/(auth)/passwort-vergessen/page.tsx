import '../../admin/admin.css';
import type { Metadata } from 'next';
import { AdminI18n } from '@/components/admin/admin-i18n';
import { EntityForm } from '@/components/forms/entity-form';
import { adminTranslator, getAdminLocale } from '@/lib/i18n/admin';
import { forgotPasswordAction } from '../actions';

type Search = Record<string, string | undefined>;

export async function generateMetadata({ searchParams }: { searchParams: Promise<Search> }): Promise<Metadata> {
  return { title: adminTranslator(await getAdminLocale((await searchParams).lang), 'Auth')('forgotTitle') };
}

// ?lang=en shows the page in English.
export default async function ForgotPasswordPage({ searchParams }: { searchParams: Promise<Search> }) {
  const locale = await getAdminLocale((await searchParams).lang);
  const t = adminTranslator(locale, 'Auth');
  return (
    <AdminI18n locale={locale}>
      <div className="max-w-md space-y-4" lang={locale === 'de' ? undefined : locale}>
        <h1 className="admin-h1">{t('forgotTitle')}</h1>
        <p>{t('forgotIntro')}</p>
        <EntityForm action={forgotPasswordAction} fields={[{ name: 'email', label: t('email'), type: 'email', isRequired: true, autoComplete: 'email', isWide: true }]} initialValues={{}} submitLabel={t('requestLink')} formId="vergessen" />
      </div>
    </AdminI18n>
  );
}
