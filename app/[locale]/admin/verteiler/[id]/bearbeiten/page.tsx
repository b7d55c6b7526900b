import type { Metadata } from 'next';
import Link from 'next/link';
import { distributionListFields } from '@/components/admin/distribution-list-fields';
import { EntityForm } from '@/components/forms/entity-form';
import { requirePageUser } from '@/lib/auth/session';
import { getDistributionList } from '@/lib/data/distribution-lists/get-distribution-list';
import { listDistributionListOptions } from '@/lib/data/distribution-lists/list-distribution-list-options';
import { adminTranslator, getAdminLocale, getAdminT } from '@/lib/i18n/admin';
import { toFormValues } from '@/lib/schemas/common';
import { orNotFound } from '../../../page-utils';
import { updateDistributionListAction } from '../../actions';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getAdminT('DistributionLists'))('editTitle') };
}

export default async function EditDistributionListPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await requirePageUser(`/de/admin/verteiler/${id}/bearbeiten`);
  const list = await orNotFound(getDistributionList({ actor, id }));
  const options = await listDistributionListOptions({ actor });
  const t = adminTranslator(await getAdminLocale(), 'DistributionLists');
  const { id: _id, version, createdAt: _c, updatedAt: _u, ...values } = list;
  return (
    <div>
      <p>
        <Link href={`/de/admin/verteiler/${id}`} className="admin-link">
          {t('backToList', { name: list.name })}
        </Link>
      </p>
      <h1 className="admin-h1">{t('editTitle')}</h1>
      <EntityForm
        action={updateDistributionListAction.bind(null, id)}
        fields={distributionListFields(options, t)}
        initialValues={toFormValues(values)}
        hidden={{ version: String(version) }}
        submitLabel={t('save')}
        formId="verteiler"
      />
    </div>
  );
}
