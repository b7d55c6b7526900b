// One project in a list (the /projekte page, an actor's page, the search results). Server component.
import { getFormatter, getTranslations } from 'next-intl/server';
import { langProps } from '@/components/directory/localized';
import type { PublicProject } from '@/lib/data/projects/public';
import { Link } from '@/lib/i18n/navigation';

const linkClass = 'text-brand-800 underline';

export async function projectPeriod(project: Pick<PublicProject, 'startsOn' | 'endsOn'>): Promise<string | null> {
  const [t, format] = await Promise.all([getTranslations('Projects'), getFormatter()]);
  const day = (value: string) => format.dateTime(new Date(`${value}T12:00:00Z`), { dateStyle: 'medium', timeZone: 'Europe/Berlin' });
  if (project.startsOn && project.endsOn) return t('range', { from: day(project.startsOn), to: day(project.endsOn) });
  if (project.startsOn) return `${t('from', { from: day(project.startsOn) })} (${t('openEnd')})`;
  if (project.endsOn) return t('until', { to: day(project.endsOn) });
  return null;
}

export async function ProjectCard({ project, locale, headingLevel = 3, role }: { project: PublicProject; locale: string; headingLevel?: 2 | 3; role?: 'lead' | 'partner' }) {
  const t = await getTranslations('Projects');
  const period = await projectPeriod(project);
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <article className="space-y-1 rounded border border-slate-300 p-4" data-project={project.slug}>
      <Heading className="text-xl font-semibold text-brand-900" {...langProps(project.title, locale)}>
        <Link href={`/projekte/${project.slug}`} className={linkClass}>
          {project.title.value}
        </Link>
      </Heading>
      <p className="text-sm text-slate-700">
        {t(`status_${project.status}`)}
        {period ? ` · ${period}` : null}
        {role ? ` · ${t(role === 'lead' ? 'roleLead' : 'rolePartner')}` : null}
      </p>
      {project.summary.value ? (
        <p className="line-clamp-3" {...langProps(project.summary, locale)}>
          {project.summary.value}
        </p>
      ) : null}
      <p className="text-sm">
        <span className="font-semibold">{t('lead')}:</span> <span lang="de">{project.lead.name}</span>
        {project.partners.length ? (
          <>
            {' · '}
            <span className="font-semibold">{t('partners')}:</span> <span lang="de">{project.partners.map((p) => p.name).join(', ')}</span>
          </>
        ) : null}
      </p>
    </article>
  );
}
