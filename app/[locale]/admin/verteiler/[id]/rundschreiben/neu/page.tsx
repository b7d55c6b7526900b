import type { Metadata } from 'next';
import Link from 'next/link';
import { circularFields } from '@/components/admin/distribution-list-fields';
import { EntityForm } from '@/components/forms/entity-form';
import { requirePageUser } from '@/lib/auth/session';
import { getDistributionList } from '@/lib/data/distribution-lists/get-distribution-list';
import { adminTranslator, getAdminLocale, getAdminT } from '@/lib/i18n/admin';
import { can } from '@/lib/permissions';
import { notFound } from 'next/navigation';
import { orNotFound } from '../../../../page-utils';
import { createCircularAction } from '../../../actions';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getAdminT('Circulars'))('newTitle') };
}

export default async function NewCircularPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await requirePageUser(`/de/admin/verteiler/${id}/rundschreiben/neu`);
  if (!can(actor, 'circular.send')) notFound();
  const list = await orNotFound(getDistributionList({ actor, id }));
  const t = adminTranslator(await getAdminLocale(), 'Circulars');
  return (
    <div>
      <p>
        <Link href={`/de/admin/verteiler/${id}`} className="admin-link">
          {t('backToList', { name: list.name })}
        </Link>
      </p>
      <h1 className="admin-h1">{t('newTitle')}</h1>
      <p className="mb-4 max-w-3xl">{t('newIntro', { name: list.name })}</p>
      <EntityForm action={createCircularAction.bind(null, id)} fields={circularFields(t)} initialValues={{}} submitLabel={t('createDraft')} formId="rundschreiben" />
    </div>
  );
}
