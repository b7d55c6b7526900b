import type { Metadata } from 'next';
import { EntityForm } from '@/components/forms/entity-form';
import { requirePageUser } from '@/lib/auth/session';
import { getOwnAccount } from '@/lib/data/account';
import { adminTranslator, getAdminLocale } from '@/lib/i18n/admin';
import { updateAccountAction } from './actions';

export async function generateMetadata(): Promise<Metadata> {
  return { title: adminTranslator(await getAdminLocale(), 'Account')('title') };
}

export default async function AccountPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const actor = await requirePageUser('/de/admin/konto');
  const [account, search, locale] = await Promise.all([getOwnAccount({ actor }), searchParams, getAdminLocale()]);
  const t = adminTranslator(locale, 'Account');
  return (
    <div>
      <h1 className="admin-h1">{t('title')}</h1>
      <div role="status">{search.gespeichert ? <p className="alert-success mb-4">{t('saved')}</p> : null}</div>
      <p className="mb-2">{t('email', { email: account.email })}</p>
      <p className="mb-4">{t('intro')}</p>
      <EntityForm
        action={updateAccountAction}
        fields={[
          { name: 'name', label: t('name'), isRequired: true, autoComplete: 'name' },
          {
            name: 'locale',
            label: t('locale'),
            type: 'select',
            isRequired: true,
            // Each language in its own name, so everyone finds theirs.
            options: [
              { value: 'de', label: t('localeDe') },
              { value: 'en', label: t('localeEn') },
            ],
          },
        ]}
        initialValues={{ name: account.name, locale: account.locale }}
        formId="konto"
        submitLabel={t('submit')}
      />
    </div>
  );
}
