import type { Metadata } from 'next';
import Link from 'next/link';
import { requirePageUser } from '@/lib/auth/session';
import { listAdminProjects } from '@/lib/data/projects/admin';
import { adminTranslator, getAdminLocale, getAdminT } from '@/lib/i18n/admin';
import { orNotFound, type AdminPageProps } from '../page-utils';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getAdminT('ProjectsEvents'))('projectsTitle') };
}

// Coordinators: every project; partners: those of their organizations (to propose changes).
export default async function AdminProjectsPage({ searchParams }: AdminPageProps<Record<string, never>>) {
  const actor = await requirePageUser('/de/admin/projekte');
  const projects = await orNotFound(listAdminProjects({ actor }));
  const search = await searchParams;
  const t = adminTranslator(await getAdminLocale(), 'ProjectsEvents');
  const isCoordinator = actor.role === 'ADMIN';
  return (
    <div>
      <div className="flex flex-wrap items-center justify-between gap-4">
        <h1 className="admin-h1">{t('projectsTitle')}</h1>
        <Link href="/de/admin/projekte/neu" className="btn-primary">
          {isCoordinator ? t('newProject') : t('proposeProject')}
        </Link>
      </div>
      <div role="status">
        {search.geloescht ? <p className="alert-success mb-4">{t('deleted')}</p> : null}
        {search.vorgeschlagen ? <p className="alert-success mb-4">{t('proposed')}</p> : null}
      </div>
      {projects.length === 0 ? (
        <p>{t('none')}</p>
      ) : (
        <div className="overflow-x-auto">
          <table className="admin-table">
            <caption className="sr-only">{t('projectsTitle')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('colTitle')}</th>
                <th scope="col">{t('colOrganization')}</th>
                <th scope="col">{t('colStatus')}</th>
                <th scope="col">{t('colPublic')}</th>
              </tr>
            </thead>
            <tbody>
              {projects.map((project) => (
                <tr key={project.id}>
                  <td>
                    <Link href={`/de/admin/projekte/${project.id}`} className="admin-link">
                      {project.title}
                    </Link>
                  </td>
                  <td>{project.leadOrganization.name}</td>
                  <td>{t(`status_${project.status}`)}</td>
                  <td>{project.isPublished ? t('published') : t('draft')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
