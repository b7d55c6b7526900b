// The projects list, shared by its two routes: projekte-liste/[[...filter]] (served from the
// full-route cache: proxy.ts rewrites /<locale>/projekte with or without filters there,
// lib/edge/cached-routes.ts) and ./page.tsx (what is not rewritten, per request).
import type { Metadata } from 'next';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { FacetLinks, searchString } from '@/components/network/facet-links';
import { ProjectCard } from '@/components/network/project-card';
import { listPublicProjects, type ProjectFilters, type ProjectStatusValue } from '@/lib/data/projects/public';
import { Link } from '@/lib/i18n/navigation';
import { localeAlternates } from '@/lib/i18n/routing';

export type RawSearch = Record<string, string | string[] | undefined>;

const ORDER = ['thema', 'zielgruppe', 'stand', 'organisation'] as const;
const STATUS_PARAM: Record<string, ProjectStatusValue> = { geplant: 'PLANNED', laufend: 'RUNNING', abgeschlossen: 'COMPLETED' };
const STATUS_SLUG: Record<ProjectStatusValue, string> = { PLANNED: 'geplant', RUNNING: 'laufend', COMPLETED: 'abgeschlossen' };

// The URL's filters: one value each, unknown parameters and values ignored (never an error page).
function parseFilters(raw: Record<string, string | string[] | undefined>): ProjectFilters {
  const one = (key: string) => {
    const value = raw[key];
    const text = Array.isArray(value) ? value[0] : value;
    return text && /^[\p{L}\p{N}-]{1,120}$/u.test(text) ? text : undefined;
  };
  const stand = one('stand');
  return { thema: one('thema'), zielgruppe: one('zielgruppe'), stand: stand ? STATUS_PARAM[stand] : undefined, organisation: one('organisation') };
}

export async function projectsMetadata(locale: string, raw: RawSearch): Promise<Metadata> {
  const filters = parseFilters(raw);
  const t = await getTranslations({ locale, namespace: 'Projects' });
  const filtered = Object.values(filters).some(Boolean);
  return {
    title: t('title'),
    description: t('intro'),
    alternates: localeAlternates('/projekte', locale),
    robots: filtered ? { index: false, follow: true } : undefined,
  };
}

export async function ProjectsView({ locale, raw }: { locale: string; raw: RawSearch }) {
  setRequestLocale(locale);
  const t = await getTranslations('Projects');
  const { projects, total, facets, filters } = await listPublicProjects({ locale, filters: parseFilters(raw) });
  const current = { ...filters, stand: filters.stand ? STATUS_SLUG[filters.stand] : undefined };
  const isFiltered = Object.values(current).some(Boolean);
  return (
    <div className="space-y-6">
      <header className="space-y-2">
        <h1 className="text-3xl font-bold text-brand-900">{t('title')}</h1>
        <p>{t('intro')}</p>
      </header>
      {total > 0 ? (
        <section aria-labelledby="filters-title" className="space-y-2">
          <h2 id="filters-title" className="text-2xl font-semibold text-brand-900">
            {t('filtersTitle')}
          </h2>
          <FacetLinks
            path="/projekte"
            current={current}
            order={ORDER}
            allLabel={t('allOptions')}
            facets={[
              { param: 'thema', label: t('filterTopic'), options: facets.thema },
              { param: 'zielgruppe', label: t('filterTargetGroup'), options: facets.zielgruppe },
              { param: 'stand', label: t('filterStatus'), options: facets.stand.map((o) => ({ ...o, value: STATUS_SLUG[o.value as ProjectStatusValue], label: t(`status_${o.value}`) })) },
              { param: 'organisation', label: t('filterOrganization'), options: facets.organisation },
            ]}
          />
          {isFiltered ? (
            <p>
              <Link href={`/projekte${searchString({}, ORDER)}`} className="inline-flex min-h-11 items-center text-brand-800 underline">
                {t('removeAllFilters')}
              </Link>
            </p>
          ) : null}
        </section>
      ) : null}
      <section aria-labelledby="results-title" className="space-y-3">
        <h2 id="results-title" className="text-2xl font-semibold text-brand-900" aria-live="polite">
          {t('count', { count: projects.length })}
        </h2>
        {projects.length === 0 ? <p>{total === 0 ? t('none') : t('empty')}</p> : null}
        <ul className="space-y-3">
          {projects.map((project) => (
            <li key={project.id}>
              <ProjectCard project={project} locale={locale} />
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
