import type { Metadata } from 'next';
import Link from 'next/link';
import { projectFields, type ProjectEventT } from '@/components/admin/project-event-fields';
import { ActionButton } from '@/components/forms/action-button';
import { EntityForm } from '@/components/forms/entity-form';
import { requirePageUser } from '@/lib/auth/session';
import { editsDirectly, getAdminProject, listProjectEventOptions } from '@/lib/data/projects/admin';
import { adminTranslator, getAdminLocale, getAdminT } from '@/lib/i18n/admin';
import { orNotFound, type AdminPageProps } from '../../page-utils';
import { deleteProjectAction, updateProjectAction } from '../../projekte/actions';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getAdminT('ProjectsEvents'))('editProject') };
}

// Coordinators save directly; partners' saves become a proposal for review.
export default async function EditProjectPage({ params, searchParams }: AdminPageProps<{ id: string }>) {
  const { id } = await params;
  const search = await searchParams;
  const actor = await requirePageUser(`/de/admin/projekte/${id}`);
  const [record, options] = await Promise.all([orNotFound(getAdminProject({ actor, id })), orNotFound(listProjectEventOptions({ actor }))]);
  const t = adminTranslator(await getAdminLocale(), 'ProjectsEvents');
  const direct = editsDirectly(actor, 'project');
  return (
    <div>
      <p>
        <Link href="/de/admin/projekte" className="admin-link">
          {t('back')}
        </Link>
      </p>
      <h1 className="admin-h1">{t('editProject')}</h1>
      <div role="status">
        {search.gespeichert ? <p className="alert-success mb-4">{t('saved')}</p> : null}
        {search.vorgeschlagen ? <p className="alert-success mb-4">{t('proposed')}</p> : null}
      </div>
      {record.isPublished ? (
        <p className="mb-4">
          <a href={`/de/projekte/${record.slug}`} className="admin-link">
            {t('publicPage')}
          </a>
        </p>
      ) : null}
      {direct ? (
        // The translations are entered on the page of the organization that leads it.
        <p className="mb-4">
          <Link href={`/de/admin/organisationen/${record.leadOrganizationId}/uebersetzungen#eintrag-${record.id}`} className="admin-link">
            {t('translationsLink')}
          </Link>
        </p>
      ) : null}
      {direct ? null : <p className="mb-4 max-w-3xl">{t('proposeIntro')}</p>}
      <EntityForm
        action={updateProjectAction.bind(null, record.id)}
        fields={projectFields({ ...options, isCoordinator: direct, pt: t as unknown as ProjectEventT })}
        initialValues={record.values}
        hidden={{ version: String(record.version) }}
        formId="projekte"
      />
      {direct ? (
        <div className="mt-8">
          <ActionButton action={deleteProjectAction.bind(null, record.id)} label={t('delete')} variant="danger" confirm={t('deleteConfirm')} />
        </div>
      ) : null}
    </div>
  );
}
