// sitemap.xml: every public page and every published actor in every locale, with hreflang
// alternates. Its entries are defined here; proxy.ts sends /sitemap.xml to the cached twin
// app/api/cached/sitemap/[file] (never rendered at build time: no database then), which serializes
// them. force-dynamic keeps `next build` from prerendering this metadata route itself.
import type { MetadataRoute } from 'next';
import { listUpcomingEvents } from '@/lib/data/events/public';
import { listAllPublicProjects } from '@/lib/data/projects/public';
import { listSitemapOrganizations } from '@/lib/data/organizations';
import { getEnv } from '@/lib/env';
import { locales } from '@/lib/i18n/routing';

export const dynamic = 'force-dynamic';

const STATIC_PATHS = ['', '/akteure', '/netzwerk', '/koordinierungsstelle', '/wegweiser', '/leichte-sprache', '/gebaerdensprache', '/impressum', '/datenschutz', '/barrierefreiheit', '/projekte', '/veranstaltungen'];

export default async function sitemap(): Promise<MetadataRoute.Sitemap> {
  const base = getEnv().APP_URL.replace(/\/$/, '');
  const [organizations, projects, events] = await Promise.all([listSitemapOrganizations(), listAllPublicProjects('de'), listUpcomingEvents({ locale: 'de' })]);
  const entry = (path: string, lastModified?: string): MetadataRoute.Sitemap =>
    locales.map((locale) => ({
      url: `${base}/${locale}${path}`,
      ...(lastModified ? { lastModified } : {}),
      alternates: { languages: Object.fromEntries(locales.map((other) => [other, `${base}/${other}${path}`])) },
    }));
  return [
    ...STATIC_PATHS.flatMap((path) => entry(path)),
    ...organizations.flatMap((org) => entry(`/akteure/${org.slug}`, org.updatedAt)),
    ...projects.flatMap((project) => entry(`/projekte/${project.slug}`, project.updatedAt)),
    // Upcoming events only: a past event's page stays reachable but is not advertised.
    ...events.flatMap((event) => entry(`/veranstaltungen/${event.slug}`, event.updatedAt)),
  ];
}
