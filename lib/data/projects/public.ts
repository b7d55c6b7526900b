// Public reads of projects: every public project once per locale (one cached read, tagged with
// `projects`, the directory and every organization it names), then filtered, counted and searched
// in memory: the network has tens of projects, not thousands, and one read keeps list, facets,
// actor pages and search consistent with each other.
import 'server-only';
import { ENTRIES_TAG, organizationTag } from '@/lib/cache';
import { db } from '@/lib/db';
import { foldWord } from '@/lib/search/normalize';
import { cachedPublicRead } from '../public-cache';
import { loadTranslations, termSelect, toTerm, type LocalizedText, type TermDto } from '../translations';
import { publicContactWhere, publicOrganizationWhere } from '../visibility';
import { PROJECTS_TAG } from './tags';
import { publicProjectWhere } from './visibility';

export type ProjectStatusValue = 'PLANNED' | 'RUNNING' | 'COMPLETED';

interface OrganizationRef {
  id: string;
  slug: string;
  name: string;
}

export interface PublicProject {
  id: string;
  slug: string;
  title: LocalizedText;
  summary: LocalizedText;
  funding: LocalizedText | null;
  results: LocalizedText | null;
  status: ProjectStatusValue;
  // Calendar dates "YYYY-MM-DD"; endsOn null = open end.
  startsOn: string | null;
  endsOn: string | null;
  lead: OrganizationRef & { email: string | null; phone: string | null; website: string | null };
  partners: OrganizationRef[];
  topics: TermDto[];
  targetGroups: TermDto[];
  contact: { role: LocalizedText; name: string | null; email: string | null; phone: string | null } | null;
  updatedAt: string;
}

const day = (value: Date | null) => (value ? value.toISOString().slice(0, 10) : null);
const orgRef = { id: true, slug: true, name: true } as const;

const readPublicProjects = cachedPublicRead(
  async ({ locale }: { locale: string }) => {
    const rows = await db.project.findMany({
      where: publicProjectWhere,
      orderBy: [{ startsOn: { sort: 'desc', nulls: 'last' } }, { title: 'asc' }],
      select: {
        id: true, slug: true, title: true, summary: true, funding: true, results: true, status: true, startsOn: true, endsOn: true, updatedAt: true,
        leadOrganization: { select: { ...orgRef, email: true, phone: true, website: true } },
        partners: { where: { organization: publicOrganizationWhere }, select: { organization: { select: orgRef } } },
        terms: { select: { term: { select: termSelect } } },
        contactPerson: { where: publicContactWhere, select: { id: true, role: true, name: true, email: true, phone: true } },
      },
    });
    const t = await loadTranslations({
      locale,
      entities: [
        { type: 'PROJECT', ids: rows.map((r) => r.id) },
        { type: 'CONTACT_PERSON', ids: rows.flatMap((r) => (r.contactPerson ? [r.contactPerson.id] : [])) },
      ],
    });
    const projects: PublicProject[] = rows.map((row) => {
      const terms = row.terms.map((link) => link.term).sort((a, b) => a.label.localeCompare(b.label, 'de'));
      const optional = (field: 'funding' | 'results') => (row[field] ? t(row.id, field, row[field]!) : null);
      return {
        id: row.id,
        slug: row.slug,
        title: t(row.id, 'title', row.title),
        summary: t(row.id, 'summary', row.summary),
        funding: optional('funding'),
        results: optional('results'),
        status: row.status,
        startsOn: day(row.startsOn),
        endsOn: day(row.endsOn),
        lead: row.leadOrganization,
        partners: row.partners.map((p) => p.organization).sort((a, b) => a.name.localeCompare(b.name, 'de')),
        topics: terms.filter((term) => term.kind === 'TOPIC').map((term) => toTerm(term, locale)),
        targetGroups: terms.filter((term) => term.kind === 'TARGET_GROUP').map((term) => toTerm(term, locale)),
        contact: row.contactPerson
          ? { role: t(row.contactPerson.id, 'role', row.contactPerson.role), name: row.contactPerson.name, email: row.contactPerson.email, phone: row.contactPerson.phone }
          : null,
        updatedAt: row.updatedAt.toISOString(),
      };
    });
    // Tagged with every organization a published project names, shown or not (a hidden lead or
    // partner that becomes public expires its own tag), instead of the whole directory: an edit to
    // one entry must not expire the actor pages of all others (issue 12).
    const linked = await db.project.findMany({
      where: { isPublished: true, deletedAt: null },
      select: { leadOrganizationId: true, partners: { select: { organizationId: true } } },
    });
    const organizationIds = new Set(linked.flatMap((p) => [p.leadOrganizationId, ...p.partners.map((o) => o.organizationId)]));
    return { projects, tags: [PROJECTS_TAG, ENTRIES_TAG, ...[...organizationIds].map(organizationTag)] };
  },
  ['public-projects'],
  (result) => result.tags,
);

export async function listAllPublicProjects(locale: string): Promise<PublicProject[]> {
  return (await readPublicProjects({ locale })).projects;
}

export async function getPublicProject({ slug, locale }: { slug: string; locale: string }): Promise<PublicProject | null> {
  return (await listAllPublicProjects(locale)).find((project) => project.slug === slug) ?? null;
}

