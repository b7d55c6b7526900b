// The directory's results page: a small "Projekte" section with the projects matching the search
// words (lib/data/projects/public.ts searchPublicProjects; the directory's ranking is untouched).
import { getTranslations } from 'next-intl/server';
import { searchPublicProjects } from '@/lib/data/projects/public';
import { Link } from '@/lib/i18n/navigation';
import { ProjectCard } from './project-card';

export async function ProjectSearchResults({ q, locale }: { q: string; locale: string }) {
  const projects = await searchPublicProjects({ q, locale, limit: 3 });
  if (projects.length === 0) return null;
  const t = await getTranslations('Projects');
  return (
    <section aria-labelledby="project-results-title" className="space-y-3" data-project-results>
      <h2 id="project-results-title" className="text-2xl font-semibold text-brand-900">
        {t('searchSection')}
      </h2>
      <ul className="space-y-3">
        {projects.map((project) => (
          <li key={project.id}>
            <ProjectCard project={project} locale={locale} />
          </li>
        ))}
      </ul>
      <p>
        <Link href="/projekte" className="inline-flex min-h-11 items-center text-brand-800 underline">
          {t('searchMore')}
        </Link>
      </p>
    </section>
  );
}
