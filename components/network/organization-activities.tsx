// The actor page's projects (led or joined) and upcoming events (organized). Server component,
// given to OrganizationView by the public actor page only (the preview of a draft shows none).
import { getTranslations } from 'next-intl/server';
import { listOrganizationEvents } from '@/lib/data/events/public';
import { listOrganizationProjects } from '@/lib/data/projects/public';
import { EventItem } from './event-parts';
import { ProjectCard } from './project-card';

const h2Class = 'text-2xl font-semibold text-brand-900';

export async function OrganizationActivities({ organizationId, locale }: { organizationId: string; locale: string }) {
  const [projects, events, tp, te] = await Promise.all([
    listOrganizationProjects({ organizationId, locale }),
    listOrganizationEvents({ organizationId, locale }),
    getTranslations('Projects'),
    getTranslations('Events'),
  ]);
  return (
    <>
      {events.length ? (
        <section aria-labelledby="events-title" className="space-y-3" data-actor-events>
          <h2 id="events-title" className={h2Class}>
            {te('actorSection')}
          </h2>
          <ul className="space-y-3">
            {events.map((event) => (
              <li key={event.id}>
                <EventItem event={event} locale={locale} />
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {projects.length ? (
        <section aria-labelledby="projects-title" className="space-y-3" data-actor-projects>
          <h2 id="projects-title" className={h2Class}>
            {tp('actorSection')}
          </h2>
          <ul className="space-y-3">
            {projects.map((project) => (
              <li key={project.id}>
                <ProjectCard project={project} locale={locale} role={project.role} />
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </>
  );
}
