// Cache tags of projects and events (lib/cache.ts is the cache's own module; these are ours):
// every public read of a project carries PROJECTS_TAG and the org:<id> tag of every organization
// it shows, so that renaming or hiding an organization refreshes the projects that name it.
import { organizationTag, type CacheTag } from '@/lib/cache';

export const PROJECTS_TAG = 'projects';
export const EVENTS_TAG = 'events';

/** What a visible write of a project or an event must expire. */
export function recordTags(kind: 'project' | 'event', organizationIds: (string | null | undefined)[]): CacheTag[] {
  const ids = [...new Set(organizationIds.filter((id): id is string => !!id))];
  return [kind === 'project' ? PROJECTS_TAG : EVENTS_TAG, ...ids.map(organizationTag)];
}
