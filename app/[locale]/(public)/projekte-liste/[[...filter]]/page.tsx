import { cachedListRoute } from '../../cached-list';
import { ProjectsView, projectsMetadata } from '../../projekte/projects-view';

// /<locale>/projekte with or without filters, from the full-route cache (../../cached-list.tsx).
// Rendered on its first request, then served until an edit expires its tags, at most a minute old.
export const revalidate = 60;
export const dynamicParams = true;

// Nothing at build time: every filter set is rendered on demand.
export function generateStaticParams(): { filter?: string[] }[] {
  return [];
}

const route = cachedListRoute('projekte', ProjectsView, projectsMetadata);
export const generateMetadata = route.generateMetadata;
export default route.Page;
