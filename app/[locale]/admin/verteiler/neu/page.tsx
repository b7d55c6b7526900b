import type { Metadata } from 'next';
import Link from 'next/link';
import { distributionListFields } from '@/components/admin/distribution-list-fields';
import { EntityForm } from '@/components/forms/entity-form';
import { requirePageUser } from '@/lib/auth/session';
import { listDistributionListOptions } from '@/lib/data/distribution-lists/list-distribution-list-options';
import { adminTranslator, getAdminLocale, getAdminT } from '@/lib/i18n/admin';
import { orNotFound } from '../../page-utils';
import { createDistributionListAction } from '../actions';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getAdminT('DistributionLists'))('newTitle') };
}

export default async function NewDistributionListPage() {
  const actor = await requirePageUser('/de/admin/verteiler/neu');
  const options = await orNotFound(listDistributionListOptions({ actor }));
  const t = adminTranslator(await getAdminLocale(), 'DistributionLists');
  return (
    <div>
      <p>
        <Link href="/de/admin/verteiler" className="admin-link">
          {t('back')}
        </Link>
      </p>
      <h1 className="admin-h1">{t('newTitle')}</h1>
      <p className="mb-4 max-w-3xl">{t('formIntro')}</p>
      <EntityForm
        action={createDistributionListAction}
        fields={distributionListFields(options, t)}
        initialValues={{ useFilter: 'on', includeInternal: 'on', addressMode: 'FUNCTIONAL_MAILBOX' }}
        submitLabel={t('create')}
        formId="verteiler"
      />
    </div>
  );
}
