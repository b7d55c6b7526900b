import { cachedListRoute } from '../../cached-list';
import { EventsView, eventsMetadata } from '../../veranstaltungen/events-view';

// /<locale>/veranstaltungen with or without filters, from the full-route cache (../../cached-list.tsx).
// Rendered on its first request, then served until an edit expires its tags, at most a minute old.
export const revalidate = 60;
export const dynamicParams = true;

// Nothing at build time: every filter set is rendered on demand.
export function generateStaticParams(): { filter?: string[] }[] {
  return [];
}

const route = cachedListRoute('veranstaltungen', EventsView, eventsMetadata);
export const generateMetadata = route.generateMetadata;
export default route.Page;
