import type { Metadata } from 'next';
import Link from 'next/link';
import { ActionButton } from '@/components/forms/action-button';
import { EntityForm } from '@/components/forms/entity-form';
import { requirePageUser } from '@/lib/auth/session';
import { getLanguage } from '@/lib/data/languages';
import { getAdminT } from '@/lib/i18n/admin';
import { LANGUAGE_FIELD_LABELS } from '@/lib/schemas/language';
import { orNotFound, type AdminPageProps } from '../../page-utils';
import { deleteLanguageAction, updateLanguageAction } from '../actions';
import { languageFields, languageFormValues } from '../language-fields';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getAdminT('Languages'))('editTitle') };
}

export default async function EditLanguagePage({ params, searchParams }: AdminPageProps<{ code: string }>) {
  const { code } = await params;
  const search = await searchParams;
  const actor = await requirePageUser(`/de/admin/sprachen/${code}`);
  const language = await orNotFound(getLanguage({ actor, code }));
  const t = await getAdminT('Languages');
  return (
    <div>
      <p>
        <Link href="/de/admin/sprachen" className="admin-link">
          {t('back')}
        </Link>
      </p>
      <h1 className="admin-h1">
        {language.nameDe} (<code>{language.code}</code>)
      </h1>
      <div role="status">{search.gespeichert ? <p className="alert-success mb-4">{t('saved')}</p> : null}</div>
      <p className="mb-4">{t('offerCount', { count: language.offerCount })}</p>
      <EntityForm
        action={updateLanguageAction.bind(null, language.code)}
        fields={languageFields({ withCode: false }, t)}
        initialValues={languageFormValues(language)}
        fieldLabels={LANGUAGE_FIELD_LABELS}
        formId="sprache"
      />
      <section aria-labelledby="loeschen">
        <h2 id="loeschen" className="admin-h2">{t('deleteHeading')}</h2>
        {language.offerCount ? <p className="mb-2">{t('inUse')}</p> : null}
        <ActionButton
          action={deleteLanguageAction.bind(null, language.code)}
          label={t('delete', { name: language.nameDe })}
          variant="danger"
          confirm={t('deleteConfirm', { name: language.nameDe })}
        />
      </section>
    </div>
  );
}
