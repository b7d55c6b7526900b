import type { Metadata } from 'next';
import Link from 'next/link';
import { projectFields, type ProjectEventT } from '@/components/admin/project-event-fields';
import { EntityForm } from '@/components/forms/entity-form';
import { requirePageUser } from '@/lib/auth/session';
import { editsDirectly, listProjectEventOptions } from '@/lib/data/projects/admin';
import { adminTranslator, getAdminLocale, getAdminT } from '@/lib/i18n/admin';
import { orNotFound } from '../../page-utils';
import { createProjectAction } from '../../projekte/actions';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getAdminT('ProjectsEvents'))('newProject') };
}

// Coordinators create directly; partners propose (reviewed, public only after approval).
export default async function NewProjectPage() {
  const actor = await requirePageUser('/de/admin/projekte/neu');
  const options = await orNotFound(listProjectEventOptions({ actor }));
  const t = adminTranslator(await getAdminLocale(), 'ProjectsEvents');
  const direct = editsDirectly(actor, 'project');
  const own = actor.organizationIds[0] ?? '';
  return (
    <div>
      <p>
        <Link href="/de/admin/projekte" className="admin-link">
          {t('back')}
        </Link>
      </p>
      <h1 className="admin-h1">{direct ? t('newProject') : t('proposeProject')}</h1>
      {direct ? null : <p className="mb-4 max-w-3xl">{t('proposeIntro')}</p>}
      <EntityForm
        action={createProjectAction}
        fields={projectFields({ ...options, isCoordinator: direct, pt: t as unknown as ProjectEventT })}
        initialValues={{ status: 'PLANNED', leadOrganizationId: direct ? '' : own }}
        submitLabel={direct ? undefined : t('proposeProject')}
        formId="projekte"
      />
    </div>
  );
}