/** The projects an organization leads or joins (its actor page), the running ones first. */
export async function listOrganizationProjects({ organizationId, locale }: { organizationId: string; locale: string }): Promise<(PublicProject & { role: 'lead' | 'partner' })[]> {
  const order: Record<ProjectStatusValue, number> = { RUNNING: 0, PLANNED: 1, COMPLETED: 2 };
  return (await listAllPublicProjects(locale))
    .flatMap((project): (PublicProject & { role: 'lead' | 'partner' })[] => {
      if (project.lead.id === organizationId) return [{ ...project, role: 'lead' }];
      if (project.partners.some((p) => p.id === organizationId)) return [{ ...project, role: 'partner' }];
      return [];
    })
    .sort((a, b) => order[a.status] - order[b.status]);
}

// ---------------------------------------------------------------------------------------------
// The /projekte list: filters and their counts

export interface ProjectFilters {
  thema?: string;
  zielgruppe?: string;
  stand?: ProjectStatusValue;
  organisation?: string;
}

export interface FacetOption {
  value: string;
  label: string;
  count: number;
}

type FilterKey = keyof ProjectFilters;

function matches(project: PublicProject, filters: ProjectFilters, except?: FilterKey): boolean {
  if (except !== 'thema' && filters.thema && !project.topics.some((t) => t.slug === filters.thema)) return false;
  if (except !== 'zielgruppe' && filters.zielgruppe && !project.targetGroups.some((t) => t.slug === filters.zielgruppe)) return false;
  if (except !== 'stand' && filters.stand && project.status !== filters.stand) return false;
  if (except !== 'organisation' && filters.organisation && project.lead.slug !== filters.organisation && !project.partners.some((p) => p.slug === filters.organisation)) {
    return false;
  }
  return true;
}

// Each filter's options counted over the projects that match every other filter (so a count says
// what choosing it gives); options that would give nothing are left out.
function facet(projects: PublicProject[], filters: ProjectFilters, key: FilterKey, valuesOf: (p: PublicProject) => { value: string; label: string }[]): FacetOption[] {
  const counts = new Map<string, FacetOption>();
  for (const project of projects) {
    if (!matches(project, filters, key)) continue;
    for (const option of valuesOf(project)) {
      const found = counts.get(option.value) ?? { ...option, count: 0 };
      found.count++;
      counts.set(option.value, found);
    }
  }
  return [...counts.values()].sort((a, b) => a.label.localeCompare(b.label));
}

export async function listPublicProjects({ locale, filters: asked }: { locale: string; filters: ProjectFilters }) {
  const all = await listAllPublicProjects(locale);
  // A value that names nothing public (a hidden organization's slug, a typo) is dropped, so that
  // it is neither applied nor echoed in the page's links.
  const known = (values: string[], value: string | undefined) => (value && values.includes(value) ? value : undefined);
  const filters: ProjectFilters = {
    ...asked,
    thema: known(all.flatMap((p) => p.topics.map((t) => t.slug)), asked.thema),
    zielgruppe: known(all.flatMap((p) => p.targetGroups.map((t) => t.slug)), asked.zielgruppe),
    organisation: known(all.flatMap((p) => [p.lead, ...p.partners].map((o) => o.slug)), asked.organisation),
  };
  return {
    filters,
    projects: all.filter((project) => matches(project, filters)),
    total: all.length,
    facets: {
      thema: facet(all, filters, 'thema', (p) => p.topics.map((t) => ({ value: t.slug, label: t.label }))),
      zielgruppe: facet(all, filters, 'zielgruppe', (p) => p.targetGroups.map((t) => ({ value: t.slug, label: t.label }))),
      stand: facet(all, filters, 'stand', (p) => [{ value: p.status, label: p.status }]),
      organisation: facet(all, filters, 'organisation', (p) => [p.lead, ...p.partners].map((o) => ({ value: o.slug, label: o.name }))),
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Search: the directory's results page shows matching projects in a small section of its own.

/** Projects whose title, summary, topics or target groups (in the visitor's language and in German) contain every word of the query. */
export async function searchPublicProjects({ q, locale, limit = 5 }: { q: string; locale: string; limit?: number }): Promise<PublicProject[]> {
  const words = foldWord(q).split(' ').filter((word) => word.length >= 2);
  if (words.length === 0) return [];
  const all = await listAllPublicProjects(locale);
  const german = locale === 'de' ? null : await listAllPublicProjects('de');
  const germanById = new Map(german?.map((p) => [p.id, p]));
  const haystack = (p: PublicProject) =>
    foldWord([p.title.value, p.summary.value, ...p.topics.map((t) => t.label), ...p.targetGroups.map((t) => t.label), p.lead.name].join(' '));
  const scored = all.flatMap((project) => {
    const text = ` ${haystack(project)} ${germanById.has(project.id) ? haystack(germanById.get(project.id)!) : ''} `;
    if (!words.every((word) => text.includes(word))) return [];
    const title = foldWord(project.title.value);
    return [{ project, score: words.filter((word) => title.includes(word)).length }];
  });
  return scored
    .sort((a, b) => b.score - a.score || a.project.title.value.localeCompare(b.project.title.value))
    .slice(0, limit)
    .map((entry) => entry.project);
}
